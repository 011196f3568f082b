"""Files of the wrong kind, encoding or type, and command options past the calendar: one line, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import cli
from planner.store import read_chart

CATALOG = Path(__file__).resolve().parent.parent / "planner" / "data" / "catalog.yaml"
SMALL = "version: 1\nchart:\n  name: T\npeople:\n  - {id: ann, name: Ann}\n"


def _one_line_error(result, *parts: str) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and all(p in lines[0] for p in parts), lines
    return lines[0]


@pytest.mark.parametrize("command", [["models", "{path}"], ["roadmap", "--model", "{path}"]])
def test_a_chart_given_as_a_model_is_named_a_chart(runner, current_path, command):
    line = _one_line_error(runner.invoke(cli, [a.format(path=current_path) for a in command]),
                           "this is a chart file, not a maturity model")
    assert line.startswith(f"{current_path}:1:1: error:") and "did you mean" not in line


def test_a_model_given_as_a_chart_is_named_a_model(runner):
    model = CATALOG.parent / "models" / "coe.yaml"
    result = runner.invoke(cli, ["check", str(model)])
    assert result.exit_code == 1
    assert result.stdout.strip() == f"{model}:1:1: error: this is a maturity model file, not a chart (give it with --model)"


def test_a_catalog_given_as_a_model_is_named_a_catalog(runner):
    _one_line_error(runner.invoke(cli, ["models", str(CATALOG)]), "this is a solution catalog file, not a maturity model")


def _catalog_with(tmp_path, old: str, new: str) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(CATALOG.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


def test_duplicate_catalog_ids_read_as_duplicates_not_as_requiring_themselves(runner, tmp_path):
    path = _catalog_with(tmp_path, "  - id: marketing-database", "  - id: engagement-owner")
    result = runner.invoke(cli, ["roadmap", "--catalog", str(path)])
    assert result.exit_code == 2
    assert "duplicate solution id 'engagement-owner'" in result.stderr
    assert "requires itself" not in result.stderr


def test_a_catalog_naming_an_unknown_criterion_is_refused_at_that_line(runner, tmp_path):
    path = _catalog_with(tmp_path, "satisfies: [information.1.named-accountable", "satisfies: [information.1.no-such-thing")
    result = runner.invoke(cli, ["roadmap", "--catalog", str(path)])
    assert result.exit_code == 2
    line = next(x for x in result.stderr.splitlines() if "no-such-thing" in x)
    number = next(n for n, x in enumerate(path.read_text().splitlines(), 1) if "no-such-thing" in x)
    assert line.startswith(f"{path}:{number}:") and "'engagement-owner' satisfies names unknown criterion" in line


def test_a_catalog_naming_an_unknown_model_is_refused(runner, tmp_path):
    path = _catalog_with(tmp_path, "satisfies: [information.1.named-accountable", "satisfies: [nomodel.1.x")
    result = runner.invoke(cli, ["roadmap", "--catalog", str(path)])
    assert result.exit_code == 2 and "of unknown model 'nomodel'" in result.stderr


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", False), ("utf-16-be", False), ("utf-16", True),
                                           ("utf-32", True)])
def test_utf16_and_utf32_are_named_and_refused(runner, tmp_path, encoding, bom):
    path = tmp_path / "wide.yaml"
    path.write_bytes(SMALL.replace("Ann}", "Ann, team: nope}").encode(encoding))
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    expected = f"it is {encoding[:6].upper()} ({'with' if bom else 'without'} a byte order mark); save it as UTF-8"
    assert result.stderr.strip() == f"{path}: error: not UTF-8 text: {expected}"


def test_a_utf8_bom_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SMALL.replace("Ann}", "Ann, team: nope}").encode())
    report = read_chart(path)
    assert [(p.line, p.col, p.id) for p in report.problems] == [(5, 32, "nope")]


def test_a_device_is_refused_without_reading_it(runner):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    result = runner.invoke(cli, ["check", "/dev/zero"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "/dev/zero: error: is a character device, not a regular file; only regular files are read"


def _run_with_watchdog(args: list[str]) -> subprocess.CompletedProcess:
    """The installed command in a child process: a read blocking on a FIFO would hang, not fail, otherwise."""
    try:
        return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"planner {' '.join(args)} blocked")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", [["check"], ["assess"], ["edit"]])
def test_a_fifo_is_refused_without_blocking(tmp_path, command):
    fifo = tmp_path / "chart.yaml"
    os.mkfifo(fifo)
    run = _run_with_watchdog([*command, str(fifo)])
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "is a FIFO (named pipe), not a regular file" in run.stderr


@pytest.mark.parametrize("option", [["--capacity", "1e-9"], ["--phase-weeks", "1000000"], ["--start", "9999-12-01"]])
def test_a_roadmap_past_year_9999_is_a_clear_error(runner, option):
    _one_line_error(runner.invoke(cli, ["roadmap", *option]), "the schedule does not fit in the calendar",
                    "after 9999-12-31")
