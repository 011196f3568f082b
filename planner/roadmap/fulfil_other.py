"""Completing the data, lifecycle, partner, workflow and people rules (see :mod:`planner.roadmap.fulfil`).

Each handler adds only what its rule reads: feeds into the enterprise marketing
database, a lifecycle phase at a state, a contributing partner, a team lead
under a manager with too many reports. The Center-of-Excellence rules are in
:mod:`planner.roadmap.fulfil_coes`; :data:`OTHER` names the handlers of both.
Nothing here answers a self-assessment question: attestation stays with a person.
"""

from __future__ import annotations

from typing import Any

from .fulfil import KIND_PREFERENCE, Context, grow
from .fulfil_coes import coe_complete, coe_sla, value_chain

PHASES = ("suspect", "prospect", "known", "profiled", "customerized")
STAGES = ("I", "II", "III")


def lifecycle(ctx: Context, p: dict[str, Any]) -> None:
    """Some capability serves ``phase`` at ``stage`` or better: the one already serving it, else the nearest."""
    phase, stage = p["phase"], p.get("stage", "I")
    caps = ctx.section("capabilities")
    serving = [c for c in caps if phase in (c.get("phases") or {})]
    candidates = serving or [c for c in caps if c.get("area") in ("delivery", "creation")] or caps
    for cap in candidates[:max(1, p.get("min_count", 1))]:
        phases = dict(cap.get("phases") or {})
        if STAGES.index(phases.get(phase, "I")) < STAGES.index(stage) or phase not in phases:
            phases[phase] = stage
        cap["phases"] = phases
    if not caps:
        ctx.new_capability("delivery", ctx.name)["phases"] = {phase: stage}


def lifecycle_coverage(ctx: Context, p: dict[str, Any]) -> None:
    """Capabilities (of the areas) cover ``min_phases`` phases: a monitoring capability takes the rest."""
    areas = p.get("areas") or []
    scope = [c for c in ctx.section("capabilities") if not areas or c.get("area") in areas]
    covered = {ph for c in scope for ph in c.get("phases") or {}}
    cap = scope[0] if scope else ctx.new_capability(areas[0] if areas else "measurement", ctx.name)
    phases = dict(cap.get("phases") or {})
    for phase in PHASES:
        if len(covered) >= p.get("min_phases", 5):
            break
        if phase not in covered:
            phases.setdefault(phase, "I")
            covered.add(phase)
    cap["phases"] = phases


def enterprise_db(ctx: Context, p: dict[str, Any]) -> None:
    """One enterprise marketing database fed by the required kinds, every source of the listed kinds, and enough more."""
    hub = ctx.data_of(["enterprise_marketing_db"], "measurement")
    data = ctx.section("data")
    wanted = list(p.get("required_kinds") or [])
    kinds = {d["kind"] for d in data if hub in (d.get("feeds") or [])}
    for d in data:
        if d["id"] != hub and (d.get("kind") in (p.get("every_source_of") or []) or d.get("kind") in wanted):
            grow(d, "feeds", [hub])
            kinds.add(d["kind"])
    for kind in wanted + [k for k in KIND_PREFERENCE if k != "enterprise_marketing_db"]:
        if len(kinds) >= p.get("min_kinds", 3) and all(k in kinds for k in wanted):
            break
        if kind not in kinds:
            source = next((d for d in data if d.get("kind") == kind), None)
            if source is None:
                new_id = ctx.data_of([kind], "measurement")
                source = ctx.by_id("data")[new_id]
            grow(source, "feeds", [hub])
            kinds.add(kind)
    data_silos(ctx, {})  # the database integrates what was left out: no source stays a silo


def data_sources(ctx: Context, p: dict[str, Any]) -> None:
    kinds = list(p.get("kinds_any") or []) + list(p.get("kinds_all") or [])
    for kind in kinds[:1] + list(p.get("kinds_all") or []):
        source = ctx.data_of([kind], "measurement")
        for area in p.get("used_by_areas") or []:
            cap = next((c for c in ctx.section("capabilities") if c.get("area") == area), None) \
                or ctx.new_capability(area, ctx.name)
            grow(cap, "data", [source])


def system_integration(ctx: Context, p: dict[str, Any]) -> None:
    """Every system of the ``from_role`` integrates the first system of the ``to_role``."""
    systems = ctx.section("systems")
    target = next((s["id"] for s in systems if s.get("role") == p.get("to_role", "record")), None)
    if target is None:
        return
    for s in systems:
        if s.get("role") == p.get("from_role", "engagement") and s["id"] != target:
            grow(s, "integrates", [target])


def _owner_share(section: str):
    def handler(ctx: Context, p: dict[str, Any]) -> None:
        for element in ctx.section(section):
            if not element.get("owner") and ctx.lead:
                element["owner"] = ctx.lead
    return handler


def area_systems(ctx: Context, p: dict[str, Any]) -> None:
    for cap in ctx.section("capabilities"):
        if cap.get("area") in (p.get("areas") or ()) and not cap.get("systems"):
            grow(cap, "systems", [ctx.system_for(cap["area"])])


