"""Rules that read capabilities: practices, channels, data used, workflows, lifecycle states."""

from __future__ import annotations

import heapq

from ...model.vocabulary import MOBILE_CHANNELS, Area, DataKind
from ...textfmt import count
from ..facts import Facts
from .registry import Finding, Params, RuleResult, listing, nothing_in_scope, rule, share

CANDIDATE_POOL = 2000
"""Nearest candidates are sought among the first this many non-matching capabilities (bounded work on big charts)."""

PRECURSORS: dict[str, frozenset[str]] = {
    "loyalty_rewards": frozenset({"loyalty_program"}),
    "customer_value_scoring": frozenset({"loyalty_program", "loyalty_rewards", "segmentation", "transaction_history_access"}),
    "lifetime_value": frozenset({"customer_value_scoring", "loyalty_rewards", "predictive_modeling"}),
    "segmentation": frozenset({"mass_email", "direct_marketing", "campaign_management"}),
    "dynamic_segmentation": frozenset({"segmentation", "lead_scoring"}),
    "personalization": frozenset({"segmentation", "campaign_management", "search_optimization"}),
    "one_to_one_personalization": frozenset({"personalization", "dynamic_segmentation"}),
    "proactive_outreach": frozenset({"campaign_management", "segmentation", "reactive_service"}),
    "adaptive_pricing": frozenset({"loyalty_rewards", "customer_value_scoring", "campaign_management"}),
    "predictive_modeling": frozenset({"channel_analytics", "segmentation", "multi_source_analysis"}),
    "variant_testing": frozenset({"campaign_management", "channel_analytics", "visitor_tracking"}),
    "customer_feedback": frozenset({"reactive_service", "social_monitoring"}),
    "social_monitoring": frozenset({"customer_feedback", "social_engagement"}),
    "rich_media": frozenset({"web_ready_content", "editorial_calendar"}),
    "channel_analytics": frozenset({"visitor_tracking"}),
}
"""Practices that usually come before another: capabilities with them are the likeliest to take the next one on."""


def _nearest(facts: Facts, p: CapabilityParams, pool: list, ids: list[str], most: int = 3) -> list:
    """The ``most`` capabilities of ``pool`` nearest to matching: precursor practices, channels, data.

    Ties go to the earlier capability (``heapq.nlargest`` is stable); the scores are
    computed with set operations in C rather than by a key function per capability.
    """
    wanted = list(p.practices_any) + [x for w in p.practices_all for x in w.split("|")]
    precursors = frozenset().union(*(PRECURSORS.get(w, frozenset()) for w in wanted)) | frozenset(wanted)
    practices = facts.practices
    score = list(map(len, map(precursors.intersection, map(practices.__getitem__, ids))))
    for wanted_words, index in ((p.channels_any, facts.channels), (p.data_any, facts.data_kinds_of_cap)):
        if wanted_words:
            for i, cid in enumerate(ids):
                if not index[cid].isdisjoint(wanted_words):
                    score[i] += 1
    return [pool[i] for i in heapq.nlargest(most, range(len(pool)), key=score.__getitem__)]


class CapabilityParams(Params):
    areas: list[Area] = []
    """Only capabilities in these areas are in scope (all when empty)."""
    practices_any: list[str] = []
    """A match practises at least one of these."""
    practices_all: list[str] = []
    """A match practises all of these; an entry ``a|b`` is met by either practice."""
    channels_any: list[str] = []
    """A match works through at least one of these channels."""
    data_any: list[DataKind] = []
    """A match uses a data source of at least one of these kinds."""
    with_system: bool = False
    """A match runs on at least one system."""
    with_workflow: bool = False
    """A match is carried out by at least one documented workflow."""
    functions_any: list[str] = []
    """A match is run by a team of one of these business functions (``IT``): the accountable person's
    team, or a responsible team (case-insensitive)."""
    min_systems: int = 0
    """A match runs on at least this many systems."""
    min_channels: int = 0
    """A match works through at least this many channels."""
    min_data_kinds: int = 0
    """A match uses data of at least this many kinds."""
    min_lobs: int = 0
    """The matches together serve at least this many lines of business, or every line the chart has when it has fewer."""
    min_count: int = 1
    """At least this many capabilities match."""
    min_share: float | None = None
    """At least this share of the capabilities in scope match."""


