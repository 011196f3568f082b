"""Loading YAML files other than charts (maturity models, solution catalogs) into pydantic models.

The same protections as a chart: the file is read within the limits and
screened first, problems are located, and a file of another kind (a chart given
as ``--model``) is named as such instead of drowning in "unknown field" lines.
``problems_from`` suggests field names of a chart; here the suggestions are
recomputed against the model actually loaded.
"""

from __future__ import annotations

import os
import typing
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ChartError, Problem
from ..model.integrity import suggest
from ..model.validate import problems_from
from .charts import place_problems, read_text
from .limits import Limits
from .screen import oversized, screen
from .yaml12 import FastParseFailed, loads_fast

M = TypeVar("M", bound=BaseModel)

KINDS = {
    "chart": ("chart", ("chart", "people", "teams", "capabilities")),
    "maturity model": ("MaturityModel", ("levels", "dimensions", "answer_scale")),
    "solution catalog": ("Catalog", ("solutions", "catalog")),
}
"""What a file is -> (the class that loads it, top-level keys only that kind has)."""


def load_yaml_model(
    path: str | os.PathLike,
    cls: type[M],
    check: Callable[[M], list[Problem]] | None = None,
) -> M:
    """Load any YAML file into the pydantic model ``cls`` with located errors.

    Used for maturity-model and catalog files; ``check`` adds problems pydantic
    cannot see (their ``loc`` is placed like the validation errors). A valid file
    takes the fast parser only; the located parser (and PyYAML under it, 15-25 ms
    of imports) is imported when a file has a problem or a construct the fast
    parser refuses, so every ``planner assess`` no longer pays for it.
    """
    name, limits = str(path), Limits.from_env()
    screened = screen(read_text(path, limits), limits)
    if screened.fatal:
        raise ChartError(place_problems(screened.problems, None, name, screened.text), name)
    text, problems = screened.text, list(screened.problems)
    if not problems:
        try:
            obj = cls.model_validate(_within_limits(loads_fast(text), screened, limits))
            problems = check(obj) if check else []
            if not _errors(problems):
                return obj
        except (FastParseFailed, ValidationError, _OverLimit):
            pass
    from .located import parse_located  # noqa: PLC0415 - only a file with a problem needs it (see above)

    located = parse_located(text)
    problems = list(screened.problems) + located.problems
    problems += oversized(located.data, limits) if screened.walk_values else []
    problems += wrong_kind(located.data, cls)
    if not _errors(problems):
        try:
            obj = cls.model_validate(located.data)
            problems += check(obj) if check else []
        except ValidationError as exc:
            problems += [_rehint(p, cls) for p in problems_from(exc, located.data, ())]
        if not _errors(problems):
            return obj  # valid after all: the fast parser refused something YAML allows (a tag)
    raise ChartError(place_problems(problems, lambda: located, name, text), name)


class _OverLimit(Exception):
    """Values over a limit: the located road reports them."""


def _within_limits(data: Any, screened, limits: Limits) -> Any:
    if screened.walk_values and oversized(data, limits):
        raise _OverLimit
    return data


def wrong_kind(data: Any, cls: type) -> list[Problem]:
    """A file of another kind than ``cls`` loads (a chart given as a model), said in one line."""
    if not isinstance(data, dict):
        return []
    wanted = next((kind for kind, (name, _) in KINDS.items() if name == cls.__name__), None)
    own = KINDS[wanted][1] if wanted else ()
    for kind, (_, keys) in KINDS.items():
        if kind != wanted and any(k in data for k in keys[:2]) and not any(k in data for k in own):
            return [Problem(f"this is a {kind} file, not a {wanted or cls.__name__}", "wrong-kind", ())]
    return []


def _rehint(problem: Problem, cls: type) -> Problem:
    """An unknown field's "did you mean" from the fields of ``cls`` at that place, not of a chart."""
    if problem.code != "unknown-field" or not problem.loc:
        return problem
    base = problem.message.split("; did you mean")[0]
    return replace(problem, message=base + suggest(str(problem.loc[-1]), fields_at(cls, problem.loc[:-1])))


def fields_at(model: Any, loc: tuple) -> list[str]:
    """Field names of the pydantic model found at ``loc`` under ``model`` (list items and dict values too)."""
    for part in loc:
        fields = getattr(model, "model_fields", None)
        if isinstance(part, int) or fields is None:
            continue
        if part not in fields:
            return []
        model = _inner(fields[part].annotation)
    return list(getattr(model, "model_fields", {}))


def _inner(annotation: Any) -> Any:
    """``list[X]``, ``dict[K, X]``, ``X | None`` and ``Annotated[X, ...]`` to ``X`` (a model when there is one)."""
    for _ in range(4):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        if models:
            return models[-1]
        if not args:
            return annotation
        annotation = args[-1] if typing.get_origin(annotation) is not typing.Annotated else args[0]
    return annotation


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


__all__ = ["fields_at", "load_yaml_model", "wrong_kind"]
