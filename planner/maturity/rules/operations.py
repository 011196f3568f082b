"""Rules about how the operation is run: functional tools, P&L metrics that name what steers it.

Both read structure the chart records for other reasons (systems behind each area's
capabilities, the P&L rows of Centers of Excellence), so no tag is needed.
"""

from __future__ import annotations

from ...model.vocabulary import Area
from ..facts import Facts
from .registry import Finding, Params, RuleResult, listing, nothing_in_scope, rule, share


class AreaParams(Params):
    min_share: float = 1.0
    """Share of the areas holding capabilities in which some capability runs on a system."""
    areas: list[Area] = ["creation", "delivery", "measurement", "service", "sales"]
    """The functional areas judged (management is left out: strategy needs no tool of its own)."""


@rule("area_systems", AreaParams)
def area_systems(facts: Facts, p: AreaParams) -> RuleResult:
    """Functional groups work with tools of their own: each area's capabilities include one on a system."""
    by_area = facts.caps_by["area"]
    present = [a for a in p.areas if by_area.get(a)]
    if not present:
        return nothing_in_scope(f"no capability in {'/'.join(p.areas)}")
    by_id = facts.by_id
    tooled = [a for a in present if any(by_id[c].systems for c in by_area[a])]
    bare = [a for a in present if a not in tooled]
    s = share(len(tooled), len(present))
    findings = [Finding(f"{len(tooled)} of {len(present)} functional areas have a capability on a system "
                        f"(need {p.min_share:.0%})" + (f"; without any: {', '.join(bare)}" if bare else ""))]
    verdict = {c: True for a in tooled for c in by_area[a] if by_id[c].systems}
    return RuleResult(s >= p.min_share, round(s, 3), findings, verdict)


class PnlParams(Params):
    words_any: list[str]
    """A P&L metric of some CoE names one of these (case-insensitive): ``lifetime value``, ``clv``."""


@rule("pnl_metrics", PnlParams)
def pnl_metrics(facts: Facts, p: PnlParams) -> RuleResult:
    """A Center of Excellence steers by a P&L metric that names the given measure."""
    coes = facts.chart.coes
    if not coes:
        return nothing_in_scope("no Center of Excellence, so no P&L metrics")
    words = [w.lower() for w in p.words_any]
    hits = [(coe, m) for coe in coes for m in coe.pnl if any(w in m.metric.lower() for w in words)]
    if hits:
        return RuleResult(True, 1.0, [Finding("P&L metrics: " + listing([f"{m.metric} ({coe.name})" for coe, m in hits], 4),
                                              tuple(dict.fromkeys(coe.id for coe, _ in hits)))])
    return RuleResult(False, 0.0, [Finding(f"no CoE P&L metric names {' or '.join(p.words_any)}")])
