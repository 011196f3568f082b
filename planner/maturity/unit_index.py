"""What assembling the sub-charts of a chart's units reads, listed once per chart and shared by every unit.

References are held as tuples and sets of ids, so that pulling in what a unit's
elements refer to is a few set operations per level of references (loops in C)
rather than a Python step per reference. On the 100,000-element benchmark chart
the index is built in about 0.1 s of CPU where listing every reference with its
field through ``iter_refs`` took 0.35 s, and the closure of a line of business
takes about 0.02 s where one Python step per reference took 0.1 s.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import chain, islice
from operator import attrgetter, itemgetter

from ..model import SECTIONS, Chart, Element, Team, nesting_of, ref_fields
from .unit_kinds import Unit

PRUNED_KINDS = frozenset({"capability", "workflow", "chain"})
"""Kinds a reference never pulls into a unit's sub-chart: the unit's own are chosen by its scope."""

Links = tuple["str | None", ...]
"""The ids an element refers to; None where a single reference is unset (set operations drop it)."""


def _links_of(cls: type[Element], items: list) -> Iterator[Links]:
    """The links of each of ``items`` (elements of ``cls``), in order: a column per reference field, zipped.

    Lists are taken as they are and single references as 1-tuples; the nested
    elements' links are listed all at once and each parent takes as many as it has
    children (each row is made into a tuple before the next is read); ``chain``
    flattens each row. Measured side by side with a loop over the fields of each
    element: workflows in 0.6 of the time, capabilities 0.85. Teams and people,
    whose references are all single, are read by one ``attrgetter`` call each.
    """
    fields = [f for f in ref_fields(cls) if f.name != "feeds"]
    if len(fields) > 1 and not any(f.many for f in fields) and not cls.CHILDREN:
        return map(attrgetter(*(f.name for f in fields)), items)
    columns: list[Iterable[Iterable[str | None]]] = []
    for f in fields:
        values = map(attrgetter(f.name), items)
        columns.append(values if f.many else zip(values))
    nested = nesting_of(cls.KIND) if cls.CHILDREN else None
    if nested is not None:  # every child's links at once, then each parent takes as many as it has children
        counts = [len(getattr(e, nested.field)) for e in items]
        flat = _links_of(nested.child, [c for e in items for c in getattr(e, nested.field)])
        columns.append(chain.from_iterable(islice(flat, n)) for n in counts)
    if not columns:
        return iter([()] * len(items))
    return map(tuple, map(chain.from_iterable, zip(*columns)))


_TEAM = [f.name for f in ref_fields(SECTIONS["people"])].index("team")
"""Where a person's team is among its links."""


class ChartIndex:
    """The references, kinds and lines of business of a chart's elements, as unit sub-charts read them."""

    def __init__(self, chart: Chart):
        self.chart = chart

    @cached_property
    def section_ids(self) -> dict[str, list[str]]:
        """Section -> the ids of its elements, in chart order."""
        return {section: list(map(attrgetter("id"), getattr(self.chart, section))) for section in SECTIONS}

    @cached_property
    def section_links(self) -> dict[str, dict[str, Links]]:
        """Section -> element id -> the ids it and its nested elements refer to, ``feeds`` apart."""
        return {section: dict(zip(self.section_ids[section], _links_of(cls, getattr(self.chart, section))))
                for section, cls in SECTIONS.items()}

    @cached_property
    def links(self) -> dict[str, Links]:
        """Element id -> the ids it and its nested elements refer to, ``feeds`` apart."""
        found: dict[str, Links] = {}
        for part in self.section_links.values():
            found.update(part)
        return found

    @cached_property
    def feeds(self) -> dict[str, list[str]]:
        """Data id -> the data it feeds: followed only within a line of business."""
        return {d.id: d.feeds for d in self.chart.data if d.feeds}

    @cached_property
    def fed_by(self) -> dict[str, list[str]]:
        """Data id -> the ids of the data sources that feed it."""
        found: dict[str, list[str]] = {}
        for d in self.chart.data:
            for target in d.feeds:
                found.setdefault(target, []).append(d.id)
        return found

    @cached_property
    def pullable(self) -> frozenset[str]:
        """Ids of the elements a reference may pull into a sub-chart (not :data:`PRUNED_KINDS`)."""
        return frozenset().union(*(part for section, part in self.section_links.items()
                                   if SECTIONS[section].KIND not in PRUNED_KINDS))

    @cached_property
    def loose(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Element id -> (its section, every id it refers to), for the elements a sub-chart may have to prune.

        After a unit's closure every element in it has in the sub-chart what its
        references pull in. Only an element referring to what a reference never pulls
        (a capability, workflow or chain; an id the chart lacks), one that feeds data
        (another line's stays out) or a chain (added after the closure) can refer to
        what the sub-chart lacks: about 4,000 of the 86,500 elements of the benchmark
        chart, checked for each unit instead of all. A section none of whose elements
        refers to such an id (teams and people, in a sound chart) is passed over whole.
        """
        feeds, found = self.feeds, {}
        for section, part in self.section_links.items():
            unpulled = union(part.values()) - self.pullable
            unpulled.discard(None)
            for i, targets in part.items() if unpulled or section in ("chains", "data") else ():
                if section == "chains" or i in feeds or not unpulled.isdisjoint(targets):
                    found[i] = (section, (*(t for t in targets if t is not None), *feeds.get(i, ())))
        return found

    def line_data(self, unit: Unit) -> set[str]:
        """Ids of the data a unit's ``feeds`` may reach: a line's own and the shared ones; for a team, all."""
        if unit.kind != "lob":
            return {d.id for d in self.chart.data}
        return {d.id for d in self.chart.data if d.lob in ("", unit.id)}

    @cached_property
    def person_team(self) -> dict[str, str | None]:
        """Person id -> team, taken from the people's links: reading 65,500 people again took 25-50 ms."""
        people = self.section_links["people"]
        return dict(zip(people, map(itemgetter(_TEAM), people.values())))

    @cached_property
    def team_children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = {}
        for t in self.chart.teams:
            if t.parent:
                children.setdefault(t.parent, []).append(t.id)
        return children

    @cached_property
    def capability_lines(self) -> list[tuple[str, list[str]]]:
        """(capability id, its lines of business): those it names, or its accountable person's team's ("" for none)."""
        team_lob, people, nobody = _team_lobs(self.chart), self.section_links["people"], (None,) * (_TEAM + 1)
        return [(c.id, c.lob or [team_lob.get(people.get(c.accountable or "", nobody)[_TEAM] or "", "")])
                for c in self.chart.capabilities]


def _team_lobs(chart: Chart) -> dict[str, str]:
    """Team id -> its line of business, inherited from the nearest parent that has one."""
    teams = {t.id: t for t in chart.teams}
    found: dict[str, str] = {}
    for team in chart.teams:
        seen: set[str] = set()
        current: Team | None = team
        while current is not None and not current.lob and current.id not in seen:
            seen.add(current.id)
            current = teams.get(current.parent) if current.parent else None
        found[team.id] = current.lob if current is not None else ""
    return found


def union(groups: Iterable[Iterable[str | None]]) -> set[str | None]:
    """Every id in ``groups``, in one C loop (``set().union``)."""
    return set().union(*groups)
