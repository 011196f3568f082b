"""The bulk proofs of :mod:`planner.model.sound` never change what ``check`` reports.

Each synthetic chart is broken one way at a time (a repeated id, a dangling or
wrong-kind reference, a cycle, an unknown word, a bad answer) and checked with
the proofs and with the element-by-element walk alone: the problems must be the same.
"""

from __future__ import annotations

import copy

import pytest

from planner.model import Chart, sound
from planner.model.integrity import check_integrity
from planner.synthetic import synthetic_chart_data


def _walk_only(monkeypatch, chart: Chart):
    monkeypatch.setattr(sound, "ids_by_kind", lambda chart: None)
    monkeypatch.setattr(sound, "acyclic", lambda parent: False)
    monkeypatch.setattr(sound, "words_known", lambda words, known: False)
    return check_integrity(chart)


def _break(data: dict, how: str) -> dict:
    data = copy.deepcopy(data)
    people, teams = data["people"], data["teams"]
    if how == "duplicate-id":
        people[5]["id"] = people[3]["id"]
    elif how == "dangling":
        people[7]["team"] = "no-such-team"
    elif how == "wrong-kind":
        people[7]["team"] = people[2]["id"]
    elif how == "dangling-in-list":
        data["capabilities"][0].setdefault("responsible", []).append("ghost")
    elif how == "cycle":
        people[0]["reports_to"] = people[-1]["id"]
        people[-1]["reports_to"] = people[0]["id"]
    elif how == "team-cycle":
        teams[1]["parent"] = teams[2]["id"]
        teams[2]["parent"] = teams[1]["id"]
    elif how == "self-loop":
        people[4]["reports_to"] = people[4]["id"]
    elif how == "unknown-word":
        data["capabilities"][1]["channels"] = ["carrier_pigeon"]
    elif how == "step-dangling":
        flow = next(w for w in data["workflows"] if w.get("steps"))
        flow["steps"][0]["by"] = "nobody"
    return data


@pytest.mark.parametrize("how", ["sound", "duplicate-id", "dangling", "wrong-kind", "dangling-in-list", "cycle",
                                 "team-cycle", "self-loop", "unknown-word", "step-dangling"])
def test_proofs_and_walk_report_the_same(monkeypatch, how):
    chart = Chart.model_validate(_break(synthetic_chart_data(600, seed=4), how))
    fast = check_integrity(chart)
    assert (how == "sound") == (fast == [])
    assert fast == _walk_only(monkeypatch, chart)


def test_counts_add_up_to_every_element():
    chart = Chart.model_validate(synthetic_chart_data(600, seed=4))
    walked: dict[str, int] = {}
    for _, element in chart.iter_elements():
        walked[element.KIND] = walked.get(element.KIND, 0) + 1
    assert list(chart.counts().items()) == list(walked.items())
    assert chart.size() == sum(walked.values())
