"""The per-chart shortcuts of the lifecycle, contribution and combining rules give what the plain computations give.

The lifecycle states of every phase read in one pass over the capabilities, and the
contributions repeated per contributor in C, each against a plain loop, on synthetic
charts with the odd cases they lack (a capability covering no phase, contributors named
twice, a repeated capability id).
"""

from __future__ import annotations

import pytest

from planner.maturity.facts import Facts
from planner.maturity.rules.combine import _merge_evidence
from planner.maturity.rules.coverage import contributions
from planner.maturity.rules.lifecycle import STAGES, _phase_index
from planner.maturity.rules.registry import RuleResult
from planner.model import Chart
from planner.synthetic import synthetic_chart_data

PHASES = ("suspect", "prospect", "known", "profiled", "customerized")


def odd_chart(n: int, seed: int, repeat_id: bool = False) -> Chart:
    data = synthetic_chart_data(n, seed=seed)
    caps, orgs = data["capabilities"], data["orgs"]
    caps[0]["phases"] = {}
    caps[1]["phases"] = {"customerized": "III", "suspect": "I", "known": "II"}
    caps[2]["contributors"] = [orgs[0]["id"], orgs[1]["id"], orgs[0]["id"]]
    caps[3]["contributors"] = []
    if repeat_id:
        caps[4]["id"] = caps[5]["id"]
    return Chart.model_validate(data)


@pytest.fixture(scope="module", params=[(300, 1, False), (2500, 7, False), (600, 3, True)])
def chart(request) -> Chart:
    return odd_chart(*request.param)


def test_every_phase_read_in_one_pass(chart):
    facts = Facts(chart)
    for phase in PHASES:
        scope = [c for c in chart.capabilities if phase in c.phases]
        assert facts.caps_in_phase.get(phase, []) == scope
        assert _phase_index(facts, phase) == (scope, [c.id for c in scope], [STAGES[c.phases[phase]] for c in scope])
    assert sum(map(len, facts.caps_in_phase.values())) == sum(len(c.phases) for c in chart.capabilities) > 0


def test_contributions_repeated_per_contributor(chart):
    caps, ids, orgs = [], [], []
    for cap in chart.capabilities:
        for org in cap.contributors:
            caps.append(cap)
            ids.append(cap.id)
            orgs.append(org)
    found = contributions(Facts(chart))
    assert found == (caps, ids, orgs) and orgs  # the chart has some: the test can fail
    assert all(a is b for a, b in zip(found[0], caps))


def test_evidence_merged_as_the_plain_filter_merges_it():
    """A verdict of only True values is merged as it is; any other is filtered; the order is the marking order."""
    every = RuleResult(True, 1.0, [], dict.fromkeys(["c3", "c1", "c2"], True))
    mixed = RuleResult(True, 1.0, [], {"c9": False, "c1": True, "c7": True, "c4": False})
    failed = RuleResult(False, 0.0, [], {"c5": True})
    for results in ([every, mixed, failed], [mixed, every], [failed], [every]):
        plain: dict[str, bool] = {}
        for r in results:
            if r.passed and r.per_capability:
                plain.update((k, True) for k, v in r.per_capability.items() if v)
        merged = _merge_evidence(results)
        assert merged == (plain or None) and list(merged or ()) == list(plain)
    assert list(_merge_evidence([mixed, every]) or ()) == ["c1", "c7", "c3", "c2"]
