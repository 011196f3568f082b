"""Which organizations' work lacks an SLA: the checks behind the ``external_sla`` rule (:mod:`.coe`).

An organization's SLA cover (does a contract with SLA rows cover everything, and what
do its contracts name) is read once per chart and organization; the loops read it
with one lookup, so an organization whose SLA covers everything costs nothing more
per hand-off or contribution. Gaps are worded only when a finding shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import compress

from ..facts import Facts
from .coverage import contributions


def _covered(facts: Facts, org_id: str, *targets: str | None) -> bool:
    """An SLA contract of the organization covers one of the targets, or covers everything (no ``covers``)."""
    blanket, covers = _sla_cover(facts, org_id)
    return blanket or any(t in covers for t in targets if t)


def _sla_cover(facts: Facts, org_id: str) -> tuple[bool, frozenset[str]]:
    """(an SLA contract of the element covers everything, what its SLA contracts name); once per chart and element."""
    memo = _cover_memo(facts)
    found = memo.get(org_id)
    if found is None:
        covers = [k.covers for k in getattr(facts.by_id.get(org_id), "contracts", ()) if k.sla]
        found = memo[org_id] = (not all(covers), frozenset().union(*covers))
    return found


def _cover_memo(facts: Facts) -> dict[str, tuple[bool, frozenset[str]]]:
    """The elements' SLA cover found so far (:func:`_sla_cover`): loops read it directly, one lookup each."""
    return facts.rule_cache.setdefault(("coe:sla_cover", ""), {})


def _coe_scope(facts: Facts) -> tuple[set[str], set[str]]:
    """(capability ids delivered by CoEs, system ids those capabilities run on)."""
    caps = {c for coe in facts.chart.coes for c in coe.capabilities}
    systems = {s for c in caps if c in facts.by_id for s in facts.by_id[c].systems}
    return caps, systems


Gap = tuple[Callable[[], str], tuple[str, str]]
"""What lacks an SLA: its wording (made only for the few a finding shows) and (organization, element)."""


def _handoff_gaps(facts: Facts, coe_caps: set[str] | None) -> tuple[int, list[Gap]]:
    """(organizations' hand-offs checked, those without SLA); the hand-offs with an organization are found once per chart."""
    key = ("coe:org_handoffs", "")
    if key not in facts.rule_cache:
        orgs, flows = facts.org_ids, {wf.id: wf for wf in facts.chart.workflows}
        facts.rule_cache[key] = [(by, to, flows[wf], step, [x for x in dict.fromkeys((by, to)) if x in orgs])
                                 for by, to, wf, step in facts.handoffs if by in orgs or to in orgs]
    checked = 0
    gaps: list[Gap] = []
    for by, to, wf, step, orgs in facts.rule_cache[key]:  # most hand-offs are between people: not in the list
        if coe_caps is not None and wf.capability not in coe_caps:
            continue
        for org in orgs:  # performer first: same order in every process
            checked += 1
            if not _covered(facts, org, wf.id, wf.capability, step):
                gaps.append((partial(_handoff_text, facts, by, to, wf, step), (org, step)))
    return checked, gaps


def _contribution_gaps(facts: Facts, coe_caps: set[str] | None) -> tuple[int, list[Gap]]:
    """(contributions checked, those without SLA), in chart and contributor order.

    Only an organization without an SLA covering everything can leave a contribution
    uncovered: those are found among the distinct contributors first, and the
    contributions read one by one only when there are some (5,000 contributions by
    organizations under SLA: under 1 ms instead of 4).
    """
    caps, cap_ids, orgs = contributions(facts)
    if coe_caps is not None:
        keep = list(map(coe_caps.__contains__, cap_ids))
        caps, orgs = list(compress(caps, keep)), list(compress(orgs, keep))
    cover, workflows = _cover_memo(facts), facts.workflows_of_cap
    exposed = {org for org in set(orgs) if not (cover.get(org) or _sla_cover(facts, org))[0]}
    gaps: list[Gap] = []
    for cap, org in zip(caps, orgs) if exposed else ():
        if org in exposed and not any(t in cover[org][1] for t in (cap.id, *workflows.get(cap.id, ()), *cap.systems) if t):
            gaps.append((partial(gap_text, facts, org, "contributes to", cap.name), (org, cap.id)))
    return len(orgs), gaps


def gap_text(facts: Facts, org: str, does: str, what: str) -> str:
    """``Acme contributes to Email campaigns``: how a finding words a gap."""
    return f"{facts.name(org)} {does} {what}"


def _handoff_text(facts: Facts, by: str, to: str, wf, step: str) -> str:
    return f"hand-off '{facts.name(step)}' in {wf.name}: {facts.name(by)} -> {facts.name(to)}"
