"""diff(a, b): elements, attributes, relations, moves and renames, keyed by id."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from collections import Counter

import pytest

from planner.diff import ChartDiff, diff
from planner.graph import build_graph
from planner.model import Chart
from planner.store import load_chart, parse_chart
from planner.store.emit import emit
from planner.store.yaml12 import loads_fast


@pytest.fixture
def small_data(small_chart_path) -> dict:
    return loads_fast(small_chart_path.read_text(encoding="utf-8"))


def chart_of(data: dict) -> Chart:
    report = parse_chart(emit(data))
    assert report.ok, [p.format() for p in report.problems]
    return report.chart


def item(data: dict, section: str, element_id: str) -> dict:
    for entry in data[section]:
        if entry["id"] == element_id:
            return entry
        for child in entry.get("steps", []) + entry.get("contracts", []):
            if child["id"] == element_id:
                return child
    raise KeyError(element_id)


def test_a_chart_equals_itself(small_data):
    result = diff(chart_of(small_data), chart_of(small_data))
    assert result.equal
    assert result.totals() == dict.fromkeys(result.totals(), 0)


def test_reordering_and_reformatting_give_no_difference(small_data, small_chart_path):
    shuffled = copy.deepcopy(small_data)
    rnd = random.Random(3)
    for section in ("teams", "people", "orgs", "systems", "capabilities", "coes"):
        rnd.shuffle(shuffled[section])
    shuffled = dict(reversed(list(shuffled.items())))  # sections in another order
    email = item(shuffled, "capabilities", "email")
    email["responsible"] = list(reversed(email["responsible"]))  # reference lists are sets
    email["practices"] = list(reversed(email["practices"]))
    item(shuffled, "people", "ann")["fte"] = 1.0  # a default written out
    item(shuffled, "people", "ann")["skills"] = []
    result = diff(load_chart(small_chart_path), chart_of(shuffled))  # emit() also reformats every line
    assert result.equal, result.to_dict()


def test_added_and_removed_elements(small_data):
    new = copy.deepcopy(small_data)
    new["people"].append({"id": "dee", "name": "Dee Fox", "team": "web", "reports_to": "bob"})
    new["data"] = [d for d in new["data"] if d["id"] != "crm"]
    item(new, "data", "subs")["feeds"] = []
    result = diff(chart_of(small_data), chart_of(new))
    assert [(e.kind, e.id) for e in result.added] == [("person", "dee")]
    assert [(e.kind, e.id) for e in result.removed] == [("data", "crm")]
    assert [c.id for c in result.changed] == ["subs"]
    assert not result.equal


def test_attributes_change_one_by_one(small_data):
    new = copy.deepcopy(small_data)
    item(new, "people", "cy")["title"] = "Email Lead"
    item(new, "capabilities", "email")["phases"]["known"] = "III"
    item(new, "capabilities", "email")["practices"].append("personalization")
    item(new, "orgs", "agency-msa")["sla"][0]["measured"] = 4
    result = diff(chart_of(small_data), chart_of(new))
    changes = {(c.id, fc.path): (fc.old, fc.new) for c in result.changed for fc in c.changes}
    assert changes == {
        ("cy", "title"): ("Email Specialist", "Email Lead"),
        ("email", "phases.known"): ("II", "III"),
        ("email", "practices"): (["mass_email", "segmentation"], ["mass_email", "segmentation", "personalization"]),
        ("agency-msa", "sla[brief-to-draft].measured"): (6, 4),
    }
    practices = next(fc for c in result.changed for fc in c.changes if fc.path == "practices")
    assert practices.added == ["personalization"] and practices.removed == []
    assert not result.relations_added and not result.relations_removed


def test_moves_are_named(small_data):
    new = copy.deepcopy(small_data)
    item(new, "people", "cy").update(team="web", reports_to="bob")
    item(new, "capabilities", "email")["accountable"] = "ann"
    item(new, "workflows", "brief")["by"] = "bpo"  # staff -> BPO provider
    result = diff(chart_of(small_data), chart_of(new))
    moves = {(m.id, m.category): m for m in result.moves}
    assert set(moves) == {("cy", "team"), ("cy", "manager"), ("email", "accountable"), ("brief", "handoff")}
    assert (moves["cy", "team"].old, moves["cy", "team"].new) == ("mkt", "web")
    assert moves["email", "accountable"].summary.endswith("changes accountable owner: Cy Park (cy) -> Ann Lee (ann)")
    handoff = moves["brief", "handoff"]
    assert handoff.sourcing == "outsourced"
    assert "from staff Cy Park (cy) to BPO provider CallWorks (bpo)" in handoff.summary


def test_moving_back_in_house_and_to_a_system(small_data):
    new = copy.deepcopy(small_data)
    item(new, "workflows", "design")["by"] = "cy"  # agency -> staff
    item(new, "workflows", "brief")["to"] = "esp"
    result = diff(chart_of(small_data), chart_of(new))
    assert {m.id: m.sourcing for m in result.moves} == {"design": "insourced", "brief": None}


def test_relations_agree_with_the_graph(small_data):
    """Our relation delta equals the difference of the two full graphs' edge multisets."""
    new = copy.deepcopy(small_data)
    item(new, "people", "cy").update(team="web")
    item(new, "workflows", "brief")["to"] = "bpo"
    new["coes"] = [c for c in new["coes"] if c["id"] != "coe-web"]
    new["chains"] = []
    new["systems"].append({"id": "dam", "name": "Asset library", "integrates": ["cms", "esp"], "owner": "bob"})
    a, b = chart_of(small_data), chart_of(new)
    result = diff(a, b)

    def edges(chart):
        return Counter((u, k, v) for u, v, k, _ in build_graph(chart).edges())

    ours_added = Counter((r.source, r.relation, r.target) for r in result.relations_added)
    ours_removed = Counter((r.source, r.relation, r.target) for r in result.relations_removed)
    assert ours_added == edges(b) - edges(a)
    assert ours_removed == edges(a) - edges(b)


