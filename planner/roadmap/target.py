"""A maturity target as a person writes it, read against a model: a level, ``next``, or levels per dimension.

``4``, ``Adaptive``, ``ad hoc`` (a part of ``Initial / ad hoc``), ``next`` or
``data=4,programs=adaptive`` all name a target; a name that fits two levels is
refused as ambiguous rather than guessed. Kept apart from :func:`planner.roadmap.plan`:
matching what a person typed to a model's names is a question of wording, not of
planning, and a target the chart already holds is an answer
(:class:`~planner.roadmap.errors.TargetReachedError`), not a plan.
"""

from __future__ import annotations

import re

from ..errors import UnknownNameError
from .errors import AmbiguousNameError, TargetReachedError
from .plan_inputs import Target


def parse_target(target: str | int | Target, model, current: int) -> Target:
    """A level number or name, ``next``, or ``dimension=level`` pairs separated by commas."""
    if isinstance(target, Target):
        return target
    text = str(target).strip()
    if "=" in text or ":" in text:
        pairs = []
        for part in filter(None, (p.strip() for p in text.split(","))):
            dim, _, level = re.split(r"\s*([=:])\s*", part, maxsplit=1)
            pairs.append((_dimension(dim, model), _level(level, model, current)))
        return Target(None, tuple(pairs), text)
    return Target(_level(text, model, current), (), text)


def _level(text: str, model, current: int) -> int:
    """A level by number, by name, or by a part of its name: ``ad hoc`` is ``Initial / ad hoc``.

    Tiers, most exact first: the whole name, a part between ``/``, a word, a prefix of
    three letters or more. A tier that matches two levels is refused as ambiguous.
    """
    names = [lv.name for lv in model.levels]
    key = _normal(text)
    if key == "next":
        if current >= len(names):
            raise TargetReachedError(f"level {current + 1}", f"the top level, {current} ({names[-1]})")
        return current + 1
    if key.isdigit() and 1 <= int(key) <= len(names):
        return int(key)
    for matches in _name_tiers(key, names):
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousNameError("target level", text, [f"{n} ({names[n - 1]})" for n in matches])
    raise UnknownNameError("target level", text, ["next"] + [f"{n} ({name})" for n, name in enumerate(names, 1)])


def _normal(text: str) -> str:
    """Lower case, single spaces, no spaces around ``/``."""
    return "/".join(" ".join(part.split()) for part in text.lower().split("/"))


def _name_tiers(key: str, names: list[str]):
    """Level numbers whose name matches ``key``, one list per tier of exactness."""
    whole = [_normal(name) for name in names]
    parts = [[p for p in name.split("/") if p] for name in whole]
    numbered = list(enumerate(whole, 1))
    yield [n for n, name in numbered if key == name]
    yield [n for n, _ in numbered if key in parts[n - 1]]
    yield [n for n, name in numbered if key in re.split(r"[\s/]+", name)]
    if len(key) >= 3:
        yield [n for n, name in numbered if any(p.startswith(key) for p in [name, *parts[n - 1]])]


def _dimension(text: str, model) -> str:
    key = text.strip().lower()
    for dim in model.dimensions:
        if key in (dim.id, dim.name.lower()):
            return dim.id
    raise UnknownNameError("dimension", text, [d.id for d in model.dimensions])


def check_above(goal: Target, assessment, model) -> None:
    """:class:`TargetReachedError` when the chart already holds the target, as the staged assessment says.

    The assessment grants level 1 even when level-1 criteria fail, so a target of
    level 1 (or ``data=1``) is always held and never a plan.
    """
    if goal.level is not None:
        if goal.level <= assessment.level:
            raise TargetReachedError(describe_target(goal, model),
                                     f"level {assessment.level} ({assessment.level_name})")
        return
    held = assessment.dimension_levels
    if goal.dimensions and all(held.get(dim, 1) >= level for dim, level in goal.dimensions):
        now = ", ".join(f"{model.dimension_name(d)} level {held.get(d, 1)}" for d, _ in goal.dimensions)
        raise TargetReachedError(describe_target(goal, model), now)


def describe_target(goal: Target, model) -> str:
    if goal.level is not None:
        return f"level {goal.level} ({model.level_name(goal.level)})"
    return ", ".join(f"{model.dimension_name(d)} level {n} ({model.level_name(n)})" for d, n in goal.dimensions)
