"""Indexes over the rest of the chart: data sources and their feeds, organizations and SLAs,
reporting lines and hand-offs.

Each is computed once per chart and shared by every rule and model (see
:mod:`planner.maturity.facts`); each is one pass over its section (linear).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cached_property
from itertools import chain
from operator import attrgetter, itemgetter

from .facts_base import FactsBase, linked_groups

DATA = attrgetter("data")


class ChartIndexes(FactsBase):
    """Indexes of data, organizations and people (a mixin of :class:`~planner.maturity.facts.Facts`)."""

    # -- data -------------------------------------------------------------------

    @cached_property
    def data_users(self) -> dict[str, list[str]]:
        """Data source id -> ids of the capabilities using it."""
        users: dict[str, list[str]] = defaultdict(list)
        for cid, data in zip(self.cap_id_list, map(DATA, self.capabilities)):  # the ids already listed: one read less
            for d in data:
                users[d].append(cid)
        return users

    @cached_property
    def data_components(self) -> list[set[str]]:
        """Groups of data sources linked by ``feeds`` (either way): the silos.

        Found by breadth-first search over plain adjacency sets, in the order
        ``networkx.connected_components(self.data_graph)`` gives them (by each group's
        first source in chart order), without building a networkx graph.
        """
        known = self.data_kind
        links: dict[str, set[str]] = {d: set() for d in known}
        for d in self.chart.data:
            for t in d.feeds:
                if t in known:
                    links[d.id].add(t)
                    links[t].add(d.id)
        return linked_groups(links)

    @cached_property
    def feeders(self) -> dict[str, list[str]]:
        """Data source id -> sources that feed it directly."""
        into: dict[str, list[str]] = defaultdict(list)
        for d in self.chart.data:
            for t in d.feeds:
                into[t].append(d.id)
        return into

    # -- organizations, SLAs ----------------------------------------------------

    @cached_property
    def org_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.chart.orgs)

    @cached_property
    def orgs_with_sla(self) -> frozenset[str]:
        return frozenset(o.id for o in self.chart.orgs if o.has_sla())

    @cached_property
    def sla_covered(self) -> frozenset[str]:
        """Ids (capabilities, workflows, systems, CoEs) named by a contract that has SLA rows."""
        return frozenset(i for o in self.chart.orgs for k in o.contracts if k.sla for i in k.covers)

    # -- people and hand-offs ---------------------------------------------------

    @cached_property
    def direct_reports(self) -> Counter[str]:
        """Manager id -> number of direct reports (counted in C)."""
        return Counter(filter(None, map(attrgetter("reports_to"), self.chart.people)))

    @cached_property
    def handoffs(self) -> list[tuple[str, str, str, str]]:
        """(performer, receiver, workflow id, step id) for every step with ``to``."""
        return [(s.by, s.to, wf.id, s.id) for wf in self.chart.workflows for s in wf.steps if s.to]

    @cached_property
    def handoff_parties(self) -> frozenset[str]:
        """Ids of everyone who performs or receives a hand-off."""
        handoffs = self.handoffs
        return frozenset(chain(map(itemgetter(0), handoffs), map(itemgetter(1), handoffs)))  # in C
