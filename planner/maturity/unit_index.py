"""What assembling the sub-charts of a chart's units reads, listed once per chart and shared by every unit.

Elements are numbered by their position in the chart and references are held as
tuples of numbers, so that pulling in what a unit's elements refer to is a few set
operations on small integers per level of references (loops in C) rather than a
Python step per reference. At 100,000 elements (CPU, on a loaded machine): the
index in about 0.2 s and the sub-charts of the three lines of business in 0.1 to
0.2 s together, where listing every reference through ``iter_refs`` and following
them one at a time took about 0.45 s and 0.6 s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from itertools import chain, count, islice, repeat
from operator import attrgetter

from ..model import SECTIONS, Chart, Element, Team, nesting_of, ref_fields
from .unit_kinds import Unit

PRUNED_KINDS = frozenset({"capability", "workflow", "chain"})
"""Kinds a reference never pulls into a unit's sub-chart: the unit's own are chosen by its scope."""

def _links_of(cls: type[Element], items: list, number: Callable[[object], int]) -> Iterator[tuple[int, ...]]:
    """The numbers of what each of ``items`` (elements of ``cls``) refers to, ``feeds`` apart: a column per field.

    Each reference field is read for every element at once (``attrgetter``) and
    numbered (``map``); lists stay lists of numbers, single references become
    1-tuples, the nested elements' links are listed all at once and each parent
    takes as many as it has children; ``chain`` flattens each element's row. No
    Python step per element or per field: measured side by side with a loop over
    each element's fields, workflows in 0.6 of the time, capabilities 0.85; teams
    and people, whose references are all single, are zipped from their columns.
    """
    fields = [f for f in ref_fields(cls) if f.name != "feeds"]
    read = [map(attrgetter(f.name), items) for f in fields]
    if fields and not any(f.many for f in fields) and not cls.CHILDREN:
        return zip(*(map(number, values) for values in read))
    columns: list[Iterable[Iterable[int]]] = [map(map, repeat(number), values) if f.many else zip(map(number, values))
                                              for f, values in zip(fields, read)]
    nested = nesting_of(cls.KIND) if cls.CHILDREN else None
    if nested is not None:  # each row is made into a tuple before the next is read: the slices follow in order
        counts = [len(getattr(e, nested.field)) for e in items]
        flat = _links_of(nested.child, [c for e in items for c in getattr(e, nested.field)], number)
        columns.append(chain.from_iterable(islice(flat, n)) for n in counts)
    if not columns:
        return iter([()] * len(items))
    return map(tuple, map(chain.from_iterable, zip(*columns)))


_TEAM = [f.name for f in ref_fields(SECTIONS["people"])].index("team")
"""Where a person's team is among its links."""


class Numbers(dict[object, int]):
    """Id -> number: an element's position in the chart (sections in order); None -> :data:`UNSET`.

    An id the chart lacks (a reference to an element left out by ``--lenient``)
    gets a negative number of its own the first time it is asked for.
    """

    def __init__(self, ids: list[str]):
        super().__init__(zip(ids, count()))
        self.repeated = len(self) < len(ids)
        """Whether two elements share an id (a chart read with ``--lenient``): the number of such an id is
        the last one's position, and its references stand for all of them, as in a table keyed by id."""
        self[None] = UNSET

    def __missing__(self, key: object) -> int:
        number = self[key] = UNSET - len(self)
        return number


UNSET = -1
"""The number of an unset single reference: every unit's set of numbers holds it, so it is never missing."""


