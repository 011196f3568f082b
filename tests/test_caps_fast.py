"""The capability indexes and the ``capabilities`` rule's shortcuts give what the plain computations give.

Claims judged word by word, evidenced practices and the inverted indexes, lines of
business and business functions read from the accountable people's teams, the nearest
candidates counted from the inverted indexes, only the first matches put in chart
order: each is checked against a plain capability-by-capability version, on charts
with the odd cases the synthetic charts lack (a practice tagged twice, an unknown data
source, a capability's own lines of business, teams with a business function).
"""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

from planner.maturity.evidence import BACKING
from planner.maturity.facts import Facts
from planner.maturity.rules.capabilities import first_matches, lobs_needed
from planner.maturity.rules.matching import (
    CapabilityParams,
    _nearest_by_lists,
    _nearest_by_sets,
    matching,
    with_enough,
    with_enough_one_by_one,
)
from planner.model import Chart
from planner.synthetic import synthetic_chart_data


def odd_chart(n: int, seed: int) -> Chart:
    """A synthetic chart with the cases the fast paths must treat like the plain ones."""
    data = synthetic_chart_data(n, seed=seed)
    caps, teams = data["capabilities"], data["teams"]
    for i, team in enumerate(teams):
        team["function"] = ("IT", "Marketing", "technology", "")[i % 4]
    caps[1]["practices"] = ["segmentation", "segmentation", "mass_email", "mass_email"]  # tagged twice
    caps[2]["data"] = [*caps[2]["data"], "no-such-source"]
    caps[3]["data"] = ["no-such-source"]
    caps[4]["lob"] = ["wholesale", "consumer"]
    caps[5]["responsible"] = [teams[0]["id"], teams[1]["id"]]
    caps[6]["accountable"] = None
    for i in (7, 8, 9):  # practices that count data kinds
        caps[i]["practices"] = ["multi_source_analysis", "financial_dashboard", "mass_email"]
    caps[8]["data"] = caps[8]["data"][:1]
    caps[12]["accountable"] = teams[2]["id"]  # a team is no accountable person
    caps[13]["accountable"] = "nobody-by-this-id"
    caps[10]["channels"] = ["web", "email", "web"]  # a channel named twice counts once
    caps[11]["data"] = [caps[11]["data"][0]] * 3 if caps[11]["data"] else []
    return Chart.model_validate(data)


@pytest.fixture(scope="module", params=[(400, 1), (2500, 7)])
def chart(request) -> Chart:
    return odd_chart(*request.param)


def plain_practices(facts: Facts) -> dict[str, frozenset[str]]:
    """Each capability's tags, less those its structure does not back (:meth:`Backing.missing`)."""
    found = {}
    for c in facts.capabilities:
        shape = (bool(c.systems), c.id in facts.workflows_of_cap, bool(c.contributors),
                 frozenset(facts.data_kind[d] for d in c.data if d in facts.data_kind), frozenset(c.channels))
        found[c.id] = frozenset(w for w in c.practices if not (w in BACKING and BACKING[w].missing(*shape)))
    return found


def test_evidenced_practices_and_inverted_indexes(chart):
    facts = Facts(chart)
    practices = plain_practices(facts)
    assert facts.practices == practices
    index: dict[str, dict[str, set[str]]] = {k: defaultdict(set) for k in ("area", "practice", "channel", "data")}
    for c in facts.capabilities:
        index["area"][c.area].add(c.id)
        for key, words in (("practice", practices[c.id]), ("channel", c.channels),
                           ("data", {facts.data_kind[d] for d in c.data if d in facts.data_kind})):
            for word in words:
                index[key][word].add(c.id)
    assert facts.caps_by == index
    assert None not in set().union(*facts.data_kinds_of_cap.values())
    lazy = Facts(chart)
    assert [lazy.kinds_of(c.id) for c in chart.capabilities] == list(facts.data_kinds_of_cap.values())
    assert [lazy.channels_of(c.id) for c in chart.capabilities] == list(facts.channels.values())
    assert lazy.all_channels == frozenset().union(*facts.channels.values()) and "channels" not in lazy.__dict__


def plain_lacks(facts: Facts, i: int, word: str) -> list[str]:
    c = facts.capabilities[i]
    kinds = frozenset(facts.data_kind[d] for d in c.data if d in facts.data_kind)
    return BACKING[word].missing(bool(c.systems), c.id in facts.workflows_of_cap, bool(c.contributors), kinds,
                                 frozenset(c.channels))


