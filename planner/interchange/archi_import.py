"""Archi CSV rows back into a chart: ArchiMate types to our kinds, relationships to our fields.

What the export wrote comes back whole (the ``planner kind`` and ``field``
properties say where each element and relationship belongs). A model drawn in
Archi by hand is read by type: actors become people, capabilities
capabilities, application components systems, data objects data sources,
business processes workflows (those composed into another process, its
steps). Types and relationships with no place in a chart are reported as
warnings, each at its file and row, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import get_origin

from ..errors import Problem
from ..model import ELEMENT_CLASSES, NESTING, ref_fields
from .archimate import ID_PREFIX, RELATION_TYPES, SCALARS

KIND_OF_TYPE = {"BusinessActor": "person", "Capability": "capability", "ApplicationComponent": "system",
                "DataObject": "data", "BusinessProcess": "workflow", "BusinessCollaboration": "coe",
                "ValueStream": "chain", "Contract": "contract"}
REQUIRED_DEFAULTS = {"capability": {"area": "management"}, "org": {"kind": "partner"}, "data": {"kind": "other"}}
TYPED = {("Assignment", "role"): "title", ("Assignment", "step"): "by", ("Serving", "step"): "by",
         ("Realization", "capability"): "capability", ("Composition", "step"): "steps"}


@dataclass
class Imported:
    """Chart sections as plain data, plus the warnings met on the way."""

    sections: dict[str, list[dict]] = field(default_factory=dict)
    name: str = ""
    warnings: list[Problem] = field(default_factory=list)
    elements: int = 0
    relations: int = 0


def local_id(ident: str) -> str:
    """Our id for an Archi identifier: without the ``id-`` we add, other characters made safe."""
    ident = ident[len(ID_PREFIX):] if ident.startswith(ID_PREFIX) else ident
    return re.sub(r"[^A-Za-z0-9_.\-]", "-", ident).lstrip("_.-")[:120] or "x"


def from_archi(rows) -> Imported:
    """Turn :class:`~planner.store.archi_csv.ArchiRows` into chart data."""
    out = Imported()
    props: dict[str, dict[str, str]] = {}
    for _, _, rec in rows.properties:
        props.setdefault(rec.get("id", ""), {}).setdefault(rec.get("key", ""), rec.get("value", ""))
    items: dict[str, dict] = {}
    kinds: dict[str, str] = {}
    for path, row, rec in rows.elements:
        type_ = rec.get("type", "")
        if type_ == "ArchimateModel":
            out.name = rec.get("name", "")
            continue
        kind = props.get(rec.get("id", ""), {}).get("planner kind") or KIND_OF_TYPE.get(type_)
        if type_ == "BusinessRole":
            kind = "role"
        if kind not in ELEMENT_CLASSES and kind != "role":
            out.warnings.append(_warn(path, row, 2, f"element type {type_!r} ({rec.get('name', '')}) has no "
                                                     f"place in a chart; left out"))
            continue
        ident = local_id(rec.get("id", "") or rec.get("name", ""))
        item = {"id": ident, "name": rec.get("name", "") or ident}
        if rec.get("documentation"):
            item["notes"] = rec["documentation"]
        item.update(_scalars(kind, props.get(rec.get("id", ""), {})))
        items[rec.get("id", "")], kinds[rec.get("id", "")] = item, kind
    _promote_steps(rows.relations, items, kinds)
    _relations(rows.relations, items, kinds, props, out)
    _sections(items, kinds, out)
    return out


def _warn(path: str, row: int, col: int, message: str) -> Problem:
    return Problem(message, "archi-import", path=path, line=row, col=col, severity="warning")


def _scalars(kind: str, props: dict[str, str]) -> dict:
    """Property texts back to field values: lists split on ``; ``, phases as ``key=value``; pydantic does the rest."""
    data = dict(REQUIRED_DEFAULTS.get(kind, {}))
    fields = ELEMENT_CLASSES[kind].model_fields if kind in ELEMENT_CLASSES else {}
    for name in SCALARS.get(kind, ()):
        text = props.get(name, "")
        if not text or name not in fields:
            continue
        origin = get_origin(fields[name].annotation)
        if origin is dict:
            data[name] = dict(part.split("=", 1) for part in text.split("; ") if "=" in part)
        elif origin is list:
            data[name] = [part for part in text.split("; ") if part]
        else:
            data[name] = text
    return data


def _promote_steps(relations, items: dict, kinds: dict) -> None:
    """A business process composed into another one is a step of that workflow."""
    for _, _, rec in relations:
        if rec.get("type", "").removesuffix("Relationship") == "Composition" \
                and kinds.get(rec.get("source")) == "workflow" and kinds.get(rec.get("target")) == "workflow":
            kinds[rec["target"]] = "step"


SECTION_OF = {"team": "teams", "person": "people", "org": "orgs", "system": "systems", "data": "data",
              "capability": "capabilities", "workflow": "workflows", "coe": "coes", "chain": "chains"}
NESTED = {n.field: n.child_kind for n in NESTING.values()}
"""Field holding nested elements -> their kind (``steps`` -> ``step``)."""


def _relations(relations, items: dict, kinds: dict, props: dict, out: Imported) -> None:
    for path, row, rec in relations:
        type_ = rec.get("type", "").removesuffix("Relationship")
        src, tgt = rec.get("source", ""), rec.get("target", "")
        if src not in items or tgt not in items:
            out.warnings.append(_warn(path, row, 5, f"{type_} relationship {rec.get('id', '')} joins an element "
                                                    f"that was left out; left out too"))
            continue
        fld = props.get(rec.get("id", ""), {}).get("field") or _infer(type_, rec.get("name", ""), src, tgt, kinds)
        if fld == "next":
            continue  # the order of the steps, which their composition already keeps
        if not _apply(fld, type_, src, tgt, items, kinds):
            out.warnings.append(_warn(path, row, 2, f"{type_} relationship from {kinds[src]} "
                                                    f"{items[src]['name']!r} to {kinds[tgt]} {items[tgt]['name']!r} "
                                                    f"has no place in a chart; left out"))
            continue
        out.relations += 1


def _infer(type_: str, name: str, src: str, tgt: str, kinds: dict) -> str | None:
    if type_ == "Association":
        return name.strip().replace(" ", "_") or None
    if (type_, kinds[tgt]) in TYPED:
        return TYPED[(type_, kinds[tgt])]
    for (holder, fld), (rel_type, reverse) in RELATION_TYPES.items():
        if rel_type == type_ and holder == kinds[tgt if reverse else src]:
            return fld
    return None


def _apply(fld: str | None, type_: str, src: str, tgt: str, items: dict, kinds: dict) -> bool:
    """Put one relationship back into its field; False when it has no place."""
    if fld in NESTED and kinds[tgt] == NESTED[fld]:
        items[src].setdefault(fld, []).append(items[tgt])
        items[tgt]["_nested"] = True
        return True
    if fld == "title" and kinds[tgt] == "role" and kinds[src] == "person":
        items[src].setdefault("title", items[tgt]["name"])
        return True
    if fld == "by" and kinds[tgt] == "step":
        items[tgt]["by"] = items[src]["id"]
        return True
    reverse = RELATION_TYPES.get((kinds[tgt], fld), ("", False))[1] and \
        RELATION_TYPES[(kinds[tgt], fld)][0] == type_
    holder, other = (tgt, src) if reverse else (src, tgt)
    cls = ELEMENT_CLASSES.get(kinds[holder])
    spec = {f.name: f for f in ref_fields(cls)} if cls else {}
    if fld not in spec or kinds[other] not in spec[fld].ref.kinds:
        return False
    if spec[fld].many:
        items[holder].setdefault(fld, []).append(items[other]["id"])
    else:
        items[holder][fld] = items[other]["id"]
    return True


def _sections(items: dict, kinds: dict, out: Imported) -> None:
    for key, item in items.items():
        kind = kinds[key]
        nested = item.pop("_nested", False)
        if kind == "role" or nested:
            continue
        if kind in NESTED.values():
            out.warnings.append(Problem(f"{kind} {item['id']!r} belongs to no "
                                        f"{'workflow' if kind == 'step' else 'organization'}; left out",
                                        "archi-import", severity="warning"))
            continue
        out.sections.setdefault(SECTION_OF[kind], []).append(item)
        out.elements += 1 + sum(len(item.get(f, [])) for f in NESTED)