class ChartIndex:
    """The references, kinds and lines of business of a chart's elements, by number, as unit sub-charts read them.

    Elements are numbered by their position in the chart, and references are held
    as tuples of numbers: a unit's closure is then set operations on small
    integers, whose hash is their value, instead of on id strings scattered over
    the chart's memory (at 100,000 elements the closures and kept elements of the
    three lines of business in 0.3 of the time they took with ids).
    """

    def __init__(self, chart: Chart):
        self.chart = chart

    @cached_property
    def section_ids(self) -> dict[str, list[str]]:
        """Section -> the ids of its elements, in chart order."""
        return {section: list(map(attrgetter("id"), getattr(self.chart, section))) for section in SECTIONS}

    @cached_property
    def spans(self) -> dict[str, range]:
        """Section -> the positions of its elements."""
        found, start = {}, 0
        for section, ids in self.section_ids.items():
            found[section] = range(start, start + len(ids))
            start += len(ids)
        return found

    @cached_property
    def ids(self) -> list[str]:
        """Position -> element id."""
        return list(chain.from_iterable(self.section_ids.values()))

    @cached_property
    def numbers(self) -> Numbers:
        """Id -> number (see :class:`Numbers`)."""
        return Numbers(self.ids)

    @property
    def repeated(self) -> bool:
        return self.numbers.repeated

    @cached_property
    def section_numbers(self) -> dict[str, Sequence[int]]:
        """Section -> the number of each of its elements: its position, unless its id is repeated."""
        if not self.repeated:
            return dict(self.spans)
        return {section: list(map(self.numbers.__getitem__, ids)) for section, ids in self.section_ids.items()}

    @cached_property
    def links(self) -> list[tuple[int, ...]]:
        """Position -> the numbers of what the element and its nested elements refer to, ``feeds`` apart."""
        number, found = self.numbers.__getitem__, list[tuple[int, ...]]()
        for section, cls in SECTIONS.items():
            found += _links_of(cls, getattr(self.chart, section), number)
        return found

    @cached_property
    def feeds(self) -> dict[int, tuple[int, ...]]:
        """Data number -> the numbers of the data it feeds: followed only within a line of business."""
        numbers = self.numbers
        return {n: tuple(map(numbers.__getitem__, d.feeds))
                for n, d in zip(self.section_numbers["data"], self.chart.data) if d.feeds}

    @cached_property
    def fed_by(self) -> dict[int, list[int]]:
        """Data number -> the numbers of the data sources that feed it."""
        found: dict[int, list[int]] = {}
        for source, targets in self.feeds.items():
            for target in targets:
                found.setdefault(target, []).append(source)
        return found

    @cached_property
    def pullable(self) -> frozenset[int]:
        """Numbers of the elements a reference may pull into a sub-chart (not :data:`PRUNED_KINDS`)."""
        return frozenset(chain.from_iterable(span for section, span in self.spans.items()
                                             if SECTIONS[section].KIND not in PRUNED_KINDS))

    @cached_property
    def loose(self) -> dict[int, tuple[int, ...]]:
        """Number -> every number it refers to, for the elements a sub-chart may have to prune.

        After a unit's closure every element in it has in the sub-chart what its
        references pull in. Only an element referring to what a reference never pulls
        (a capability, workflow or chain; an id the chart lacks), one that feeds data
        (another line's stays out) or a chain (added after the closure) can refer to
        what the sub-chart lacks: about 4,000 of the 86,500 elements of the benchmark
        chart, checked for each unit instead of all. A section none of whose elements
        refers to such an id (teams and people, in a sound chart) is passed over whole.
        """
        feeds, found = self.feeds, {}
        for section, span in self.spans.items():
            rows = self.links[span.start:span.stop]
            unpulled = union(rows) - self.pullable - {UNSET}
            for n, targets in zip(self.section_numbers[section], rows) if unpulled or section in ("chains", "data") \
                    else ():
                if section == "chains" or n in feeds or not unpulled.isdisjoint(targets):
                    found[n] = targets + feeds.get(n, ())
        return found

    def line_data(self, unit: Unit) -> set[int]:
        """Numbers of the data a unit's ``feeds`` may reach: a line's own and the shared ones; for a team, all."""
        data = zip(self.section_numbers["data"], self.chart.data)
        return {n for n, d in data if unit.kind != "lob" or d.lob in ("", unit.id)}

    @cached_property
    def person_team(self) -> dict[str, str | None]:
        """Person id -> team id: what a team's scope reads (the lines of business read :meth:`team_of`)."""
        return {p.id: p.team for p in self.chart.people}

    def team_of(self, person: str | None) -> str:
        """The team of ``person`` ("" for none), read from the people's links by number."""
        if self.repeated:
            return self.person_team.get(person or "") or ""
        n = self.numbers.get(person, UNSET)
        team = self.links[n][_TEAM] if n in self.spans["people"] else UNSET
        return self.ids[team] if team >= 0 else ""

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
        team_lob, team_of = _team_lobs(self.chart), self.team_of
        return [(c.id, c.lob or [team_lob.get(team_of(c.accountable), "")]) for c in self.chart.capabilities]


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


def union(groups: Iterable[Iterable[int]]) -> set[int]:
    """Every number in ``groups``, in one C loop (``set().union``)."""
    return set().union(*groups)
