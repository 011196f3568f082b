"""Maturity per unit: lines of business and teams judged on their own part of the chart, with targets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planner.cli import cli
from planner.graph import build_graph
from planner.maturity.units import Unit, assess_units, scope_capabilities, unit_chart, units_of
from planner.model import Chart
from planner.model.integrity import check_integrity
from planner.render import RenderOptions, to_dot
from planner.render.units_view import UnitsInput, units_dot
from planner.store import load_chart, parse_chart
from planner.store.library import load_model, load_models

CALIBRATION = Path(__file__).parent / "calibration"
WHOLESALER = CALIBRATION / "held-info2-wholesaler.yaml"
BANK = CALIBRATION / "coe4-retail-bank.yaml"
CREDIT_UNION = CALIBRATION / "eng3-credit-union.yaml"
TARGETS = """targets:
  lob:
    trade: {engagement: 2}
    consumer: {engagement: 3, engagement.data: 2}
    retail: {engagement: 2}
"""


def levels(matrix, model: str) -> dict[str, int]:
    return {r.unit.id: r.assessments[model].level for r in matrix.units}


def test_lines_with_different_evidence_get_different_levels(runner):
    """The wholesaler's consumer line runs a card scheme; its trade line has no loyalty programme at all."""
    result = runner.invoke(cli, ["assess", str(WHOLESALER), "--by", "lob", "--format", "json"])
    assert result.exit_code == 0, result.output
    units = {u["id"]: u for u in json.loads(result.output)["units"]}
    assert set(units) == {"trade", "consumer"}
    assert units["trade"]["models"]["engagement"]["level"] == 1
    assert units["consumer"]["models"]["engagement"]["level"] == 2
    assert "engagement.2.basic-loyalty" in units["trade"]["models"]["engagement"]["gaps"]
    assert "engagement.2.basic-loyalty" not in units["consumer"]["models"]["engagement"]["gaps"]
    chart = load_chart(WHOLESALER)
    assert "cardscheme" in scope_capabilities(chart, Unit("lob", "consumer", "consumer"))
    assert "cardscheme" not in scope_capabilities(chart, Unit("lob", "trade", "trade"))


def test_bank_deposits_line_is_behind_on_coe_maturity():
    matrix = assess_units(load_chart(BANK), "lob", [load_model("coe")])
    assert levels(matrix, "coe") == {"deposits": 2, "cards": 4, "lending": 4}


def test_credit_union_lines_differ_in_scope_but_share_their_level_3_evidence():
    """Cards and mortgages each have a capability of their own, but segmentation, the member view and the
    campaigns that make level 3 serve both lines: same engagement level, as the calibration intends."""
    chart = load_chart(CREDIT_UNION)
    assert [u.id for u in units_of(chart, "lob")] == ["cards", "mortgages"]
    cards = scope_capabilities(chart, Unit("lob", "cards", "cards"))
    mortgages = scope_capabilities(chart, Unit("lob", "mortgages", "mortgages"))
    assert "rewards" in cards - mortgages and "mortgage-advice" in mortgages - cards
    matrix = assess_units(chart, "lob", [load_model("engagement")])
    assert levels(matrix, "engagement") == {"cards": 3, "mortgages": 3}


def test_shared_capabilities_can_be_left_out():
    chart = load_chart(CREDIT_UNION)
    unit = Unit("lob", "cards", "cards")
    with_shared, without = scope_capabilities(chart, unit), scope_capabilities(chart, unit, shared=False)
    assert without < with_shared
    assert all(c.lob == [] for c in chart.capabilities if c.id in with_shared - without)


@pytest.mark.parametrize("path", [WHOLESALER, BANK, CREDIT_UNION, CALIBRATION / "coe5-outsourced-network.yaml"])
def test_a_unit_chart_is_referentially_whole(path):
    """What a unit's elements refer to is in its sub-chart (or the reference is left out): the roadmap can apply
    changes to it and check it like any chart."""
    chart = load_chart(path)
    for unit in units_of(chart, "lob") + units_of(chart, "team"):
        sub = unit_chart(chart, unit)
        assert [p.message for p in check_integrity(sub) if p.severity == "error"] == [], unit
        assert {c.id for c in sub.capabilities} == scope_capabilities(chart, unit)
        for coe in sub.coes:
            assert set(coe.capabilities) <= {c.id for c in sub.capabilities}
        assert sub.answers == chart.answers


def test_team_scope_includes_sub_teams():
    chart = load_chart(CREDIT_UNION)
    marketing = scope_capabilities(chart, Unit("team", "mkt", "Marketing"))
    brand = scope_capabilities(chart, Unit("team", "brand", "Brand and Content"))
    assert brand and brand < marketing


