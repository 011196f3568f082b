"""Applying a solution's change to a chart: the projection behind future-state charts.

Works on the chart's plain data (``model_dump``) and validates once per solution,
so a catalog mistake is reported against the solution that made it. A value of
the form ``{match: {section: ..., where: ...}}`` anywhere in a change stands for
the ids of the matching elements (a list in a list field, the first id in a
single field): a generic catalog names "the enterprise marketing database" or
"the top of the reporting line" without knowing a chart's ids.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from ..model import NESTING, SECTIONS, Chart, check_integrity, redirect, ref_fields
from ..model.validate import problems_from
from .catalog import ChartChange, Match
from .errors import ProjectionError
from .roles import Resolver

NESTED: dict[str, tuple[str, type]] = {n.section: (n.field, n.child) for n in NESTING.values()}
"""Sections whose elements hold nested elements: field name and class (from :data:`planner.model.NESTING`)."""


def chart_data(chart: Chart) -> dict[str, Any]:
    """A deep, editable copy of the chart as plain data (defaults included, so ``where`` sees them)."""
    return chart.model_dump(mode="json")


def apply_changes(data: dict[str, Any], changes: list[ChartChange], origin: str, systems_sourced_as: str | None,
                  resolver: Resolver | None = None) -> list[str]:
    """Apply ``changes`` (a solution's own, then its option's) to ``data`` in place; the ids it added.

    Symbols of the catalog's roles resolve through ``resolver``: an added element
    whose id is a symbol reuses the element already in that role, and a new id
    never collides with one the chart uses. Raises :class:`ProjectionError` up front,
    before touching ``data``, when a reference names a role nothing plays.
    """
    resolver = resolver or Resolver()
    creates = {item["id"] for change in changes for items in change.add.values() for item in items
               if isinstance(item.get("id"), str)}
    missing = [sym for change in changes for sym in resolver.unresolved(data, change.model_dump(), creates)]
    if missing:
        raise ProjectionError(origin, [f"it needs {resolver.roles[m].describe} ({m}), which the chart does not have "
                                       f"and no earlier solution adds" for m in dict.fromkeys(missing)])
    added: list[str] = []
    for change in changes:
        for section, items in change.add.items():
            for item in items:
                added += _add(data, section, item, origin, systems_sourced_as, resolver)
        for update in change.update:
            for element in _matching(data, update):
                _edit(data, element, resolver.rename(data, update.set), resolver.rename(data, update.add),
                      resolver.rename(data, update.remove), origin)
        for removal in change.remove:
            _remove(data, removal, origin)
    return added


def validated(data: dict[str, Any], origin: str) -> Chart:
    """The chart ``data`` describes; :class:`ProjectionError` if it is invalid."""
    try:
        chart = Chart.model_validate(data)
    except ValidationError as exc:
        raise ProjectionError(origin, problems_from(exc, data, ())) from None
    errors = [p for p in check_integrity(chart) if p.severity == "error"]
    if errors:
        raise ProjectionError(origin, errors)
    return chart


def iter_elements(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(section, element) for every element in the data, nested ones included."""
    for section in SECTIONS:
        for element in data.get(section) or []:
            yield section, element
            nested = NESTED.get(section)
            if nested:
                for child in element.get(nested[0]) or []:
                    yield f"{section}.{nested[0]}", child


def matching_ids(data: dict[str, Any], match: Match) -> list[str]:
    return [e["id"] for e in _matching(data, match)]


def _matching(data: dict[str, Any], match: Match) -> list[dict[str, Any]]:
    found = []
    extra = _role_tests(data, match)
    for section, element in iter_elements(data):
        if section != match.section:
            continue
        if match.ids and element.get("id") not in match.ids:
            continue
        if extra is not None and element.get("id") not in extra:
            continue
        if match.text_any and not _has_words(element, match.text_any):
            continue
        if all(_field_matches(element.get(name), wanted) for name, wanted in match.where.items()):
            found.append(element)
            if match.first:
                break
    return found


def _role_tests(data: dict[str, Any], match: Match) -> set[str] | None:
    """Ids passing ``accountable_for`` and ``hosts`` (None when the match has neither)."""
    allowed = None
    if match.accountable_for is not None:
        allowed = {c.get("accountable") for c in data.get("capabilities") or []
                   if all(_field_matches(c.get(k), v) for k, v in match.accountable_for.items())}
    if match.hosts:
        hosts = {d.get("system") for d in data.get("data") or [] if d.get("kind") in match.hosts}
        allowed = hosts if allowed is None else allowed & hosts
    return allowed


def _has_words(element: dict[str, Any], words: list[str]) -> bool:
    text = f" {element.get('name', '')} {element.get('title', '')} ".lower()
    for word in words:
        w = word.lower()
        if (f" {w} " in text or f" {w}," in text or f"({w})" in text) if len(w) <= 4 else w in text:
            return True
    return False


