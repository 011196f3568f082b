"""What a diff finds, as plain frozen dataclasses with a documented JSON form.

Every record names elements by id; ``ChartDiff.names`` gives the kind and
display name of every id the diff mentions, so a report can say "Cy Park (cy)"
without going back to the charts. ``to_dict()`` gives the JSON shape documented
in ``docs/diff.md``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from .values import jsonable, list_minus


@dataclass(frozen=True)
class FieldChange:
    """One attribute of an element (or of the chart) that differs: ``path`` old -> new.

    ``path`` names the attribute: ``title``, ``phases.known``, ``inputs.acceptable``,
    ``sla[first-contact resolution].measured``. A value missing on one side is
    ``None``. ``relation`` is set when the attribute is a reference (its relation
    name, from the model's ``Ref`` declaration).
    """

    path: str
    old: Any
    new: Any
    relation: str | None = None

    @property
    def is_list(self) -> bool:
        return isinstance(self.old, list) or isinstance(self.new, list)

    @property
    def added(self) -> list:
        """Items of a list attribute present only on the new side (with repeats)."""
        return list_minus(self.new, self.old)

    @property
    def removed(self) -> list:
        """Items of a list attribute present only on the old side."""
        return list_minus(self.old, self.new)

    def to_dict(self) -> dict:
        data = {"path": self.path, "old": jsonable(self.old), "new": jsonable(self.new)}
        if self.relation:
            data["relation"] = self.relation
        if self.is_list and isinstance(self.old, list) and isinstance(self.new, list):
            data["added"] = jsonable(self.added)
            data["removed"] = jsonable(self.removed)
        return data


@dataclass(frozen=True)
class ElementInfo:
    """An element added or removed: its id, kind, name, and the element holding it (steps, contracts)."""

    id: str
    kind: str
    name: str
    parent: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class ElementChange:
    """An element present on both sides whose content differs, attribute by attribute."""

    id: str
    kind: str
    name: str
    changes: tuple[FieldChange, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name,
                "changes": [c.to_dict() for c in self.changes]}


@dataclass(frozen=True)
class Rename:
    """An element whose id changed while its content stayed the same."""

    old_id: str
    new_id: str
    kind: str
    name: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, order=True)
class Relation:
    """A graph edge: ``source`` -[relation]-> ``target``.

    ``via`` names the element the edge is derived from when it is not the
    source: the step of a ``handoff``, the chain of a ``next``.
    """

    source: str
    relation: str
    target: str
    via: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Move:
    """A reference of a persisting element that now names another element.

    ``category`` says what kind of move it is: ``team``, ``manager``,
    ``accountable``, ``owner``, ``lead``, ``provider``, ``performer``,
    ``receiver``, ``parent``, ``container`` or ``reference``; ``sourcing`` is
    ``outsourced`` (staff to an external organization), ``insourced`` (the reverse),
    ``automated`` (staff to a system) or ``None``. ``summary`` is a sentence for people.
    """

    id: str
    kind: str
    name: str
    field: str
    relation: str
    old: str
    new: str
    category: str
    sourcing: str | None
    summary: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ChartDiff:
    """The difference from chart ``a`` (old, e.g. current state) to chart ``b`` (new, e.g. future).

    Lists are sorted by kind (model order) then id, so the same pair of charts
    always gives the same diff whatever the order of their files.
    """

    a_name: str
    b_name: str
    added: tuple[ElementInfo, ...] = ()
    removed: tuple[ElementInfo, ...] = ()
    changed: tuple[ElementChange, ...] = ()
    renamed: tuple[Rename, ...] = ()
    relations_added: tuple[Relation, ...] = ()
    relations_removed: tuple[Relation, ...] = ()
    moves: tuple[Move, ...] = ()
    chart_changes: tuple[FieldChange, ...] = ()
    """Changes outside the elements: chart metadata and self-assessment answers."""
    maturity: Any = None
    """A :class:`~planner.diff.maturity_delta.MaturityDelta`, or None when not assessed."""
    names: dict[str, tuple[str, str]] = field(default_factory=dict, compare=False)
    """Id -> (kind, display name) for every id mentioned above (new side wins)."""

    @property
    def equal(self) -> bool:
        """True when nothing structural differs (the maturity delta follows from the structure)."""
        return not (self.added or self.removed or self.changed or self.renamed
                    or self.relations_added or self.relations_removed or self.chart_changes)

    def label(self, element_id: str) -> str:
        """``Name (id)`` for an id the diff mentions, the bare id otherwise."""
        found = self.names.get(element_id)
        return f"{found[1]} ({element_id})" if found and found[1] != element_id else element_id

    def kind_of(self, element_id: str) -> str | None:
        found = self.names.get(element_id)
        return found[0] if found else None

    def counts_by_kind(self) -> dict[str, Counter]:
        """Kind -> Counter of ``added``, ``removed``, ``changed``, ``renamed``."""
        counts: dict[str, Counter] = {}
        for what, items in (("added", self.added), ("removed", self.removed),
                            ("changed", self.changed), ("renamed", self.renamed)):
            for item in items:
                counts.setdefault(item.kind, Counter())[what] += 1
        return counts

    def totals(self) -> dict[str, int]:
        return {
            "added": len(self.added), "removed": len(self.removed), "changed": len(self.changed),
            "renamed": len(self.renamed), "moves": len(self.moves),
            "relations_added": len(self.relations_added), "relations_removed": len(self.relations_removed),
            "chart_changes": len(self.chart_changes),
        }

    def to_dict(self) -> dict:
        """The JSON shape documented in ``docs/diff.md`` (``format`` 1)."""
        return {
            "format": 1,
            "a": self.a_name,
            "b": self.b_name,
            "equal": self.equal,
            "summary": {"totals": self.totals(),
                        "by_kind": {k: dict(v) for k, v in self.counts_by_kind().items()}},
            "added": [e.to_dict() for e in self.added],
            "removed": [e.to_dict() for e in self.removed],
            "changed": [e.to_dict() for e in self.changed],
            "renamed": [r.to_dict() for r in self.renamed],
            "moves": [m.to_dict() for m in self.moves],
            "relations": {"added": [r.to_dict() for r in self.relations_added],
                          "removed": [r.to_dict() for r in self.relations_removed]},
            "chart": [c.to_dict() for c in self.chart_changes],
            "maturity": self.maturity.to_dict() if self.maturity is not None else None,
            "names": {i: {"kind": k, "name": n} for i, (k, n) in sorted(self.names.items())},
        }
