"""The shared facts' and the rules' faster paths give what the plain, element-by-element ones give.

Scopes cut from the capabilities' areas, answers read from indexes instead of
fetching each element, SLA gaps sought only among exposed organizations, workflows
read step by step only when a set test finds one amiss, phases counted without
gathering their capabilities: each is checked here against a plain computation, on
charts of two sizes with some of their structure broken so that the slow branches run too.
"""

from __future__ import annotations

import pytest

from planner.maturity import assess_all
from planner.maturity.assess import capability_levels, run_rule
from planner.maturity.facts import Facts
from planner.maturity.rules.coe import HAS, CompleteParams, _covered
from planner.maturity.rules.coverage import contributing
from planner.maturity.rules.integration import _reaching
from planner.maturity.rules.lifecycle import STAGES
from planner.maturity.rules.sla_gaps import _contribution_gaps
from planner.maturity.rules.structure import _workflow_problems
from planner.model import Chart
from planner.store.library import load_models
from planner.synthetic import synthetic_chart_data

AREA_SETS = [(), ("creation",), ("measurement", "management"), ("sales", "service", "delivery"), ("nowhere",)]


def broken(n: int, seed: int) -> dict:
    """A synthetic chart with gaps: organizations without contracts, stray artifacts, capabilities without
    an accountable person, one accountable who is a team."""
    data = synthetic_chart_data(n, seed=seed)
    for org in data["orgs"][::3]:
        org["contracts"] = []
    for org in data["orgs"][1::5]:
        for k in org["contracts"]:
            k["covers"] = [c["id"] for c in data["capabilities"][:40]]
    for wf in data["workflows"][::4]:
        wf["steps"][0]["inputs"].append("nobody makes this")
        wf["steps"][-1]["outputs"].append("nobody reads this")
    for cap in data["capabilities"][::7]:
        cap.pop("accountable", None)
    data["capabilities"][1]["accountable"] = data["teams"][0]["id"]
    return data


@pytest.fixture(scope="module", params=[(400, 1), (2500, 7)])
def chart(request) -> Chart:
    return Chart.model_validate(broken(*request.param))


def plain(facts: Facts, **forced) -> Facts:
    """Facts made to take the plain paths (the answers of ``ids_unique`` and ``caps_unique`` forced)."""
    facts.__dict__.update(forced)
    return facts


def test_scopes_are_the_capabilities_of_the_areas(chart):
    facts = Facts(chart)
    assert facts.ids_unique and facts.caps_unique
    for areas in AREA_SETS:
        expected = [c for c in chart.capabilities if not areas or c.area in areas]
        scope, ids = facts.scope(areas)
        assert scope == expected and facts.scope_ids(areas) == [c.id for c in expected] and ids == {c.id for c in expected}
        assert Facts(chart).scope_ids(areas) == [c.id for c in expected]  # asked for the ids first
        for skip in (set(), {c.id for c in expected[::2]}):
            head = [c for c in expected if c.id not in skip][:7]
            assert facts.first_not_in(skip, areas, 7) == (head, [c.id for c in head])


def test_capabilities_in_chart_order_whichever_way_they_are_found(chart):
    facts = Facts(chart)
    for areas in AREA_SETS[:4]:
        scope = facts.scope(areas)[0]
        for share in (0, 0.05, 0.3, 0.4, 0.9, 1):
            ids = {c.id for c in scope[::-1][: int(len(scope) * share)]}
            assert facts.in_chart_order(ids, areas) == [c for c in scope if c.id in ids]


def test_repeated_capability_ids_keep_one_scope_entry_per_id():
    data = synthetic_chart_data(300, seed=2)
    data["capabilities"].append({**data["capabilities"][3], "id": data["capabilities"][0]["id"], "name": "Twin"})
    facts = Facts(Chart.model_validate(data))
    assert not facts.caps_unique and not facts.ids_unique
    for areas in AREA_SETS[1:]:
        scope, ids = facts.scope(areas)
        assert [c.id for c in scope] == facts.scope_ids(areas) and len(scope) == len(ids)


@pytest.mark.parametrize(("name", "params", "forced"), [
    ("single_accountable", {}, {"ids_unique": False}),
    ("area_systems", {}, {"ids_unique": False}),
    ("data_sources", {"used_by_areas": ["measurement", "sales"]}, {"caps_unique": False}),
])
def test_index_answers_are_the_element_by_element_ones(chart, name, params, forced):
    fast, slow = run_rule(Facts(chart), name, params), run_rule(plain(Facts(chart), **forced), name, params)
    assert fast == slow
    assert fast.per_capability is None or list(fast.per_capability) == list(slow.per_capability or {})


