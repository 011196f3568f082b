"""When a practice tag counts: the structure that evidences each practice word.

A practice tag on a capability (``practices: [personalization]``) is a *claim*. A
consultant accepts it when the chart shows what the practice cannot run without:
the system it runs on, the data it reads, the workflow that carries it out, the
partner who contributes it. This table says, per known practice word, what that is;
:meth:`Backing.missing` tells what a capability lacks. The maturity rules read only
evidenced practices (``Facts.practices``); the claimed rest is reported as "claimed,
not evidenced" with what would evidence it, and counts for nothing. An attested
answer with evidence text can still meet a criterion.

The table is deliberately modest: it asks for the least that makes the practice
possible, not for best practice. Practices missing from it need no backing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import repeat
from operator import add, mul
from typing import Any

CUSTOMER_DATA = frozenset({"subscriber", "prospecting", "operational_crm", "sales_force_automation",
                           "enterprise_marketing_db", "loyalty", "targeted_messaging", "analytic_data_mart"})
"""Data sources that hold customers or prospects (lists, profiles, transactions)."""
TRANSACTION_DATA = frozenset({"operational_crm", "enterprise_marketing_db", "loyalty", "sales_force_automation",
                              "targeted_messaging", "analytic_data_mart"})
"""Data sources that hold buying history."""
BEHAVIOUR_DATA = TRANSACTION_DATA | {"web_analytics", "social_listening"}
"""Data sources that record what customers do (purchases, visits, conversations)."""
MODEL_DATA = frozenset({"analytic_data_mart", "enterprise_marketing_db"})
"""Data sources analysts build models and scores on."""


@dataclass(frozen=True)
class Backing:
    """What must sit behind a practice on the same capability for the tag to count."""

    system: bool = False
    """The capability runs on at least one system."""
    data_any: frozenset[str] = frozenset()
    """It uses a data source of one of these kinds (nothing needed when empty)."""
    or_workflow: bool = False
    """A documented workflow of the capability may stand in for the system."""
    or_contributor: bool = False
    """An external contributor (agency, partner, vendor) may stand in for the system."""
    channels_any: frozenset[str] = frozenset()
    """It works through one of these channels."""
    min_data_kinds: int = 0
    """It combines at least this many kinds of data."""

    def missing(self, has_system: bool, has_workflow: bool, has_contributor: bool,
                kinds: frozenset[str], channels: frozenset[str]) -> list[str]:
        """What the capability lacks, in words for a finding; empty when the practice is evidenced."""
        no_system = self.system and not (has_system or (self.or_workflow and has_workflow)
                                         or (self.or_contributor and has_contributor))
        return self.lacks(no_system, bool(self.data_any) and kinds.isdisjoint(self.data_any),
                          bool(self.channels_any) and channels.isdisjoint(self.channels_any), len(kinds))

    def lacks(self, no_system: bool, no_data: bool, no_channel: bool, n_kinds: int) -> list[str]:
        """The words of :meth:`missing` from what is already known to be lacking.

        Split out so :func:`judge_tags` can judge many capabilities with set
        operations and put into words only the few distinct verdicts.
        """
        out = []
        if no_system:
            alternatives = ["a system"] + (["a documented workflow"] if self.or_workflow else []) \
                + (["an external contributor"] if self.or_contributor else [])
            out.append(" or ".join(alternatives))
        if no_data:
            out.append("data of kind " + " or ".join(sorted(self.data_any)))
        if no_channel:
            out.append("a channel among " + ", ".join(sorted(self.channels_any)))
        if n_kinds < self.min_data_kinds:
            out.append(f"{self.min_data_kinds}+ kinds of data (uses {n_kinds})")
        return out


def _b(**kw: Any) -> Backing:
    values: dict[str, Any] = {k: frozenset(v) if isinstance(v, (set, list, tuple)) else v for k, v in kw.items()}
    return Backing(**values)


SYSTEM = _b(system=True)
SYSTEM_OR_WORKFLOW = _b(system=True, or_workflow=True)

BACKING: dict[str, Backing] = {
    # communication and programs
    "mass_email": _b(system=True, data_any=CUSTOMER_DATA, channels_any={"email", "direct_mail"}),
    "direct_marketing": _b(data_any=CUSTOMER_DATA, system=True, or_contributor=True),
    "campaign_management": SYSTEM,
    "proactive_outreach": _b(system=True, data_any=CUSTOMER_DATA),
    "segmentation": _b(system=True, data_any=CUSTOMER_DATA),
    "dynamic_segmentation": _b(system=True, data_any=BEHAVIOUR_DATA),
    "lead_scoring": _b(system=True, data_any=CUSTOMER_DATA | {"web_analytics"}),
    "personalization": _b(system=True, data_any=BEHAVIOUR_DATA),
    "one_to_one_personalization": _b(system=True, data_any=MODEL_DATA | {"targeted_messaging"}),
    "adaptive_pricing": _b(system=True, data_any=TRANSACTION_DATA),
    "loyalty_program": _b(data_any={"loyalty", "operational_crm", "subscriber"}),
    "loyalty_rewards": _b(system=True, data_any={"loyalty"}),
    "customer_value_scoring": _b(data_any=TRANSACTION_DATA),
    "lifetime_value": _b(data_any=MODEL_DATA | {"operational_crm", "loyalty"}),
    "predictive_modeling": _b(system=True, data_any=MODEL_DATA),
    "transaction_history_access": _b(system=True, data_any=TRANSACTION_DATA),
    "policy_managed_services": SYSTEM,
    "closed_loop_optimization": _b(system=True, data_any=BEHAVIOUR_DATA),
    # content
    "editorial_calendar": SYSTEM_OR_WORKFLOW,
    "web_ready_content": SYSTEM_OR_WORKFLOW,
    "rich_media": _b(system=True, or_workflow=True, or_contributor=True),
    "content_reuse": SYSTEM,
    "localization": _b(system=True, or_workflow=True, or_contributor=True),
    "audience_specific_content": SYSTEM_OR_WORKFLOW,
    "decentralized_content": SYSTEM_OR_WORKFLOW,
    "community_content": SYSTEM,
    "user_generated_content": SYSTEM,
    "ratings_reviews": SYSTEM,
    "syndication": _b(system=True, or_contributor=True),
    "cross_device_experience": _b(system=True, channels_any={"mobile", "app", "tablet"}),
    "social_engagement": _b(system=True, or_contributor=True, channels_any={"social", "chat"}),
    "search_optimization": _b(system=True, or_contributor=True, channels_any={"search", "web"}),
    # measurement
    "visitor_tracking": SYSTEM,
    "channel_analytics": SYSTEM,
    "variant_testing": SYSTEM,
    "customer_feedback": SYSTEM_OR_WORKFLOW,
    "social_monitoring": _b(system=True, data_any={"social_listening"}),
    "multi_source_analysis": _b(min_data_kinds=2),
    "financial_dashboard": _b(system=True, min_data_kinds=2),
    "wom_tracking": _b(system=True, or_contributor=True, data_any=BEHAVIOUR_DATA | {"prospecting"}),
    "lead_generation": _b(system=True, or_contributor=True),
    # operations
    "it_service_management": SYSTEM_OR_WORKFLOW,
    "media_services": _b(system=True, or_contributor=True),
    "strategic_planning": _b(system=True, or_workflow=True),
    "partner_selection": _b(system=True, or_workflow=True, or_contributor=True),
}
"""Practice word -> what evidences it on the same capability. Words not listed need nothing: of the known
words only ``reactive_service`` (answering customers who get in touch needs no tool)."""


def describe(word: str) -> str:
    """``needs a system and data of kind loyalty``: the backing of a word in one phrase."""
    backing = BACKING.get(word)
    if backing is None:
        return "needs nothing beyond the tag"
    parts = backing.missing(False, False, False, frozenset(), frozenset())
    return "needs " + " and ".join(parts) if parts else "needs nothing beyond the tag"


def judge_tags(word: str, ids: list[str], with_system: AbstractSet[str], with_workflow: Collection[str],
               with_contributor: AbstractSet[str], by_kind: Mapping[str, AbstractSet[str]],
               by_channel: Mapping[str, AbstractSet[str]], kinds_of: Callable[[str], frozenset[str]]) -> list[list[str]]:
    """What each capability of ``ids`` (every one tags ``word`` of :data:`BACKING`) lacks; ``[]`` where evidenced.

    ``by_kind`` and ``by_channel`` are the inverted indexes (a data kind or channel ->
    ids of the capabilities with it); ``kinds_of`` gives one capability's data kinds,
    read only for a word that counts them. The same answers as :meth:`Backing.missing`
    per capability, faster: what a capability lacks is found with set operations, the
    flags are mapped over the ids in C into one small number per capability (1: no
    system, 2: no data, 4: no channel, plus 8 per kind of data counted), and each
    distinct number is put into words once. The 15,000 tags of the 100,000-element chart
    take a little over half the time of a test and a dict entry per claim; a number
    instead of a tuple of the four flags saves about a quarter of what is left (no
    15,000 tuples made and hashed; medians 10.5 ms and 8 ms side by side, on a loaded
    machine). Requires unique capability ids.
    """
    b, n = BACKING[word], len(ids)

    def without(needed: frozenset[str], index: Mapping[str, AbstractSet[str]]) -> Iterable[bool]:
        """Per id: it has none of ``needed`` (by the inverted index)."""
        return map(set(ids).difference(*(index[w] for w in needed if w in index)).__contains__, ids)

    code: Iterable[int] = repeat(0, n)
    if b.system:
        lacking = set(ids).difference(with_system)
        if b.or_workflow:
            lacking.difference_update(with_workflow)
        if b.or_contributor:
            lacking.difference_update(with_contributor)
        code = map(add, code, map(lacking.__contains__, ids))
    if b.data_any:
        code = map(add, code, map(mul, without(b.data_any, by_kind), repeat(2)))
    if b.channels_any:
        code = map(add, code, map(mul, without(b.channels_any, by_channel), repeat(4)))
    if b.min_data_kinds:  # only below the minimum does the count show in the words
        code = map(add, code, map(mul, map(min, map(len, map(kinds_of, ids)), repeat(b.min_data_kinds)), repeat(8)))
    codes = list(code)
    said = {c: b.lacks(bool(c & 1), bool(c & 2), bool(c & 4), c >> 3) for c in set(codes)}
    return list(map(said.__getitem__, codes))


__all__ = ["BACKING", "Backing", "describe", "judge_tags"]
