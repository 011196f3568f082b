"""Catalog files: the schema is current, changes apply as documented, mistakes are located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.errors import ChartError
from planner.roadmap import ChartChange, ProjectionError, catalog_json_schema
from planner.roadmap.changes import apply_changes, chart_data, validated
from planner.store import load_chart
from planner.store.library import builtin_models, load_catalog, load_model

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


def test_every_criterion_of_every_builtin_model_is_closed_or_attested_by_nature():
    """Coverage: a solution closes each capability criterion (by id or by its rule), or only a person can answer it."""
    from planner.roadmap.fit import fitted

    catalog = load_catalog()
    for name in builtin_models():
        model = load_model(name)
        closers = fitted(catalog, model, None).closers()
        for c in model.criteria:
            if c.required and not closers.get(c.id):
                assert c.evidence == "answer", c.id  # culture, an investment board: attest-or-act by nature


def test_a_solution_requiring_a_criterion_it_closes_is_a_located_cycle(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("catalog: {name: x}\nsolutions:\n  - id: a\n    name: A\n"
                    "    requires_criteria: [engagement.3.segmentation]\n    satisfies: [engagement.3.segmentation]\n"
                    "    options: [{sourcing: build, effort: 1, duration: 1}]\n")
    with pytest.raises(ChartError) as info:
        load_catalog(path)
    assert "requires engagement.3.segmentation, which it closes itself" in info.value.problems[0].message
