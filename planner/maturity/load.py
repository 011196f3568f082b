"""What a maturity model must satisfy beyond its types, and the check that a model object was passed.

Reading model files is the store's job (:mod:`planner.store.library`): the core
takes :class:`MaturityModel` objects and never a name or a path. :func:`check_model`
is pure and is called by the store after parsing. :func:`require_model` turns a
name passed by mistake into a :class:`TypeError` that says how to load it, rather
than an ``AttributeError`` deep in the engine.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..errors import Problem
from ..model.integrity import suggest
from .rules import RULES
from .spec import MaturityModel


def require_model(model: Any, where: str) -> MaturityModel:
    """``model`` itself when it is a :class:`MaturityModel`, else a :class:`TypeError` naming the loader.

    ``where`` is the function that received it (``assess()``), for the message.
    """
    if isinstance(model, MaturityModel):
        return model
    if isinstance(model, (str, bytes)) or hasattr(model, "__fspath__"):
        raise TypeError(f"{where} takes a MaturityModel object, not the name or path {str(model)!r}: load it first "
                        f"with planner.store.library.load_model({str(model)!r})")
    raise TypeError(f"{where} takes a MaturityModel object, not {type(model).__name__} "
                    f"(load one with planner.store.library.load_model)")


def require_models(models: Any, where: str) -> list[MaturityModel]:
    """Every item of ``models`` checked by :func:`require_model`; a lone name or None is refused as such."""
    if models is None or isinstance(models, (str, bytes, MaturityModel)) or hasattr(models, "__fspath__"):
        what = repr(str(models)) if isinstance(models, (str, bytes)) else type(models).__name__
        raise TypeError(f"{where} takes a list of MaturityModel objects, not {what}: load them with "
                        "planner.store.library.load_models(), which gives every built-in model")
    return [require_model(m, where) for m in models]


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
