"""Synthetic charts of any size, for benchmarks and scale tests.

The shape follows a large marketing and service operation imported from an HR
system: deep reporting trees, teams of about eight, a few hundred vendors, one
capability per ten people, workflows of five hand-offs. Everything is valid, so
``planner check`` passes; ``seed`` makes the output reproducible.
"""

from __future__ import annotations

import random
from typing import Any

AREAS = ["creation", "delivery", "measurement", "service", "sales", "management"]
CHANNELS = ["web", "email", "mobile", "social", "search", "print", "call_center", "retail", "sms"]
PRACTICES = ["segmentation", "personalization", "variant_testing", "editorial_calendar", "campaign_management",
             "social_monitoring", "customer_feedback", "mass_email", "loyalty_program", "syndication"]
DATA_KINDS = ["suspect_buyer", "prospecting", "subscriber", "sales_force_automation", "operational_crm",
              "analytic_data_mart", "targeted_messaging", "web_analytics"]
ORG_KINDS = ["vendor", "subcontractor", "bpo", "agency", "partner"]
PHASES = ["suspect", "prospect", "known", "profiled", "customerized"]

# Share of the element budget per kind; steps and contracts are counted as elements.
MIX = {"team": 0.03, "person": 0.62, "org": 0.01, "contract": 0.01, "system": 0.02, "data": 0.02,
       "capability": 0.10, "workflow": 0.025, "step": 0.125, "coe": 0.004, "chain": 0.001}
ID_PREFIXES = {"team": "t", "person": "p", "org": "o", "system": "s", "data": "d", "capability": "c", "coe": "e"}
"""Kind -> the letter its ids start with (``t0``, ``p12``); ``synthetic_chart_data`` unpacks them in this order."""


def synthetic_chart_data(elements: int = 1000, seed: int = 7) -> dict[str, Any]:
    """Chart data (ready for ``Chart.model_validate`` or the YAML emitter) of about ``elements`` elements."""
    rnd = random.Random(seed)
    n = _counts(elements)
    teams, people, orgs, systems, data_ids, caps, coes = ([f"{prefix}{i}" for i in range(n[kind])]
                                                         for kind, prefix in ID_PREFIXES.items())
    pick = rnd.choice

    def sample(pool: list[str], most: int) -> list[str]:
        return rnd.sample(pool, min(len(pool), rnd.randint(0, most)))

    chart: dict[str, Any] = {
        "version": 1,
        "chart": {"name": f"Synthetic operation of {elements} elements", "state": "current"},
        "teams": [
            {"id": t, "name": f"Team {i}", **({"parent": teams[(i - 1) // 8]} if i else {}),
             "lob": pick(["consumer", "commercial", "public"])}
            for i, t in enumerate(teams)
        ],
        "people": [
            {"id": p, "name": f"Person {i}", "title": pick(["Manager", "Specialist", "Analyst", "Director"]),
             "team": teams[i % len(teams)], **({"reports_to": people[(i - 1) // 8]} if i else {}),
             "skills": sample(["sql", "copywriting", "crm", "analytics", "design"], 2)}
            for i, p in enumerate(people)
        ],
        "orgs": [],
        "systems": [
            {"id": s, "name": f"System {i}", "sourcing": pick(["build", "buy", "rent"]),
             "provider": pick(orgs), "owner": pick(people), "integrates": sample(systems[:i], 2)}
            for i, s in enumerate(systems)
        ],
        "data": [
            {"id": d, "name": f"Data {i}", "kind": pick(DATA_KINDS), "system": pick(systems),
             "feeds": sample(data_ids[i + 1:], 2)}
            for i, d in enumerate(data_ids)
        ],
        "capabilities": [
            {"id": c, "name": f"Capability {i}", "area": pick(AREAS), "channels": sample(CHANNELS, 3),
             "practices": sample(PRACTICES, 3), "phases": {ph: pick(["I", "II", "III"]) for ph in sample(PHASES, 2)},
             "systems": sample(systems, 2), "data": sample(data_ids, 2), "accountable": pick(people),
             "responsible": sample(people, 3), "contributors": sample(orgs, 1)}
            for i, c in enumerate(caps)
        ],
        "workflows": [],
        "coes": [
            {"id": e, "name": f"CoE {i}", "lead": pick(people), "members": sample(people, 6),
             "capabilities": sample(caps, 3),
             "sla": [{"metric": "on-time delivery", "target": 95, "unit": "%", "measured": rnd.randint(80, 100)}]}
            for i, e in enumerate(coes)
        ],
        "chains": [{"id": f"v{i}", "name": f"Chain {i}", "coes": rnd.sample(coes, min(3, len(coes)))}
                   for i in range(n["chain"])],
    }
    chart["orgs"] = _orgs(rnd, orgs, n["contract"])
    chart["workflows"] = _workflows(rnd, n["workflow"], n["step"] // n["workflow"], people + orgs + systems, caps)
    if not chart["chains"]:
        del chart["chains"]
    return chart


def _counts(elements: int) -> dict[str, int]:
    """Elements per kind: the mix's shares, steps a whole number per workflow, people take the rest."""
    n = {kind: max(1, round(elements * share)) for kind, share in MIX.items()}
    n["chain"] = min(n["chain"], n["coe"] // 2)
    n["step"] = max(1, n["step"] // n["workflow"]) * n["workflow"]
    n["person"] = max(1, elements - sum(count for kind, count in n.items() if kind != "person"))
    return n


def _orgs(rnd: random.Random, orgs: list[str], contracts_left: int) -> list[dict[str, Any]]:
    """The organizations, the contracts spread evenly over them (drawn after every other section)."""
    found = []
    for i, o in enumerate(orgs):
        contracts = []
        for j in range(contracts_left // (len(orgs) - i) if len(orgs) > i else 0):
            contracts.append({"id": f"{o}k{j}", "name": f"Contract {j} of {o}",
                              "sla": [{"metric": "response time", "target": 4, "unit": "hours",
                                       "direction": "lower", "measured": rnd.randint(2, 6)}]})
        contracts_left -= len(contracts)
        found.append({"id": o, "name": f"Org {i}", "kind": rnd.choice(ORG_KINDS), "contracts": contracts})
    return found


def _workflows(rnd: random.Random, count: int, steps_per: int, resources: list[str],
               caps: list[str]) -> list[dict[str, Any]]:
    """Workflows of hand-offs: each step's output is the next one's input, its receiver the next performer."""
    found = []
    for i in range(count):
        steps = []
        artifact = f"input {i}"
        performer = rnd.choice(resources)
        for j in range(steps_per):
            receiver = rnd.choice(resources)
            output = f"artifact {i}.{j}"
            steps.append({"id": f"w{i}s{j}", "name": f"Step {j}", "by": performer, "to": receiver,
                          "inputs": [artifact], "outputs": [output]})
            artifact, performer = output, receiver
        found.append({"id": f"w{i}", "name": f"Workflow {i}", "capability": rnd.choice(caps),
                      "inputs": [f"input {i}"], "outputs": [artifact], "steps": steps})
    return found
