"""Catalog files: the schema is current, changes apply as documented, mistakes are located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.errors import ChartError
from planner.roadmap import ChartChange, ProjectionError, catalog_json_schema, load_catalog
from planner.roadmap.changes import apply_changes, chart_data, validated
from planner.store import load_chart

ROOT = Path(__file__).resolve().parents[1]


def test_schema_file_is_current():
    stored = json.loads((ROOT / "planner" / "data" / "catalog.schema.json").read_text())
    assert stored == catalog_json_schema()


def test_every_builtin_option_is_sane():
    for solution in load_catalog().solutions:
        for option in solution.options:
            assert option.effort > 0 and option.duration > 0 and option.cost >= 0


@pytest.fixture
def small(small_chart_path):
    return load_chart(small_chart_path)


def change(data: dict) -> ChartChange:
    return ChartChange.model_validate(data)


def test_match_expressions_and_list_merges(small):
    data = chart_data(small)
    apply_changes(data, [change({
        "add": {"data": [{"id": "hub", "name": "Hub", "kind": "enterprise_marketing_db",
                          "owner": {"match": {"section": "people", "where": {"reports_to": None}, "first": True}}}]},
        "update": [{"section": "data", "where": {"kind": ["subscriber", "operational_crm"]}, "add": {"feeds": ["hub"]}},
                   {"section": "coes", "where": {"sla": None}, "set": {"sla": [{"metric": "on time", "target": 90}]}}],
    })], "test", None)
    chart = validated(data, "test")
    assert chart.data[-1].owner == "ann"
    assert all("hub" in d.feeds for d in chart.data if d.kind in ("subscriber", "operational_crm"))
    assert all(c.sla for c in chart.coes)


def test_removal_moves_references_to_the_successor(small):
    data = chart_data(small)
    apply_changes(data, [change({
        "add": {"systems": [{"id": "cms2", "name": "New CMS", "role": "content"}]},
        "remove": [{"section": "systems", "ids": ["cms"], "replaced_by": "cms2"}],
    })], "test", "rent")
    chart = validated(data, "test")
    assert "cms" not in {s.id for s in chart.systems}
    assert chart.systems[-1].sourcing == "rent"
    assert "cms2" in chart.capabilities[1].systems and "cms2" in chart.systems[0].integrates


def test_broken_change_names_the_solution(small):
    data = chart_data(small)
    apply_changes(data, [change({"add": {"capabilities": [{"id": "x", "name": "X", "area": "delivery"}]}})], "sol", None)
    with pytest.raises(ProjectionError) as info:
        validated(data, "sol")
    assert info.value.solution == "sol" and "accountable" in str(info.value)
    data = chart_data(small)
    added = apply_changes(data, [change({"add": {"people": [{"id": "ann", "name": "Ann"}]}})], "dup", None)
    assert added == ["ann-2"]  # an id the chart uses is never reused: the new element gets a fresh one
    validated(data, "dup")


def test_invalid_added_element_is_located(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("catalog: {name: x}\nsolutions:\n  - id: a\n    name: A\n"
                    "    options: [{sourcing: build, effort: 1, duration: 1}]\n"
                    "    change:\n      add:\n        systems:\n          - {id: s, name: S, sourcing: lease}\n")
    with pytest.raises(ChartError) as info:
        load_catalog(path)
    problem = info.value.problems[0]
    assert problem.line == 9 and "sourcing" in problem.message


RULE_ONLY_WITHOUT_CLOSER = {
    # Depend on the chart's own people (who else can do a job, who reports to whom).
    "coe.3.no-single-point-of-failure",
    "coe.3.span-of-control",
}
"""Rule-only criteria of the built-in models that no built-in solution closes (docs/roadmap.md, Limits).

A roadmap that needs one stops with UnreachableTargetError; every other unclosed
criterion accepts an attested answer and becomes an attest-or-act item."""


def test_rule_only_criteria_without_a_closing_solution_are_the_documented_ones():
    from planner.maturity import builtin_models, load_model

    closers = load_catalog().closers()
    found = {c.id for name in builtin_models() for c in load_model(name).criteria
             if not c.accepts_answer and not closers.get(c.id)}
    assert found == RULE_ONLY_WITHOUT_CLOSER
    docs = (ROOT / "docs" / "roadmap.md").read_text()
    assert all(f"`{criterion}`" in docs for criterion in found)
