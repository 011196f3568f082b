"""Empty input, two policies: a gap ("nothing in scope: ...") or not applicable ("n/a: ...").

When the absence is the deficiency (no capability in the areas asked about, no data
sources), the rule is not met and scores 0. When the criterion judges the quality of
something the chart may rightly lack (SLAs of external parties, integrity of
workflows, spans of control, integration across several lines of business, traits
every CoE must have), it does not apply: n/a, no gap, no level held back. And a
criterion that is not met never scores 1.0 (a gap printed at "score 100%" reads as met).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import cli
from planner.maturity import RULES, RuleResult, assess_all
from planner.maturity.assess import run_rule
from planner.maturity.facts import Facts
from planner.maturity.rules.registry import NOT_APPLICABLE, NOTHING_IN_SCOPE, share
from planner.model import Chart
from planner.store import load_chart
from planner.store.library import load_models

FIXTURES = Path(__file__).parent / "fixtures" / "engagement"
REQUIRED = {"lifecycle": {"phase": "known"}, "pnl_metrics": {"words_any": ["clv"]},
            "any_of": {"rules": [{"rule": "capabilities"}, {"rule": "external_sla"}]},
            "all_of": {"rules": [{"rule": "capabilities"}, {"rule": "external_sla"}]}}
"""Parameters without a default."""
NOT_APPLICABLE_WHEN_EMPTY = {"coe_sla", "data_stewardship", "external_sla", "lob_integration", "single_points_of_failure",
                             "span_of_control", "system_owners", "workflow_integrity"}
"""Rules whose criterion does not apply to a chart without the thing they judge (docs/maturity.md)."""


def chart(**sections) -> Chart:
    return Chart.model_validate({"chart": {"name": "X"}, **sections})


def run(c: Chart, name: str, **params) -> RuleResult:
    return run_rule(Facts(c), name, {**REQUIRED.get(name, {}), **params})


def assert_nothing_in_scope(result: RuleResult) -> None:
    assert not result.passed
    assert result.score == 0.0
    assert result.findings[0].message.startswith(NOTHING_IN_SCOPE), result.findings


def assert_not_applicable(result: RuleResult) -> None:
    assert not result.passed and not result.applicable and result.score == 0.0
    assert result.findings[0].message.startswith(NOT_APPLICABLE), result.findings


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_on_an_empty_chart_is_a_gap_or_not_applicable_as_documented(name):
    result = run(chart(), name)
    if name in NOT_APPLICABLE_WHEN_EMPTY:
        assert_not_applicable(result)
    else:
        assert_nothing_in_scope(result)
        assert result.applicable


def test_share_of_nothing_is_zero():
    assert share(0, 0) == 0.0 and share(1, 2) == 0.5


def test_a_result_that_is_not_met_never_scores_one():
    assert RuleResult(False, 1.0).score < 1.0
    assert RuleResult(True, 1.0).score == 1.0


def test_external_sla_without_external_parties_does_not_apply():
    people = [{"id": "ann", "name": "Ann"}]
    caps = [{"id": "mail", "name": "Mail", "area": "delivery", "accountable": "ann"}]
    result = run(chart(people=people, capabilities=caps), "external_sla")
    assert_not_applicable(result)
    assert "0 of 0" not in result.findings[0].message


def test_workflow_integrity_without_workflows_does_not_apply():
    result = run(chart(people=[{"id": "ann", "name": "Ann"}]), "workflow_integrity")
    assert_not_applicable(result)
    assert "no workflows" in result.findings[0].message


def test_workflow_promising_an_output_without_steps_scores_zero():
    wf = [{"id": "w", "name": "Report", "outputs": ["report"], "steps": []}]
    result = run(chart(workflows=wf), "workflow_integrity")
    assert not result.passed and result.score == 0.0


def test_single_points_of_failure_without_people_does_not_apply():
    assert_not_applicable(run(chart(), "single_points_of_failure"))


def test_span_of_control_without_reporting_lines_does_not_apply():
    people = [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}]
    assert_not_applicable(run(chart(people=people), "span_of_control"))


def test_cross_lob_view_with_one_unnamed_line_does_not_apply():
    data = [{"id": "x", "name": "X", "kind": "operational_crm"}]
    result = run(chart(data=data), "lob_integration")
    assert_not_applicable(result)
    assert "none named" in result.findings[0].message


def test_a_single_line_business_is_not_held_back_by_cross_line_criteria():
    people = [{"id": "ann", "name": "Ann"}]
    teams = [{"id": "t", "name": "T", "lob": "retail"}]
    caps = [{"id": "c", "name": "C", "area": "creation", "accountable": "ann", "lob": ["retail"],
             "practices": ["audience_specific_content"], "systems": ["cms"]}]
    small = chart(people=people, teams=teams, capabilities=caps, systems=[{"id": "cms", "name": "CMS"}],
                  data=[{"id": "x", "name": "X", "kind": "operational_crm"}])
    results = assess_all(small, load_models())
    assert results["engagement"].result("engagement.3.cross-lob-view").status == "n/a"
    assert results["engagement"].result("engagement.3.cross-lob-view") not in results["engagement"].gaps(5)
    # "for every line of business": one line served is every line there is
    assert results["dcg"].result("dcg.3.audience-specific-content").met


def test_workflows_and_accountability_with_no_capabilities_in_scope():
    for name in ("workflows", "capability_systems", "single_accountable", "lifecycle_coverage", "channels"):
        assert_nothing_in_scope(run(chart(), name))
    assert_nothing_in_scope(run(chart(), "workflows", areas=["service"]))


def test_enterprise_db_without_required_kinds_still_scores_its_kinds():
    data = [{"id": "hub", "name": "Hub", "kind": "enterprise_marketing_db"},
            {"id": "crm", "name": "CRM", "kind": "operational_crm", "feeds": ["hub"]}]
    result = run(chart(data=data), "enterprise_db", min_kinds=2)
    assert not result.passed and result.score == 0.5


def test_empty_chart_meets_no_rule_judged_criterion():
    for result in assess_all(chart(), load_models()).values():
        for r in result.results:
            assert r.score < 1.0 or r.met, r.criterion_id
            if r.rule and not r.answered:
                assert not r.met and r.score == 0.0, r.criterion_id
                first = r.findings[0].message
                assert first.startswith(NOTHING_IN_SCOPE if r.applicable else NOT_APPLICABLE), r.criterion_id
                assert r.status in ("gap", "n/a", "limitation"), r.criterion_id
        assert result.level == 1


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.yaml")) + ["current", "future"], ids=str)
def test_no_unmet_criterion_scores_one_on_shipped_charts_and_fixtures(path):
    from planner.charts import shipped_chart

    source = shipped_chart(path) if isinstance(path, str) else path
    for result in assess_all(load_chart(source), load_models()).values():
        assert all(r.met or r.score < 1.0 for r in result.results)


def test_cli_prints_no_gap_at_one_hundred_percent(runner, tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("chart: {name: X}\n")
    result = runner.invoke(cli, ["assess", str(empty), "--model", "information"])
    assert result.exit_code == 0, result.output
    assert "score 100%" not in result.output
    block = result.output.split("criterion information.1.data-in-use", 1)[1]
    assert block.startswith(", gap, score 0%")
    assert "nothing in scope: no capability" in block.split("- [", 1)[0]
    assert "n/a: information.2.stewarded-data: no data sources" in result.output
