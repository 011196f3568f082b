"""Rules that count structure across the capabilities: channels, workflows, content providers,
partners, systems and accountable people.

Each reads the capabilities in one pass, or the indexes of
:class:`~planner.maturity.facts.Facts`, and names the first few capabilities that
fall short (see :func:`.capabilities.who_list`).
"""

from __future__ import annotations

from itertools import chain, compress, repeat
from operator import attrgetter, eq, not_

from ...model.vocabulary import MOBILE_CHANNELS, Area
from ...textfmt import count
from ..facts import Facts
from .capabilities import who_ids, who_list
from .registry import Finding, Params, RuleResult, listing, listing_names, nothing_in_scope, rule, share

ID, CONTRIBUTORS = attrgetter("id"), attrgetter("contributors")
KIND = attrgetter("KIND")


class _Nobody:
    KIND = None


def in_areas(facts: Facts, areas) -> list:
    """The capabilities in ``areas`` (all when empty), in chart order, every one (ids may repeat
    in a chart assessed leniently); filtered in C, once per chart and set of areas."""
    if not areas:
        return facts.capabilities
    key = ("coverage:areas", ",".join(sorted(set(areas))))
    found = facts.rule_cache.get(key)
    if found is None:
        found = facts.rule_cache[key] = list(compress(facts.capabilities, map(frozenset(areas).__contains__, facts.cap_areas)))
    return found


class ChannelParams(Params):
    min: int = 1
    """Distinct channels needed across the capabilities in scope."""
    mobile: bool = False
    """One of them must be mobile (mobile web, app, tablet or SMS)."""
    areas: list[Area] = []


@rule("channels", ChannelParams)
def channels(facts: Facts, p: ChannelParams) -> RuleResult:
    """The number of distinct channels, and the presence of mobile."""
    scope = in_areas(facts, p.areas)
    if not scope:
        return nothing_in_scope("no capability " + (f"in {'/'.join(p.areas)} " if p.areas else "") + "in the chart")
    # every capability: the chart's channels, already gathered; else those of the scope's ids
    found = facts.all_channels if not p.areas else frozenset().union(*map(facts.channels.__getitem__, map(ID, scope)))
    mobile = bool(found & MOBILE_CHANNELS)
    passed = len(found) >= p.min and (mobile or not p.mobile)
    score = min(1.0, len(found) / p.min) * (1.0 if mobile or not p.mobile else 0.5)
    findings = [Finding(f"{count(len(found), 'channel')} in use: {', '.join(sorted(found)) or 'none'}")]
    if p.mobile and not mobile:
        findings.append(Finding("no mobile channel (mobile, app, tablet or sms)"))
    return RuleResult(passed, round(score, 3), findings)


class WorkflowParams(Params):
    areas: list[Area] = []
    min_share: float = 1.0
    """Share of capabilities in scope that have at least one workflow."""


@rule("workflows", WorkflowParams)
def workflows(facts: Facts, p: WorkflowParams) -> RuleResult:
    """A share of the capabilities in scope are carried out by documented workflows."""
    scope = in_areas(facts, p.areas)
    if not scope:
        return nothing_in_scope("no capability " + (f"in {'/'.join(p.areas)} " if p.areas else "") + "in the chart",
                                {} if p.areas else None)
    ids = list(map(ID, scope))
    has = dict(zip(ids, map(facts.workflows_of_cap.__contains__, ids)))
    done = sum(has.values())
    s = share(done, len(scope))
    findings = [Finding(f"{done} of {len(scope)} capabilities have a documented workflow")]
    missing = list(compress(scope, map(not_, map(has.__getitem__, ids))))
    if s < p.min_share and missing:
        findings.append(Finding("without a workflow: " + who_list(facts, missing, 5), who_ids(missing[:10])))
    return RuleResult(s >= p.min_share, round(s, 3), findings, has if p.areas else None)


class ProviderParams(Params):
    min: int = 2
    areas: list[Area] = ["creation"]
    practices_any: list[str] = []
    """Only capabilities with one of these practices count (all when empty)."""


@rule("content_providers", ProviderParams)
def content_providers(facts: Facts, p: ProviderParams) -> RuleResult:
    """Distinct providers (people, teams, agencies, partners) behind the content capabilities."""
    scope = in_areas(facts, p.areas) if p.areas else []  # no areas: nothing in scope
    if p.practices_any:
        practised = _practising(facts, p.practices_any)
        scope = list(compress(scope, map(practised.__contains__, map(ID, scope))))
    if not scope:
        practised_words = f" practising {' or '.join(p.practices_any)}" if p.practices_any else ""
        return nothing_in_scope(f"no capability in {'/'.join(p.areas)}{practised_words} in the chart")
    # each capability's accountable, responsible and contributors, in that order, first mention kept
    named = chain.from_iterable(([c.accountable] if c.accountable else (), c.responsible, c.contributors) for c in scope)
    ids = list(dict.fromkeys(chain.from_iterable(named)))
    findings = [Finding(f"{count(len(ids), 'content provider')}: " + (listing_names(facts, ids, 8) or "none"), tuple(ids[:20]))]
    return RuleResult(len(ids) >= p.min, round(min(1.0, len(ids) / p.min), 3), findings)


def _practising(facts: Facts, words) -> set[str]:
    """Ids of the capabilities with one of these evidenced practices: a capability's practices are
    disjoint from ``words`` exactly when its id is in none of their sets of the inverted index."""
    by_practice = facts.caps_by["practice"]
    return set().union(*(by_practice.get(w, ()) for w in words))


