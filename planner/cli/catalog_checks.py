"""A user's catalog file checked against the maturity models before a roadmap is planned.

The catalog's own checks (:func:`planner.roadmap.files.check_catalog`) see the
catalog alone. Here it also meets the models: a ``satisfies`` or
``requires_criteria`` entry must name a criterion of a known model (a typo
would otherwise make a solution silently useless), and where two solutions
share an id the "requires itself" that follows from the clash is left out,
since the duplicate id itself is already reported, by that name.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..maturity import MaturityModel
from ..model.integrity import suggest
from ..roadmap.catalog import Catalog
from ..roadmap.files import check_catalog
from ..store import load_yaml_model
from ..store.library import builtin_models, load_catalog, load_model


def load_checked_catalog(path: Path | None, model: str | MaturityModel) -> Catalog:
    """The built-in catalog, or the file at ``path`` checked against the built-in models and ``model``."""
    if path is None:
        return load_catalog(None)
    criteria = known_criteria(model)
    return load_yaml_model(path, Catalog, check=lambda catalog: checked(catalog, criteria))


def known_criteria(model: str | MaturityModel) -> dict[str, set[str]]:
    """Model id -> its criterion ids, for every built-in model and the one chosen (a file, maybe)."""
    found = {}
    for name in dict.fromkeys([*builtin_models(), model]):
        loaded = load_model(name)
        found[loaded.id] = {c.id for c in loaded.criteria} | set(loaded.alias_of)  # former ids still name theirs
    return found


def checked(catalog: Catalog, criteria: dict[str, set[str]]) -> list[Problem]:
    """The catalog's own problems (less the echo of a duplicate id) and its unknown criteria."""
    ids = [s.id for s in catalog.solutions]
    doubled = {i for i in ids if ids.count(i) > 1}
    problems = [p for p in check_catalog(catalog) if not (p.code == "cycle" and p.id in doubled)]
    for i, solution in enumerate(catalog.solutions):
        for field in ("satisfies", "requires_criteria"):
            for j, criterion in enumerate(getattr(solution, field)):
                message = unknown_criterion(criterion, criteria)
                if message:
                    problems.append(Problem(f"{solution.id!r} {field.replace('_', ' ')} {message}", "unknown-criterion",
                                            ("solutions", i, field, j), criterion))
    return problems


def unknown_criterion(criterion: str, criteria: dict[str, set[str]]) -> str:
    """Why ``criterion`` is not one of ``criteria``, or an empty string when it is."""
    model = criterion.split(".", 1)[0]
    if model not in criteria:
        return f"names criterion {criterion!r} of unknown model {model!r} (models: {', '.join(sorted(criteria))})"
    if criterion in criteria[model]:
        return ""
    return f"names unknown criterion {criterion!r}{suggest(criterion, sorted(criteria[model]))}"


__all__ = ["checked", "known_criteria", "load_checked_catalog", "unknown_criterion"]
