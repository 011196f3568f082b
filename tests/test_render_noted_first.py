"""A view far too large for a slide is laid out once, with its footnote: the same file and the same fit."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from planner.cli import render_cmd
from planner.graph import ChartGraph
from planner.model import DEFAULT_MODEL, Chart
from planner.render import RenderOptions
from planner.render.output import render_bytes
from planner.render.slide import Fit, measure, title_alone, without_note
from planner.synthetic import synthetic_chart_data

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


@pytest.fixture(scope="module")
def chart() -> Chart:
    return Chart.model_validate(synthetic_chart_data(1500, seed=5))


def _plain_then_noted(graph, view: str) -> tuple[bytes, Fit | None]:
    """What render did before: lay out the plain picture, measure it, then the footnoted one."""
    options = RenderOptions()
    fit = measure(render_bytes(render_cmd.view_dot(graph, view, options, DEFAULT_MODEL), "svg"))
    noted = render_cmd.view_dot(graph, view, replace(options, note=render_cmd._note(graph, view)), DEFAULT_MODEL)
    return render_bytes(noted, "svg"), fit


@pytest.mark.parametrize(("view", "once"), [("org", True), ("flows", False), ("capabilities", True)])
def test_the_file_and_the_fit_are_those_of_two_layouts(chart, view, once, tmp_path, monkeypatch):
    """Org and capabilities at 1,500 elements are far off the rule: laid out once. The flows view is
    within reach of it: laid out as before (the footnoted layout reused when it is the one)."""
    layouts: list[str] = []
    monkeypatch.setattr(render_cmd, "render_bytes", lambda text, fmt: layouts.append(text) or render_bytes(text, fmt))
    written, fit = render_cmd.write_fitted(ChartGraph(chart), view, tmp_path / "v.svg", RenderOptions(), DEFAULT_MODEL)
    svg, plain = _plain_then_noted(ChartGraph(chart), view)
    assert fit is not None and not fit.ok
    assert (written.read_bytes(), fit) == (svg, plain)
    big = [text for text in layouts if "->" in text]
    assert (len(big) == 1) is once  # else the title bands alone


def test_title_bands_tell_the_height_without_the_note(chart):
    graph = ChartGraph(chart)
    plain = render_cmd.view_dot(graph, "org", RenderOptions(), DEFAULT_MODEL)
    noted = render_cmd.view_dot(graph, "org", RenderOptions(note="A footnote\nof two lines."), DEFAULT_MODEL)
    fits = [measure(render_bytes(text, "svg")) for text in (plain, noted, title_alone(plain), title_alone(noted))]
    assert all(fits)
    assert fits[3].height > fits[2].height  # the note takes room in the title band
    assert without_note(fits[1], fits[2], fits[3]) == fits[0]


def test_a_title_wider_than_the_picture_cannot_tell():
    noted, title = Fit(500, 800, 9), Fit(600, 120, 9)
    assert without_note(noted, Fit(500, 100, 9), title) is None
    assert without_note(Fit(900, 800, 9), Fit(500, 100, 10), Fit(600, 120, 9)) is None  # the note's text is smaller
    assert without_note(Fit(900, 800, 9), Fit(500, 100, 9), title) == Fit(900, 780, 9)
