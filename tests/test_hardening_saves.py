"""Saves refuse what they must not replace, say "disk full", keep every backup and leave nothing behind."""

from __future__ import annotations

import errno
import os
import stat
import threading
import time

import pytest

from planner.errors import DiskFullError, NotRegularFileError, ReadOnlyFileError
from planner.store import atomic, backup, load_chart, save_chart, write_atomic
from planner.store.atomic import STALE_AFTER, remove_stale_temporaries
from planner.store.roundtrip import Change, PatchError, save_preserving


@pytest.fixture
def chart_file(tmp_path, small_chart_path):
    path = tmp_path / "chart.yaml"
    path.write_bytes(small_chart_path.read_bytes())
    return path


def test_a_read_only_chart_is_not_replaced(chart_file):
    chart = load_chart(chart_file)
    chart.chart.name = "Renamed"
    before = chart_file.read_bytes()
    chart_file.chmod(0o444)
    with pytest.raises(ReadOnlyFileError, match="is read-only; not replaced"):
        save_chart(chart, chart_file)
    assert chart_file.read_bytes() == before and stat.S_IMODE(chart_file.stat().st_mode) == 0o444
    assert sorted(p.name for p in chart_file.parent.iterdir()) == ["chart.yaml"]


def test_the_editor_save_refuses_a_read_only_file_before_any_fallback(chart_file):
    chart = load_chart(chart_file)
    chart_file.chmod(0o400)
    with pytest.raises(ReadOnlyFileError):
        save_preserving(chart_file, chart, chart_file.read_text(), [Change("chart")], canonical=False)
    assert not list(chart_file.parent.glob("*.bak*"))


@pytest.mark.parametrize("code", [errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)])
def test_a_full_disk_is_reported_as_disk_full(chart_file, monkeypatch, code):
    chart = load_chart(chart_file)
    before = chart_file.read_bytes()

    def full(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DiskFullError) as caught:
        save_chart(chart, chart_file)
    assert str(caught.value).startswith(f"{chart_file}: disk full (")
    assert "the old file is unchanged" in str(caught.value)
    assert chart_file.read_bytes() == before
    assert sorted(p.name for p in chart_file.parent.iterdir()) == ["chart.yaml"]


def test_no_room_for_the_temporary_file_is_disk_full_too(chart_file, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", full)
    with pytest.raises(DiskFullError, match="disk full"):
        write_atomic(chart_file, b"x: 1\n")


def test_a_write_failure_is_not_mistaken_for_a_patch_failure(chart_file, monkeypatch):
    """It was: the editor then asked "save in canonical form?" on a full disk."""
    import planner.store.roundtrip as roundtrip

    def full(path, data, durable=True):
        raise atomic.failure_error(str(path), OSError(errno.ENOSPC, "No space left on device"), "save failed")

    monkeypatch.setattr(roundtrip, "write_atomic", full)
    chart = load_chart(chart_file)
    chart.chart.name = "Renamed"
    with pytest.raises(DiskFullError):
        save_preserving(chart_file, chart, chart_file.read_text(), [Change("chart")], canonical=False)
    with pytest.raises(PatchError):  # a real patch failure still asks first
        save_preserving(chart_file, chart, "not: [a chart", [Change("chart")], canonical=False)


def _canonical_save(path, text: str, name: str):
    chart = load_chart(path)
    chart.chart.name = name
    return save_preserving(path, chart, text, [Change("nonsense-section")])  # the patcher refuses: canonical


def test_every_canonical_rewrite_keeps_its_own_backup(chart_file):
    first_text = chart_file.read_text()
    first = _canonical_save(chart_file, first_text, "Second")
    second_text = chart_file.read_text()
    second = _canonical_save(chart_file, second_text + "# a note\n", "Third")
    assert (first.backup.name, second.backup.name) == ("chart.yaml.bak", "chart.yaml.bak.1")
    assert first.backup.read_text() == first_text  # the older backup is never overwritten
    assert second.backup.read_text() == second_text + "# a note\n"
    assert stat.S_IMODE(first.backup.stat().st_mode) == stat.S_IMODE(chart_file.stat().st_mode)


def test_backups_are_still_kept_apart_without_hard_links(chart_file, monkeypatch):
    (chart_file.parent / "chart.yaml.bak").write_text("older\n")

    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(backup.os, "link", no_links)
    written = backup.write_backup(chart_file, b"newer\n")
    assert written.name == "chart.yaml.bak.1" and written.read_text() == "newer\n"
    assert (chart_file.parent / "chart.yaml.bak").read_text() == "older\n"
    assert not list(chart_file.parent.glob(".*.tmp"))


def test_temporary_files_a_killed_save_left_are_removed_after_a_day(chart_file):
    folder = chart_file.parent
    old, fresh = folder / ".chart.yaml.ab12cd34.tmp", folder / ".chart.yaml.zz99yy88.tmp"
    other = folder / ".notes.txt.tmp"  # not our pattern
    for path in (old, fresh, other):
        path.write_bytes(b"partial")
    ancient = time.time() - STALE_AFTER - 60
    os.utime(old, (ancient, ancient))
    os.utime(other, (ancient, ancient))
    (folder / ".dir.abcdefgh.tmp").mkdir()
    save_chart(load_chart(chart_file), chart_file)
    assert not old.exists()
    assert fresh.exists() and other.exists() and (folder / ".dir.abcdefgh.tmp").is_dir()


def test_stale_temporaries_are_judged_by_age_not_by_name_alone(tmp_path):
    path = tmp_path / ".x.yaml.abcdefgh.tmp"
    path.write_bytes(b"")
    assert remove_stale_temporaries(tmp_path) == []
    assert remove_stale_temporaries(tmp_path, now=time.time() + STALE_AFTER + 1) == [path.name]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_saving_onto_a_fifo_is_refused_without_blocking(tmp_path, small_chart_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    chart = load_chart(small_chart_path)
    outcome = []

    def save():
        try:
            save_chart(chart, fifo)
        except Exception as exc:  # noqa: BLE001  (whatever it is, the test reports it below)
            outcome.append(exc)

    worker = threading.Thread(target=save, daemon=True)
    worker.start()
    worker.join(timeout=120)  # a watchdog, not a measurement: a blocked save would hang the suite
    if worker.is_alive():
        os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # release the reader
        pytest.fail("save_chart blocked on a FIFO")
    assert len(outcome) == 1 and isinstance(outcome[0], NotRegularFileError)
    assert "is a FIFO (named pipe), not a regular file" in str(outcome[0])
    assert stat.S_ISFIFO(fifo.stat().st_mode)