def who_list(facts: Facts, caps: list, most: int) -> str:
    """``A (accountable: X), B (accountable: Y) and 9 more``, formatting only what is shown."""
    shown = ", ".join(facts.who(c) for c in caps[:most])
    return shown + (f" and {len(caps) - most} more" if len(caps) > most else "")


def who_ids(caps) -> tuple[str, ...]:
    """Ids of the capabilities and of their accountable people, for a finding's ``elements``."""
    ids = [c.id for c in caps] + [c.accountable for c in caps if c.accountable]
    return tuple(dict.fromkeys(ids))


def _describe(p: CapabilityParams) -> str:
    parts = []
    practices = [w.replace("|", " or ") for w in p.practices_all]
    if p.practices_any:
        practices.append(p.practices_any[0] if len(p.practices_any) == 1 else "one of " + "/".join(p.practices_any))
    if practices:
        parts.append("practises " + " and ".join(practices))
    if p.channels_any:
        parts.append("works through " + " or ".join(p.channels_any))
    if p.data_any:
        parts.append("uses " + " or ".join(p.data_any) + " data")
    if p.with_system:
        parts.append("runs on a system")
    if p.with_workflow:
        parts.append("has a documented workflow")
    if p.functions_any:
        parts.append("is run by a team of function " + " or ".join(p.functions_any))
    if p.min_systems:
        parts.append(f"runs on {p.min_systems}+ systems")
    if p.min_channels:
        parts.append(f"covers {p.min_channels}+ channels")
    if p.min_data_kinds:
        parts.append(f"combines {p.min_data_kinds}+ kinds of data")
    return ", ".join(parts) or "exists"


def _union(index: dict[str, set[str]], words) -> set[str]:
    """A new set: the ids under any of the words (callers may change it)."""
    found: set[str] = set()
    for word in words:
        found |= index.get(word, set())
    return found


def _matching(facts: Facts, p: CapabilityParams, scope_ids: frozenset[str]) -> set[str]:
    """Ids of the capabilities in scope that meet every condition, by set operations.

    The condition sets are intersected smallest first, so the work follows the
    number of candidates rather than the number of capabilities.
    """
    by = facts.caps_by
    sets = [_union(by["practice"], entry.split("|")) for entry in p.practices_all]
    if p.practices_any:
        sets.append(_union(by["practice"], p.practices_any))
    if p.channels_any:
        sets.append(_union(by["channel"], p.channels_any))
    if p.data_any:
        sets.append(_union(by["data"], p.data_any))
    if sets:
        sets.sort(key=len)
        ids = sets[0]
        for other in sets[1:]:
            ids &= other
        if p.areas:
            ids &= scope_ids
    else:
        ids = set(scope_ids)
    if p.with_system:  # set operations in C, not a test per capability
        ids = ids & facts.caps_with_systems
    if p.with_workflow:
        ids = ids & facts.workflows_of_cap.keys()
    if p.min_channels or p.min_data_kinds or p.min_systems:
        caps, channels, kinds = facts.by_id, facts.channels, facts.data_kinds_of_cap
        ids = {i for i in ids if len(channels[i]) >= p.min_channels and len(kinds[i]) >= p.min_data_kinds
               and len(caps[i].systems) >= p.min_systems}
    if p.functions_any:
        wanted, functions = {f.lower() for f in p.functions_any}, facts.cap_functions
        ids = {i for i in ids if not functions[i].isdisjoint(wanted)}
    return ids


def wanted_words(p: CapabilityParams) -> list[str]:
    """Every practice word the parameters look for (``a|b`` entries split)."""
    return list(dict.fromkeys([*p.practices_any, *(w for entry in p.practices_all for w in entry.split("|"))]))


