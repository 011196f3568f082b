"""Rules that follow links between systems, data and lines of business: system integration (through
hubs), integration across lines of business, and the closed loop from measurement back to creation.

Each follows links once over the whole chart (linear in elements and links); the
data rules that read sources one by one are in :mod:`.data`.
"""

from __future__ import annotations

from ...model.vocabulary import Area, SystemRole
from ...textfmt import count
from ..facts import Facts
from ..facts_base import linked_groups
from .coverage import in_areas
from .registry import Finding, Params, RuleResult, listing, listing_names, not_applicable, nothing_in_scope, rule, share


class IntegrationParams(Params):
    from_role: SystemRole = "engagement"
    to_role: SystemRole = "record"
    min_share: float = 1.0


@rule("system_integration", IntegrationParams)
def system_integration(facts: Facts, p: IntegrationParams) -> RuleResult:
    """Systems of one role (engagement) integrate with systems of another (record)."""
    linked = _reaching(facts, p.to_role)
    scope = [s for s in facts.chart.systems if s.role == p.from_role]
    if not scope:
        return nothing_in_scope(f"no systems of {p.from_role} in the chart")
    bad = [s for s in scope if s.id not in linked]
    good = len(scope) - len(bad)
    sh = share(good, len(scope))
    findings = [Finding(f"{good} of {len(scope)} systems of {p.from_role} integrate with a system of {p.to_role}")]
    if bad:
        def label(s):
            owner = f", owner {facts.name(s.owner)}" if s.owner else ""
            vendor = f", from {facts.name(s.provider)}" if s.provider else ""
            return f"{s.name}{vendor}{owner}"
        shown = [label(s) for s in bad[:5]] + [""] * (len(bad) - 5)  # only the named ones are worded
        findings.append(Finding("not integrated: " + listing(shown, 5), tuple(s.id for s in bad[:20])))
    return RuleResult(sh >= p.min_share, round(sh, 3), findings)


def _reaching(facts: Facts, role: str) -> set[str]:
    """Ids of the systems that exchange data with a system of ``role``, directly or through other systems.

    Integration through a hub (an integration platform, a customer data platform) is
    integration: systems are grouped by ``integrates`` links (either way) and every
    system in a group holding a system of ``role`` reaches it. A system of ``role``
    reaches one only through a link. Once per chart and role (criteria differ by share).
    """
    key = ("integration:reaching", role)
    reached = facts.rule_cache.get(key)
    if reached is None:
        role_of = {s.id: s.role for s in facts.chart.systems}
        reached = facts.rule_cache[key] = set().union(*(group for group in _system_groups(facts)
                                                        if len(group) > 1 and any(role_of[x] == role for x in group)))
    return reached


def _system_groups(facts: Facts) -> list[set[str]]:
    """The systems grouped by ``integrates`` links (either way), linear in systems and links; once per chart."""
    found = facts.rule_cache.get(("integration:groups", ""))
    if found is not None:
        return found
    systems = facts.chart.systems
    links: dict[str, set[str]] = {s.id: set() for s in systems}
    for s in systems:
        for other in s.integrates:
            if other in links and other != s.id:
                links[s.id].add(other)
                links[other].add(s.id)
    groups = linked_groups(links)
    facts.rule_cache[("integration:groups", "")] = groups
    return groups


class LobParams(Params):
    min_lobs: int = 2


@rule("lob_integration", LobParams)
def lob_integration(facts: Facts, p: LobParams) -> RuleResult:
    """Integration across lines of business: one linked group of data sources serves every line."""
    lobs_of: dict[str, set[str]] = {d.id: ({d.lob} if d.lob else set()) for d in facts.chart.data}
    cap_lobs = facts.cap_lobs
    for d, users in facts.data_users.items():  # each source: the lines of the capabilities using it, merged in C
        if d in lobs_of:
            lobs_of[d].update(*map(cap_lobs.__getitem__, users))
    every = set().union(*lobs_of.values()) if lobs_of else set()
    every |= facts.served_lobs
    if not every or len(every) < p.min_lobs:
        named = ", ".join(sorted(every)) or "none named"
        return not_applicable(f"{count(len(every), 'line')} of business ({named}); integration across lines is judged "
                              f"where there are {max(2, p.min_lobs)} or more")
    best: set[str] = set()
    best_part: set[str] = set()
    for part in facts.data_components:
        covered = set().union(*(lobs_of[d] for d in part))
        if len(covered) > len(best):
            best, best_part = covered, part
    passed = best == every
    findings = [Finding(f"lines of business: {', '.join(sorted(every))}; the best-linked data serves "
                        f"{', '.join(sorted(best)) or 'none'}", tuple(sorted(best_part))[:20])]
    for lob in sorted(every - best):
        ids = [d for d, ls in lobs_of.items() if lob in ls]
        findings.append(Finding(f"{lob} data is not linked to the rest: " + (listing_names(facts, ids, 4) or "no data source"),
                                tuple(ids[:20])))
    return RuleResult(passed, round(share(len(best), len(every)), 3), findings)


class LoopParams(Params):
    from_areas: list[Area] = ["measurement"]
    to_areas: list[Area] = ["creation", "delivery"]


@rule("closed_loop", LoopParams)
def closed_loop(facts: Facts, p: LoopParams) -> RuleResult:
    """A closed loop: measurement results reach creation through shared data, a feed or a hand-off."""
    src = in_areas(facts, p.from_areas) if p.from_areas else []  # no areas: nothing in scope
    dst = in_areas(facts, p.to_areas) if p.to_areas else []
    if not src or not dst:
        return nothing_in_scope(f"no {'/'.join(p.from_areas if not src else p.to_areas)} capability in the chart")
    practised = facts.caps_by["practice"].get("closed_loop_optimization")  # the ids with the practice evidenced
    explicit = [c for c in src + dst if c.id in practised] if practised else []
    if explicit:
        who = listing([facts.who(c) for c in explicit], 3)
        return RuleResult(True, 1.0, [Finding("closed-loop optimization practised by " + who, tuple(c.id for c in explicit))])
    dst_data = {d: c for c in dst for d in c.data}
    for m in src:
        for d in m.data:
            if d not in facts.data_kind:
                continue
            target = dst_data.get(d)
            if target is None:
                target = next((dst_data[t] for t in facts.by_id[d].feeds if t in dst_data), None)
            if target is not None:
                feeds = f"{m.name} feeds {target.name} through {facts.name(d)}"
                return RuleResult(True, 1.0, [Finding(feeds, (m.id, d, target.id))])
    people_dst = {r: c for c in dst for r in [c.accountable, *c.responsible] if r}
    flows = {wf.id: wf.capability for wf in facts.chart.workflows}
    src_ids = {c.id for c in src}
    people_src = {r for c in src for r in [c.accountable, *c.responsible] if r}
    for by, to, wf, step in facts.handoffs:
        if (flows.get(wf) in src_ids or by in people_src) and to in people_dst:
            return RuleResult(True, 1.0, [Finding(f"{facts.name(by)} hands {facts.name(step)} to {facts.name(to)}, "
                                                  f"who works on {people_dst[to].name}", (by, step, to))])
    return RuleResult(False, 0.0, [Finding("no loop from " + listing([facts.who(c) for c in src], 3) + " back to "
                                           + listing([c.name for c in dst], 3)
                                           + ": no shared data source, feed or hand-off", tuple(c.id for c in src[:20]))])
