"""Rules that read data sources and systems: silos, the enterprise database, integration, loops."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from ...model import DataSource
from ...model.vocabulary import Area, DataKind
from ...textfmt import count, plural
from ..facts import Facts
from .registry import Finding, Params, RuleResult, listing, listing_names, not_applicable, nothing_in_scope, rule, share

MARKETING_DB_SOURCE_KINDS = ("suspect_buyer", "prospecting", "subscriber", "sales_force_automation",
                             "operational_crm", "analytic_data_mart", "targeted_messaging")
"""The seven kinds of source the marketing enterprise database integrates ("Customer Engagement: III.
Operational Capabilities of Marketing"); ``information.4.complete-enterprise-database`` asks for each."""


class SiloParams(Params):
    max_components: int = 1
    """Most groups of data sources not linked by ``feeds`` that still pass."""


@rule("data_silos", SiloParams)
def data_silos(facts: Facts, p: SiloParams) -> RuleResult:
    """Information silos: connected components of the data-source graph (``feeds`` links)."""
    if not facts.data_kind:
        return nothing_in_scope("no data sources in the chart")
    parts = sorted(facts.data_components, key=len, reverse=True)
    findings = [Finding(f"{count(len(parts), 'group')} of data sources not linked to each other")]
    if len(parts) > p.max_components:
        for part in parts[1:6]:
            ids = sorted(part)
            owners = {facts.name(o) for d in ids if (o := facts.by_id[d].owner)}
            tail = f" (stewards: {', '.join(sorted(owners))})" if owners else ""
            findings.append(Finding("silo: " + listing_names(facts, ids, 4) + tail, tuple(ids[:20])))
        if len(parts) > 6:
            findings.append(Finding(f"and {len(parts) - 6} more silos"))
    score = share(1, len(parts)) if len(parts) > p.max_components else 1.0
    return RuleResult(len(parts) <= p.max_components, round(score, 3), findings)


class EnterpriseParams(Params):
    min_kinds: int = 3
    """Distinct kinds of data that must reach the enterprise marketing database."""
    required_kinds: list[DataKind] = []
    """Kinds that must be among them."""
    every_source_of: list[DataKind] = []
    """Every data source of these kinds that the chart has must feed the database (the kinds it lacks are not asked)."""


def _upstream(facts: Facts, start: str) -> list[str]:
    """Every data source that feeds ``start``, directly or through others, in breadth-first order.

    The order is that of the search (nearest first, then chart order), never a set's,
    so findings read the same in every process.
    """
    seen, queue, found = {start}, deque([start]), []
    while queue:
        for src in facts.feeders.get(queue.popleft(), ()):
            if src not in seen:
                seen.add(src)
                found.append(src)
                queue.append(src)
    return found


@rule("enterprise_db", EnterpriseParams)
def enterprise_db(facts: Facts, p: EnterpriseParams) -> RuleResult:
    """An enterprise marketing database integrating data sources of several kinds."""
    if not facts.chart.data:
        return nothing_in_scope("no data sources in the chart")
    hubs = [d for d in facts.chart.data if d.kind == "enterprise_marketing_db"]
    if not hubs:
        return RuleResult(False, 0.0, [Finding("no enterprise marketing database: the data sources are not integrated "
                                               "into one marketing database")])
    best: tuple[float, DataSource, list[str], set[str], list[str]] | None = None
    for hub in hubs:
        feeders = _upstream(facts, hub.id)
        kinds = {facts.data_kind[d] for d in feeders} - {"enterprise_marketing_db"}
        missing: list[str] = [k for k in p.required_kinds if k not in kinds]
        linked = set(feeders)
        outside = [d for d in facts.chart.data if d.kind in p.every_source_of and d.id not in linked and d.id != hub.id]
        missing += [f"{d.name} ({d.kind})" for d in outside]
        wanted = len(p.required_kinds) + len(outside)
        required = share(wanted - len(missing), wanted) if wanted else 1.0
        score = min(1.0, len(kinds) / max(1, p.min_kinds)) * required
        if best is None or score > best[0]:
            best = (score, hub, feeders, kinds, missing)
    assert best is not None  # there is at least one hub
    score, hub, feeders, kinds, missing = best
    passed = len(kinds) >= p.min_kinds and not missing
    findings = [Finding(f"{hub.name} integrates {count(len(kinds), 'kind')} of data: {', '.join(sorted(kinds)) or 'none'}",
                        (hub.id, *feeders[:19]))]
    if missing:
        findings.append(Finding(f"{hub.name} receives no {', '.join(missing)} data"))
    if not passed:
        linked = set(feeders) | {hub.id}
        outside = [d for d in facts.chart.data if d.id not in linked]
        if outside:
            findings.append(Finding("not feeding it: " + listing([f"{d.name} ({d.kind})" for d in outside], 5),
                                    tuple(d.id for d in outside[:20])))
    return RuleResult(passed, round(score, 3), findings)


class DataSourceParams(Params):
    kinds_any: list[DataKind] = []
    kinds_all: list[DataKind] = []
    used_by_areas: list[Area] = []
    """The source must be used by a capability in one of these areas."""
    min_count: int = 1


@rule("data_sources", DataSourceParams)
def data_sources(facts: Facts, p: DataSourceParams) -> RuleResult:
    """Data sources of given kinds exist, optionally used by capabilities of given areas."""
    if not facts.chart.data:
        return nothing_in_scope("no data sources in the chart")
    used_by: Callable[[str], bool]
    if facts.caps_unique:  # the ids in those areas, a union of sets: no capability read
        used_by = facts.scope(p.used_by_areas)[1].__contains__
    else:
        area = {c.id: c.area for c in facts.capabilities}
        used_by = lambda c: area.get(c) in p.used_by_areas  # noqa: E731 - the same test, by the last of a repeated id
    found = [d for d in facts.chart.data
             if (not p.kinds_any or d.kind in p.kinds_any)
             and (not p.used_by_areas or any(map(used_by, facts.data_users.get(d.id, ()))))]
    kinds = {d.kind for d in found}
    missing = [k for k in p.kinds_all if k not in kinds]
    passed = len(found) >= p.min_count and not missing
    what = " or ".join(p.kinds_any) or "data"
    used = f" used by {'/'.join(p.used_by_areas)} capabilities" if p.used_by_areas else ""
    named = ": " + listing([d.name for d in found]) if found else ""
    findings = [Finding(f"{len(found)} {what} {plural(len(found), 'source')}{used}{named}", tuple(d.id for d in found[:20]))]
    if missing:
        findings.append(Finding(f"missing kinds: {', '.join(missing)}"))
    return RuleResult(passed, 1.0 if passed else round(min(1.0, len(found) / max(1, p.min_count)) * 0.5, 3), findings)


class ShareParams(Params):
    min_share: float = 1.0


@rule("data_stewardship", ShareParams)
def data_stewardship(facts: Facts, p: ShareParams) -> RuleResult:
    """Data sources have a steward (owner) and a home system."""
    data = facts.chart.data
    if not data:
        return not_applicable("no data sources in the chart (whether there are any is judged elsewhere)")
    bad = [d for d in data if not (d.owner and d.system)]
    s = share(len(data) - len(bad), len(data))
    findings = [Finding(f"{len(data) - len(bad)} of {len(data)} data sources have a steward and a system")]
    if bad:
        findings.append(Finding("lacking one: " + listing([d.name for d in bad], 5), tuple(d.id for d in bad[:20])))
    return RuleResult(s >= p.min_share, round(s, 3), findings)


@rule("system_owners", ShareParams)
def system_owners(facts: Facts, p: ShareParams) -> RuleResult:
    """Systems have an accountable owner (person or team)."""
    systems = facts.chart.systems
    if not systems:
        return not_applicable("no systems in the chart (whether there are any is judged elsewhere)")
    bad = [s for s in systems if not s.owner]
    sh = share(len(systems) - len(bad), len(systems))
    findings = [Finding(f"{len(systems) - len(bad)} of {len(systems)} systems have an owner")]
    if bad:
        findings.append(Finding("no owner: " + listing([s.name for s in bad], 5), tuple(s.id for s in bad[:20])))
    return RuleResult(sh >= p.min_share, round(sh, 3), findings)
