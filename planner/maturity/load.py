"""Finding and loading maturity-model files: built-in names or paths, with located errors."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from ..errors import Problem, UnknownNameError
from ..model.integrity import suggest
from ..store import load_yaml_model
from .rules import RULES
from .spec import MaturityModel

MODELS_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
BUILTIN_ORDER = ("engagement", "dcg", "information", "coe", "lifecycle")
"""Display order of the built-in models; any other file in the folder follows, by name."""


def builtin_models() -> list[str]:
    """Ids of the built-in models, in display order."""
    found = {p.stem for p in MODELS_DIR.glob("*.yaml")}
    return [m for m in BUILTIN_ORDER if m in found] + sorted(found - set(BUILTIN_ORDER))


def load_model(name_or_path: str | os.PathLike) -> MaturityModel:
    """A built-in model by id, or a model file by path.

    A mistake in the file raises :class:`~planner.errors.ChartError` whose problems
    carry the path, line and column, and name the criterion's full id.
    """
    text = str(name_or_path)
    if text in builtin_models():
        return _builtin(text)
    if os.sep in text or "/" in text or text.endswith((".yaml", ".yml")) or Path(text).exists():
        return load_yaml_model(text, MaturityModel, check=check_model)
    raise UnknownNameError("maturity model", text, builtin_models())


@lru_cache(maxsize=None)
def _builtin(name: str) -> MaturityModel:
    return load_yaml_model(MODELS_DIR / f"{name}.yaml", MaturityModel, check=check_model)


def check_model(model: MaturityModel) -> list[Problem]:
    """What pydantic cannot see: dimension references, duplicate ids, rules and their parameters."""
    problems: list[Problem] = []
    dims = [d.id for d in model.dimensions]
    for label, score in model.answer_scale.items():
        if not 0 <= score <= 1:
            problems.append(Problem(f"answer {label!r} scores {score}: scores run from 0 to 1", "bad-scale",
                                    ("answer_scale", label)))
    seen: set[str] = set()
    for n, level in enumerate(model.levels, start=1):
        for j, c in enumerate(level.criteria):
            loc = ("levels", n - 1, "criteria", j)
            full = f"{model.id}.{n}.{c.id}"
            if full in seen:
                problems.append(Problem(f"criterion {full}: id {c.id!r} is used twice in level {n}", "duplicate-id",
                                        loc + ("id",), full))
            seen.add(full)
            if c.dimension not in dims:
                problems.append(Problem(f"criterion {full}: unknown dimension {c.dimension!r}{suggest(c.dimension, dims)}"
                                        f" (dimensions: {', '.join(dims)})", "unknown-dimension", loc + ("dimension",), full))
            problems += _check_rule(full, c, loc)
    return problems + _check_ladders(model)


def _check_ladders(model: MaturityModel) -> list[Problem]:
    """``superseded_by`` names existing criteria of a higher level; limitations are never superseded."""
    problems: list[Problem] = []
    levels = {c.id: c.level for c in model.criteria}
    for n, level in enumerate(model.levels, start=1):
        for j, c in enumerate(level.criteria):
            full = f"{model.id}.{n}.{c.id}"
            for k, ref in enumerate(c.superseded_by):
                loc = ("levels", n - 1, "criteria", j, "superseded_by", k)
                target = model.full_id(ref)
                if target not in levels:
                    hint = suggest(target, list(levels))
                    problems.append(Problem(f"criterion {full}: superseded_by names unknown criterion {ref!r}{hint}",
                                            "unknown-criterion", loc, full))
                elif levels[target] <= n:
                    problems.append(Problem(f"criterion {full}: superseded_by {ref!r} is at level {levels[target]}; "
                                            "a criterion is superseded only by one of a higher level", "bad-ladder", loc, full))
            if c.kind == "limitation" and c.superseded_by:
                problems.append(Problem(f"criterion {full}: a limitation is never required, so it cannot be superseded",
                                        "bad-ladder", ("levels", n - 1, "criteria", j, "superseded_by"), full))
    return problems


def _check_rule(full: str, c, loc: tuple) -> list[Problem]:
    if c.rule is None:
        if c.evidence in ("rule", "either"):
            return [Problem(f"criterion {full}: evidence {c.evidence!r} needs a rule", "no-rule", loc + ("evidence",), full)]
        if c.params:
            return [Problem(f"criterion {full}: params given but no rule", "no-rule", loc + ("params",), full)]
        return []
    found = RULES.get(c.rule)
    if found is None:
        hint = suggest(c.rule, sorted(RULES))
        return [Problem(f"criterion {full}: unknown rule {c.rule!r}{hint}", "unknown-rule", loc + ("rule",), full)]
    try:
        found.params.model_validate(c.params)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = tuple(err["loc"])
            what = "unknown parameter" if err["type"] == "extra_forbidden" else err["msg"]
            allowed = ", ".join(found.params.model_fields)
            extra = f" (parameters of {c.rule}: {allowed})" if err["type"] == "extra_forbidden" else ""
            problems.append(Problem(f"criterion {full}: rule {c.rule}, {'.'.join(map(str, where))}: {what}{extra}",
                                    "bad-param", loc + ("params",) + where, full))
        return problems
    return []