def claim_findings(facts: Facts, words, most: int = 3) -> list[Finding]:
    """``claimed, not evidenced: CAP tags WORD but lacks ...`` for the first claims of ``words``."""
    found = facts.claimed_by(words)
    out = [Finding(f"claimed, not evidenced: {cap.name} tags {word} but lacks {' and '.join(lacks)}", (cap.id,))
           for cap, word, lacks in found[:most]]
    if len(found) > most:
        out.append(Finding(f"and {len(found) - most} more unevidenced claims"))
    return out


def lobs_needed(facts: Facts, p: CapabilityParams) -> int:
    """``min_lobs``, or every line of business the chart names when it names fewer (one line needs one)."""
    if not p.min_lobs:
        return 0
    every = set().union(*facts.cap_lobs.values()) if facts.capabilities else set()
    every |= {t.lob for t in facts.chart.teams if t.lob}
    return max(1, min(p.min_lobs, len(every)))


@rule("capabilities", CapabilityParams)
def capabilities(facts: Facts, p: CapabilityParams) -> RuleResult:
    """Some (or a share of) capabilities in the given areas show the given practices, channels, data or systems.

    Practices count only where the chart evidences them (:mod:`planner.maturity.evidence`);
    the verdict per capability (``per_capability``) marks the capabilities that supply the evidence.
    """
    scope, scope_ids = facts.scope(p.areas)
    where = ("in " + "/".join(p.areas) + " ") if p.areas else ""
    if not scope:
        return nothing_in_scope(f"no capability {where}in the chart")
    matched = _matching(facts, p, scope_ids)
    # chart order, without testing every capability when few match
    matches = scope if len(matched) == len(scope) else facts.in_chart_order(matched, p.areas)
    need_lobs = lobs_needed(facts, p)
    lobs = set().union(*(facts.cap_lobs[c.id] for c in matches)) if need_lobs and matches else set()
    ok_share = p.min_share is None or share(len(matches), len(scope)) >= p.min_share
    passed = len(matches) >= p.min_count and ok_share and len(lobs) >= need_lobs
    need = max(p.min_count, 1)
    score = min(1.0, len(matches) / need) if p.min_share is None else share(len(matches), len(scope))
    if need_lobs:
        score = min(score, len(lobs) / need_lobs)
    what = _describe(p)
    findings = []
    if matches:
        findings.append(Finding(f"{len(matches)} of {len(scope)} capabilities {where}{what}"
                                + (f" (need {p.min_count})" if p.min_count > 1 else "")
                                + (f" (need {p.min_share:.0%})" if p.min_share is not None else "")
                                + ": " + who_list(facts, matches, 4), who_ids(matches[:10])))
    else:
        findings.append(Finding(f"no capability {where}{what}"))
    claims = claim_findings(facts, wanted_words(p)) if not passed else []
    if not passed:
        missing = len(scope) - len(matches)
        if missing:
            # the first CANDIDATE_POOL non-matching capabilities, in chart order: stop early
            pool, pool_ids = facts.first_not_in(matched, p.areas, CANDIDATE_POOL)
            nearest = _nearest(facts, p, pool, pool_ids)
            more = f" and {missing - 3} more" if missing > 3 else ""
            findings.append(Finding("nearest candidates: " + ", ".join(facts.who(c) for c in nearest) + more,
                                    who_ids(nearest)))
        if need_lobs and len(lobs) < need_lobs:
            findings.append(Finding(f"lines of business served: {', '.join(sorted(lobs)) or 'none'} "
                                    f"(need {need_lobs})"))
    return RuleResult(passed, round(score, 3), findings + claims, dict.fromkeys(matched, True), claims=claims)


class ChannelParams(Params):
    min: int = 1
    """Distinct channels needed across the capabilities in scope."""
    mobile: bool = False
    """One of them must be mobile (mobile web, app, tablet or SMS)."""
    areas: list[Area] = []


