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
from ..model import SECTIONS, Chart, Element, Step, ValueChain, iter_refs
from .model import Relation
from .values import child_fields


@dataclass(frozen=True, slots=True)
class Entry:
    """An element of one side, and the id of the element it is nested in (if any)."""

    element: Element
    parent: str | None


class Side:
    """One chart's elements by id (first wins on a duplicate id, as in the graph) and their containers.

    Behaves as a read-only mapping id -> :class:`Entry`; the bulk comparison
    reads ``elements`` and ``parents`` directly, since building 100,000 entry
    objects would cost more than the comparison itself.
    """

    __slots__ = ("elements", "parents")

    def __init__(self, chart: Chart):
        elements: dict[str, Element] = {}
        parents: dict[str, str] = {}
        for section in SECTIONS:
            for element in getattr(chart, section):
                if element.id not in elements:
                    elements[element.id] = element
                if type(element) in _WITH_CHILDREN:
                    for _, _, child in element.children():
                        if child.id not in elements:
                            elements[child.id] = child
                            parents[child.id] = element.id
        self.elements = elements
        self.parents = parents

    def __contains__(self, element_id: object) -> bool:
        return element_id in self.elements

    def __getitem__(self, element_id: str) -> Entry:
        return Entry(self.elements[element_id], self.parents.get(element_id))

    def get(self, element_id: str, default: Entry | None = None) -> Entry | None:
        element = self.elements.get(element_id)
        return default if element is None else Entry(element, self.parents.get(element_id))


_WITH_CHILDREN = frozenset(cls for cls in SECTIONS.values() if child_fields(cls))


def index(chart: Chart) -> Side:
    """The chart's elements keyed by id."""
    return Side(chart)


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
