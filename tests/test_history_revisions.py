"""The revision reader gives exactly the chart (or the error) ``parse_chart`` gives, reusing unchanged sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.store import parse_chart
from planner.store.revisions import RevisionReader

HERE = Path(__file__).parent
SMALL = (HERE / "fixtures" / "small.yaml").read_text(encoding="utf-8")
ENG3 = (HERE / "calibration" / "eng3-credit-union.yaml").read_text(encoding="utf-8")
SEQUENCE = [
    SMALL,
    SMALL.replace("channels: [email]", "channels: [email, mobile]"),
    SMALL.replace("accountable: cy", "accountable: cyy"),  # dangling reference
    SMALL.replace("name: Cy Park", "name: Cy Park-Lee"),  # one person changed
    SMALL + "targets:\n  lob:\n    consumer: {engagement: 3}\n",
    SMALL.replace("version: 1", "version: 2"),
    SMALL.replace("teams:", "teams:\n  - {id: mkt, name: Duplicate}\nxteams:"),
    "people: [\n",
    SMALL.replace("capabilities:", "capabilities: []\nold_capabilities:"),
    ENG3,
    ENG3.replace("lob: [cards]", "lob: [cards, mortgages]", 1),
    SMALL.replace("fte: 0.5", "fte: 7"),
    "",
]


def test_every_revision_reads_as_parse_chart_reads_it():
    reader = RevisionReader()
    for i, text in enumerate(SEQUENCE):
        got = reader.read(text, f"c.yaml@{i}")
        report = parse_chart(text, f"c.yaml@{i}")
        if report.ok:
            assert got == report.chart, i
        else:
            assert isinstance(got, str) and got.startswith(report.errors[0].format()), i


def test_unchanged_sections_are_reused():
    reader = RevisionReader()
    first = reader.read(SMALL, "a")
    second = reader.read(SMALL.replace("name: Cy Park", "name: Cy Park-Lee"), "b")
    assert second.teams is first.teams and second.capabilities is first.capabilities
    assert second.people is not first.people and second.people[2].name == "Cy Park-Lee"
    # within the changed section, only the changed element is validated again
    assert all(a is b for i, (a, b) in enumerate(zip(first.people, second.people)) if i != 2)
    assert second.people[2] is not first.people[2]
    assert second == parse_chart(SMALL.replace("name: Cy Park", "name: Cy Park-Lee"), "b").chart


@pytest.mark.parametrize("text", ["version: 1\nchart: {name: X}\npeople: null\n", "chart: {name: X}\nchart: {name: Y}\n"])
def test_odd_texts_take_the_ordinary_road(text):
    reader = RevisionReader()
    report = parse_chart(text, "x")
    got = reader.read(text, "x")
    assert (got == report.chart) if report.ok else got.startswith(report.errors[0].format())


def test_history_and_units_import_no_front_end():
    import subprocess
    import sys

    modules = ["planner.history", "planner.store.git_history", "planner.maturity.units", "planner.render.trend_view",
               "planner.render.units_view"]
    code = f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; " \
           "print(','.join(m for m in ('click', 'textual', 'graphviz', 'planner.cli', 'planner.tui') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def _charts():
    return sorted((HERE / "calibration").glob("*.yaml")) + sorted((HERE.parent / "charts").glob("*.yaml")) \
        + sorted((HERE / "fixtures").glob("*.yaml"))


def test_top_level_keys_parsed_apart_read_as_the_whole_text():
    """Every chart we ship or test with, read in one sequence: same chart, or same first error, as parse_chart."""
    reader = RevisionReader()
    for path in _charts():
        text = path.read_text(encoding="utf-8")
        report = parse_chart(text, path.name)
        got = reader.read(text, path.name)
        if report.ok:
            assert got == report.chart, path.name
        else:
            assert isinstance(got, str) and got.startswith(report.errors[0].format()), path.name


@pytest.mark.parametrize("text", [
    "version: 1\nchart:\n  name: A\npeople:\n- {id: a, name: A}\n",  # a sequence at column 0
    "chart: {name: \"A\nB\"}\n",  # a quoted scalar continued at column 0
    "chart:\n  name: A\nchart:\n  name: B\n",  # a duplicate key
    "chart: &c {name: A}\nanswers: *c\n",  # an alias across keys
    "%YAML 1.2\n---\nchart: {name: A}\n",
])
def test_texts_the_split_cannot_read_go_whole(text):
    reader = RevisionReader()
    report = parse_chart(text, "x")
    got = reader.read(text, "x")
    assert (got == report.chart) if report.ok else got.startswith(report.errors[0].format())
