"""What a maturity model must satisfy beyond its types.

Reading model files is the store's job (:mod:`planner.store.library`): the core
takes :class:`MaturityModel` objects. :func:`check_model` is pure and is called by
the store after parsing. :func:`load_model` and :func:`builtin_models` remain here
only so that callers written when the engine read files itself (the test suite,
the examples) keep working; they hand the work to the store. Front ends, the
pipeline and new code load through :mod:`planner.store` and pass objects.
"""

from __future__ import annotations

import os

from pydantic import ValidationError

from ..errors import Problem
from ..model.integrity import suggest
from .rules import RULES
from .spec import MaturityModel


def builtin_models() -> list[str]:
    """Ids of the built-in models, in display order (compatibility: see the module's docstring)."""
    from ..store.library import builtin_models as listed  # noqa: PLC0415  (the one way in to the store)

    return listed()


def load_model(name_or_path: str | os.PathLike | MaturityModel) -> MaturityModel:
    """A built-in model by id or a model file by path, read by the store (compatibility only)."""
    if isinstance(name_or_path, MaturityModel):
        return name_or_path
    from ..store.library import load_model as loaded  # noqa: PLC0415

    return loaded(name_or_path)


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
    return problems + _check_ladders(model) + _check_groups(model) + _check_answer_sets(model)


def _check_groups(model: MaturityModel) -> list[Problem]:
    """Parents exist, groups do not cycle, and criteria sit on leaf dimensions (groups score their children)."""
    problems: list[Problem] = []
    ids = [d.id for d in model.dimensions]
    parent = {d.id: d.parent for d in model.dimensions}
    for i, d in enumerate(model.dimensions):
        if d.parent is not None and d.parent not in parent:
            problems.append(Problem(f"dimension {d.id}: parent {d.parent!r} is not a dimension{suggest(d.parent, ids)}",
                                    "unknown-dimension", ("dimensions", i, "parent"), d.id))
            continue
        seen, node = [d.id], d.parent
        while node is not None and node in parent:
            if node in seen:
                cycle = " -> ".join(seen[seen.index(node):] + [node])
                problems.append(Problem(f"dimension {d.id}: groups form a cycle: {cycle}", "group-cycle",
                                        ("dimensions", i, "parent"), d.id))
                break
            seen.append(node)
            node = parent[node]
    groups = {d.parent for d in model.dimensions if d.parent}
    for n, level in enumerate(model.levels, start=1):
        for j, c in enumerate(level.criteria):
            if c.dimension in groups:
                problems.append(Problem(f"criterion {model.id}.{n}.{c.id}: dimension {c.dimension!r} is a group; "
                                        "criteria belong to the dimensions at the bottom of a group",
                                        "group-criterion", ("levels", n - 1, "criteria", j, "dimension"),
                                        f"{model.id}.{n}.{c.id}"))
    return problems


def _check_answer_sets(model: MaturityModel) -> list[Problem]:
    """Every referenced answer set is defined, and every score lies in 0..1."""
    problems: list[Problem] = []
    defined = list(model.answer_sets)
    for name, labels in model.answer_sets.items():
        for label, score in labels.items():
            if not 0 <= score <= 1:
                problems.append(Problem(f"answer set {name}: {label!r} scores {score}: scores run from 0 to 1",
                                        "bad-scale", ("answer_sets", name, label)))

    def undefined(name: str | None, loc: tuple, owner: str) -> None:
        if name is not None and name not in model.answer_sets:
            problems.append(Problem(f"{owner}: answer set {name!r} is not defined{suggest(name, defined)}"
                                    f" (answer_sets: {', '.join(defined) or 'none'})", "unknown-answer-set", loc, owner))

    for i, d in enumerate(model.dimensions):
        undefined(d.answers, ("dimensions", i, "answers"), f"dimension {d.id}")
    for n, level in enumerate(model.levels, start=1):
        for j, c in enumerate(level.criteria):
            full, loc = f"{model.id}.{n}.{c.id}", ("levels", n - 1, "criteria", j)
            undefined(c.answers, loc + ("answers",), f"criterion {full}")
            seen: set[str] = set()
            for k, q in enumerate(c.questions):
                undefined(q.answers, loc + ("questions", k, "answers"), f"criterion {full}, question {q.id}")
                if q.id in seen:
                    problems.append(Problem(f"criterion {full}: question id {q.id!r} is used twice", "duplicate-id",
                                            loc + ("questions", k, "id"), full))
                seen.add(q.id)
    return problems


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