def partners(ctx: Context, p: dict[str, Any]) -> None:
    """Enough external organizations of the kinds contribute to capabilities with the practices."""
    kinds = p.get("kinds") or ["partner"]
    words = p.get("practices_any") or []
    caps = [c for c in ctx.section("capabilities") if not words or set(c.get("practices") or []) & set(words)]
    if not caps:
        from .fulfil_caps import capabilities as fulfil_caps
        fulfil_caps(ctx, {"practices_any": words} if words else {"areas": ["creation"]})
        caps = [c for c in ctx.section("capabilities") if not words or set(c.get("practices") or []) & set(words)]
    orgs = {o["id"]: o.get("kind") for o in ctx.section("orgs")}
    have = {o for c in caps for o in c.get("contributors") or [] if orgs.get(o) in kinds}
    spare = [o for o, k in orgs.items() if k in kinds and o not in have]
    while len(have) < p.get("min", 1):
        org = spare.pop(0) if spare else ctx.new("orgs", f"org-{kinds[0]}", name=f"{ctx.name} {kinds[0]}",
                                                 kind=kinds[0])
        grow(caps[0], "contributors", [org])
        have.add(org)


def content_providers(ctx: Context, p: dict[str, Any]) -> None:
    areas = p.get("areas") or ["creation"]
    words = p.get("practices_any") or []
    caps = [c for c in ctx.section("capabilities") if c.get("area") in areas
            and (not words or set(c.get("practices") or []) & set(words))]
    if not caps:
        cap = next((c for c in ctx.section("capabilities") if c.get("area") in areas), None) \
            or ctx.new_capability(areas[0], ctx.name)
        grow(cap, "practices", words[:1])
        caps = [cap]
    have = {x for c in caps for x in ([c["accountable"]] if c.get("accountable") else []) + (c.get("responsible") or [])
            + (c.get("contributors") or [])}
    pool = [o["id"] for o in ctx.section("orgs") if o["id"] not in have] + \
        [t["id"] for t in ctx.section("teams") if t["id"] not in have]
    while len(have) < p.get("min", 1):
        org = pool.pop(0) if pool else ctx.new("orgs", "org-content-agency", name="Content agency", kind="agency")
        field = "contributors" if any(o["id"] == org for o in ctx.section("orgs")) else "responsible"
        grow(caps[0], field, [org])
        have.add(org)


def workflow_integrity(ctx: Context, p: dict[str, Any]) -> None:
    """Document the missing hand-offs: an input nobody produces comes into the workflow, an orphan output leaves it."""
    for wf in ctx.section("workflows"):
        steps = wf.get("steps") or []
        produced = {a for s in steps for a in s.get("outputs") or []}
        consumed = {a for s in steps for a in s.get("inputs") or []}
        available = set(wf.get("inputs") or []) | produced
        grow(wf, "inputs", [a for s in steps for a in s.get("inputs") or [] if a not in available])
        grow(wf, "outputs", [a for s in steps for a in s.get("outputs") or []
                             if a not in consumed and a not in (wf.get("outputs") or [])])
        if steps:
            grow(steps[-1], "outputs", [a for a in wf.get("outputs") or [] if a not in produced])


def span_of_control(ctx: Context, p: dict[str, Any]) -> None:
    """A manager with too many direct reports gets team leads, each taking up to ``max_direct`` of them."""
    limit = max(2, p.get("max_direct", 10))
    people = ctx.section("people")
    for manager in list(people):
        reports = [x for x in people if x.get("reports_to") == manager["id"]]
        if len(reports) <= limit:
            continue
        move = reports[limit - 1:]  # the manager keeps limit - 1 reports, and the new leads
        while move:
            lead = ctx.new("people", f"p-team-lead-{manager['id'].removeprefix('p-')}", name="Team lead (to appoint)",
                           title="Team lead", reports_to=manager["id"], team=manager.get("team"))
            for x in move[:limit]:
                x["reports_to"] = lead
            move = move[limit:]


def data_silos(ctx: Context, p: dict[str, Any]) -> None:
    """Every data source that feeds nothing feeds the enterprise marketing database: one group, no silos."""
    hub = ctx.data_of(["enterprise_marketing_db"], "measurement")
    for d in ctx.section("data"):
        if d["id"] != hub and not d.get("feeds"):
            d["feeds"] = [hub]


def single_points_of_failure(ctx: Context, p: dict[str, Any]) -> None:
    """A person carrying capabilities alone gets a cross-trained deputy responsible beside them."""
    limit = p.get("max_sole_capabilities", 2)
    carried: dict[str, list[dict]] = {}
    for cap in ctx.section("capabilities"):
        parties = {x for x in [cap.get("accountable"), *(cap.get("responsible") or [])] if x}
        if len(parties) == 1:
            carried.setdefault(next(iter(parties)), []).append(cap)
    people = {x["id"]: x for x in ctx.section("people")}
    for person, caps in carried.items():
        if person not in people or (len(caps) <= limit and not p.get("articulation", True)):
            continue
        deputy = ctx.new("people", f"p-deputy-{person.removeprefix('p-')}",
                         name=f"Deputy for {people[person].get('name', person)} (cross-trained)",
                         title="Deputy (cross-trained)", reports_to=person, team=people[person].get("team"))
        for cap in caps:
            grow(cap, "responsible", [deputy])


OTHER = {
    "single_points_of_failure": single_points_of_failure, "data_silos": data_silos,
    "workflow_integrity": workflow_integrity, "span_of_control": span_of_control,
    "lifecycle": lifecycle, "lifecycle_coverage": lifecycle_coverage, "enterprise_db": enterprise_db,
    "data_sources": data_sources, "system_integration": system_integration,
    "data_stewardship": _owner_share("data"), "system_owners": _owner_share("systems"), "area_systems": area_systems,
    "partners": partners, "content_providers": content_providers, "coe_complete": coe_complete, "coe_sla": coe_sla,
    "value_chain": value_chain,
}