def test_renames_are_detected_and_references_follow(small_data):
    new = json.loads(json.dumps(small_data).replace('"coe-web"', '"coe-webops"'))
    result = diff(chart_of(small_data), chart_of(new))
    assert [(r.old_id, r.new_id, r.kind) for r in result.renamed] == [("coe-web", "coe-webops", "coe")]
    assert not result.added and not result.removed and not result.changed
    assert not result.relations_added and not result.relations_removed
    assert not result.equal


def test_cascading_renames(small_data):
    """A renamed team and its renamed member both match: the member's team follows the first rename."""
    new = json.loads(json.dumps(small_data).replace('"mkt"', '"marketing"').replace('"ann"', '"anne"'))
    result = diff(chart_of(small_data), chart_of(new))
    assert {(r.old_id, r.new_id) for r in result.renamed} == {("mkt", "marketing"), ("ann", "anne")}
    assert not result.changed and not result.added and not result.removed


def test_renames_can_be_turned_off(small_data):
    new = json.loads(json.dumps(small_data).replace('"coe-web"', '"coe-webops"'))
    result = diff(chart_of(small_data), chart_of(new), renames=False)
    assert not result.renamed
    assert [e.id for e in result.added] == ["coe-webops"] and [e.id for e in result.removed] == ["coe-web"]
    assert [c.id for c in result.changed] == ["chain"]


def test_a_changed_element_is_not_a_rename(small_data):
    new = copy.deepcopy(small_data)
    person = item(new, "people", "cy")
    person.update(id="cyp", title="Email Lead")
    for cap in new["capabilities"]:
        cap["responsible"] = ["cyp" if x == "cy" else x for x in cap.get("responsible", [])]
        if cap.get("accountable") == "cy":
            cap["accountable"] = "cyp"
    for wf in new["workflows"]:
        for step in wf["steps"]:
            step.update({k: "cyp" for k in ("by", "to") if step.get(k) == "cy"})
    for coe in new["coes"]:
        coe["members"] = ["cyp" if x == "cy" else x for x in coe["members"]]
    result = diff(chart_of(small_data), chart_of(new))
    assert not result.renamed
    assert [e.id for e in result.added] == ["cyp"] and [e.id for e in result.removed] == ["cy"]


