"""Moves: a persisting element whose single reference now names another element.

Derived from the model's ``Ref`` declarations, not from a list of fields: any
single-valued reference that changes from one element to another is a move,
and so is a nested element that changes container (a step moved to another
workflow). :data:`CATEGORIES` only gives the common relations friendlier words
(a person *changes team*); a new reference field is reported as a move with its
field name without any change here.

A move whose old target is staff (a person or team) and whose new target is an
external organization is *outsourced* (a hand-off moving from staff to a BPO
provider); the reverse is *insourced*; staff to a system is *automated*.
"""

from __future__ import annotations

from collections.abc import Callable

from ..graph import PART_OF
from ..model import ELEMENT_CLASSES, ref_fields
from .index import Side
from .model import ElementChange, Move

CATEGORIES: dict[str, tuple[str, str]] = {
    "member_of": ("team", "changes team"),
    "reports_to": ("manager", "changes manager"),
    "accountable": ("accountable", "changes accountable owner"),
    "owned_by": ("owner", "changes owner"),
    "led_by": ("lead", "changes lead"),
    "provided_by": ("provider", "changes provider"),
    "performed_by": ("performer", "changes performer"),
    "hands_to": ("receiver", "hand-off goes to another receiver"),
    "part_of": ("parent", "moves to another parent"),
    "hosted_in": ("host", "moves to another system"),
    "realizes": ("capability", "now realizes another capability"),
    "attested_by": ("attester", "changes attester"),
}
"""Relation name -> (category, verb phrase)."""

STAFF_KINDS = frozenset({"person", "team"})
ORG_LABELS = {"bpo": "BPO provider", "vendor": "vendor", "subcontractor": "sub-contractor",
              "agency": "agency", "partner": "partner"}

Describe = Callable[[str], tuple[str | None, str]]
"""Id -> (kind or None, label such as ``"Cy Park (cy)"``, with the org kind for organizations)."""

_SINGLE: dict[str, dict[str, str]] = {
    kind: {f.name: f.ref.relation for f in ref_fields(cls) if not f.many} for kind, cls in ELEMENT_CLASSES.items()
}


def find_moves(changes: list[ElementChange], old: Describe, new: Describe) -> list[Move]:
    """Every move among ``changes``; ``old``/``new`` describe ids on each side."""
    moves = []
    for change in changes:
        single = _SINGLE.get(change.kind, {})
        for fc in change.changes:
            relation = PART_OF if fc.path == "part of" else single.get(fc.path)
            if relation is None or fc.old is None or fc.new is None:
                continue
            moves.append(_move(change, fc.path, relation, fc.old, fc.new, old, new))
    return moves


def _move(change: ElementChange, field: str, relation: str, was: str, now: str,
          old: Describe, new: Describe) -> Move:
    old_kind, old_label = old(was)
    new_kind, new_label = new(now)
    sourcing = None
    if old_kind in STAFF_KINDS and new_kind == "org":
        sourcing = "outsourced"
    elif old_kind == "org" and new_kind in STAFF_KINDS:
        sourcing = "insourced"
    elif old_kind in STAFF_KINDS and new_kind == "system":
        sourcing = "automated"
    if field == "part of":
        category, phrase = "container", f"moves to another {new_kind or 'element'}"
    else:
        category, phrase = CATEGORIES.get(relation, ("reference", f"changes {field}"))
    if sourcing in ("outsourced", "insourced") and change.kind == "step":
        category = "handoff"
        role = "performer" if relation == "performed_by" else "receiver"
        staff_old = "staff " if sourcing == "outsourced" else ""
        staff_new = "staff " if sourcing == "insourced" else ""
        summary = (f"{change.name} ({change.id}): hand-off {role} moves from {staff_old}{old_label} "
                   f"to {staff_new}{new_label} ({sourcing})")
    else:
        summary = f"{change.name} ({change.id}) {phrase}: {old_label} -> {new_label}"
        if sourcing:
            summary += f" ({sourcing})"
    return Move(change.id, change.kind, change.name, field, relation, was, now, category, sourcing, summary)


def describer(index: Side, org_kind: Callable[[object], str | None]) -> Describe:
    """A :data:`Describe` over one side's index (id -> Entry)."""

    def describe(element_id: str) -> tuple[str | None, str]:
        entry = index.get(element_id)
        if entry is None:
            return None, element_id
        element = entry.element
        label = f"{element.name} ({element_id})"
        extra = org_kind(element)
        if extra:
            label = f"{ORG_LABELS.get(extra, extra)} {label}"
        return element.KIND, label

    return describe
