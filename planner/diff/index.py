"""Elements of a chart keyed by id, with the relations each one holds.

A relation belongs to the element whose content defines it: a reference to the
element holding the field, containment to the nested element, a hand-off to its
step, a ``next`` link to its value chain. So relations only change where an
element changes, and the diff never has to build the whole graph of a
100,000-element chart to compare two of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..graph import HANDOFF, NEXT_COE, PART_OF
from ..model import Chart, Element, Step, ValueChain, iter_refs
from .model import Relation


@dataclass(frozen=True, slots=True)
class Entry:
    """An element of one side, and the id of the element it is nested in (if any)."""

    element: Element
    parent: str | None


def index(chart: Chart) -> dict[str, Entry]:
    """Id -> :class:`Entry`; on a duplicate id the first element wins, as in the graph."""
    found: dict[str, Entry] = {}
    for loc, element in chart.iter_elements():
        parent = getattr(chart, loc[0])[loc[1]].id if len(loc) > 2 else None
        found.setdefault(element.id, Entry(element, parent))
    return found


def held_relations(entry: Entry, renamed: dict[str, str] | None = None) -> list[Relation]:
    """The relations ``entry`` defines, with ids translated through ``renamed``."""
    element = entry.element
    m = renamed or {}
    own = m.get(element.id, element.id)
    found = [Relation(own, f.ref.relation, m.get(t, t)) for f, _, t in iter_refs(element)]
    if entry.parent is not None:
        found.append(Relation(own, PART_OF, m.get(entry.parent, entry.parent)))
    if isinstance(element, Step) and element.to:
        found.append(Relation(m.get(element.by, element.by), HANDOFF, m.get(element.to, element.to), own))
    if isinstance(element, ValueChain):
        for up, down in zip(element.coes, element.coes[1:]):
            found.append(Relation(m.get(up, up), NEXT_COE, m.get(down, down), own))
    return found
