"""Rules about Centers of Excellence, value chains and external organizations' SLAs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from ...model.vocabulary import CoeScope
from ..facts import Facts
from .coverage import contributing
from .registry import Finding, Params, RuleResult, listing, listing_names, not_applicable, nothing_in_scope, rule, share

Part = Literal["sla", "inputs", "outputs", "pnl", "plan", "improvements", "cost_reduction",
               "cycle_time_reduction", "validation", "capabilities", "lead", "workflows"]

PART_WORDS = {
    "sla": "an SLA", "inputs": "acceptable and unacceptable inputs", "outputs": "acceptable and unacceptable outputs",
    "pnl": "P&L metrics", "plan": "a multi-year plan", "improvements": "an improvement commitment",
    "cost_reduction": "a cost-reduction target", "cycle_time_reduction": "a cycle-time reduction target",
    "validation": "independent validation", "capabilities": "capabilities it delivers", "lead": "a lead",
    "workflows": "a documented workflow (hand-offs) for a capability it delivers",
}


class CompleteParams(Params):
    parts: list[Part] = []
    """Traits every judged CoE must have."""
    min_plan_years: int = 3
    all_coes: bool = False
    """Every CoE must have them (else at least ``min_count``)."""
    min_count: int = 1
    scopes: list[CoeScope] = []
    """Only CoEs of these scopes are judged (internal, shared, outsourced; all when empty)."""


HAS: dict[str, Callable[[Facts, Any, CompleteParams], bool]] = {  # only the parts asked for are judged: one is dear
    "sla": lambda _, coe, p: bool(coe.sla),
    "inputs": lambda _, coe, p: bool(coe.inputs.acceptable and coe.inputs.unacceptable),
    "outputs": lambda _, coe, p: bool(coe.outputs.acceptable and coe.outputs.unacceptable),
    "pnl": lambda _, coe, p: bool(coe.pnl),
    "plan": lambda _, coe, p: (coe.plan_years or 0) >= p.min_plan_years,
    "improvements": lambda _, coe, p: bool(coe.improvements),
    "cost_reduction": lambda _, coe, p: any(i.kind == "cost" for i in coe.improvements),
    "cycle_time_reduction": lambda _, coe, p: any(i.kind == "cycle_time" for i in coe.improvements),
    "validation": lambda _, coe, p: coe.validation is not None,
    "capabilities": lambda _, coe, p: bool(coe.capabilities),
    "lead": lambda _, coe, p: coe.lead is not None,
    "workflows": lambda facts, coe, p: _documented(facts, coe),
}


def _missing(facts: Facts, coe, p: CompleteParams, words: dict[str, str]) -> list[str]:
    """The traits of ``p.parts`` the CoE lacks, in ``words``."""
    return [words[part] for part in p.parts if not HAS[part](facts, coe, p)]


def _documented(facts: Facts, coe) -> bool:
    """Whether the CoE's hand-offs are written down.

    A workflow realizes one of its capabilities, or the CoE, its provider, lead or a
    member performs or receives a step. A shared or outsourced CoE may instead have
    its interface written into its SLA and its acceptable and unacceptable inputs and
    outputs: that is how work is handed to a provider.
    """
    if any(c in facts.workflows_of_cap for c in coe.capabilities):
        return True
    parties = facts.handoff_parties
    if any(x in parties for x in (coe.id, coe.lead, coe.provider, *coe.members) if x):
        return True
    return coe.scope != "internal" and bool(coe.sla) and bool(coe.inputs.acceptable and coe.outputs.acceptable)


def _reading(m) -> str:
    """``3.6 vs target 3 business days``, ``not measured``: one SLA row as a finding shows it."""
    if m.measured is None:
        return "not measured"
    unit = m.unit if m.unit in ("", "%") else " " + m.unit
    return f"{m.measured:g} vs target {m.target:g}{unit}"


def _coe_label(facts: Facts, coe) -> str:
    return f"{coe.name} (lead: {facts.name(coe.lead)})" if coe.lead else coe.name


@rule("coe_complete", CompleteParams)
def coe_complete(facts: Facts, p: CompleteParams) -> RuleResult:
    """CoE completeness: SLA, input/output acceptance, P&L, plan horizon, improvement, validation."""
    coes = [c for c in facts.chart.coes if not p.scopes or c.scope in p.scopes]
    kind = "/".join(p.scopes) + " " if p.scopes else ""
    if not coes:
        if p.all_coes:  # "every CoE has ..." does not apply without CoEs; their existence is judged elsewhere
            return not_applicable(f"no {kind}Center of Excellence in the chart, so no CoE traits to judge")
        return nothing_in_scope(f"no {kind}Center of Excellence in the chart")
    words = dict(PART_WORDS, plan=f"a plan of {p.min_plan_years}+ years")
    gaps = {c.id: _missing(facts, c, p, words) for c in coes}
    complete = [c for c in coes if not gaps[c.id]]
    passed = len(complete) == len(coes) if p.all_coes else len(complete) >= p.min_count
    traits = ", ".join(PART_WORDS[x] for x in p.parts) or "exists"
    need = "" if p.all_coes or p.min_count == 1 else f" (need {p.min_count})"
    findings = [Finding(f"{len(complete)} of {len(coes)} {kind}CoEs have {traits}{need}", tuple(c.id for c in complete))]
    for coe in coes:
        if gaps[coe.id] and (p.all_coes or not passed):
            findings.append(Finding(f"{_coe_label(facts, coe)} lacks {', '.join(gaps[coe.id])}", (coe.id,)))
    score = share(len(complete), len(coes)) if p.all_coes else min(1.0, len(complete) / max(1, p.min_count))
    return RuleResult(passed, round(score, 3), findings)


class SlaParams(Params):
    all_coes: bool = True
    measured: bool = False
    """Every SLA row must also be measured and met."""


@rule("coe_sla", SlaParams)
def coe_sla(facts: Facts, p: SlaParams) -> RuleResult:
    """SLA coverage of CoEs; optionally, that the service levels are measured and met."""
    coes = facts.chart.coes
    if not coes:
        if p.all_coes:
            return not_applicable("no Center of Excellence in the chart, so no CoE service levels to judge")
        return nothing_in_scope("no Center of Excellence in the chart")
    good, findings = [], []
    for coe in coes:
        if not coe.sla:
            findings.append(Finding(f"{_coe_label(facts, coe)} has no SLA", (coe.id,)))
            continue
        if p.measured:
            off = [m for m in coe.sla if m.is_met() is not True]
            if off:
                what = "; ".join(f"{m.metric} {_reading(m)}"
                                 for m in off[:3])
                findings.append(Finding(f"{_coe_label(facts, coe)} misses its SLA: {what}", (coe.id,)))
                continue
        good.append(coe)
    passed = len(good) == len(coes) if p.all_coes else bool(good)
    findings.insert(0, Finding(f"{len(good)} of {len(coes)} CoEs have {'a met' if p.measured else 'an'} SLA",
                               tuple(c.id for c in good)))
    return RuleResult(passed, round(share(len(good), len(coes)), 3), findings)


def _covered(facts: Facts, org_id: str, *targets: str | None) -> bool:
    """An SLA contract of the organization covers one of the targets, or covers everything (no ``covers``)."""
    blanket, covers = _sla_cover(facts, org_id)
    return blanket or any(t in covers for t in targets if t)


def _sla_cover(facts: Facts, org_id: str) -> tuple[bool, frozenset[str]]:
    """(an SLA contract of the element covers everything, what its SLA contracts name); once per chart and element."""
    memo = facts.rule_cache.get(("coe:sla_cover", ""))
    if memo is None:
        memo = facts.rule_cache[("coe:sla_cover", "")] = {}
    found = memo.get(org_id)
    if found is None:
        contracts = [k for k in getattr(facts.by_id.get(org_id), "contracts", ()) if k.sla]
        found = memo[org_id] = (any(not k.covers for k in contracts), frozenset(t for k in contracts for t in k.covers))
    return found


class ExternalParams(Params):
    include_contributors: bool = True
    include_systems: bool = True
    coe_only: bool = False
    """Judge only the work of Centers of Excellence: their capabilities' hand-offs, contributors and systems."""


