"""Rules about Centers of Excellence, value chains and external organizations' SLAs."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Literal

from ...model.vocabulary import CoeScope
from ..facts import Facts
from .registry import Finding, Params, RuleResult, listing, listing_names, not_applicable, nothing_in_scope, rule, share
from .sla_gaps import _coe_scope, _contribution_gaps, _cover_memo, _covered, _handoff_gaps, _sla_cover, gap_text

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


def _lacking(facts: Facts, p: CompleteParams, part: str) -> list[bool]:
    """Whether each CoE of the chart (chart order) lacks ``part``: once per chart and part, as the
    built-in models ask the same parts of the same CoEs in nine criteria."""
    key = ("coe:lacking", f"{part},{p.min_plan_years}" if part == "plan" else part)
    found = facts.rule_cache.get(key)
    if found is None:
        has = HAS[part]
        found = facts.rule_cache[key] = [not has(facts, coe, p) for coe in facts.chart.coes]
    return found


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


def _coe_labels(facts: Facts) -> list[str]:
    """:func:`_coe_label` of every CoE, chart order; once per chart (findings name each incomplete CoE)."""
    found = facts.rule_cache.get(("coe:labels", ""))
    if found is None:
        found = facts.rule_cache[("coe:labels", "")] = [_coe_label(facts, coe) for coe in facts.chart.coes]
    return found


@rule("coe_complete", CompleteParams)
def coe_complete(facts: Facts, p: CompleteParams) -> RuleResult:
    """CoE completeness: SLA, input/output acceptance, P&L, plan horizon, improvement, validation."""
    every = facts.chart.coes
    at = [i for i, c in enumerate(every) if not p.scopes or c.scope in p.scopes]
    coes = [every[i] for i in at]
    kind = "/".join(p.scopes) + " " if p.scopes else ""
    if not coes:
        if p.all_coes:  # "every CoE has ..." does not apply without CoEs; their existence is judged elsewhere
            return not_applicable(f"no {kind}Center of Excellence in the chart, so no CoE traits to judge")
        return nothing_in_scope(f"no {kind}Center of Excellence in the chart")
    words = dict(PART_WORDS, plan=f"a plan of {p.min_plan_years}+ years")
    columns = [(words[part], _lacking(facts, p, part)) for part in p.parts]
    gaps = dict(zip([c.id for c in coes], [[w for w, lacks in columns if lacks[i]] for i in at]))  # the last of a repeated id
    complete = [c for c in coes if not gaps[c.id]]
    passed = len(complete) == len(coes) if p.all_coes else len(complete) >= p.min_count
    traits = ", ".join(PART_WORDS[x] for x in p.parts) or "exists"
    need = "" if p.all_coes or p.min_count == 1 else f" (need {p.min_count})"
    findings = [Finding(f"{len(complete)} of {len(coes)} {kind}CoEs have {traits}{need}", tuple(c.id for c in complete))]
    labels = _coe_labels(facts) if p.all_coes or not passed else []
    for i, coe in zip(at, coes) if labels else ():
        if gaps[coe.id]:
            findings.append(Finding(f"{labels[i]} lacks {', '.join(gaps[coe.id])}", (coe.id,)))
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


class ExternalParams(Params):
    include_contributors: bool = True
    include_systems: bool = True
    coe_only: bool = False
    """Judge only the work of Centers of Excellence: their capabilities' hand-offs, contributors and systems."""


@rule("external_sla", ExternalParams)
def external_sla(facts: Facts, p: ExternalParams) -> RuleResult:
    """SLA coverage of every hand-off to or from an external organization, contribution and provided system."""
    coe_caps, coe_systems = _coe_scope(facts) if p.coe_only else (None, None)
    checked, gaps = _handoff_gaps(facts, coe_caps)
    if p.include_contributors:
        n, found = _contribution_gaps(facts, coe_caps)
        checked, gaps = checked + n, gaps + found
    cover = _cover_memo(facts)
    if p.include_systems:
        for system in facts.chart.systems:
            if system.provider and (coe_systems is None or system.id in coe_systems):
                checked += 1
                blanket, covers = cover.get(system.provider) or _sla_cover(facts, system.provider)
                if not (blanket or system.id in covers):
                    text = partial(gap_text, facts, system.provider, "provides", system.name)
                    gaps.append((text, (system.provider, system.id)))
    for coe in facts.chart.coes:
        if coe.provider:
            checked += 1
            if not (coe.sla or _covered(facts, coe.provider, coe.id)):
                gaps.append((partial(gap_text, facts, coe.provider, "runs", coe.name), (coe.provider, coe.id)))
    if not checked:
        whose = "in the work of the CoEs" if p.coe_only else "in the chart"
        return not_applicable(f"no hand-off to or from an external organization, no contribution, "
                              f"system or CoE provided by one {whose}")
    findings = [Finding(f"{checked - len(gaps)} of {checked} external hand-offs and contributions are under an SLA")]
    by_org: dict[str, list[tuple[Callable[[], str], tuple]]] = {}
    for gap in gaps:
        by_org.setdefault(gap[1][0], []).append(gap)
    for org, items in list(by_org.items())[:8]:
        kind = getattr(facts.by_id.get(org), "kind", "organization")
        texts = [text() for text, _ in items[:3]] + [""] * (len(items) - 3)  # only the shown ones are worded
        findings.append(Finding(f"no SLA with {facts.name(org)} ({kind}): " + listing(texts, 3),
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