@pytest.mark.parametrize("coe_only", [False, True])
def test_contribution_gaps_are_the_contribution_by_contribution_ones(chart, coe_only):
    facts = Facts(chart)
    coe_caps = {c for coe in chart.coes for c in coe.capabilities} if coe_only else None
    checked, gaps = 0, []
    for cap in contributing(facts):
        if coe_caps is None or cap.id in coe_caps:
            for org in cap.contributors:
                checked += 1
                if not _covered(facts, org, cap.id, *facts.workflows_of_cap.get(cap.id, ()), *cap.systems):
                    gaps.append((org, cap.id))
    found = _contribution_gaps(Facts(chart), coe_caps)
    assert gaps and found[0] == checked and [ids for _, ids in found[1]] == gaps


def test_workflow_problems_are_the_artifact_by_artifact_ones(chart):
    facts = Facts(chart)
    steps, missing, orphans = 0, [], []
    for wf in chart.workflows:
        produced = {a for s in wf.steps for a in s.outputs}
        consumed = {a for s in wf.steps for a in s.inputs}
        for s in wf.steps:
            steps += 1
            missing += [(wf.id, s.id, s.by) for a in s.inputs if a not in produced | set(wf.inputs)]
            orphans += [(wf.id, s.id, s.by) for a in s.outputs if a not in consumed and a not in wf.outputs]
        missing += [(wf.id,) for a in wf.outputs if a not in produced]
    found = _workflow_problems(facts)
    assert missing and orphans
    assert (found[0], [ids for _, ids in found[1]], [ids for _, ids in found[2]]) == (steps, missing, orphans)


def test_partners_and_providers_are_the_capability_by_capability_ones(chart):
    facts = Facts(chart)
    kinds = {o.id: o.kind for o in chart.orgs}
    for words in ([], ["segmentation", "personalization"]):
        def practised(c, words=words):
            return not words or not facts.practices[c.id].isdisjoint(words)
        orgs = [o for c in chart.capabilities if practised(c) for o in c.contributors if kinds.get(o) in ("partner", "agency")]
        result = run_rule(facts, "partners", {"kinds": ["partner", "agency"], "practices_any": words})
        assert list(result.findings[0].elements) == list(dict.fromkeys(orgs))
        people = [x for c in chart.capabilities if c.area == "creation" and practised(c)
                  for x in ([c.accountable] if c.accountable else []) + c.responsible + c.contributors]
        result = run_rule(facts, "content_providers", {"practices_any": words})
        assert list(result.findings[0].elements) == list(dict.fromkeys(people))[:20]


def test_complete_coes_are_the_trait_by_trait_ones(chart):
    facts = Facts(chart)
    for params in ({"parts": ["sla", "lead", "workflows"]}, {"parts": ["plan", "capabilities"], "min_plan_years": 2},
                   {"parts": ["sla", "workflows"], "all_coes": True, "scopes": ["internal"]}):
        p = CompleteParams(**params)
        coes = [c for c in chart.coes if not p.scopes or c.scope in p.scopes]
        complete = [c.id for c in coes if all(HAS[part](facts, c, p) for part in p.parts)]
        assert run_rule(facts, "coe_complete", params).findings[0].elements == tuple(complete)


def test_lifecycle_counts_and_names_the_capabilities_at_the_state(chart):
    facts = Facts(chart)
    for phase in ("suspect", "known"):
        for stage in ("I", "III"):
            scope = [c for c in chart.capabilities if phase in c.phases]
            good = [c for c in scope if STAGES[c.phases[phase]] >= STAGES[stage]]
            result = run_rule(facts, "lifecycle", {"phase": phase, "stage": stage})
            assert result.findings[0].message.startswith(f"{len(good)} of {len(scope)} capabilities")
            assert result.findings[0].elements == tuple(c.id for c in good[:20])
            assert result.per_capability == {c.id: c in good for c in scope}


def test_reaching_is_the_system_by_system_search(chart):
    facts = Facts(chart)
    links = {s.id: {o for o in s.integrates if o != s.id} for s in chart.systems}
    for s, near in list(links.items()):
        for o in near:
            links.setdefault(o, set()).add(s)
    role = {s.id: s.role for s in chart.systems}
    for wanted in ("record", "engagement"):
        reached = set()
        for start in links:
            group, todo = {start}, [start]
            while todo:
                todo = [n for x in todo for n in links[x] if n not in group]
                group.update(todo)
            if len(group) > 1 and any(role.get(x) == wanted for x in group):
                reached.add(start)
        assert _reaching(facts, wanted) == reached


def test_capability_levels_are_the_level_by_level_updates(chart):
    facts = Facts(chart)
    for assessment in assess_all(facts, load_models()).values():
        best: dict[str, int] = {}
        for r in sorted((r for r in assessment.results if r.per_capability and r.met), key=lambda r: r.level):
            best.update((k, r.level) for k, ok in r.per_capability.items() if ok)
        expected = {c.id: best[c.id] for c in chart.capabilities if c.id in best}
        found = capability_levels(facts, assessment.results)
        assert list(found.items()) == list(expected.items())
