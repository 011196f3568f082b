"""Which capabilities meet a ``capabilities`` criterion, and which come nearest when too few do.

The selection is done with set operations on the inverted indexes of
:class:`~planner.maturity.facts.Facts` (about ten times faster than testing each
capability in Python); business functions (``functions_any``) are matched through
the few teams of those functions, and the conditions that compare counts
(``min_channels``...) are tested on the candidates left, which are few. The nearest
candidates are counted from the same indexes.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress, filterfalse, islice
from operator import add, not_

from ...model.vocabulary import Area, DataKind
from ..facts import Facts
from .registry import Params

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


def _union(index: dict[str, set[str]], words) -> set[str]:
    """A new set: the ids under any of the words (callers may change it)."""
    found: set[str] = set()
    for word in words:
        found |= index.get(word, set())
    return found


def matching(facts: Facts, p: CapabilityParams, scope_ids: frozenset[str]) -> set[str]:
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
    if p.functions_any:  # by the teams of those functions, first: often there is none
        ids = facts.run_by_functions(ids, {f.lower() for f in p.functions_any})
    if p.min_channels or p.min_data_kinds or p.min_systems:
        ids = with_enough(facts, p, ids) if facts.caps_unique else with_enough_one_by_one(facts, p, ids)
    return ids


def with_enough(facts: Facts, p: CapabilityParams, ids: set[str]) -> set[str]:
    """The ``ids`` with ``min_channels`` channels, ``min_data_kinds`` kinds of data and ``min_systems``
    systems or more; unique capability ids (an id stands for its capability).

    The channels and kinds are counted from the inverted indexes (a capability is under
    each of its distinct words once): one intersection per word instead of a set of
    words made per candidate. The candidates can be a whole area (``min_data_kinds`` of
    1,640 capabilities in measurement: 10.7 ms down to about 1 ms on the 100,000-element
    chart). The result is ``ids`` filtered in their own order, as the plain test gives it.
    """
    enough = ids
    for need, index in ((p.min_channels, facts.caps_by["channel"]), (p.min_data_kinds, facts.caps_by["data"])):
        if need and enough:
            counts: Counter[str] = Counter()
            for found in index.values():
                counts.update(found & enough)
            enough = set(compress(counts.keys(), map(need.__le__, counts.values())))
    if p.min_systems and enough:  # few candidates are left by then (``functions_any`` comes first)
        caps, pos = facts.capabilities, facts.cap_pos
        enough = {i for i in enough if len(caps[pos[i]].systems) >= p.min_systems}
    return set(filter(enough.__contains__, ids))


def with_enough_one_by_one(facts: Facts, p: CapabilityParams, ids: set[str]) -> set[str]:
    """:func:`with_enough` tested candidate by candidate, for any chart (the plain form; ids may repeat)."""
    caps, pos, channels, kinds = facts.capabilities, facts.cap_pos, facts.channels_of, facts.kinds_of
    return {i for i in ids if len(channels(i)) >= p.min_channels and len(kinds(i)) >= p.min_data_kinds
            and len(caps[pos[i]].systems) >= p.min_systems}  # the capability, even if another element shares its id


def nearest(facts: Facts, p: CapabilityParams, pool: list, ids: list[str], most: int = 3,
            pool_key: str | None = None) -> list:
    """The ``most`` capabilities of ``pool`` nearest to matching: precursor practices, channels, data.

    A capability scores a point per precursor practice it shows, one for a wanted
    channel and one for wanted data. Ties go to the earlier capability (the order of a
    stable sort by score, highest first). ``ids`` are the ids of ``pool``, in its order
    (the chart's). ``pool_key`` names a pool other criteria share (the head of a scope,
    when nothing matched): its set of ids is then made once per chart.
    """
    if facts.caps_unique:
        return _nearest_by_sets(facts, p, ids, most, pool_key)
    return _nearest_by_lists(facts, p, pool, ids, most)


def _pool_set(facts: Facts, ids: list[str], pool_key: str | None) -> frozenset[str]:
    """``frozenset(ids)``, made once per chart for a shared pool: the 30 failing criteria of the five models
    on the 100,000-element chart share 8 pools of 2,000 capabilities (about 0.3 ms each to make)."""
    if pool_key is None:
        return frozenset(ids)
    key = ("nearest:pool", f"{pool_key}:{len(ids)}")
    found = facts.rule_cache.get(key)
    if found is None:
        found = facts.rule_cache[key] = frozenset(ids)
    return found


def _precursors(p: CapabilityParams) -> frozenset[str]:
    wanted = list(p.practices_any) + [x for w in p.practices_all for x in w.split("|")]
    return frozenset().union(*(PRECURSORS.get(w, frozenset()) for w in wanted)) | frozenset(wanted)


def _nearest_by_sets(facts: Facts, p: CapabilityParams, ids: list[str], most: int, pool_key: str | None = None) -> list:
    """:func:`nearest` by intersecting the pool with the inverted indexes (unique ids: an id is its capability).

    Only the capabilities that score are counted, and the best are picked by score,
    then chart position: 5 ms instead of 12 ms for the failing criteria of the five
    models on the 100,000-element chart.
    """
    within, by = _pool_set(facts, ids, pool_key), facts.caps_by
    counts: Counter[str] = Counter()
    for word in _precursors(p):
        if word in by["practice"]:
            counts.update(by["practice"][word] & within)
    for words, index in ((p.channels_any, by["channel"]), (p.data_any, by["data"])):
        if words:  # one point however many of the words it has
            counts.update(set().union(*(index[w] & within for w in words if w in index)))
    caps, pos = facts.capabilities, facts.cap_pos
    picked: list[int] = []
    for value in sorted(set(counts.values()), reverse=True):
        tied = compress(counts.keys(), map(value.__eq__, counts.values()))
        picked += sorted(map(pos.__getitem__, tied))[:most - len(picked)]
        if len(picked) >= most:
            break
    if len(picked) < most:  # the earliest of those that score nothing
        picked += map(pos.__getitem__, islice(filterfalse(counts.__contains__, ids), most - len(picked)))
    return [caps[i] for i in picked]


def _nearest_by_lists(facts: Facts, p: CapabilityParams, pool: list, ids: list[str], most: int) -> list:
    """:func:`nearest` with a score per capability of the pool, for charts whose capability ids repeat.

    The scores are set look-ups mapped in C, and the best are picked by scanning for
    each of the few highest scores, not by sorting the pool.
    """
    score = [0] * len(ids)
    by_practice = facts.caps_by["practice"]
    for word in _precursors(p):
        if word in by_practice:
            score = list(map(add, score, map(by_practice[word].__contains__, ids)))
    for wanted_words, index in ((p.channels_any, facts.channels), (p.data_any, facts.data_kinds_of_cap)):
        if wanted_words:
            hits = map(not_, map(frozenset(wanted_words).isdisjoint, map(index.__getitem__, ids)))
            score = list(map(add, score, hits))
    picked: list[int] = []
    for value in sorted(set(score), reverse=True):
        picked += islice(compress(range(len(score)), map(value.__eq__, score)), most - len(picked))
        if len(picked) >= most:
            break
    return [pool[i] for i in picked]


def wanted_words(p: CapabilityParams) -> list[str]:
    """Every practice word the parameters look for (``a|b`` entries split)."""
    return list(dict.fromkeys([*p.practices_any, *(w for entry in p.practices_all for w in entry.split("|"))]))
