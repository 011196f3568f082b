"""Rules about how the operation is run: functional tools, P&L metrics that name what steers it.

Both read structure the chart records for other reasons (systems behind each area's
capabilities, the P&L rows of Centers of Excellence), so no tag is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain, compress

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
    on_system: Callable[[str], bool]
    if facts.ids_unique:  # an id is its capability's: a set test in C instead of fetching 10,000 capabilities
        on_system = facts.caps_with_systems.__contains__
    else:
        by_id = facts.by_id
        on_system = lambda c: bool(by_id[c].systems)  # noqa: E731 - the same test, element by element
    tooled = [a for a in present if any(map(on_system, by_area[a]))]
    bare = [a for a in present if a not in tooled]
    s = share(len(tooled), len(present))
    findings = [Finding(f"{len(tooled)} of {len(present)} functional areas have a capability on a system "
                        f"(need {p.min_share:.0%})" + (f"; without any: {', '.join(bare)}" if bare else ""))]
    verdict = dict.fromkeys(chain.from_iterable(compress(by_area[a], map(on_system, by_area[a])) for a in tooled), True)
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