class PartnerParams(Params):
    kinds: list[str] = ["partner"]
    practices_any: list[str] = []
    """The partner contributes to a capability with one of these practices."""
    min: int = 1


@rule("partners", PartnerParams)
def partners(facts: Facts, p: PartnerParams) -> RuleResult:
    """External organizations of given kinds contribute to capabilities with given practices."""
    by_practice = facts.caps_by["practice"]
    if not (any(by_practice.get(w) for w in p.practices_any) if p.practices_any else facts.capabilities):
        practised = f" practising {' or '.join(p.practices_any)}" if p.practices_any else ""
        return nothing_in_scope(f"no capability{practised} in the chart")
    wanted = _orgs_of_kinds(facts, p.kinds)
    _, cap_ids, orgs = contributions(facts)  # only capabilities with contributors can add one
    if p.practices_any:
        orgs = list(compress(orgs, map(_practising(facts, p.practices_any).__contains__, cap_ids)))
    ids = list(dict.fromkeys(filter(wanted.__contains__, orgs)))  # first contribution first, filtered in C
    what = f"{'/'.join(p.kinds)} organizations" + (f" contributing to {' or '.join(p.practices_any)}" if p.practices_any else "")
    findings = [Finding(f"{len(ids)} {what}" + (": " + listing_names(facts, ids) if ids else ""), tuple(ids))]
    return RuleResult(len(ids) >= p.min, round(min(1.0, len(ids) / p.min), 3), findings)


def _orgs_of_kinds(facts: Facts, kinds: list[str]) -> set[str]:
    """Ids of the organizations of these kinds (the last kind of a repeated id); the ids and kinds read once per chart."""
    key = ("coverage:org_kinds", "")
    of = facts.rule_cache.get(key)
    if of is None:
        of = facts.rule_cache[key] = {o.id: o.kind for o in facts.chart.orgs}
    return {org for org, kind in of.items() if kind in kinds}


def contributing(facts: Facts) -> list:
    """The capabilities with at least one contributor, in chart order; once per chart."""
    found = facts.rule_cache.get(("coverage:contributing", ""))
    if found is None:
        caps = facts.capabilities
        found = facts.rule_cache[("coverage:contributing", "")] = list(compress(caps, map(CONTRIBUTORS, caps)))
    return found


def contributions(facts: Facts) -> tuple[list, list[str], list[str]]:
    """Every contribution as three parallel lists (capability, its id, contributor), in chart and
    contributor order; once per chart, so rules filter them in C rather than walk the capabilities."""
    found = facts.rule_cache.get(("coverage:contributions", ""))
    if found is None:  # each capability repeated once per contributor, in C (a loop per capability took 5 ms of 7)
        some = contributing(facts)
        per_cap = list(map(CONTRIBUTORS, some))
        times = list(map(len, per_cap))
        caps = list(chain.from_iterable(map(repeat, some, times)))
        ids = list(chain.from_iterable(map(repeat, map(ID, some), times)))
        found = facts.rule_cache[("coverage:contributions", "")] = (caps, ids, list(chain.from_iterable(per_cap)))
    return found


class ShareParams(Params):
    min_share: float = 1.0


@rule("capability_systems", ShareParams)
def capability_systems(facts: Facts, p: ShareParams) -> RuleResult:
    """A share of capabilities run on at least one system."""
    if not facts.capabilities:
        return nothing_in_scope("no capability in the chart", {})
    caps = facts.capabilities
    verdict = dict(zip(facts.cap_id_list, map(bool, map(attrgetter("systems"), caps))))
    without = [c for c in caps if not c.systems]
    s = share(len(verdict) - len(without), len(verdict))
    findings = [Finding(f"{len(verdict) - len(without)} of {len(verdict)} capabilities run on a system")]
    if without:
        findings.append(Finding("without a system: " + who_list(facts, without, 5),
                                tuple(c.id for c in without[:20])))
    return RuleResult(s >= p.min_share, round(s, 3), findings, verdict)


@rule("single_accountable", ShareParams)
def single_accountable(facts: Facts, p: ShareParams) -> RuleResult:
    """Exactly one accountable person per capability (the A of RACI)."""
    if not facts.capabilities:
        return nothing_in_scope("no capability in the chart", {})
    caps, ids = facts.capabilities, facts.cap_id_list
    if facts.ids_unique:  # a person's id is a key of team_of: no element fetched, and looked up once for the teams too
        person = facts.accountable_is_person
        verdict = dict(zip(ids, person))
        bad = list(compress(caps, map(not_, person)))
    else:  # the kind of each accountable element, looked up in C; no accountable (or an unknown id) is no person
        elements = map(facts.by_id.get, map(attrgetter("accountable"), caps), repeat(_Nobody))
        verdict = dict(zip(ids, map(eq, map(KIND, elements), repeat("person"))))
        bad = list(compress(caps, map(not_, map(verdict.__getitem__, ids))))
    s = share(len(verdict) - len(bad), len(verdict))
    findings = [Finding(f"{len(verdict) - len(bad)} of {len(verdict)} capabilities have exactly one accountable person")]
    if bad:
        findings.append(Finding("no accountable person: " + listing([c.name for c in bad[:7]]), tuple(c.id for c in bad[:20])))
    return RuleResult(s >= p.min_share, round(s, 3), findings, verdict)
