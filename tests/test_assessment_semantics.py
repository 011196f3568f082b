"""What the assessment promises on realistic charts: one gap list, a heat map that follows its
legend's rule, and no criterion met by practice tags alone (issue: assessments a consultant signs)."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.graph import build_graph  # noqa: E402
from planner.maturity import assess, assess_all  # noqa: E402
from planner.maturity.evidence import BACKING  # noqa: E402
from planner.model import Chart  # noqa: E402
from planner.model.vocabulary import KNOWN_PRACTICES  # noqa: E402
from planner.render import HeatInput, RenderOptions, to_dot  # noqa: E402
from planner.roadmap.model import Target  # noqa: E402
from planner.roadmap.plan import unmet  # noqa: E402
from planner.store import load_chart  # noqa: E402
from planner.store.library import builtin_models, load_catalog, load_model, load_models  # noqa: E402
from planner.tui.core.live import assess_summary  # noqa: E402
from scripts.calibration import chart_paths  # noqa: E402

CHARTS = chart_paths()
CATALOG = load_catalog()


@pytest.fixture(scope="module")
def charts():
    return {p.name: load_chart(p) for p in CHARTS}


@pytest.mark.parametrize("path", CHARTS, ids=[p.stem for p in CHARTS])
def test_assess_live_panel_and_roadmap_list_the_same_gaps(path, charts):
    chart = charts[path.name]
    for model in builtin_models():
        result = assess(chart, load_model(model))
        reported = [g.criterion_id for g in result.gaps()]
        live = assess_summary(chart, model, top=10_000)
        assert [g.criterion_id for g in live.gaps] == reported and live.gap_count == len(reported)
        if result.next_level is not None:
            planned = unmet(result, Target(result.next_level, (), "next"), CATALOG)
            assert [g.criterion for g in planned] == reported, (path.name, model)
        # every gap lies at or below the next level, and nothing else unmet and required is left out
        assert all(g.level <= (result.next_level or 0) for g in result.gaps())
        left_out = [r.criterion_id for r in result.results
                    if r.is_gap and r.level <= (result.next_level or 0) and r.criterion_id not in reported]
        assert not left_out


LEVEL_IN_CELL = re.compile(r"<B>(?P<name>(?:[^<]|<BR/>)+)</B></FONT><BR/>"
                           r"<FONT[^>]*>(?P<level>Level (?P<n>\d)[^<]*|not assessed)</FONT>")


@pytest.mark.parametrize("path", CHARTS, ids=[p.stem for p in CHARTS])
def test_heat_map_cells_follow_the_legend_rule(path, charts):
    """A cell shows the highest level of a met criterion naming that capability as evidence; grey otherwise."""
    chart = charts[path.name]
    graph = build_graph(chart)
    for model in ("engagement", "dcg"):
        result = assess(chart, load_model(model))
        expected = {}
        for r in result.results:
            if r.met and r.satisfied_by == "rule":
                for cap, ok in (r.per_capability or {}).items():
                    if ok:
                        expected[cap] = max(expected.get(cap, 0), r.level)
        dot = to_dot(graph, "heatmap", RenderOptions(heat=HeatInput.from_assessment(result)))
        names = {c.name: c.id for c in chart.capabilities}
        seen = 0
        for m in LEVEL_IN_CELL.finditer(dot):
            cap = names.get(html.unescape(m.group("name").replace("<BR/>", " ")))
            assert cap is not None, m.group("name")
            seen += 1
            shown = int(m.group("n")) if m.group("n") else None
            assert shown == expected.get(cap), (path.name, model, cap, shown, expected.get(cap))
        assert seen, "no capability cell found in the heat map"
        assert f"Overall: Level {result.level}" in dot


def _structureless(chart: Chart, practices: list[str]) -> Chart:
    caps = [c.model_copy(update={"practices": practices, "systems": [], "data": [], "contributors": []})
            for c in chart.capabilities]
    return chart.model_copy(update={"capabilities": caps, "workflows": [], "answers": {}})


@pytest.mark.parametrize("path", CHARTS, ids=[p.stem for p in CHARTS])
def test_no_criterion_is_met_by_practice_tags_alone(path, charts):
    """Strip the structure behind the capabilities; then tagging every known practice changes nothing."""
    bare = _structureless(charts[path.name], [])
    tagged = _structureless(charts[path.name], sorted(KNOWN_PRACTICES))
    before, after = assess_all(bare, load_models()), assess_all(tagged, load_models())
    for model in before:
        met_before = {r.criterion_id for r in before[model].results if r.met}
        met_after = {r.criterion_id for r in after[model].results if r.met}
        assert met_after == met_before, (model, sorted(met_after - met_before))
        assert after[model].level == before[model].level


def test_tags_that_need_backing_are_reported_as_claims(charts):
    tagged = _structureless(charts["eng2-regional-retailer.yaml"], sorted(BACKING))
    result = assess(tagged, load_model("engagement"))
    claimed = [r for r in result.results if r.status == "claimed"]
    assert claimed and all(r.claims and "claimed, not evidenced" in r.claims[0].message for r in claimed)


def test_a_level_five_operation_without_mass_email_stays_at_five(charts):
    chart = charts["eng5-streaming-anticipative.yaml"]
    result = assess(chart, load_model("engagement"))
    mass = result.result("engagement.2.mass-communication")
    assert result.level == 5 and mass.status == "superseded" and mass.met
    assert not any("mass_email" in c.practices or "direct_marketing" in c.practices for c in chart.capabilities)


def test_limitations_never_hold_a_level_back(charts):
    for chart in charts.values():
        for result in assess_all(chart, load_models()).values():
            for r in result.results:
                if r.kind == "limitation":
                    assert r.status == "limitation" and not r.is_gap and r not in result.gaps(result.max_level)


def test_the_seven_marketing_database_sources_are_asked_for():
    from planner.maturity.rules.data import MARKETING_DB_SOURCE_KINDS

    criterion = load_model("information").criteria
    complete = next(c for c in criterion if c.id == "information.4.complete-enterprise-database")
    assert tuple(complete.params["every_source_of"]) == MARKETING_DB_SOURCE_KINDS