@rule("channels", ChannelParams)
def channels(facts: Facts, p: ChannelParams) -> RuleResult:
    """The number of distinct channels, and the presence of mobile."""
    areas = set(p.areas)
    scope = [c for c in facts.capabilities if not areas or c.area in areas]
    if not scope:
        return nothing_in_scope("no capability " + (f"in {'/'.join(p.areas)} " if p.areas else "") + "in the chart")
    found = frozenset().union(*(facts.channels[c.id] for c in scope))
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
    areas = set(p.areas)
    scope = [c for c in facts.capabilities if not areas or c.area in areas]
    if not scope:
        return nothing_in_scope("no capability " + (f"in {'/'.join(p.areas)} " if p.areas else "") + "in the chart",
                                {} if p.areas else None)
    has = {c.id: c.id in facts.workflows_of_cap for c in scope}
    done = sum(has.values())
    s = share(done, len(scope))
    findings = [Finding(f"{done} of {len(scope)} capabilities have a documented workflow")]
    missing = [c for c in scope if not has[c.id]]
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
    providers: dict[str, None] = {}
    scope = [c for c in facts.capabilities if c.area in p.areas
             and not (p.practices_any and facts.practices[c.id].isdisjoint(p.practices_any))]
    if not scope:
        practised = f" practising {' or '.join(p.practices_any)}" if p.practices_any else ""
        return nothing_in_scope(f"no capability in {'/'.join(p.areas)}{practised} in the chart")
    for cap in scope:
        for pid in ([cap.accountable] if cap.accountable else []) + cap.responsible + cap.contributors:
            providers.setdefault(pid)
    ids = list(providers)
    findings = [Finding(f"{count(len(ids), 'content provider')}: " + (listing(facts.names(ids), 8) or "none"), tuple(ids[:20]))]
    return RuleResult(len(ids) >= p.min, round(min(1.0, len(ids) / p.min), 3), findings)


class PartnerParams(Params):
    kinds: list[str] = ["partner"]
    practices_any: list[str] = []
    """The partner contributes to a capability with one of these practices."""
    min: int = 1


@rule("partners", PartnerParams)
def partners(facts: Facts, p: PartnerParams) -> RuleResult:
    """External organizations of given kinds contribute to capabilities with given practices."""
    kinds = {o.id: o.kind for o in facts.chart.orgs}
    found: dict[str, None] = {}
    scope = [c for c in facts.capabilities if not (p.practices_any and facts.practices[c.id].isdisjoint(p.practices_any))]
    if not scope:
        practised = f" practising {' or '.join(p.practices_any)}" if p.practices_any else ""
        return nothing_in_scope(f"no capability{practised} in the chart")
    for cap in scope:
        for org in cap.contributors:
            if kinds.get(org) in p.kinds:
                found.setdefault(org)
    ids = list(found)
    what = f"{'/'.join(p.kinds)} organizations" + (f" contributing to {' or '.join(p.practices_any)}" if p.practices_any else "")
    findings = [Finding(f"{len(ids)} {what}" + (": " + listing(facts.names(ids)) if ids else ""), tuple(ids))]
    return RuleResult(len(ids) >= p.min, round(min(1.0, len(ids) / p.min), 3), findings)


class ShareParams(Params):
    min_share: float = 1.0


@rule("capability_systems", ShareParams)
def capability_systems(facts: Facts, p: ShareParams) -> RuleResult:
    """A share of capabilities run on at least one system."""
    if not facts.capabilities:
        return nothing_in_scope("no capability in the chart", {})
    verdict = {c.id: bool(c.systems) for c in facts.capabilities}
    without = [c for c in facts.capabilities if not c.systems]
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
    verdict = {c.id: facts.kind(c.accountable) == "person" if c.accountable else False for c in facts.capabilities}
    bad = [c for c in facts.capabilities if not verdict[c.id]]
    s = share(len(verdict) - len(bad), len(verdict))
    findings = [Finding(f"{len(verdict) - len(bad)} of {len(verdict)} capabilities have exactly one accountable person")]
    if bad:
        findings.append(Finding("no accountable person: " + listing([c.name for c in bad[:7]]), tuple(c.id for c in bad[:20])))
    return RuleResult(s >= p.min_share, round(s, 3), findings, verdict)
