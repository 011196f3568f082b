"""The assessment's faster indexes give what the capability-by-capability computations give.

Claims judged per word with set operations, business functions computed only for the
capabilities a rule still asks about, the nearest candidates picked without a heap,
and the SLA cover of an organization read once: each is checked here against the
plain version on charts of several shapes, including one whose capability ids repeat
(a chart assessed with ``--lenient`` keeps both).
"""

from __future__ import annotations

import heapq

import pytest

from planner.maturity.evidence import BACKING
from planner.maturity.facts import Facts
from planner.maturity.rules.coe import _covered
from planner.maturity.rules.matching import PRECURSORS, CapabilityParams, nearest
from planner.model import Chart
from planner.synthetic import synthetic_chart_data


@pytest.fixture(scope="module", params=[(400, 1), (2500, 7)])
def chart(request) -> Chart:
    n, seed = request.param
    return Chart.model_validate(synthetic_chart_data(n, seed=seed))


def plain_claims(facts: Facts) -> dict[str, dict[str, list[str]]]:
    """Every tag judged on its own capability by :meth:`Backing.missing`, in chart and tag order."""
    found: dict[str, dict[str, list[str]]] = {}
    for c in facts.capabilities:
        shape = (bool(c.systems), c.id in facts.workflows_of_cap, bool(c.contributors),
                 facts.data_kinds_of_cap[c.id], facts.channels[c.id])
        for word in c.practices:
            if word in BACKING and (lacks := BACKING[word].missing(*shape)):
                found.setdefault(c.id, {})[word] = lacks
    return found


def test_claims_by_sets_are_the_claims_one_by_one(chart):
    facts = Facts(chart)
    assert facts.caps_unique
    fast, plain = facts.claims, plain_claims(facts)
    assert fast and list(fast.items()) == list(plain.items())  # same claims, same order
    assert all(list(fast[c]) == list(plain[c]) for c in plain)


def test_repeated_capability_ids_fall_back_to_one_by_one():
    data = synthetic_chart_data(300, seed=2)
    caps = data["capabilities"]
    caps.append({**caps[3], "id": caps[0]["id"], "name": "Twin", "systems": [], "practices": ["segmentation"]})
    facts = Facts(Chart.model_validate(data))  # the model takes it; ``check`` reports the repeated id
    assert not facts.caps_unique
    assert facts.claims == plain_claims(facts)


def test_functions_of_one_capability_are_the_index(chart):
    lazy, full = Facts(chart), Facts(chart)
    for cap in chart.capabilities:
        assert lazy.functions_of(cap.id) == full.cap_functions[cap.id]
    assert full.functions_of(chart.capabilities[0].id) is full.cap_functions[chart.capabilities[0].id]


def test_nearest_candidates_are_the_heap_order(chart):
    facts = Facts(chart)
    ids = [c.id for c in chart.capabilities[:700]]
    for params in ({"practices_any": ["personalization"]}, {"practices_all": ["segmentation|lead_scoring"],
                   "channels_any": ["email", "web"]}, {"data_any": ["loyalty"], "practices_any": ["loyalty_rewards"]}):
        p = CapabilityParams(**params)
        pool = list(chart.capabilities[:700])
        wanted = list(p.practices_any) + [x for w in p.practices_all for x in w.split("|")]
        near = frozenset().union(*(PRECURSORS.get(w, frozenset()) for w in wanted)) | frozenset(wanted)
        score = [len(near & facts.practices[i]) + (bool(p.channels_any) and not facts.channels[i].isdisjoint(p.channels_any))
                 + (bool(p.data_any) and not facts.data_kinds_of_cap[i].isdisjoint(p.data_any)) for i in ids]
        expected = [pool[i] for i in heapq.nlargest(3, range(len(pool)), key=score.__getitem__)]
        assert nearest(facts, p, pool, ids) == expected


def test_sla_cover_is_the_contract_by_contract_answer(chart):
    facts = Facts(chart)
    targets = [c.id for c in chart.capabilities[:30]] + [s.id for s in chart.systems[:10]] + [None, ""]
    for org in chart.orgs:
        for t in targets:
            plain = any(k.sla and (not k.covers or (t and t in k.covers)) for k in org.contracts)
            assert _covered(facts, org.id, t) == bool(plain)
