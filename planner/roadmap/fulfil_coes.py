"""Completing the Center-of-Excellence rules: a CoE set up, its missing parts, its SLA, a value chain of CoEs.

A CoE is set up as the sources describe one (a lead, a capability no other CoE
delivers, an SLA, accepted inputs and outputs, a workflow), so a rule that asks
for a CoE, or for one of its parts, is met by the same few steps. Figures written
into a CoE (an SLA, a P&L metric) are the planning defaults a CoE set-up starts
from, never measurements, and nothing here answers a self-assessment question:
attestation stays with a person. The handlers join the others through
:data:`planner.roadmap.fulfil_other.OTHER`.
"""

from __future__ import annotations

from typing import Any

from .fulfil import Context

SLA = [{"metric": "requests delivered on the agreed date", "target": 90, "unit": "%", "direction": "higher"}]
PNL = [{"metric": "cost per delivered request", "target": 100, "unit": "USD", "direction": "lower"}]


def coe_complete(ctx: Context, p: dict[str, Any]) -> None:
    """The CoEs in scope get the parts asked (a CoE is set up first when there are too few)."""
    scopes = p.get("scopes") or []
    coes = [c for c in ctx.section("coes") if not scopes or c.get("scope") in scopes]
    while len(coes) < max(1, p.get("min_count", 1)):
        coes.append(_new_coe(ctx, scopes[0] if scopes else "internal", len(coes)))
    targets = coes if p.get("all_coes") else coes[:max(1, p.get("min_count", 1))]
    for coe in targets:
        _parts(ctx, coe, p.get("parts") or [], p.get("min_plan_years", 3))


def _new_coe(ctx: Context, scope: str, n: int) -> dict:
    """A CoE set up as the sources describe it: a lead, a capability, an SLA, accepted inputs and outputs, a workflow.

    Its capability is one no other CoE delivers, preferably one without outside
    contributors (whose contracts would then need service levels first).
    """
    used = {c for coe in ctx.section("coes") for c in coe.get("capabilities") or []}
    free = [c for c in ctx.section("capabilities") if c["id"] not in used]
    pick = next((c for c in free if not c.get("contributors")), free[0] if free else None)
    cap = pick["id"] if pick else ctx.new_capability("delivery", f"{ctx.name} ({n + 1})")["id"]
    new_id = ctx.new("coes", "coe", name=f"{ctx.name} CoE" + (f" {n + 1}" if n else ""), scope=scope,
                     lead=ctx.lead, capabilities=[cap])
    coe = ctx.by_id("coes")[new_id]
    _parts(ctx, coe, ["sla", "inputs", "outputs", "workflows"], 3)
    return coe


def _parts(ctx: Context, coe: dict, parts: list[str], years: int) -> None:
    if "capabilities" in parts and not coe.get("capabilities"):
        cap = next((c["id"] for c in ctx.section("capabilities")), None) or ctx.new_capability("delivery", ctx.name)["id"]
        coe["capabilities"] = [cap]
    if "lead" in parts and not coe.get("lead") and ctx.lead:
        coe["lead"] = ctx.lead
    if "sla" in parts and not coe.get("sla"):
        coe["sla"] = list(SLA)
    for part in ("inputs", "outputs"):
        accept = coe.get(part) or {}
        if part in parts and not (accept.get("acceptable") and accept.get("unacceptable")):
            coe[part] = {"acceptable": accept.get("acceptable") or [f"{part[:-1]} with an approved brief"],
                         "unacceptable": accept.get("unacceptable") or [f"{part[:-1]} without an owner or date"]}
    if "pnl" in parts and not coe.get("pnl"):
        coe["pnl"] = list(PNL)
    if "plan" in parts and (coe.get("plan_years") or 0) < years:
        coe["plan_years"] = years
    kinds = {"improvements": "cost", "cost_reduction": "cost", "cycle_time_reduction": "cycle_time"}
    for part, kind in kinds.items():
        have = {i.get("kind") for i in coe.get("improvements") or []}
        if part in parts and kind not in have and not (part == "improvements" and have):
            coe["improvements"] = list(coe.get("improvements") or []) + [{"kind": kind, "target_pct": 5, "per": "year"}]
    if "workflows" in parts:
        from .fulfil_caps import _workflow
        for cap_id in coe.get("capabilities") or []:
            cap = ctx.by_id("capabilities").get(cap_id)
            if cap is not None:
                _workflow(ctx, cap)


def coe_sla(ctx: Context, p: dict[str, Any]) -> None:
    if not ctx.section("coes") and not p.get("all_coes", True):
        _new_coe(ctx, "internal", 0)
    for coe in ctx.section("coes"):
        if not coe.get("sla"):
            coe["sla"] = list(SLA)


def value_chain(ctx: Context, p: dict[str, Any]) -> None:
    """A chain linking ``min_coes`` CoEs, one shared or outsourced under SLA when ``external``."""
    coes = ctx.section("coes")
    while len(coes) < p.get("min_coes", 2):
        _new_coe(ctx, "internal", len(coes))
    if p.get("external") and not any(c.get("scope") != "internal" and c.get("sla") for c in coes):
        ext = _new_coe(ctx, "outsourced", len(coes))
        ext["sla"] = list(SLA)
        ext["provider"] = _partner_org(ctx, "partner")
    ids = [c["id"] for c in coes]
    external = [c["id"] for c in coes if c.get("scope") != "internal" and c.get("sla")]
    chain = ids[:p.get("min_coes", 2)]
    if p.get("external") and external and not set(chain) & set(external):
        chain = chain[:-1] + external[:1]
    for existing in ctx.section("chains"):
        if set(chain) <= set(existing.get("coes") or []):
            return
    ctx.new("chains", "chain-digital-value", name="Digital value chain", coes=chain)


def _partner_org(ctx: Context, kind: str) -> str:
    own = [o["id"] for o in ctx.section("orgs") if o["id"] in ctx.added]
    return own[0] if own else ctx.new("orgs", f"org-{kind}", name=f"{ctx.name} {kind}", kind=kind)