def _coe_scope(facts: Facts) -> tuple[set[str], set[str]]:
    """(capability ids delivered by CoEs, system ids those capabilities run on)."""
    caps = {c for coe in facts.chart.coes for c in coe.capabilities}
    systems = {s for c in caps if c in facts.by_id for s in facts.by_id[c].systems}
    return caps, systems


@rule("external_sla", ExternalParams)
def external_sla(facts: Facts, p: ExternalParams) -> RuleResult:
    """SLA coverage of every hand-off to or from an external organization, contribution and provided system."""
    orgs = facts.org_ids
    checked, gaps = 0, []
    flows = {wf.id: wf for wf in facts.chart.workflows}
    coe_caps, coe_systems = _coe_scope(facts) if p.coe_only else (None, None)
    for by, to, wf_id, step in facts.handoffs:
        if by not in orgs and to not in orgs:  # most hand-offs are between people: nothing to check
            continue
        if coe_caps is not None and flows[wf_id].capability not in coe_caps:
            continue
        for org in dict.fromkeys(x for x in (by, to) if x in orgs):  # performer first: same order in every process
            checked += 1
            if not _covered(facts, org, wf_id, flows[wf_id].capability, step):
                gaps.append((f"hand-off '{facts.name(step)}' in {flows[wf_id].name}: {facts.name(by)} -> {facts.name(to)}",
                             (org, step)))
    if p.include_contributors:
        for cap in contributing(facts):  # the others add nothing to check
            if coe_caps is not None and cap.id not in coe_caps:
                continue
            for org in cap.contributors:
                checked += 1
                if not _covered(facts, org, cap.id, *facts.workflows_of_cap.get(cap.id, ()), *cap.systems):
                    gaps.append((f"{facts.name(org)} contributes to {cap.name}", (org, cap.id)))
    if p.include_systems:
        for system in facts.chart.systems:
            if system.provider and (coe_systems is None or system.id in coe_systems):
                checked += 1
                if not _covered(facts, system.provider, system.id):
                    gaps.append((f"{facts.name(system.provider)} provides {system.name}", (system.provider, system.id)))
    for coe in facts.chart.coes:
        if coe.provider:
            checked += 1
            if not (coe.sla or _covered(facts, coe.provider, coe.id)):
                gaps.append((f"{facts.name(coe.provider)} runs {coe.name}", (coe.provider, coe.id)))
    if not checked:
        whose = "in the work of the CoEs" if p.coe_only else "in the chart"
        return not_applicable(f"no hand-off to or from an external organization, no contribution, "
                              f"system or CoE provided by one {whose}")
    findings = [Finding(f"{checked - len(gaps)} of {checked} external hand-offs and contributions are under an SLA")]
    by_org: dict[str, list[tuple[str, tuple]]] = {}
    for text, ids in gaps:
        by_org.setdefault(ids[0], []).append((text, ids))
    for org, items in list(by_org.items())[:8]:
        kind = getattr(facts.by_id.get(org), "kind", "organization")
        findings.append(Finding(f"no SLA with {facts.name(org)} ({kind}): " + listing([t for t, _ in items], 3),
                                tuple(dict.fromkeys(i for _, ids in items for i in ids))[:20]))
    if len(by_org) > 8:
        findings.append(Finding(f"and {len(by_org) - 8} more organizations without SLA"))
    return RuleResult(not gaps, round(share(checked - len(gaps), checked), 3), findings)


