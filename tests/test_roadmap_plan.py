"""plan() on the shipped chart and on small catalogs: advice, errors, projection, constraints."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.errors import CycleError, PlannerError, UnknownNameError
from planner.maturity import assess
from planner.model import check_integrity
from planner.roadmap import (
    AmbiguousNameError,
    Catalog,
    Commitment,
    ConstraintError,
    Constraints,
    InvalidConstraintError,
    TargetReachedError,
    UnreachableTargetError,
    apply,
    parse_target,
    plan,
)
from planner.store import load_chart
from planner.store.library import load_catalog, load_model


@pytest.fixture(scope="module")
def current():
    from planner.charts import shipped_chart

    return load_chart(shipped_chart("current"))


@pytest.fixture(scope="module")
def next_level(current, default_model, catalog):
    return plan(current, default_model, "next", catalog)


def test_builtin_catalog_is_rich_and_cites_the_seeds(catalog):
    assert len(catalog.solutions) >= 20
    assert all(s.source and s.options and s.description for s in catalog.solutions)
    names = " ".join(s.name.lower() for s in catalog.solutions)
    for topic in ("personalization", "web analytics", "automation", "search", "localization", "commerce", "crm",
                  "social", "content management", "marketing database", "slas", "partner", "blueprint", "policy"):
        assert topic in names, topic


def test_next_level_puts_foundations_first(next_level):
    assert next_level.current_level == 2 and next_level.target.level == 3
    steps = {s.id: s for s in next_level.steps}
    assert "engagement-owner" not in steps  # the chart's CMO is accountable for its management capability
    assert steps["marketing-database"].finish_week <= steps["customer-value-scoring"].start_week
    closed = {c for s in next_level.steps for c in s.closes}
    assert closed == {g.criterion for g in next_level.gaps}


def test_projected_future_assesses_at_the_target(current, next_level):
    future = apply(current, next_level)
    assert future.chart.state == "future"
    assert not [p for p in check_integrity(future) if p.severity == "error"]
    assert assess(future, load_model("engagement")).level >= 3
    assert next_level.reached
    levels = [p.level for p in next_level.trajectory]
    assert levels[0] == 2 and levels[-1] == 3 and levels == sorted(levels)


def test_apply_per_phase_lands_finished_work_only(current, next_level):
    first = apply(current, next_level, 1)
    ids = {e.id for _, e in first.iter_elements()}
    assert "p-engagement-lead" not in ids  # the chart's own lead is reused, never a new "Head of" role
    assert "ds-marketing-db" not in ids  # finishes in phase 2
    assert apply(current, next_level, 0) == current


def test_makespan_is_reported_beside_its_bound(next_level):
    assert next_level.makespan >= next_level.lower_bound.value > 0
    assert next_level.lower_bound.critical_path > 0 and next_level.lower_bound.effort > 0


def test_capacity_and_budget_stretch_or_shrink_the_plan(current, default_model, catalog):
    small = plan(current, default_model, "next", catalog, Constraints(capacity=1))
    large = plan(current, default_model, "next", catalog, Constraints(capacity=8))
    assert small.makespan > large.makespan
    poor = plan(current, default_model, "next", catalog, Constraints(capacity=8, budget=130000))
    assert poor.makespan >= large.makespan
    for phase in poor.phases:
        assert phase.cost <= 130000


def test_effort_objective_buys_instead_of_building(current, default_model, catalog):
    cheap = plan(current, default_model, "next", catalog, Constraints(objective="cost"))
    quick = plan(current, default_model, "next", catalog, Constraints(objective="effort"))
    assert quick.total_effort < cheap.total_effort
    assert quick.total_cost > cheap.total_cost


def test_committed_solution_is_not_planned_again(current, default_model, catalog):
    busy = Constraints(committed=(Commitment("owner search", weeks=6, people=0.5, solution="engagement-owner"),))
    result = plan(current, default_model, "next", catalog, busy)
    owner = result.step("engagement-owner")
    assert owner.committed
    assert result.step("marketing-database").start_week >= 6


def test_targets_by_number_name_and_dimension(current):
    model = load_model("engagement")
    assert parse_target("4", model, 2).level == 4
    assert parse_target("Adaptive", model, 2).level == 4
    assert parse_target("next", model, 2).level == 3
    assert parse_target("data=adaptive", model, 2).dimensions == (("data", 4),)
    with pytest.raises(UnknownNameError):
        parse_target("9", model, 2)
    assert parse_target("ad hoc", model, 2).level == 1
    assert parse_target("Initial/AD HOC", model, 2).level == 1
    assert parse_target("initial", model, 2).level == 1
    with pytest.raises(AmbiguousNameError) as info:  # Information mavericks, Information silos
        parse_target("information", load_model("information"), 1)
    assert "1 (Information mavericks), 2 (Information silos)" in str(info.value)
    with pytest.raises(TargetReachedError):
        parse_target("next", model, 5)
    per_dim = plan(current, model, "data=4", load_catalog())
    assert {g.dimension for g in per_dim.gaps} == {"data"}


@pytest.mark.parametrize("target", [1, 2, "data=2", "data=1,programs=2"])
def test_target_already_held_is_nothing_to_do(current, target, default_model, catalog):
    with pytest.raises(TargetReachedError) as info:
        plan(current, default_model, target, catalog)
    assert "nothing to do" in str(info.value) and isinstance(info.value, PlannerError)


def test_criterion_no_solution_closes_is_named(current):
    with pytest.raises(UnreachableTargetError) as info:
        plan(current, load_model("coe"), "next", tiny_catalog())  # closes nothing of the coe model
    assert "coe.2.workflow-integrity" in info.value.criteria


def tiny_catalog(requires_a=(), requires_b=("a",)) -> Catalog:
    option = {"sourcing": "build", "effort": 2, "duration": 2, "cost": 1000}
    return Catalog.model_validate({"catalog": {"name": "tiny"}, "solutions": [
        {"id": "a", "name": "A", "requires": list(requires_a), "options": [option],
         "satisfies": ["engagement.3.loyalty-rewards"]},
        {"id": "b", "name": "B", "requires": list(requires_b), "options": [option],
         "satisfies": ["engagement.3.customer-value-reference", "engagement.3.consistent-outcomes"]},
    ]})


def test_prerequisite_cycle_lists_the_cycle(current, default_model):
    with pytest.raises(CycleError) as info:
        plan(current, default_model, "next", tiny_catalog(requires_a=("b",)))
    assert info.value.cycle[0] == info.value.cycle[-1]
    assert set(info.value.cycle) == {"a", "b"}


def test_budget_below_every_option_names_the_solution(current, default_model, catalog):
    with pytest.raises(ConstraintError) as info:
        plan(current, default_model, "next", catalog, Constraints(budget=5000))
    assert info.value.solution


def test_catalog_claims_the_projection_completes_from_the_rules(current, default_model):
    result = plan(current, default_model, "next", tiny_catalog())  # tiny solutions change nothing; the rules say what must hold
    assert result.reached is True and not any("still misses" in w for w in result.warnings)



@pytest.mark.parametrize("kwargs, name", [
    ({"capacity": float("nan")}, "capacity"), ({"capacity": float("inf")}, "capacity"), ({"capacity": 0}, "capacity"),
    ({"budget": float("nan")}, "budget"), ({"budget": float("inf")}, "budget"), ({"budget": -1}, "budget"),
    ({"phase_weeks": 0}, "phase length"), ({"phase_weeks": 2.5}, "phase length"),
    ({"phase_weeks": float("nan")}, "phase length"), ({"objective": "speed"}, "objective"),
])
def test_constraints_out_of_range_are_refused_when_made(kwargs, name):
    with pytest.raises(InvalidConstraintError) as info:
        Constraints(**kwargs)
    assert isinstance(info.value, PlannerError)
    assert info.value.name == name
    message = str(info.value)
    assert message.startswith(f"{name} must be") and "\n" not in message


def test_constraints_in_range_are_kept():
    constraints = Constraints(capacity=0.5, budget=0, phase_weeks=6.0)
    assert constraints.phase_weeks == 6 and isinstance(constraints.phase_weeks, int)


def test_plan_assesses_the_chart_without_building_a_graph(current, monkeypatch, default_model, catalog):
    import importlib

    import planner.graph
    import planner.maturity

    plan_module = importlib.import_module("planner.roadmap.plan")  # the attribute is the function
    project = importlib.import_module("planner.roadmap.project")

    def no_graph(chart):
        raise AssertionError("plan() built a networkx graph; assess() takes the chart")

    for module in (planner.graph, plan_module, project):
        monkeypatch.setattr(module, "build_graph", no_graph, raising=False)
    calls = []
    real = planner.maturity.assess
    monkeypatch.setattr(planner.maturity, "assess", lambda chart, model: calls.append(chart) or real(chart, model))
    result = plan(current, default_model, "next", catalog)
    assert len(calls) == len(result.phases) + 1  # phase 0 reuses the chart's own assessment
    assert calls[0] is current and result.trajectory[0].level == result.current_level


def empty_chart():
    from planner.model import Chart, ChartInfo

    return Chart(chart=ChartInfo(name="New"))


@pytest.mark.parametrize("model", ["engagement", "dcg", "information", "coe", "lifecycle"])
def test_a_new_chart_gets_entry_points_to_level_2(model):
    result = plan(empty_chart(), load_model(model), "next", load_catalog())
    assert result.current_level == 1 and result.target.level == 2
    assert result.steps, "level 1 to 2 has real entry points: an email service, a customer database, a loyalty card..."
    assert result.reached_once_attested
    closers = load_catalog().closers()
    planned = {s.id for s in result.steps}
    for item in result.attest:
        assert item.question and item.who and item.evidence
        prepared = [c.id for c in closers.get(item.criterion, ()) if c.id in planned]
        assert not closers.get(item.criterion) or any(p in item.evidence for p in prepared)


def test_answering_the_attest_items_reaches_the_target():
    from planner.model import Answer

    chart = load_chart(Path(__file__).parent / "calibration" / "coe1-specialty-foods.yaml")
    # information standards: only a person can vouch for them
    result = plan(chart, load_model("information"), "next", load_catalog())
    assert result.attest and result.reached is False and result.reached_once_attested
    future = apply(chart, result)
    answered = future.model_copy(update={"answers": {**future.answers, **{
        g.criterion: Answer(answer="yes", evidence="observed") for g in result.attest}}})
    assert assess(answered, load_model("information")).level >= result.target.level
    data = result.to_dict()
    assert data["attest"][0]["question"] and data["attest"][0]["who"] and data["reached_once_attested"] is True


def test_attest_items_a_planned_solution_requires_name_it():
    option = {"sourcing": "build", "effort": 2, "duration": 2, "cost": 1000}
    catalog = Catalog.model_validate({"catalog": {"name": "tiny"}, "solutions": [
        {"id": "tiers", "name": "Tiers", "options": [option], "requires_criteria": ["engagement.2.basic-loyalty"],
         "satisfies": ["engagement.3.loyalty-rewards", "engagement.3.segment-targeting"]}]})
    result = plan(empty_chart(), load_model("engagement"), "programs=3", catalog)
    assert [s.id for s in result.steps] == ["tiers"]
    loyalty = next(g for g in result.attest if g.criterion == "engagement.2.basic-loyalty")
    assert loyalty.required_by == ("tiers",)


def test_rule_only_criterion_nothing_closes_is_still_unreachable(current):
    with pytest.raises(UnreachableTargetError) as info:
        plan(current, load_model("coe"), "next", tiny_catalog())
    # rule-only criteria: an answer cannot meet them, so they stay unreachable
    assert "coe.2.workflow-integrity" in info.value.criteria


def test_the_projection_repairs_the_hand_offs_workflow_mapping_documents(current):
    # the chart's own workflows have missing inputs and orphan outputs
    roadmap = plan(current, load_model("coe"), "next", load_catalog())
    assert "workflow-mapping" in {s.id for s in roadmap.steps}
    assert roadmap.reached_once_attested and not any("still misses" in w for w in roadmap.warnings)


def test_a_chart_kept_in_another_currency_is_told_that_costs_are_the_catalogs(current, next_level, default_model, catalog):
    """Costs are never converted silently: a chart in GBP planned with the USD catalog gets a warning."""
    assert current.chart.currency == "USD" and not any("currency" in w for w in next_level.warnings)
    in_pounds = current.model_copy(update={"chart": current.chart.model_copy(update={"currency": "GBP"})})
    roadmap = plan(in_pounds, default_model, "next", catalog)
    assert roadmap.currency == "USD"
    assert any("costs are in USD" in w and "chart's GBP" in w for w in roadmap.warnings)
