"""Turning parsed data into a :class:`Chart`, with every problem as a located :class:`Problem`.

``validate_strict`` is the fast path: one pydantic call for the whole chart.
``validate_lenient`` runs when something is wrong: it validates item by item so
that one bad person does not hide the dangling reference three sections later,
and it keeps the original indices so that problems point at the right item.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Problem
from .base import Element
from .chart import SECTIONS, Chart, ChartInfo, Location
from .integrity import check_integrity, check_partial, suggest


def validate_strict(data: Any) -> tuple[Chart | None, list[Problem]]:
    """Validate in one pass; on any problem return None and let the caller go lenient."""
    if not isinstance(data, dict):
        return None, [_not_a_mapping(data)]
    try:
        chart = Chart.model_validate(data)
    except ValidationError:
        return None, []
    return chart, check_integrity(chart)


def validate_lenient(data: Any, unparsed_ids: set[str] | None = None) -> tuple[Chart | None, list[Problem]]:
    """Validate item by item and report every problem; the chart holds the valid items."""
    if not isinstance(data, dict):
        return None, [_not_a_mapping(data)]
    problems: list[Problem] = []
    unparsed = set(unparsed_ids or ())
    values: dict[str, Any] = {}
    index_maps: dict[str, list[int]] = {}
    for key in data:
        if key not in Chart.model_fields:
            hint = suggest(str(key), list(Chart.model_fields))
            problems.append(Problem(f"unknown section {key!r}{hint}", "unknown-field", (key,), str(key)))
    for name, info in Chart.model_fields.items():
        if name not in data:
            if info.is_required():
                problems.append(Problem(f"missing required section {name!r}", "missing", (), None))
            continue
        raw = data[name]
        if name in SECTIONS and isinstance(raw, list):
            values[name], index_maps[name] = _validate_items(name, raw, problems, unparsed)
            continue
        annotation: Any = info.annotation  # every field of Chart is annotated
        try:
            values[name] = TypeAdapter(annotation).validate_python(raw)
        except ValidationError as exc:
            problems += problems_from(exc, data, (name,))
    values.setdefault("chart", ChartInfo.model_construct(name="?"))
    chart = Chart.model_construct(**values)
    for problem in check_integrity(chart, unparsed):
        problems.append(_reindex(problem, index_maps))
    problems += _duplicates_with_invalid_items(data, index_maps)
    problems += check_partial(chart, _partial_items(data, index_maps), unparsed)
    return chart, problems


def _partial_items(data: dict, index_maps: dict[str, list[int]]) -> list[tuple[Location, Element]]:
    """The items that failed validation, rebuilt from their fields that are sound on their own.

    ``check`` promises every problem in one run: a wrong type in one field must
    not hide an unknown team on the same person, nor the channel and practice
    warnings of that capability. The chart keeps only valid items (so drawings
    and assessments read sound data); these stand-ins are only checked.
    """
    found: list[tuple[Location, Element]] = []
    for name, valid in index_maps.items():
        cls, valid_set = SECTIONS[name], set(valid)
        for i, item in enumerate(data.get(name) or []):
            if i in valid_set or not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            sound = {}
            for key, value in item.items():
                if key in cls.model_fields and _field_ok(cls, key, value):
                    sound[key] = value
            found.append(((name, i), cls.model_construct(**sound)))
    return found


def _field_ok(cls, key: str, value: Any) -> bool:
    """Whether one field's value validates on its own (the model's type for that field)."""
    try:
        TypeAdapter(cls.model_fields[key].annotation).validate_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def _duplicates_with_invalid_items(data: dict, index_maps: dict[str, list[int]]) -> list[Problem]:
    """Duplicate ids where one side failed validation (integrity sees only valid items).

    Without this, fixing a field error would reveal a duplicate id the first run
    did not report; ``check`` promises every problem in one run.
    """
    problems: list[Problem] = []
    first: dict[str, tuple[Location, bool]] = {}
    for name, valid in index_maps.items():
        valid_set = set(valid)
        for i, item in enumerate(data.get(name) or []):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in first:
                earlier, earlier_valid = first[ident]
                if not (earlier_valid and i in valid_set):  # both valid: integrity reported it
                    where = ".".join(map(str, earlier))
                    problems.append(Problem(f"duplicate id {ident!r}: already used at {where}",
                                            "duplicate-id", (name, i, "id"), ident))
                continue
            first[ident] = ((name, i), i in valid_set)
    return problems


def _validate_items(name: str, raw: list, problems: list[Problem], unparsed: set[str]):
    cls = SECTIONS[name]
    items, original = [], []
    for i, item in enumerate(raw):
        try:
            items.append(cls.model_validate(item))
            original.append(i)
        except ValidationError as exc:
            problems += problems_from(exc, {name: raw}, (name, i))
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                unparsed.add(item["id"])
    return items, original


def _reindex(problem: Problem, index_maps: dict[str, list[int]]) -> Problem:
    loc = problem.loc
    if len(loc) >= 2 and loc[0] in index_maps and isinstance(loc[1], int):
        mapped = index_maps[loc[0]][loc[1]]
        return Problem(**{**problem.__dict__, "loc": (loc[0], mapped) + loc[2:]})
    return problem


def _not_a_mapping(data: Any) -> Problem:
    found = "an empty file" if data is None else f"a {type(data).__name__}"
    return Problem(f"a chart file must be a mapping with a 'chart' section, found {found}", "type")


def problems_from(exc: ValidationError, data: Any, prefix: tuple) -> list[Problem]:
    """One :class:`Problem` per pydantic error, worded for a person editing the file."""
    problems, seen = [], set()
    for error in exc.errors(include_url=False):
        loc = _trim(prefix + tuple(error["loc"]), data, error["type"])
        key = (loc, error["type"])
        if key in seen:
            continue
        seen.add(key)
        problems.append(_problem(error, loc, data))
    return problems


def _trim(loc: tuple, data: Any, kind: str) -> tuple:
    """Cut union-member tags and other parts that do not exist in the data."""
    node, kept = data, []
    for part in loc:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_list or (isinstance(node, dict) and part in node):
            node = node[part]
        else:
            if kind == "missing" and isinstance(node, dict):
                kept.append(part)
            break
        kept.append(part)
    return tuple(kept)


def _owner(loc: tuple, data: Any) -> str | None:
    """The id of the innermost element enclosing ``loc``, if it has one."""
    node, owner = data, None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            owner = node["id"]
    return owner


def _problem(error: ErrorDetails, loc: tuple, data: Any) -> Problem:
    owner = _owner(loc, data)
    subject = f" of {owner!r}" if owner else ""
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
    kind = error["type"]
    if kind == "extra_forbidden":
        hint = suggest(field, _allowed_fields(loc[:-1]))
        message = f"unknown field {field!r}{subject}{hint}"
        code = "unknown-field"
    elif kind == "missing":
        message = f"missing required field {field!r}{subject}"
        code = "missing"
    else:
        got = error.get("input")
        shown = f" (got {got!r})" if not isinstance(got, (dict, list)) else ""
        text = error["msg"].removeprefix("Value error, ")
        message = f"{field}{subject}: {text}{shown}"
        code = "type"
    return Problem(message, code, loc, owner)


def _allowed_fields(loc: tuple) -> list[str]:
    """Field names of the model that sits at ``loc`` in a chart, for suggestions."""
    model: Any = Chart
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            if isinstance(model, type) and issubclass(model, BaseModel):
                continue
            return []
        model = _unwrap(fields[part].annotation)
    return list(getattr(model, "model_fields", {}))


def _unwrap(annotation: Any) -> Any:
    """``list[X]``, ``dict[K, X]`` and ``X | None`` to ``X``."""
    for _ in range(3):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if not args:
            break
        annotation = args[-1]
    return annotation
