"""New and duplicated elements: ids that are free, and the fields a kind cannot do without."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ...model import ELEMENT_CLASSES, Element
from .fields import field_specs


def slug(name: str) -> str:
    """An id from a display name: ``Acme Print, Inc.`` -> ``acme-print-inc``."""
    text = re.sub(r"[^A-Za-z0-9]+", "-", name.strip().lower()).strip("-")
    return text[:60] or "item"


def id_prefix(sibling_ids: list[str], parent_id: str | None = None) -> str:
    """The prefix most ids of the siblings share (``org-``, ``wf-x.``), so that a new id looks like them."""
    if not sibling_ids:
        return ""
    if parent_id and 2 * sum(i.startswith(parent_id + ".") for i in sibling_ids) > len(sibling_ids):
        return parent_id + "."
    heads = Counter(i.split("-", 1)[0] + "-" for i in sibling_ids if "-" in i.strip("-"))
    if not heads:
        return ""
    head, count = heads.most_common(1)[0]
    return head if 2 * count > len(sibling_ids) and len(head) <= 6 else ""


def prefixed(prefix: str, ident: str) -> str:
    """``ident`` with ``prefix`` unless it already has it."""
    return ident if not prefix or ident.startswith(prefix) else prefix + ident


def required_fields(kind: str) -> list[str]:
    """Fields a new element of ``kind`` must be given, besides id and name."""
    cls = ELEMENT_CLASSES[kind]
    return [s.name for s in field_specs(cls) if s.required and s.name not in ("id", "name")]


def new_element(element_kind: str, ident: str, name: str, /, **values: Any) -> Element:
    """A validated element; raises pydantic's ValidationError when a value is refused."""
    return ELEMENT_CLASSES[element_kind].model_validate({"id": ident, "name": name, **values})


def duplicate(element: Element, taken, suffix: str = "copy") -> Element:
    """A deep copy with fresh ids (its steps or contracts too) and "(copy)" in the name."""
    data = element.model_dump()

    def fresh(ident: str) -> str:
        candidate, n = f"{ident}-{suffix}", 1
        while taken(candidate):
            n += 1
            candidate = f"{ident}-{suffix}{n}"
        return candidate

    data["id"] = fresh(element.id)
    data["name"] = f"{element.name} (copy)"
    if element.CHILDREN:
        for child in data.get(element.CHILDREN, []):
            child["id"] = fresh(child["id"])
    return type(element).model_validate(data)
