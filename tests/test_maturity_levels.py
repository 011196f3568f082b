"""Scoring: the seed-002 fixtures land on their level; the shipped charts land where the issue asks."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.maturity import assess, assess_all
from planner.store import load_chart
from planner.store.library import builtin_models, load_model, load_models

FIXTURES = Path(__file__).parent / "fixtures" / "engagement"


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_each_fixture_assesses_at_exactly_its_level(level):
    result = assess(load_chart(FIXTURES / f"level{level}.yaml"), load_model("engagement"))
    assert result.level == level
    assert result.level_name == load_model("engagement").level_name(level)
    assert result.next_level == (level + 1 if level < 5 else None)
    # No gap up to the level (limitations and n/a criteria are never gaps); the next level has one.
    assert not any(r.is_gap for r in result.results if r.level <= level)
    assert all(r.met for r in result.results if r.level <= level and r.status not in ("limitation", "n/a"))
    assert bool(result.gaps()) == (level < 5)
    assert set(result.dimension_levels.values()) == {level}


def test_gaps_of_level_one_fixture_are_the_managed_criteria():
    result = assess(load_chart(FIXTURES / "level1.yaml"), load_model("engagement"))
    assert {g.criterion_id for g in result.gaps()} >= {"engagement.2.customer-database", "engagement.2.basic-loyalty"}
    assert all(g.level <= 2 and g.is_gap for g in result.gaps())
    assert result.gaps(level=1) == []


def test_level_scores_fall_from_the_reached_level_upward():
    result = assess(load_chart(FIXTURES / "level3.yaml"), load_model("engagement"))
    assert result.level_scores[1] == result.level_scores[2] == result.level_scores[3] == 1.0
    assert result.level_scores[4] < 1.0
    assert set(result.level_scores) == {1, 2, 3, 4, 5}


def test_answer_only_criterion_is_met_by_an_answer_with_evidence():
    chart = load_chart(FIXTURES / "level4.yaml")
    result = assess(chart, load_model("engagement"))
    culture = result.result("engagement.4.front-office-culture")
    assert culture.met and culture.satisfied_by == "answer"
    assert any("owner" in f.elements for f in culture.findings)
    # Without evidence the same answer does not count, and the level drops.
    key = "engagement.4.front-office-culture"
    bare = chart.answers[key].model_copy(update={"evidence": ""})
    weaker = assess(chart.model_copy(update={"answers": {**chart.answers, key: bare}}), load_model("engagement"))
    assert not weaker.result(key).met
    assert any("no evidence" in f.message for f in weaker.result(key).findings)
    assert weaker.level == 3


def test_an_answer_below_the_threshold_does_not_meet_the_criterion():
    chart = load_chart(FIXTURES / "level4.yaml")
    key = "engagement.4.front-office-culture"
    partly = chart.answers[key].model_copy(update={"answer": "partly"})
    result = assess(chart.model_copy(update={"answers": {**chart.answers, key: partly}}), load_model("engagement"))
    assert not result.result(key).met and result.result(key).score == 0.5
    assert result.level == 3


def test_rule_result_is_reported_as_satisfied_by_rule():
    result = assess(load_chart(FIXTURES / "level3.yaml"), load_model("engagement"))
    seg = result.result("engagement.3.segmentation")
    assert seg.met and seg.satisfied_by == "rule" and seg.score == 1.0
    assert "email" in seg.findings[0].elements


def test_capability_levels_are_the_highest_level_each_capability_evidences():
    chart = load_chart(FIXTURES / "level5.yaml")
    result = assess(chart, load_model("engagement"))
    assert result.capability_levels["email"] == 5
    # the web page evidences no criterion: not assessed (absent), never "level 1"
    assert "site" not in result.capability_levels
    assert result.not_assessed == len(chart.capabilities) - len(result.capability_levels) >= 1
    # the rule behind each level: some met criterion of that level names the capability as evidence
    for cap, level in result.capability_levels.items():
        assert any(r.met and r.level == level and (r.per_capability or {}).get(cap) for r in result.results)
        assert not any(r.met and r.level > level and (r.per_capability or {}).get(cap) for r in result.results)


def test_shipped_current_chart_sits_in_the_middle_with_named_gaps(current_path):
    chart = load_chart(current_path)
    result = assess(chart, load_model("engagement"))
    assert result.level in (2, 3)
    gaps = result.gaps()
    assert gaps, "the current chart must show gaps to the next level"
    people = {p.id for p in chart.people}
    named = {e for g in gaps for f in g.findings for e in f.elements}
    assert named & people, "gaps name the people accountable"


def test_shipped_future_chart_assesses_higher_than_current(current_path, future_path):
    now = assess_all(load_chart(current_path), load_models())
    then = assess_all(load_chart(future_path), load_models())
    assert then["engagement"].level > now["engagement"].level
    assert then["engagement"].level >= 4
    assert all(then[m].level >= now[m].level for m in builtin_models())


def test_assess_all_runs_every_builtin_model_and_accepts_a_chart(current_path):
    chart = load_chart(current_path)
    results = assess_all(chart, load_models())
    assert list(results) == builtin_models() == ["engagement", "dcg", "information", "coe", "lifecycle"]
    for model_id, result in results.items():
        model = load_model(model_id)
        assert 1 <= result.level <= model.max_level
        assert set(result.dimension_levels) == {d.id for d in model.dimensions}
        assert len(result.results) == len(model.criteria)