def test_value_chain_order_matters(small_data):
    new = copy.deepcopy(small_data)
    new["chains"][0]["coes"].reverse()
    result = diff(chart_of(small_data), chart_of(new))
    (change,) = result.changed
    assert (change.id, change.changes[0].path) == ("chain", "coes")
    assert {r.relation for r in result.relations_added} == {"next"}


def test_workflow_step_order_and_step_moves(small_data):
    new = copy.deepcopy(small_data)
    steps = new["workflows"][0]["steps"]
    steps[0], steps[1] = steps[1], steps[0]
    new["workflows"].append({"id": "other", "name": "Other", "steps": [steps.pop()]})
    result = diff(chart_of(small_data), chart_of(new))
    changes = {(c.id, fc.path): (fc.old, fc.new) for c in result.changed for fc in c.changes}
    assert changes == {("launch", "steps order"): (["brief", "design"], ["design", "brief"]),
                       ("send", "part of"): ("launch", "other")}
    assert [(m.id, m.category) for m in result.moves] == [("send", "container")]


def test_an_id_that_changes_kind_is_removed_and_added(small_data):
    new = copy.deepcopy(small_data)
    new["orgs"] = [o for o in new["orgs"] if o["id"] != "bpo"]
    new["teams"].append({"id": "bpo", "name": "CallWorks in-house"})
    result = diff(chart_of(small_data), chart_of(new), renames=False)
    assert [(e.kind, e.id) for e in result.added] == [("team", "bpo")]
    assert [(e.kind, e.id) for e in result.removed] == [("org", "bpo")]


def test_chart_metadata_and_answers(small_data):
    new = copy.deepcopy(small_data)
    new["chart"]["state"] = "future"
    new["answers"]["engagement.4.front-office-culture"]["answer"] = "most"
    new["answers"]["web.analytics"] = {"answer": True}
    result = diff(chart_of(small_data), chart_of(new))
    paths = {fc.path: (fc.old, fc.new) for fc in result.chart_changes}
    assert paths["chart.state"] == ("current", "future")
    assert paths["answers[engagement.4.front-office-culture].answer"] == ("some", "most")
    assert paths["answers[web.analytics]"][0] is None


def test_json_form_is_plain_data(small_data):
    new = copy.deepcopy(small_data)
    item(new, "people", "cy")["team"] = "web"
    data = diff(chart_of(small_data), chart_of(new)).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["format"] == 1 and data["equal"] is False
    assert data["moves"][0]["category"] == "team"
    assert data["names"]["web"] == {"kind": "team", "name": "Web Operations"}


def test_shipped_charts_diff_reads_as_a_change_list(current_path, future_path):
    result = diff(load_chart(current_path), load_chart(future_path))
    assert isinstance(result, ChartDiff) and not result.equal
    categories = {m.category for m in result.moves}
    assert {"team", "accountable", "handoff"} <= categories
    assert any(m.sourcing == "outsourced" for m in result.moves)
    assert diff(load_chart(future_path), load_chart(future_path)).equal


def test_the_core_imports_no_front_end():
    code = ("import sys, planner.diff, planner.diff.report; "
            "bad = [m for m in ('click', 'textual', 'graphviz', 'planner.cli') if m in sys.modules]; "
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_renames_that_name_each_other(small_data):
    """A team and its lead renamed together: each refers to the other, both are renames."""
    data = copy.deepcopy(small_data)
    item(data, "teams", "web")["lead"] = "bob"
    new = json.loads(json.dumps(data).replace('"web"', '"webops"').replace('"bob"', '"rob"'))
    for cap in new["capabilities"]:
        cap["channels"] = ["web" if c == "webops" else c for c in cap["channels"]]
    result = diff(chart_of(data), chart_of(new))
    assert {(r.old_id, r.new_id) for r in result.renamed} == {("web", "webops"), ("bob", "rob")}
    assert result.totals()["changed"] == 0 and not result.added and not result.removed
