"""What a solution catalog must satisfy beyond its types, and its JSON Schema.

Reading catalog files is the store's job (:func:`planner.store.library.load_catalog`,
the built-in catalog when called without a path): the roadmap takes a
:class:`Catalog` object. :func:`check_catalog` is pure and is called by the store
after parsing; :func:`require_catalog` turns a path or None passed by mistake into
a :class:`TypeError` that says how to load it.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..errors import Problem
from ..model import SECTIONS
from ..model.schema import json_schema
from .catalog import Catalog, ChartChange

SCHEMA_ID = "https://capability-planner.example/schema/catalog-1.json"


def require_catalog(catalog: Any, where: str) -> Catalog:
    """``catalog`` itself when it is a :class:`Catalog`, else a :class:`TypeError` naming the loader."""
    if isinstance(catalog, Catalog):
        return catalog
    if catalog is None:
        raise TypeError(f"{where} takes a Catalog object, not None: the built-in catalog is "
                        "planner.store.library.load_catalog()")
    if isinstance(catalog, (str, bytes)) or hasattr(catalog, "__fspath__"):
        raise TypeError(f"{where} takes a Catalog object, not the path {str(catalog)!r}: load it first with "
                        f"planner.store.library.load_catalog({str(catalog)!r})")
    raise TypeError(f"{where} takes a Catalog object, not {type(catalog).__name__} "
                    "(load one with planner.store.library.load_catalog)")


def check_catalog(catalog: Catalog) -> list[Problem]:
    """What pydantic cannot see: duplicate ids, unknown prerequisites, elements that are not valid."""
    problems: list[Problem] = []
    ids: dict[str, int] = {}
    for i, solution in enumerate(catalog.solutions):
        if solution.id in ids:
            problems.append(Problem(f"duplicate solution id {solution.id!r} (first at solutions.{ids[solution.id]})",
                                    "duplicate-id", ("solutions", i, "id"), solution.id))
        ids.setdefault(solution.id, i)
    for i, solution in enumerate(catalog.solutions):
        for j, pre in enumerate(solution.requires):
            if pre not in ids:
                problems.append(Problem(f"{solution.id!r} requires unknown solution {pre!r}", "dangling-reference",
                                        ("solutions", i, "requires", j), pre))
            elif pre == solution.id:
                problems.append(Problem(f"{solution.id!r} requires itself", "cycle", ("solutions", i, "requires", j),
                                        pre))
        for j, criterion in enumerate(solution.requires_criteria):
            if criterion in solution.satisfies:
                problems.append(Problem(f"{solution.id!r} requires {criterion}, which it closes itself: a cycle",
                                        "cycle", ("solutions", i, "requires_criteria", j), criterion))
        problems += _check_change(solution.change, ("solutions", i, "change"))
        for k, option in enumerate(solution.options):
            problems += _check_change(option.change, ("solutions", i, "options", k, "change"))
    return problems


def _check_change(change: ChartChange, loc: tuple) -> list[Problem]:
    """Added elements must be valid elements of their section (references are checked on projection)."""
    problems = []
    for section, items in change.add.items():
        cls = SECTIONS[section]
        for j, item in enumerate(items):
            try:
                cls.model_validate(_placeholders(item))
            except ValidationError as exc:  # report its first line, located
                first = str(exc).splitlines()
                detail = "; ".join(line.strip() for line in first[1:3]) if len(first) > 1 else str(exc)
                problems.append(Problem(f"invalid {cls.KIND} in change: {detail}", "invalid-element",
                                        loc + ("add", section, j), item.get("id")))
    return problems


def _placeholders(value: Any) -> Any:
    """Stand-ins for ``{match: ...}`` so an element can be validated before it is resolved."""
    if isinstance(value, dict):
        if set(value) == {"match"}:
            return "x"
        return {k: _placeholders(v) for k, v in value.items()}
    if isinstance(value, list):
        return [x for v in value for x in (["x"] if isinstance(v, dict) and set(v) == {"match"} else [_placeholders(v)])]
    return value


def catalog_json_schema() -> dict[str, Any]:
    """The JSON Schema of a catalog file, for editors (``planner/data/catalog.schema.json``)."""
    return json_schema(Catalog, SCHEMA_ID, "Solution catalog")
