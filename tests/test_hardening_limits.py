"""Input limits: each refuses with a clear located message before the work starts, and each can be changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import cli
from planner.errors import LimitError
from planner.store import Limits, parse_chart
from planner.store.limits import ENV, parse_size, read_bytes

HEAD = "version: 1\nchart:\n  name: T\n"
README = Path(__file__).resolve().parent.parent / "README.md"


def _people(n: int, name: str = "P") -> str:
    return HEAD + "people:\n" + "".join(f"  - {{id: p{i}, name: {name}}}\n" for i in range(n))


def test_every_limit_is_documented_in_the_readme_with_its_variable_and_default():
    text = README.read_text(encoding="utf-8")
    defaults = Limits()
    assert "## Input limits" in text
    for variable in ENV.values():
        assert variable in text, variable
    assert "200 MB" in text and f"{defaults.max_depth} levels" in text and "100,000 characters" in text
    assert f"{defaults.max_int_digits} digits" in text and "1,000,000 elements" in text


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch, runner):
    path = tmp_path / "big.yaml"
    path.write_text(_people(100))
    monkeypatch.setenv("PLANNER_MAX_FILE_SIZE", "1KB")
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    size = path.stat().st_size
    assert result.stderr.strip() == (f"{path}: error: is {size:,} bytes, over the limit of 1,024 bytes for one file "
                                     f"(raise it with PLANNER_MAX_FILE_SIZE=SIZE or --max-file-size)")


def test_the_size_limit_option_applies_to_one_run_only(tmp_path, runner):
    path = tmp_path / "big.yaml"
    path.write_text(_people(100))
    refused = runner.invoke(cli, ["--max-file-size", "1KB", "check", str(path)])
    assert refused.exit_code == 2 and "over the limit of 1,024 bytes" in refused.stderr
    assert "PLANNER_MAX_FILE_SIZE" not in os.environ
    assert runner.invoke(cli, ["check", str(path)]).exit_code == 0


@pytest.mark.parametrize("text, size", [("200MB", 200 * 1024 ** 2), ("1.5GB", int(1.5 * 1024 ** 3)), ("800kb", 819200),
                                        ("5000", 5000)])
def test_sizes_read_with_their_units(text, size):
    assert parse_size(text) == size


def test_a_bad_limit_setting_is_one_line(tmp_path, monkeypatch, runner):
    path = tmp_path / "c.yaml"
    path.write_text(_people(1))
    monkeypatch.setenv("PLANNER_MAX_DEPTH", "deep")
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "planner: error: PLANNER_MAX_DEPTH: 'deep' is not a positive whole number"
    usage = runner.invoke(cli, ["--max-file-size", "lots", "check", str(path)])
    assert usage.exit_code == 2 and "is not a size like 200MB" in usage.stderr


def test_block_nesting_that_crashes_the_fast_parser_is_refused_first(tmp_path):
    """``- - - ...`` 50,000 deep killed the process (segmentation fault) inside the fast YAML parser."""
    path = tmp_path / "deep.yaml"
    path.write_text(HEAD + "answers:\n  - " + "- " * 50_000 + "a\n")
    run = subprocess.run([sys.executable, "-m", "planner", "check", str(path)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 1, run.stderr
    assert run.stdout.strip() == (f"{path}:5:3: error: nested more than 64 levels deep "
                                  f"(the limit; PLANNER_MAX_DEPTH changes it)")


def test_block_nesting_by_indentation_is_measured_and_the_limit_can_be_raised(monkeypatch):
    deep = HEAD + "answers:\n" + "".join(" " * (2 * i + 2) + f"k{i}:\n" for i in range(70)) + " " * 142 + "v: 1\n"
    refused = parse_chart(deep)
    assert [(p.line, p.code) for p in refused.problems] == [(68, "limit")] and refused.chart is None
    monkeypatch.setenv("PLANNER_MAX_DEPTH", "100")
    assert all(p.code != "limit" for p in parse_chart(deep).problems)


def test_ordinary_deep_indentation_of_text_is_not_nesting():
    literal = HEAD + "  description: |\n" + "".join(" " * 40 + f"line {i}\n" for i in range(80))
    assert parse_chart(literal).ok


def test_a_long_text_value_is_refused_at_its_place_and_the_limit_can_be_raised(monkeypatch):
    text = _people(2).replace("name: P}\n", "name: " + "x" * 100_001 + "}\n", 1)
    report = parse_chart(text)
    assert [(p.line, p.col, p.message) for p in report.problems] == [
        (5, 20, "a text of 100,001 characters, over the limit of 100,000 (PLANNER_MAX_STRING changes it)")]
    monkeypatch.setenv("PLANNER_MAX_STRING", "200000")
    assert parse_chart(text).ok


def test_a_long_line_of_short_values_is_fine():
    members = ", ".join(f"p{i}" for i in range(20_000))
    text = _people(20_000) + f"coes:\n  - {{id: c, name: C, lead: p0, members: [{members}]}}\n"
    assert len(text.splitlines()[-1]) > 100_000 and parse_chart(text).ok


def test_digits_over_the_limit_in_numbers_not_in_quoted_text():
    number = "1" + "0" * 30
    refused = parse_chart(_people(1).replace("name: P}", f"name: P, fte: {number}}}"))
    assert [(p.line, p.message) for p in refused.problems] == [
        (5, "a number of 31 digits, over the limit of 30 (PLANNER_MAX_INT_DIGITS changes it)")]
    assert parse_chart(_people(1).replace("name: P}", f"name: P, title: '{number}'}}")).ok


def test_element_count_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setenv("PLANNER_MAX_ELEMENTS", "2")
    report = parse_chart(_people(3))
    assert report.chart is None
    assert [p.format() for p in report.problems] == [
        "<chart>:1:1: error: 3 elements, over the limit of 2 (PLANNER_MAX_ELEMENTS changes it)"]


def test_a_file_bigger_than_it_claims_is_cut_off_at_the_limit():
    """``/proc`` files say size 0; a read without a bound is how ``/dev/zero`` exhausted memory."""
    if not os.path.exists("/proc/self/maps"):
        pytest.skip("no /proc here")
    with pytest.raises(LimitError, match="grew while being read past the limit of 100 bytes"):
        read_bytes("/proc/self/maps", Limits(max_file_size=100))