def test_targets_mark_units_below_them_and_unknown_units_are_noted(runner, tmp_path):
    chart_file = tmp_path / "pennant.yaml"
    chart_file.write_text(WHOLESALER.read_text(encoding="utf-8") + TARGETS, encoding="utf-8")
    chart = load_chart(chart_file)
    matrix = assess_units(chart, "lob", [load_model("engagement")])
    trade, consumer = matrix.units
    assert trade.below_target("engagement") and consumer.below_target("engagement")
    assert consumer.target("engagement", "data") == 2 and not consumer.below_target("engagement", "data")
    assert consumer.target("engagement", "culture") == 3  # the model's target stands for each dimension
    assert matrix.notes == ["targets: lob 'retail' is not a line of business of this chart"]
    result = runner.invoke(cli, ["assess", str(chart_file), "--by", "lob", "--model", "engagement"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines() if line.startswith(("trade", "cons"))}
    assert rows["trade"][2] == "1!2" and rows["consumer"][2] == "2!3"
    assert "note: targets: lob 'retail'" in result.output


def test_a_bad_target_is_a_located_error(tmp_path):
    bad = WHOLESALER.read_text(encoding="utf-8") + "targets:\n  division:\n    trade: {engagement: 0}\n"
    report = parse_chart(bad, "bad.yaml")
    assert not report.ok
    found = {p.loc: p.format() for p in report.errors}
    assert found[("targets", "division")].startswith("bad.yaml:364:5: error: division: Input should be 'lob' or 'team'")
    assert "greater than or equal to 1" in found[("targets", "division", "trade", "engagement")]


def test_units_heat_map_marks_below_target_cells(tmp_path):
    chart_file = tmp_path / "pennant.yaml"
    chart_file.write_text(WHOLESALER.read_text(encoding="utf-8") + TARGETS, encoding="utf-8")
    data = UnitsInput.of(assess_units(load_chart(chart_file), "lob", load_models(["engagement", "dcg"])))
    dot = units_dot(data)
    assert "1 \u25bc 2" in dot and "2 \u25bc 3" in dot
    assert dot.count('BORDER="3"') == 8  # trade: level and 3 dimensions; consumer: level and 3 (data meets 2)
    assert "Black frame" in dot and "trade" in dot and "consumer" in dot


def test_units_view_without_an_assessment_says_how_to_get_one():
    graph = build_graph(load_chart(WHOLESALER))
    dot = to_dot(graph, "units", RenderOptions())
    assert "planner assess --by lob -o FILE" in dot


@pytest.mark.needs_dot
def test_assess_by_team_draws_the_heat_map(runner, tmp_path):
    out = tmp_path / "teams.svg"
    result = runner.invoke(cli, ["assess", str(CREDIT_UNION), "--by", "team", "--model", "engagement", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Maturity per team" in result.output and out.read_text().startswith("<?xml")
    assert shutil.which("dot")


def test_a_chart_without_lines_of_business(runner, small_chart_path):
    chart = Chart.model_validate({"chart": {"name": "X"}})
    assert assess_units(chart, "lob", load_models()).units == []
    result = runner.invoke(cli, ["assess", str(small_chart_path), "--by", "lob", "--model", "engagement"])
    assert result.exit_code == 0 and "consumer" in result.output


def test_chart_for_unit_names_lines_then_teams():
    from planner.errors import UnknownNameError
    from planner.maturity.units import chart_for_unit

    chart = load_chart(CREDIT_UNION)
    assert chart_for_unit(chart, "cards").chart.name.endswith("/ line of business cards")
    assert chart_for_unit(chart, "team:cards").chart.name.endswith("/ team Card Services")
    with pytest.raises(UnknownNameError, match="choose from lob:cards, lob:mortgages"):
        chart_for_unit(chart, "lob:retail")


def test_roadmap_for_one_unit(runner):
    bad = runner.invoke(cli, ["roadmap", str(WHOLESALER), "--unit", "retail"])
    assert bad.exit_code == 2 and "unknown unit 'retail'" in bad.output
    trade = runner.invoke(cli, ["roadmap", str(WHOLESALER), "--unit", "trade", "--format", "json"])
    consumer = runner.invoke(cli, ["roadmap", str(WHOLESALER), "--unit", "lob:consumer", "--format", "json"])
    assert trade.exit_code == 0 and consumer.exit_code == 0, trade.output + consumer.output
    assert json.loads(trade.output)["current_level"] == 1 and json.loads(consumer.output)["current_level"] == 2


def test_many_units_stay_a_table():
    """Twelve teams against five models: each row is its own table, so no label passes Graphviz's size limit."""
    dot = units_dot(UnitsInput.of(assess_units(load_chart(CREDIT_UNION), "team", load_models())))
    assert dot.count("<TABLE") >= 13  # the header, twelve rows (and the legend)
    assert "Member Data and Marketing Sys" in dot and "Culture and" in dot


def _cells_by_row(svg: str) -> dict[tuple[float, float], list[tuple[float, float]]]:
    """The x extents of the drawn table cells, grouped by the cell's vertical extent (one group per row)."""
    import re

    rows: dict[tuple[float, float], set[tuple[float, float]]] = {}
    for points in re.findall(r'<polygon [^>]*points="([^"]+)"', svg):
        xy = [tuple(map(float, p.split(","))) for p in points.split()]
        xs, ys = [x for x, _ in xy], [y for _, y in xy]
        rows.setdefault((min(ys), max(ys)), set()).add((min(xs), max(xs)))
    return {k: sorted(v) for k, v in rows.items()}


@pytest.mark.needs_dot
def test_render_draws_the_unit_heat_map_with_aligned_columns(runner, tmp_path):
    chart_file = tmp_path / "pennant.yaml"
    chart_file.write_text(WHOLESALER.read_text(encoding="utf-8") + TARGETS, encoding="utf-8")
    out = tmp_path / "units.svg"
    result = runner.invoke(cli, ["render", str(chart_file), "--view", "units", "--model", "engagement", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "--model only applies" not in result.output
    svg = out.read_text(encoding="utf-8")
    assert "planner assess --by lob" not in svg  # the map itself, not a pointer to it
    assert "trade" in svg and "consumer" in svg and "1 \u25bc 2" in svg and "2 \u25bc 3" in svg
    assert "1 Initial / ad hoc" in svg  # one model: the legend names its levels
    six = [cells for cells in _cells_by_row(svg).values() if len(cells) == 6]  # name, level, four dimensions
    assert len(six) == 3  # the column names, trade, consumer
    assert six[0] == six[1] == six[2]


@pytest.mark.needs_dot
def test_every_column_name_fits_its_cell_for_every_built_in_model():
    """Cells have a fixed size so the rows line up: a name too wide or too tall for its cell ran over the
    border (Graphviz only warns). Five models side by side hold the longest names (accountabilities)."""
    import subprocess

    data = UnitsInput.of(assess_units(load_chart(CREDIT_UNION), "lob", load_models()))
    done = subprocess.run(["dot", "-Tsvg", "-o", "/dev/null"], input=units_dot(data).encode(), capture_output=True,
                          check=True)
    assert "too small" not in done.stderr.decode()
    assert "Processes<BR/>and<BR/>accountabilities" in units_dot(data)  # the longest word: set smaller, not cut


def test_render_by_team_when_the_chart_names_no_line_of_business(tmp_path):
    from planner.cli.units_out import units_input

    chart = load_chart(CREDIT_UNION)
    bare = chart.model_copy(update={"capabilities": [c.model_copy(update={"lob": []}) for c in chart.capabilities],
                                    "teams": [t.model_copy(update={"lob": ""}) for t in chart.teams],
                                    "data": [d.model_copy(update={"lob": ""}) for d in chart.data]})
    data = units_input(bare, "engagement")
    assert data.by == "team" and data.units
    tops = [t.id for t in chart.teams if not t.parent]
    assert {u for u, _, _ in data.units} <= {t.id for t in chart.teams if t.parent in tops or t.id in tops}


def test_a_units_data_keeps_every_feeder_of_its_line_however_it_was_reached():
    """A shared source feeding the line's data also feeds a shared source fed in turn: both feeders belong
    to the unit. The second was missed when only the data first found had its feeders looked up."""
    chart = Chart.model_validate({
        "chart": {"name": "Feeds"},
        "teams": [{"id": "t", "name": "T", "lob": "a"}],
        "people": [{"id": "p", "name": "P", "team": "t"}],
        "capabilities": [{"id": "c", "name": "C", "area": "delivery", "accountable": "p", "lob": ["a"]}],
        "data": [
            {"id": "d0", "name": "D0", "kind": "analytic_data_mart", "lob": "a"},
            {"id": "s1", "name": "S1", "kind": "analytic_data_mart", "feeds": ["d0", "d2"]},
            {"id": "d2", "name": "D2", "kind": "analytic_data_mart"},
            {"id": "s3", "name": "S3", "kind": "analytic_data_mart", "feeds": ["d2"]},
            {"id": "other", "name": "Other line", "kind": "analytic_data_mart", "lob": "b", "feeds": ["d2"]},
        ],
    })
    sub = unit_chart(chart, Unit("lob", "a", "a"))
    assert {d.id for d in sub.data} == {"d0", "s1", "d2", "s3"}
    assert not [p for p in check_integrity(sub) if p.severity == "error"]