def _field_matches(value: Any, wanted: Any) -> bool:
    if wanted is None:
        return value in (None, [], {}, "")
    accepted = wanted if isinstance(wanted, list) else [wanted]
    if isinstance(value, list):
        return any(v in accepted for v in value)
    if isinstance(value, dict):
        return any(k in accepted for k in value)
    return value in accepted


def _add(data, section: str, item: dict, origin: str, systems_sourced_as: str | None, resolver: Resolver) -> list[str]:
    """Add one element, or reuse the chart's element in its role; nested ids follow a renamed parent."""
    symbol: str = item["id"]  # an added element has an id: the catalog's check validated it
    if symbol in resolver.roles and resolver.find(data, symbol, fallback=False):
        return []
    known = {e["id"] for _, e in iter_elements(data)}
    new_id = resolver.fresh(symbol, known)
    resolver.aliases[symbol] = new_id
    nested = NESTED.get(section, ("",))[0]
    for child in item.get(nested, []) if nested else []:
        child_id = child.get("id", "")
        wanted = new_id + child_id[len(symbol):] if child_id.startswith(symbol) else child_id
        resolver.aliases[child_id] = resolver.fresh(wanted, known | {new_id})
    element = _resolve(data, resolver.rename(data, copy.deepcopy(item)), many=None)
    element["id"] = new_id
    for child in element.get(nested, []) if nested else []:
        child["id"] = resolver.aliases.get(child["id"], child["id"])
    if section == "systems" and systems_sourced_as and "sourcing" not in element:
        element["sourcing"] = systems_sourced_as
    data.setdefault(section, []).append(element)
    return [new_id]


def _edit(data, element: dict, set_: dict, add: dict, remove: dict, origin: str) -> None:
    for name, value in set_.items():
        element[name] = _resolve(data, copy.deepcopy(value), many=isinstance(element.get(name), list))
    for name, value in add.items():
        current = element.get(name)
        value = _resolve(data, copy.deepcopy(value), many=not isinstance(current, dict))
        if isinstance(current, dict):
            for key, extra in value.items():
                if isinstance(current.get(key), list) and isinstance(extra, list):
                    current[key] = current[key] + [x for x in extra if x not in current[key]]
                else:
                    current[key] = extra
        elif isinstance(current, list) or current is None:
            merged = list(current or [])
            merged += [v for v in value if v not in merged]
            element[name] = merged
        else:
            raise ProjectionError(origin, [f"cannot add to {name!r} of {element.get('id')!r}: not a list or mapping"])
    for name, value in remove.items():
        value = _resolve(data, copy.deepcopy(value), many=True)
        current = element.get(name)
        if isinstance(current, list):
            element[name] = [v for v in current if v not in value]
        elif isinstance(current, dict):
            for key in value:
                current.pop(key, None)


def _remove(data, removal, origin: str) -> None:
    doomed = set(matching_ids(data, removal))
    if not doomed:
        return
    successor = removal.replaced_by
    if successor in doomed:
        raise ProjectionError(origin, [f"{successor!r} replaces elements and is removed itself"])
    for section in SECTIONS:
        if data.get(section):
            data[section] = [e for e in data[section] if e.get("id") not in doomed]
            field = NESTED.get(section, (None,))[0]
            for element in data[section] if field else ():
                element[field] = [c for c in element.get(field) or [] if c.get("id") not in doomed]
    for section, element in list(iter_elements(data)):
        cls = NESTED[section.split(".")[0]][1] if "." in section else SECTIONS[section]
        _redirect(element, cls, doomed, successor)
    for answer in (data.get("answers") or {}).values():
        if answer.get("by") in doomed:
            answer["by"] = successor
    return None


def _redirect(element: dict, cls: type, doomed: set[str], successor: str | None) -> None:
    """Move references from removed elements to their successor, or drop them (:func:`planner.model.redirect`)."""
    for field in ref_fields(cls):
        value = element.get(field.name)
        if value and (field.many or value in doomed):
            element[field.name] = redirect(value, doomed, successor)


def _resolve(data, value: Any, many: bool | None) -> Any:
    """Replace ``{match: ...}`` expressions by ids; ``many`` None means decide by position."""
    if isinstance(value, dict):
        if set(value) == {"match"} and isinstance(value["match"], dict):
            ids = matching_ids(data, Match.model_validate(value["match"]))
            if many is False:
                return ids[0] if ids else None
            return ids
        return {k: _resolve(data, v, many=None if not isinstance(v, dict) or "match" not in v else False)
                for k, v in value.items()}
    if isinstance(value, list):
        flat: list = []
        for item in value:
            resolved = _resolve(data, item, many=True)
            if isinstance(item, dict) and set(item) == {"match"}:
                flat += [r for r in resolved if r not in flat]
            else:
                flat.append(resolved)
        return flat
    return value