class ChainParams(Params):
    min_coes: int = 2
    external: bool = False
    """The chain must include a shared or outsourced CoE under SLA."""


@rule("value_chain", ChainParams)
def value_chain(facts: Facts, p: ChainParams) -> RuleResult:
    """A digital value chain links CoEs; optionally one of them is shared or outsourced under SLA."""
    coes = {c.id: c for c in facts.chart.coes}
    if not coes:
        return nothing_in_scope("no Center of Excellence in the chart")
    best, best_score = None, 0.0
    for chain in facts.chart.chains:
        external = [c for c in chain.coes if c in coes and coes[c].scope != "internal"
                    and (coes[c].sla or ((provider := coes[c].provider) and _covered(facts, provider, c)))]
        score = min(1.0, len(chain.coes) / p.min_coes) * (1.0 if external or not p.external else 0.5)
        if best is None or score > best_score:
            best, best_score = chain, score
    if best is None:
        return RuleResult(False, 0.0, [Finding("no digital value chain links the CoEs")])
    findings = [Finding(f"{best.name} links {listing_names(facts, best.coes)}", (best.id, *best.coes))]
    if p.external and best_score < 1.0:
        findings.append(Finding("no shared or outsourced CoE under SLA in the chain"))
    return RuleResult(best_score >= 1.0, round(best_score, 3), findings)