def test_claims_by_word_and_the_first_claims(chart):
    facts = Facts(chart)
    plain = sorted((facts.cap_pos[cid], cid, word, lacks) for cid, words in facts.claims.items()
                   for word, lacks in words.items())
    every = {c.id: found for i, c in enumerate(facts.capabilities)
             if (found := {w: lacks for w in c.practices if w in BACKING and (lacks := plain_lacks(facts, i, w))})}
    assert list(facts.claims.items()) == list(every.items())
    assert any("kinds of data" in " ".join(lacks) for found in every.values() for lacks in found.values())
    twice = {w: lacks for w in ("segmentation", "mass_email") if (lacks := plain_lacks(facts, 1, w))}
    assert plain and facts.claims.get("c1", {}) == twice  # each tag judged once, in tag order
    assert facts.claims_by_word == {w: [(pos, cid, lacks) for pos, cid, ww, lacks in plain if ww == w]
                                    for w in dict.fromkeys(w for _, _, w, _ in plain)}
    words = ["segmentation", "mass_email", "personalization", "no_such_practice"]
    for most in (0, 1, 3, 10_000):
        wanted = [(facts.by_id[cid], w, lacks) for _, cid, w, lacks in plain if w in words]
        assert facts.first_claims(words, most) == (wanted[:most], len(wanted))


def test_lines_of_business_and_functions_from_the_teams(chart):
    facts = Facts(chart)
    team_lob = {t.id: t.lob for t in chart.teams if t.lob}
    for c in chart.capabilities:
        person = facts.by_id.get(c.accountable) if c.accountable else None
        lob = team_lob.get(getattr(person, "team", None) or "")
        assert facts.cap_lobs[c.id] == (frozenset(c.lob) if c.lob else frozenset({lob} if lob else ()))
    every = set().union(*facts.cap_lobs.values()) | {t.lob for t in chart.teams if t.lob}
    assert lobs_needed(facts, CapabilityParams(min_lobs=9)) == min(9, len(every))
    ids = set(facts.cap_ids)
    for wanted in ({"it"}, {"marketing", "technology"}, {"finance"}):
        plain = {c.id for c in chart.capabilities if not facts.functions_of(c.id).isdisjoint(wanted)}
        assert facts.run_by_functions(ids, wanted) == plain
    assert facts.run_by_functions(ids, {"it"})  # the chart has some: the test can fail


PARAMS = [{"practices_any": ["personalization"]},
          {"practices_all": ["segmentation|lead_scoring"], "channels_any": ["email", "web"]},
          {"data_any": ["loyalty", "subscriber"], "practices_any": ["loyalty_rewards"], "areas": ["sales"]},
          {"channels_any": ["no_such_channel"], "areas": ["creation", "delivery"]},
          {"with_system": True, "min_channels": 2}]


