"""The rule library: each rule judges a small chart and names the elements behind its verdict."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner.maturity import RULES
from planner.maturity.assess import run_rule
from planner.maturity.facts import Facts
from planner.maturity.rules.structure import articulation_points
from planner.model import Chart
from planner.store import load_chart


def chart(**sections) -> Chart:
    base = {"chart": {"name": "t"}, "people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob", "reports_to": "ann"}]}
    base.update(sections)
    return Chart.model_validate(base)


def run(c: Chart, name: str, **params):
    return run_rule(Facts(c), name, params)


def cap(cid, **kw):
    return {"id": cid, "name": cid.title(), "area": kw.pop("area", "delivery"), "accountable": kw.pop("accountable", "ann"), **kw}


def test_issue_rules_are_registered():
    assert {"single_accountable", "external_sla", "coe_sla", "coe_complete", "data_silos", "enterprise_db", "channels",
            "closed_loop", "capabilities", "content_providers", "partners", "lob_integration", "workflow_integrity",
            "single_points_of_failure", "span_of_control", "lifecycle"} <= set(RULES)


BACKED = {"systems": [{"id": "crm", "name": "CRM"}],
          "data": [{"id": "orders", "name": "Orders", "kind": "operational_crm", "system": "crm"},
                   {"id": "points", "name": "Points", "kind": "loyalty", "system": "crm"}]}
"""A system and customer data, so practice tags on capabilities that use them are evidenced."""


def backed(cid, **kw):
    return cap(cid, systems=["crm"], data=["orders", "points"], **kw)


def test_capabilities_rule_matches_practices_and_names_the_accountable():
    c = chart(capabilities=[backed("mail", practices=["segmentation"]), cap("web", area="creation", accountable="bob")],
              **BACKED)
    hit = run(c, "capabilities", practices_any=["segmentation"])
    assert hit.passed and hit.score == 1.0 and "mail" in hit.findings[0].elements and "ann" in hit.findings[0].elements
    assert hit.per_capability == {"mail": True}  # the evidence: capabilities that match
    miss = run(c, "capabilities", practices_any=["personalization"], areas=["creation"])
    assert not miss.passed and miss.per_capability == {}
    assert "bob" in miss.findings[-1].elements


def test_a_practice_tag_without_its_structure_is_a_claim_not_evidence():
    bare = chart(capabilities=[cap("mail", practices=["segmentation"])])
    claimed = run(bare, "capabilities", practices_any=["segmentation"])
    assert not claimed.passed
    assert claimed.claims and "claimed, not evidenced: Mail tags segmentation but lacks a system" in claimed.claims[0].message
    assert claimed.claims[0].elements == ("mail",)
    evidenced = run(chart(capabilities=[backed("mail", practices=["segmentation"])], **BACKED),
                    "capabilities", practices_any=["segmentation"])
    assert evidenced.passed and not evidenced.claims


def test_practices_all_with_alternatives():
    c = chart(capabilities=[backed("loyal", practices=["customer_value_scoring", "loyalty_rewards"])], **BACKED)
    assert run(c, "capabilities", practices_all=["segmentation|customer_value_scoring", "loyalty_program|loyalty_rewards"]).passed
    assert not run(c, "capabilities", practices_all=["segmentation", "loyalty_rewards"]).passed


def test_channels_counts_and_requires_mobile():
    c = chart(capabilities=[cap("a", channels=["web", "email"]), cap("b", channels=["print"])])
    assert run(c, "channels", min=3).passed
    r = run(c, "channels", min=3, mobile=True)
    assert not r.passed and r.score == 0.5 and "no mobile" in r.findings[-1].message
    c2 = chart(capabilities=[cap("a", channels=["web", "email", "app"])])
    assert run(c2, "channels", min=3, mobile=True).passed


def test_data_silos_are_connected_components_of_feeds():
    data = [{"id": "a", "name": "A", "kind": "subscriber", "feeds": ["b"]}, {"id": "b", "name": "B", "kind": "operational_crm"},
            {"id": "c", "name": "C", "kind": "sales_force_automation"}]
    r = run(chart(data=data), "data_silos")
    assert not r.passed and r.findings[1].elements == ("c",)
    data[2]["feeds"] = ["b"]
    assert run(chart(data=data), "data_silos").passed


def test_enterprise_db_counts_kinds_feeding_it_transitively():
    data = [{"id": "emdb", "name": "EMDB", "kind": "enterprise_marketing_db"},
            {"id": "crm", "name": "CRM", "kind": "operational_crm", "feeds": ["emdb"]},
            {"id": "subs", "name": "Subs", "kind": "subscriber", "feeds": ["crm"]},
            {"id": "sfa", "name": "SFA", "kind": "sales_force_automation"}]
    r = run(chart(data=data), "enterprise_db", min_kinds=3)
    assert not r.passed and r.score == pytest.approx(2 / 3, abs=0.01)
    assert "sfa" in r.findings[-1].elements
    data[3]["feeds"] = ["emdb"]
    assert run(chart(data=data), "enterprise_db", min_kinds=3, required_kinds=["subscriber"]).passed
    assert not run(chart(data=data), "enterprise_db", min_kinds=3, required_kinds=["loyalty"]).passed
    assert not run(chart(), "enterprise_db").passed


def test_external_sla_covers_handoffs_contributions_and_systems():
    orgs = [{"id": "agency", "name": "Agency", "kind": "agency"},
            {"id": "bpo", "name": "BPO", "kind": "bpo", "contracts": [{"id": "k", "name": "K", "covers": ["care"],
                                                                        "sla": [{"metric": "fcr", "target": 80}]}]}]
    wf = [{"id": "w", "name": "W", "capability": "care", "steps": [
        {"id": "s1", "name": "Brief", "by": "ann", "to": "agency", "outputs": ["brief"]},
        {"id": "s2", "name": "Answer", "by": "bpo", "to": "ann", "inputs": ["brief"]}]}]
    c = chart(orgs=orgs, workflows=wf, capabilities=[cap("care", area="service", contributors=["bpo"])])
    r = run(c, "external_sla")
    assert not r.passed and r.score == pytest.approx(2 / 3, abs=0.01)
    assert r.findings[1].elements[0] == "agency" and "Agency (agency)" in r.findings[1].message


def test_coe_completeness_lists_what_each_coe_lacks():
    coes = [{"id": "web", "name": "Web CoE", "lead": "ann", "sla": [{"metric": "uptime", "target": 99.9, "measured": 99.95}],
             "pnl": [{"metric": "margin", "target": 10}], "plan_years": 3,
             "improvements": [{"kind": "cost", "target_pct": 5}], "validation": {"observer": "Audit firm"},
             "inputs": {"acceptable": ["brief"], "unacceptable": ["no brief"]},
             "outputs": {"acceptable": ["page"], "unacceptable": ["broken page"]}},
            {"id": "mkt", "name": "Marketing CoE", "plan_years": 1}]
    c = chart(coes=coes)
    r = run(c, "coe_complete", parts=["sla", "inputs", "outputs", "pnl", "plan", "improvements", "validation"], all_coes=True)
    assert not r.passed and r.score == 0.5
    lacks = r.findings[-1]
    assert lacks.elements == ("mkt",) and "an SLA" in lacks.message and "a plan of 3+ years" in lacks.message
    assert run(c, "coe_complete", parts=["sla"], min_count=1).passed
    assert run(c, "coe_sla", all_coes=False, measured=True).passed
    assert not run(c, "coe_sla").passed


def test_workflow_integrity_finds_missing_inputs_and_orphan_outputs():
    wf = [{"id": "w", "name": "W", "inputs": ["plan"], "outputs": ["sent"], "steps": [
        {"id": "s1", "name": "Brief", "by": "ann", "inputs": ["plan", "photos"], "outputs": ["brief", "memo"]},
        {"id": "s2", "name": "Send", "by": "bob", "inputs": ["brief"], "outputs": ["sent"]}]}]
    r = run(chart(workflows=wf), "workflow_integrity")
    assert not r.passed
    text = " ".join(f.message for f in r.findings)
    assert "'photos'" in text and "'memo'" in text and "1 missing input, 1 orphan output" in text


def test_single_points_of_failure_people_carrying_capabilities_alone():
    caps = [cap(f"c{i}", accountable="bob") for i in range(3)] + [cap("d", responsible=["ann", "bob"])]
    r = run(chart(capabilities=caps), "single_points_of_failure", max_sole_capabilities=2, articulation=False)
    assert not r.passed and r.findings[1].elements[0] == "bob" and "alone carries 3" in r.findings[1].message
    assert run(chart(capabilities=caps), "single_points_of_failure", max_sole_capabilities=3, articulation=False).passed


def test_articulation_points_match_networkx_on_random_graphs():
    nx = pytest.importorskip("networkx")
    for seed in range(20):
        g = nx.gnm_random_graph(40, 50 + seed * 3, seed=seed)
        assert set(articulation_points({n: set(g[n]) for n in g})) == set(nx.articulation_points(g))


def test_span_of_control_flags_wide_managers():
    people = [{"id": "boss", "name": "Boss"}] + [{"id": f"p{i}", "name": f"P{i}", "reports_to": "boss"} for i in range(12)]
    r = run(chart(people=people), "span_of_control", max_direct=10)
    assert not r.passed and r.findings[1].elements == ("boss",)
    assert run(chart(people=people), "span_of_control", max_direct=12).passed


def test_closed_loop_through_shared_data_or_handoff():
    data = [{"id": "d", "name": "Results", "kind": "analytic_data_mart"}]
    caps = [cap("measure", area="measurement", data=["d"]), cap("create", area="creation", accountable="bob", data=["d"])]
    assert run(chart(data=data, capabilities=caps), "closed_loop").passed
    caps[1]["data"] = []
    assert not run(chart(data=data, capabilities=caps), "closed_loop").passed
    wf = [{"id": "w", "name": "Report", "capability": "measure", "steps": [
        {"id": "s", "name": "Send insights", "by": "ann", "to": "bob", "outputs": ["insights"]}]}]
    r = run(chart(data=data, capabilities=caps, workflows=wf), "closed_loop")
    assert r.passed and r.findings[0].elements == ("ann", "s", "bob")


def test_lob_integration_needs_linked_data_across_lines():
    teams = [{"id": "c", "name": "C", "lob": "consumer"}, {"id": "b", "name": "B", "lob": "commercial"}]
    data = [{"id": "x", "name": "X", "kind": "operational_crm", "lob": "consumer"},
            {"id": "y", "name": "Y", "kind": "sales_force_automation", "lob": "commercial"}]
    r = run(chart(teams=teams, data=data), "lob_integration")
    assert not r.passed and any("not linked" in f.message for f in r.findings)
    data[1]["feeds"] = ["x"]
    assert run(chart(teams=teams, data=data), "lob_integration").passed


def test_lifecycle_reads_phase_states():
    caps = [cap("a", phases={"known": "II"}), cap("b", phases={"known": "I", "profiled": "III"})]
    c = chart(capabilities=caps)
    r = run(c, "lifecycle", phase="known", stage="II")
    assert r.passed and r.per_capability == {"a": True, "b": False}
    assert not run(c, "lifecycle", phase="known", stage="III").passed
    assert not run(c, "lifecycle", phase="suspect").passed


def test_rules_on_the_shipped_chart_name_vendors_and_data_sources(current_path):
    facts = Facts(load_chart(current_path))
    orgs = {o.id for o in facts.chart.orgs}
    sla = run_rule(facts, "external_sla", {})
    assert {e for f in sla.findings for e in f.elements} & orgs
    silos = run_rule(facts, "data_silos", {})
    assert {e for f in silos.findings for e in f.elements} <= set(facts.data_kind)


def test_core_imports_no_front_end():
    code = ("import sys, planner.maturity, planner.maturity.rules;"
            "bad = [m for m in ('textual', 'click', 'graphviz', 'planner.cli', 'planner.tui') if m in sys.modules];"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
