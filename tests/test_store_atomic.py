"""Saving is atomic: a failed save leaves the old file whole; mode and symlinks survive."""

from __future__ import annotations

import os
import stat

import pytest

from planner.errors import FileAccessError
from planner.store import load_chart, save_chart, write_atomic


def test_a_write_failing_midway_leaves_the_old_file_whole(tmp_path, monkeypatch, small_chart_path):
    path = tmp_path / "chart.yaml"
    original = small_chart_path.read_bytes()
    path.write_bytes(original)
    chart = load_chart(path)
    chart.chart.name = "Renamed"

    real_fsync = os.fsync
    calls = []

    def failing_fsync(fd):
        calls.append(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(FileAccessError) as caught:
        save_chart(chart, path)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert calls, "the failure was injected during the write"
    assert "old file is unchanged" in str(caught.value)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["chart.yaml"]  # no temporary file left behind


def test_mode_is_kept(tmp_path, small_chart_path):
    path = tmp_path / "chart.yaml"
    path.write_bytes(small_chart_path.read_bytes())
    path.chmod(0o640)
    save_chart(load_chart(path), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_symlinked_chart_stays_a_symlink(tmp_path, small_chart_path):
    target = tmp_path / "real.yaml"
    target.write_bytes(small_chart_path.read_bytes())
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    chart = load_chart(link)
    chart.chart.name = "Through the link"
    save_chart(chart, link)
    assert link.is_symlink()
    assert load_chart(target).chart.name == "Through the link"


def test_new_files_get_the_usual_mode_not_0600(tmp_path):
    path = write_atomic(tmp_path / "new.yaml", b"x: 1\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileAccessError) as caught:
        write_atomic(tmp_path / "no-such-folder" / "x.yaml", b"x")
    assert "no-such-folder" in str(caught.value)


def test_saving_through_a_file_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file.yaml"
    blocker.write_text("x")
    with pytest.raises(FileAccessError) as caught:
        write_atomic(blocker / "x.yaml", b"x")
    assert "is not a folder" in str(caught.value)


def test_regenerable_outputs_skip_fsync_but_still_replace_atomically(tmp_path, monkeypatch):
    path = tmp_path / "view.svg"
    path.write_bytes(b"old")
    calls = []
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd))
    write_atomic(path, b"new", durable=False)
    assert calls == [] and path.read_bytes() == b"new"
    write_atomic(path, b"newer")
    assert len(calls) == 2  # the file, then its folder
    assert [p.name for p in tmp_path.iterdir()] == ["view.svg"]
