"""Findings are deterministic: the same chart gives the same JSON in every process, whatever the hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import yaml

KINDS = ["subscriber", "operational_crm", "loyalty", "sales_force_automation", "prospecting", "suspect_buyer",
         "analytic_data_mart", "targeted_messaging", "web_analytics", "social_listening"]


def wide_chart() -> dict:
    """An enterprise database with many feeders, and hand-offs between two outside organizations."""
    data = [{"id": "hub", "name": "Marketing database", "kind": "enterprise_marketing_db"}]
    data += [{"id": f"src-{i:02d}", "name": f"Source {i}", "kind": KINDS[i % len(KINDS)], "feeds": ["hub"]}
             for i in range(12)]
    data += [{"id": f"far-{i:02d}", "name": f"Far {i}", "kind": "subscriber", "feeds": [f"src-{i:02d}"]} for i in range(6)]
    return {
        "chart": {"name": "Wide"},
        "people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob", "reports_to": "ann"}],
        "orgs": [{"id": f"org-{i}", "name": f"Agency {i}", "kind": "agency"} for i in range(6)],
        "capabilities": [{"id": "mail", "name": "Mail", "area": "delivery", "accountable": "ann",
                          "responsible": ["bob"], "data": ["hub"]}],
        "data": data,
        "workflows": [{"id": "wf", "name": "Campaign", "capability": "mail", "steps": [
            {"id": f"s{i}", "name": f"Step {i}", "by": f"org-{i}", "to": f"org-{(i + 1) % 6}"} for i in range(6)]}],
    }


def assess_json(path, seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-m", "planner", "assess", str(path), "--format", "json"],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


def test_assess_json_is_the_same_under_different_hash_seeds(tmp_path, current_path):
    wide = tmp_path / "wide.yaml"
    wide.write_text(yaml.safe_dump(wide_chart(), sort_keys=False))
    for path in (wide, current_path):
        first, second = assess_json(path, "1"), assess_json(path, "2")
        assert first == second, path


def test_enterprise_db_lists_feeders_nearest_first_in_chart_order():
    from planner.maturity.assess import run_rule
    from planner.maturity.facts import Facts
    from planner.model import Chart

    result = run_rule(Facts(Chart.model_validate(wide_chart())), "enterprise_db", {})
    elements = result.findings[0].elements
    assert elements[0] == "hub"
    assert list(elements[1:]) == [f"src-{i:02d}" for i in range(12)] + [f"far-{i:02d}" for i in range(6)]


def test_external_sla_names_the_performer_first():
    from planner.maturity.assess import run_rule
    from planner.maturity.facts import Facts
    from planner.model import Chart

    result = run_rule(Facts(Chart.model_validate(wide_chart())), "external_sla", {})
    orgs = [f.elements[0] for f in result.findings[1:] if f.elements]
    assert orgs == [f"org-{i}" for i in range(6)]


def test_structure_of_a_chart_with_reference_errors_is_deterministic():
    """Such charts take the general path of the work network (adjacency sets)."""
    chart = wide_chart()
    chart["capabilities"].append({"id": "odd", "name": "Odd", "area": "delivery", "accountable": "ann",
                                  "systems": ["mail"]})  # a capability used as a system: reference error
    code = ("import json, sys; from planner.model import Chart; from planner.maturity import analyze_structure, assess_all;"
            "from planner.store.library import load_models; c = Chart.model_validate(json.loads(sys.stdin.read()));"
            "print(json.dumps([analyze_structure(c).to_dict(),"
            " {m: a.to_dict() for m, a in assess_all(c, load_models()).items()}]))")
    outs = []
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", code], input=json.dumps(chart), capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=False)
        assert done.returncode == 0, done.stderr
        outs.append(done.stdout)
    assert outs[0] == outs[1] == outs[2]