@pytest.mark.parametrize("params", PARAMS)
def test_nearest_and_first_matches_are_the_plain_ones(chart, params):
    facts = Facts(chart)
    p = CapabilityParams(**params)
    scope, scope_ids = facts.scope(p.areas)
    rnd = random.Random(3)
    for size in (0, 1, 4, len(scope) // 10, len(scope) // 2, len(scope)):
        chosen = set(rnd.sample(sorted(scope_ids), size))
        pool, ids = facts.first_not_in(chosen, p.areas, 300)
        for most in (1, 3, 5):
            assert _nearest_by_sets(facts, p, ids, most) == _nearest_by_lists(facts, p, pool, ids, most)
        ordered = [c for c in scope if c.id in chosen]
        assert first_matches(facts, chosen, scope, p.areas) == (ordered[:10], len(ordered))
    matched = matching(facts, p, scope_ids)
    assert first_matches(facts, matched, scope, p.areas, 10_000) == ([c for c in scope if c.id in matched], len(matched))


def test_nearest_from_a_shared_pool(chart):
    """Criteria that match nothing share the head of their scope: its set is made once, the picks are the same."""
    facts = Facts(chart)
    for params in PARAMS:
        p = CapabilityParams(**params)
        pool, ids = facts.first_not_in(set(), p.areas, 300)
        key = "/".join(sorted(p.areas))
        for most in (1, 3):
            shared = _nearest_by_sets(facts, p, ids, most, key)
            assert shared == _nearest_by_sets(facts, p, ids, most) == _nearest_by_lists(facts, p, pool, ids, most)
    assert any(k[0] == "nearest:pool" for k in facts.rule_cache)


ENOUGH = [{"min_channels": 2}, {"min_channels": 3, "areas": ["creation"]}, {"min_data_kinds": 2, "areas": ["measurement"]},
          {"min_channels": 2, "min_data_kinds": 1, "min_systems": 1}, {"min_data_kinds": 50}]


@pytest.mark.parametrize("params", ENOUGH)
def test_enough_channels_and_data_counted_from_the_indexes(chart, params):
    """The counts read from the inverted indexes keep the candidates the plain test keeps, in the same order."""
    facts = Facts(chart)
    p = CapabilityParams(**params)
    _, scope_ids = facts.scope(p.areas)
    for ids in (set(scope_ids), set(sorted(scope_ids)[::3]), {"c10", "c11", "c2", "c3"} & scope_ids, set()):
        fast, plain = with_enough(facts, p, set(ids)), with_enough_one_by_one(Facts(chart), p, set(ids))
        assert fast == plain and list(fast) == list(plain)
    kept = with_enough(facts, p, set(scope_ids))
    assert (not kept) == (p.min_data_kinds == 50)  # some are kept and some not: the test can fail


def test_lines_of_business_counted_when_a_capability_id_repeats():
    """An earlier capability's own line counts though the id's entry of ``cap_lobs`` is the later one's."""
    data = synthetic_chart_data(300, seed=2)
    caps = data["capabilities"]
    caps[0]["lob"], caps[1]["id"], caps[1]["lob"] = ["only-here"], caps[0]["id"], []
    chart = Chart.model_validate(data)
    facts = Facts(chart)
    every = {lob for c in chart.capabilities for lob in c.lob} | {t.lob for t in chart.teams if t.lob}
    assert not facts.caps_unique and "only-here" not in facts.cap_lobs[caps[0]["id"]]
    assert lobs_needed(facts, CapabilityParams(min_lobs=99)) == len(every) and "only-here" in every
    assert lobs_needed(Facts(odd_chart(300, 2)), CapabilityParams(min_lobs=99)) == len(
        {lob for c in odd_chart(300, 2).capabilities for lob in c.lob} | {t.lob for t in chart.teams if t.lob})


def test_accountable_teams_when_an_id_repeats():
    """A person's id reused by a system: the element by that id (the system) has no team, as before."""
    data = synthetic_chart_data(300, seed=2)
    cap = data["capabilities"][0]
    data["systems"][0]["id"] = cap["accountable"]
    chart = Chart.model_validate(data)
    facts = Facts(chart)
    assert not facts.ids_unique
    plain = [getattr(facts.by_id.get(c.accountable), "team", None) if c.accountable else None for c in chart.capabilities]
    assert facts.accountable_teams == plain and plain[0] is None and facts.team_of[cap["accountable"]]
    unique = Facts(odd_chart(300, 2))
    assert unique.ids_unique and unique.accountable_teams == [
        getattr(unique.by_id.get(c.accountable), "team", None) if c.accountable else None for c in unique.capabilities]


def test_accountable_people_and_their_teams_looked_up_once(chart):
    """Whether the accountable is a person, and their team, read from one look-up per capability."""
    facts = Facts(chart)
    assert facts.ids_unique
    elements = [facts.by_id.get(c.accountable) if c.accountable else None for c in chart.capabilities]
    assert facts.accountable_is_person == [getattr(e, "KIND", None) == "person" for e in elements]
    assert facts.accountable_teams == [getattr(e, "team", None) if getattr(e, "KIND", None) == "person" else None
                                       for e in elements]
    assert not all(facts.accountable_is_person[6:14]) and any(facts.accountable_teams)  # the test can fail


def test_a_workflow_sharing_a_capability_id_is_not_read_as_the_capability():
    """``check`` reports the repeated id; a lenient assessment still counts the capability's systems."""
    data = synthetic_chart_data(300, seed=2)
    data["workflows"][0]["id"] = data["capabilities"][0]["id"]
    facts = Facts(Chart.model_validate(data))
    scope, ids = facts.scope(())
    found = matching(facts, CapabilityParams(min_systems=1), ids)
    assert found == {c.id for c in scope if c.systems}  # the element by that id, a workflow, has no systems
