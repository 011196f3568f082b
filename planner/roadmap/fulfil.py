"""Completing a solution's change so the chart shows what a criterion's rule reads.

A practice tag alone counts for nothing (:mod:`planner.maturity.evidence`): a
segmentation practice needs a system and customer data on the same capability.
A catalog change written for one chart cannot know which capability to extend or
which data source to attach in another, so after a solution's own change lands,
the projection completes it for each criterion the solution was planned to close,
from that criterion's rule and parameters: the least structure that makes the rule
hold, reusing what the chart has (the solution's own new system first), creating
what it lacks under fresh ids. This is also how a criterion of a custom model is
closed by a catalog entry that names its rule (``closes_rules``).

Rules whose structure is judgment (spans of control, single points of failure,
workflow integrity, silos) are left to the catalog's own changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..maturity.evidence import BACKING

Element = dict[str, Any]

AREA_FOR_PRACTICE = {"editorial_calendar": "creation", "web_ready_content": "creation", "rich_media": "creation",
                     "localization": "creation", "visitor_tracking": "measurement", "channel_analytics": "measurement",
                     "variant_testing": "measurement", "social_monitoring": "measurement",
                     "predictive_modeling": "measurement", "strategic_planning": "management",
                     "it_service_management": "management", "financial_dashboard": "measurement"}
"""Where a new capability for a practice goes when the criterion names no area."""
SYSTEM_ROLE = {"measurement": "insight", "management": "insight", "service": "record", "sales": "record"}


class Context:
    """The chart being projected and what the current solution brought to it."""

    def __init__(self, data: dict[str, Any], lead: str | None, added: list[str], fresh: Callable[[str], str],
                 solution_name: str):
        self.data = data
        self._lead = lead
        self.added = set(added)
        self.fresh = fresh
        self.name = solution_name

    @property
    def lead(self) -> str:
        """Who is accountable for new work; a chart with nobody gets a lead to appoint."""
        if self._lead is None:
            self._lead = self.new("people", "p-engagement-lead", name="Customer engagement lead (to appoint)",
                                  title="Head of Customer Engagement")
        return self._lead

    def section(self, name: str) -> list[Element]:
        return self.data.setdefault(name, [])

    def by_id(self, section: str) -> dict[str, Element]:
        return {e["id"]: e for e in self.section(section)}

    def kinds(self, cap: Element) -> set[str]:
        data = self.by_id("data")
        return {data[d]["kind"] for d in cap.get("data") or [] if d in data}

    def system_for(self, area: str) -> str:
        """The solution's own new system, else an existing one of the area's role, else any, else a new one."""
        systems = self.section("systems")
        own = [s["id"] for s in systems if s["id"] in self.added]
        if own:
            return own[0]
        role = SYSTEM_ROLE.get(area, "engagement")
        for wanted in (role, None):
            for s in systems:
                if wanted is None or s.get("role") == wanted:
                    return s["id"]
        return self.new("systems", f"sys-{area}", name=f"{self.name} platform", role=role, owner=self.lead,
                        sourcing="rent")

    def data_of(self, kinds: list[str], area: str) -> str:
        """A data source of one of ``kinds``: the solution's own, an existing one, else a new one."""
        for d in self.section("data"):
            if d.get("kind") in kinds and d["id"] in self.added:
                return d["id"]
        for kind in kinds:
            for d in self.section("data"):
                if d.get("kind") == kind:
                    return d["id"]
        hub = [d["id"] for d in self.section("data") if d.get("kind") == "enterprise_marketing_db"]
        feeds = hub[:1] if hub and kinds[0] != "enterprise_marketing_db" else None  # never a new silo
        return self.new("data", f"ds-{kinds[0].replace('_', '-')}", name=f"{kinds[0].replace('_', ' ')} data",
                        kind=kinds[0], system=self.system_for(area), owner=self.lead, feeds=feeds)

    def new(self, section: str, prefix: str, **fields) -> str:
        new_id = self.fresh(prefix)
        element = {"id": new_id, **{k: v for k, v in fields.items() if v is not None}}
        self.section(section).append(element)
        self.added.add(new_id)
        return new_id

    def new_capability(self, area: str, name: str) -> Element:
        new_id = self.new("capabilities", f"cap-{area}", name=name, area=area, accountable=self.lead,
                          systems=[self.system_for(area)])  # new work runs on a system: no share of the chart drops
        return self.by_id("capabilities")[new_id]


def grow(element: Element, field: str, values) -> None:
    """Append values to a list field, no duplicates."""
    current = list(element.get(field) or [])
    element[field] = current + [v for v in values if v not in current]


def fulfil(ctx: Context, rule: str, params: dict[str, Any]) -> None:
    """Edit ``ctx.data`` so that ``rule`` with ``params`` can hold; unknown rules are left alone."""
    handler = _handlers().get(rule)
    if handler is not None:
        handler(ctx, params)


def _combine_any(ctx: Context, p: dict) -> None:
    rules = p.get("rules") or []
    if rules:
        fulfil(ctx, rules[0]["rule"], rules[0].get("params") or {})


def _combine_all(ctx: Context, p: dict) -> None:
    for sub in p.get("rules") or []:
        fulfil(ctx, sub["rule"], sub.get("params") or {})


HANDLERS: dict[str, Callable[[Context, dict], None]] = {"any_of": _combine_any, "all_of": _combine_all}
"""Rule name -> handler; the handlers of :mod:`.fulfil_caps` and :mod:`.fulfil_other` join on first use."""


def _handlers() -> dict[str, Callable[[Context, dict], None]]:
    if "capabilities" not in HANDLERS:
        from .fulfil_caps import capabilities, channels
        from .fulfil_other import OTHER

        HANDLERS.update(capabilities=capabilities, channels=channels, **OTHER)
    return HANDLERS


def back_practice(ctx: Context, cap: Element, word: str) -> None:
    """Give ``cap`` what evidences ``word``: a system, data of the right kind, a channel, kinds of data."""
    backing = BACKING.get(word)
    if backing is None:
        return
    area = cap.get("area", "delivery")
    if backing.system and not cap.get("systems"):
        grow(cap, "systems", [ctx.system_for(area)])
    if backing.data_any and ctx.kinds(cap).isdisjoint(backing.data_any):
        grow(cap, "data", [ctx.data_of(sorted(backing.data_any, key=_kind_order), area)])
    if backing.channels_any and set(cap.get("channels") or []).isdisjoint(backing.channels_any):
        grow(cap, "channels", [sorted(backing.channels_any)[0]])
    more_kinds(ctx, cap, backing.min_data_kinds)


KIND_PREFERENCE = ("enterprise_marketing_db", "operational_crm", "subscriber", "loyalty", "analytic_data_mart",
                   "targeted_messaging", "web_analytics", "prospecting", "sales_force_automation", "social_listening")


def _kind_order(kind: str) -> int:
    return KIND_PREFERENCE.index(kind) if kind in KIND_PREFERENCE else len(KIND_PREFERENCE)


def more_kinds(ctx: Context, cap: Element, wanted: int) -> None:
    """Attach data of other kinds until ``cap`` combines ``wanted`` kinds."""
    for kind in KIND_PREFERENCE:
        if len(ctx.kinds(cap)) >= wanted:
            return
        if kind not in ctx.kinds(cap):
            grow(cap, "data", [ctx.data_of([kind], cap.get("area", "measurement"))])
