"""Comparing the content of two elements, value by value, the way a person reads a chart.

Rules, chosen so that reformatting or reordering a file never shows up as a change:

- A field left out and a field written with its default value are the same.
- Lists of words or ids are sets with repeats (``responsible: [cy, mkt]`` equals
  ``[mkt, cy]``), except the fields in :data:`ORDERED_FIELDS`, whose order means
  something (the CoEs of a value chain run upstream first).
- Lists of records (SLA rows, improvements) are matched by their first field
  (``metric``, ``kind``): a row changes field by field, or is added or removed whole.
- Mappings (``phases``) are compared key by key.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from ..model import Element, ref_fields

ORDERED_FIELDS: frozenset[tuple[str, str]] = frozenset({("chain", "coes")})
"""(element kind, field) pairs whose list order is meaningful."""

ORDERED_CHILDREN: frozenset[tuple[str, str]] = frozenset({("workflow", "steps")})
"""Nested element lists whose order is meaningful: a change of order is reported on the parent."""

_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def child_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """Fields holding nested elements (an organization's contracts, a workflow's steps).

    Nested elements are compared as elements of their own, so the parent's
    content leaves them out.
    """
    found = _CHILD_FIELDS.get(cls)
    if found is None:
        found = tuple(name for name, info in cls.model_fields.items() if _holds_elements(info.annotation))
        _CHILD_FIELDS[cls] = found
    return found


def _holds_elements(annotation: Any) -> bool:
    args = getattr(annotation, "__args__", ())
    return any(isinstance(arg, type) and issubclass(arg, Element) for arg in args)


def content(element: Element, renamed: dict[str, str] | None = None) -> dict[str, Any]:
    """The element's comparable content: every field but ``id`` and nested elements, as JSON values.

    ``renamed`` maps old ids to new ones; references are translated through it
    so that an element that only points at a renamed element compares equal.
    """
    cls = type(element)
    data = element.model_dump(mode="json", exclude={"id", *child_fields(cls)})
    if renamed:
        for ref in ref_fields(cls):
            value = data.get(ref.name)
            if value is None:
                continue
            data[ref.name] = [renamed.get(v, v) for v in value] if ref.many else renamed.get(value, value)
    return data


def canonical(data: Any, kind: str, path: str = "") -> Any:
    """``data`` with unordered lists sorted, so equal content gives equal JSON text."""
    if isinstance(data, dict):
        return {k: canonical(v, kind, f"{path}.{k}" if path else str(k)) for k, v in data.items()}
    if isinstance(data, list):
        items = [canonical(v, kind, path) for v in data]
        if (kind, path) in ORDERED_FIELDS:
            return items
        return sorted(items, key=_sort_key)
    return data


def content_key(data: dict[str, Any], kind: str) -> str:
    """A text that is equal for two contents exactly when they compare equal."""
    return json.dumps(canonical(data, kind), sort_keys=True, ensure_ascii=False)


def compare(a: Any, b: Any, kind: str, path: str = "") -> list[tuple[str, Any, Any]]:
    """Every differing attribute of two contents as ``(path, old, new)``, in field order."""
    out: list[tuple[str, Any, Any]] = []
    _compare(a, b, kind, path, out)
    return out


def _compare(a: Any, b: Any, kind: str, path: str, out: list) -> None:
    if a == b:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for key in [*a, *(k for k in b if k not in a)]:
            _compare(a.get(key), b.get(key), kind, f"{path}.{key}" if path else str(key), out)
        return
    if isinstance(a, list) and isinstance(b, list):
        rows_a, rows_b = _rows(a), _rows(b)
        if rows_a is not None and rows_b is not None:
            for key in [*rows_a, *(k for k in rows_b if k not in rows_a)]:
                sub = f"{path}[{key}]"
                if key in rows_a and key in rows_b:
                    _compare(rows_a[key], rows_b[key], kind, sub, out)
                else:
                    out.append((sub, rows_a.get(key), rows_b.get(key)))
            return
        if (kind, path) not in ORDERED_FIELDS and counted(a) == counted(b):
            return
    out.append((path, a, b))


def _rows(items: list) -> dict[str, dict] | None:
    """A list of records keyed by the value of their first field, or None if not such a list."""
    if not all(isinstance(item, dict) and item for item in items):
        return None
    keys = [str(next(iter(item.values()))) for item in items]
    if len(set(keys)) != len(keys):
        return None
    return dict(zip(keys, items))


def _hashable(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, json.dumps(value, sort_keys=True, ensure_ascii=False, default=str))


def counted(items: Iterable | None) -> Counter:
    """A multiset of list items (records included)."""
    return Counter(_hashable(v) for v in (items or ()) ) if isinstance(items, (list, tuple)) else Counter()


def list_minus(items: Any, other: Any) -> list:
    """Items of ``items`` not matched by an item of ``other`` (repeats counted), in ``items`` order."""
    if not isinstance(items, list):
        return []
    left = counted(other)
    kept = []
    for item in items:
        key = _hashable(item)
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(item)
    return kept


def jsonable(value: Any) -> Any:
    """Values are already JSON-ready (dumped in JSON mode); tuples become lists."""
    if isinstance(value, tuple):
        return [jsonable(v) for v in value]
    return value
