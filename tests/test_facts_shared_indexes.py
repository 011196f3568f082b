"""The shared indexes built in bulk give what a plain, element-by-element computation gives.

Elements by id (with the people's ids read once for it and for the teams), the count
that says whether ids are unique, scopes read at the positions of their areas, tags
judged as one small number per capability, and capability levels written into a copy
of the capabilities' ids: each is compared here with the plain computation, on charts
whose ids repeat across and within sections, whose references name nothing, and whose
tags cover every practice word the evidence table knows.
"""

from __future__ import annotations

from itertools import cycle

import pytest

from planner.maturity.assess import capability_levels
from planner.maturity.evidence import BACKING, judge_tags
from planner.maturity.facts import Facts
from planner.maturity.results import CriterionResult
from planner.model import SECTIONS, Chart
from planner.synthetic import synthetic_chart_data

AREAS = [(), ("creation",), ("sales", "service"), ("delivery", "nowhere", "measurement"), ("nowhere",)]


def tangled(n: int, seed: int) -> dict:
    """A synthetic chart with repeated ids (across and within sections), references to nothing, and
    every practice word of the evidence table tagged somewhere (some twice on one capability)."""
    data = synthetic_chart_data(n, seed=seed)
    people, teams, caps = data["people"], data["teams"], data["capabilities"]
    people[2]["id"] = teams[0]["id"]  # a person with a team's id
    people[5]["id"] = people[4]["id"]  # two people with one id
    people[6]["team"] = "no-such-team"
    caps[1]["accountable"] = "nobody-by-this-id"
    caps[2]["data"] = [*caps[2].get("data", []), "no-such-source"]
    data["workflows"][0]["steps"][0]["id"] = caps[3]["id"]  # a step with a capability's id
    words = cycle(sorted(BACKING) + ["reactive_service", "unheard_of"])
    for cap in caps:
        cap["practices"] = [next(words), next(words)]
    caps[7]["practices"] = ["segmentation", "segmentation", "mass_email"]
    return data


def unique(data: dict) -> dict:
    """The chart with its ids made unique again (the references that named nothing still do)."""
    seen: set[str] = set()
    for section in SECTIONS:
        for e in data.get(section, []):
            for item in [e, *e.get("contracts", []), *e.get("steps", [])]:
                while item["id"] in seen:
                    item["id"] += "-x"
                seen.add(item["id"])
    return data


@pytest.fixture(scope="module", params=[(300, 3), (1500, 11)])
def charts(request) -> tuple[Chart, Chart]:
    n, seed = request.param
    return Chart.model_validate(tangled(n, seed)), Chart.model_validate(unique(tangled(n, seed)))


def plain_by_id(chart: Chart) -> dict:
    found: dict = {}
    for section in SECTIONS:
        for e in getattr(chart, section):
            found[e.id] = e
    for org in chart.orgs:
        for k in org.contracts:
            found[k.id] = k
    for wf in chart.workflows:
        for s in wf.steps:
            found[s.id] = s
    return found


def test_elements_by_id_and_teams_are_the_element_by_element_ones(charts):
    for chart in charts:
        facts = Facts(chart)
        expected = plain_by_id(chart)
        assert facts.by_id == expected and all(facts.by_id[i] is e for i, e in expected.items())
        assert facts.ids_unique == (len(expected) == chart.size())
        teams = {}
        for p in chart.people:
            teams[p.id] = p.team
        assert list(facts.team_of.items()) == list(teams.items())
        assert Facts(chart).team_of == teams  # built before the elements by id, too
    assert not Facts(charts[0]).ids_unique and Facts(charts[1]).ids_unique


def test_scopes_read_at_their_areas_positions_are_the_filtered_capabilities(charts):
    for chart in charts:
        facts, caps = Facts(chart), chart.capabilities
        for areas in AREAS:
            scope, ids = facts.scope(areas)
            if facts.caps_unique:
                expected = [c for c in caps if not areas or c.area in areas]
            else:  # one capability per id, at its last position
                last = {c.id: i for i, c in enumerate(caps) if not areas or c.area in areas}
                expected = [caps[i] for i in sorted(last.values())]
            assert scope == expected and ids == {c.id for c in expected}
            assert facts.scope_ids(areas) == [c.id for c in expected]


def test_tags_judged_as_numbers_are_the_tags_judged_one_by_one(charts):
    facts = Facts(charts[1])
    assert facts.caps_unique
    by, caps = facts.word_index, facts.capabilities
    contributors = {c.id for c in caps if c.contributors}
    judged = 0
    for word in BACKING:
        tagged = [c for c in caps if word in c.practices]
        if not tagged:  # the small chart has too few capabilities for every word
            continue
        judged += 1
        ids = [c.id for c in tagged]
        found = judge_tags(word, ids, facts.caps_with_systems, facts.workflows_of_cap.keys(), contributors,
                           by["data"], by["channel"], facts.kinds_of)
        expected = [BACKING[word].missing(bool(c.systems), c.id in facts.workflows_of_cap, bool(c.contributors),
                                          facts.kinds_of(c.id), facts.channels_of(c.id)) for c in tagged]
        assert found == expected, word
    assert judged >= min(len(BACKING), len(caps))


def test_practices_evidenced_by_sets_are_the_capability_by_capability_ones(charts):
    facts = Facts(charts[1])
    for c in facts.capabilities:
        shape = (bool(c.systems), c.id in facts.workflows_of_cap, bool(c.contributors),
                 facts.kinds_of(c.id), facts.channels_of(c.id))
        evidenced = {w for w in c.practices if w not in BACKING or not BACKING[w].missing(*shape)}
        assert facts.practices[c.id] == evidenced
        assert all(c.id in facts.caps_by["practice"][w] for w in evidenced)


def result(level: int, verdict: dict[str, bool], met: bool = True) -> CriterionResult:
    return CriterionResult(f"c{level}-{len(verdict)}", level, "d", met, 1.0, "rule", per_capability=verdict)


def plain_levels(chart: Chart, results: list[CriterionResult]) -> dict[str, int]:
    best: dict[str, int] = {}
    for r in sorted((r for r in results if r.per_capability and r.met), key=lambda r: r.level):
        for k, ok in r.per_capability.items():
            if ok:
                best[k] = r.level
    found: dict[str, int] = {}
    for c in chart.capabilities:
        if c.id in best and c.id not in found:
            found[c.id] = best[c.id]
    return found


@pytest.mark.parametrize("which", [0, 1])
def test_capability_levels_written_into_a_copy_are_the_plain_ones(charts, which):
    chart = charts[which]
    ids = [c.id for c in chart.capabilities]
    every = dict.fromkeys(ids, True)
    cases = [
        [result(1, every)],  # every capability assessed: the copy itself
        [result(2, dict.fromkeys(ids[::3], True)), result(1, every), result(3, dict.fromkeys(ids[::5], True))],
        [result(2, {**dict.fromkeys(ids[:40], True), "not-a-capability": True, ids[1]: False}),
         result(3, dict.fromkeys(ids[10:20], False)), result(4, dict.fromkeys(ids[30:35], True), met=False)],
        [result(1, {"not-a-capability": True})],
        [],
    ]
    facts = Facts(chart)
    for results in cases:
        found = capability_levels(facts, results)
        assert list(found.items()) == list(plain_levels(chart, results).items())
    assert facts.level_slots == dict.fromkeys(ids)  # never written into
