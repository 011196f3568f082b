"""The indexes every other index of :class:`~planner.maturity.facts.Facts` builds on.

Elements by id, the capabilities' ids and positions, each person's team, each
capability's workflows and each data source's kind. Each is one pass over a section
of the chart, done with C-level ``map``/``zip`` where the pass only copies an
attribute: at 100,000 elements a pass over the people costs more in reaching the
objects than in the Python around them, so no section is walked twice for the same
attribute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cached_property
from itertools import chain
from operator import attrgetter
from typing import Any, TypeVar

from ..model import SECTIONS, Capability, Chart

ID, AREA, TEAM = attrgetter("id"), attrgetter("area"), attrgetter("team")
CONTRACTS, STEPS = attrgetter("contracts"), attrgetter("steps")
T = TypeVar("T")


class FactsBase:
    """The chart, its elements by id, and the few indexes the rest are made of."""

    def __init__(self, chart: Chart):
        self.chart = chart
        self.rule_cache: dict[tuple[str, str], Any] = {}
        self._scopes: dict[frozenset[str], tuple[list[Capability], frozenset[str]]] = {}
        self._scope_ids: dict[frozenset[str], list[str]] = {}

    @cached_property
    def by_id(self) -> dict[str, Any]:
        """Id -> element (the last one of an id, in the chart's order of sections); ids are unique in a valid chart.

        Built with a comprehension, each element reached once, its id read and hashed while
        it is at hand: the people's ids taken from a list read for the teams too cost as
        much (46 ms for both indexes at 100,000 elements either way), the ids being cheap
        to read only while their element is.
        """
        chart = self.chart
        found: dict[str, Any] = {e.id: e for section in SECTIONS for e in getattr(chart, section)}
        contracts = list(chain.from_iterable(map(CONTRACTS, chart.orgs)))
        steps = list(chain.from_iterable(map(STEPS, chart.workflows)))
        found.update(zip(map(ID, contracts), contracts))
        found.update(zip(map(ID, steps), steps))
        return found

    @cached_property
    def ids_unique(self) -> bool:
        """No two elements share an id (a valid chart; ``check`` reports repeats). Then an id in
        :attr:`team_of` is a person's, and rules may answer "is it a person?" without the element."""
        return len(self.by_id) == self.chart.size()

    def name(self, element_id: str) -> str:
        """The display name of an element, or its id when unknown."""
        element = self.by_id.get(element_id)
        return element.name if element is not None else element_id

    def names(self, ids) -> list[str]:
        return [self.name(i) for i in ids]

    def kind(self, element_id: str) -> str | None:
        element = self.by_id.get(element_id)
        return element.KIND if element is not None else None

    @property
    def capabilities(self) -> list[Capability]:
        return self.chart.capabilities

    def who(self, cap: Capability) -> str:
        """``Email campaigns (accountable: Cy Park)``: how findings name a capability."""
        if cap.accountable:
            return f"{cap.name} (accountable: {self.name(cap.accountable)})"
        return cap.name

    @cached_property
    def cap_id_list(self) -> list[str]:
        """The capabilities' ids in chart order (``map`` in C, one pass)."""
        return list(map(ID, self.capabilities))

    @cached_property
    def cap_areas(self) -> list[str]:
        """Each capability's area, in chart order: scopes are cut from it by comparing a few words, not hashing ids."""
        return list(map(AREA, self.capabilities))

    @cached_property
    def cap_ids(self) -> frozenset[str]:
        return frozenset(self.cap_id_list)

    @cached_property
    def caps_unique(self) -> bool:
        """No two capabilities share an id (a valid chart): then an id stands for its capability,
        and the indexes may be built with set operations on ids."""
        return len(self.cap_ids) == len(self.cap_id_list)

    @cached_property
    def cap_pos(self) -> dict[str, int]:
        """Capability id -> position in the chart, to put a set of ids back in chart order."""
        return dict(zip(self.cap_id_list, range(len(self.cap_id_list))))

    def one_entry(self, index: str, cap_id: str, compute: Callable[[Capability], T]) -> T:
        """``getattr(self, index)[cap_id]``: read there when that whole index is built, else
        ``compute`` for this one capability (kept). The rules often need the channels, data
        kinds or functions of a few candidates only, and building the index would cost more.
        """
        built = self.__dict__.get(index)
        if built is not None:
            return built[cap_id]
        key = (index, cap_id)
        found = self._entries.get(key)
        if found is None:
            found = self._entries[key] = compute(self.capabilities[self.cap_pos[cap_id]])
        return found

    @cached_property
    def _entries(self) -> dict[tuple[str, str], Any]:
        return {}

    @cached_property
    def team_of(self) -> dict[str, str | None]:
        """Person id -> their team (None when they have none): every person, one pass shared by the
        work network and the single-points-of-failure rule (its keys are the staff)."""
        people = self.chart.people
        return dict(zip(map(ID, people), map(TEAM, people)))

    @cached_property
    def level_slots(self) -> dict[str, None]:
        """Capability id -> None, chart order: each model's capability levels start from a copy.

        A copy takes the table as it is (no id hashed); the levels written into it keep
        the chart's order, so the heat map needs no pass over the ids to be put in order.
        """
        return dict.fromkeys(self.cap_id_list)

    @cached_property
    def workflows_of_cap(self) -> dict[str, list[str]]:
        """Capability id -> its workflows; a plain dict, so its keys are exactly the capabilities that have one."""
        found: dict[str, list[str]] = defaultdict(list)
        for wf in self.chart.workflows:
            if wf.capability:
                found[wf.capability].append(wf.id)
        return dict(found)

    @cached_property
    def data_kind(self) -> dict[str, str]:
        data = self.chart.data
        return dict(zip(map(ID, data), map(attrgetter("kind"), data)))


def linked_groups(links: dict[str, set[str]]) -> list[set[str]]:
    """The groups of ids joined by ``links`` (id -> its neighbours, both ways), each grown level by level.

    Groups come in the order of their first id in ``links`` (chart order when ``links``
    was filled in chart order), as ``networkx.connected_components`` gives them, in
    time linear in ids and links. Data sources linked by ``feeds`` (the silos) and
    systems linked by ``integrates`` are grouped by it.
    """
    groups: list[set[str]] = []
    seen: set[str] = set()
    for start in links:
        if start in seen:
            continue
        group, frontier = {start}, {start}
        while frontier:
            frontier = {n for x in frontier for n in links[x]} - group
            group |= frontier
        seen |= group
        groups.append(group)
    return groups

