"""Fitting a catalog to one operation and one model: rules matched, figures scaled.

Two things a catalog cannot know in advance. Which criteria of *this* model its
solutions close: an entry's ``closes_rules`` names rules of the rule library, and
any criterion (of a custom model too) that uses such a rule with agreeing
parameters is added to what the solution satisfies. And how big the operation is:
the catalog's figures are for the operation in ``catalog.sized_for`` (60 people,
one line of business, four channels by default); each solution's effort and cost
grow with the dimensions it ``scales_with``, its duration with the square root
of that (more people work in parallel, not forever), and a buy, rent or partner
option's own effort grows with the square root (the supplier carries the rest).
The factor is ``(actual / reference) ** 0.5`` per dimension, kept between 0.4
and 4, so a 15-person firm pays about half of a 60-person one's figures and a
1,000-person operation about four times.
"""

from __future__ import annotations

from typing import Any

from .catalog import Catalog, RuleRef, Solution

DEFAULT_SCALES = {"organization": ["people"], "program": ["people"], "data": ["lobs"], "technology": ["channels"],
                  "partnership": ["lobs"], "service management": ["lobs"], "strategy": ["lobs"], "people": []}
LOW, HIGH = 0.4, 4.0


def operation_size(chart) -> dict[str, int]:
    """People in scope, lines of business and channels the chart shows (at least 1 each)."""
    lobs = {lob for c in chart.capabilities for lob in c.lob} | {t.lob for t in chart.teams if t.lob}
    lobs |= {d.lob for d in chart.data if d.lob}
    channels = {ch for c in chart.capabilities for ch in c.channels}
    return {"people": max(1, len(chart.people)), "lobs": max(1, len(lobs)), "channels": max(1, len(channels))}


def describe_size(size: dict[str, int]) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}" + ("" if count == 1 else ("es" if word.endswith("s") else "s"))
    return (f"{n(size['people'], 'person') if size['people'] == 1 else str(size['people']) + ' people'}, "
            f"{size['lobs']} line{'s' if size['lobs'] != 1 else ''} of business, {n(size['channels'], 'channel')}")


def factor(solution: Solution, size: dict[str, int], reference) -> float:
    dims = solution.scales_with if solution.scales_with is not None else DEFAULT_SCALES.get(solution.category, [])
    f = 1.0
    for dim in dims:
        f *= (size[dim] / getattr(reference, dim)) ** 0.5
    return min(HIGH, max(LOW, f))


def fitted(catalog: Catalog, model, size: dict[str, int] | None) -> Catalog:
    """A copy of ``catalog`` whose solutions satisfy the model's criteria matched by rule, figures scaled."""
    by_rule: dict[str, list] = {}
    for c in model.criteria:
        if c.rule:
            by_rule.setdefault(c.rule, []).append(c)
    people_judged = [c for c in model.criteria if not c.rule and c.required]
    solutions = []
    for solution in catalog.solutions:
        extra = [c.id for ref in solution.closes_rules for c in by_rule.get(ref.rule, ())
                 if agrees(ref, c.params) and c.id not in solution.satisfies]
        prepared = [c.id for c in people_judged if c.id not in solution.satisfies
                    and any(word.lower() in c.statement.lower() for word in solution.prepares)]
        update: dict[str, Any] = {}
        if extra or prepared:
            update["satisfies"] = list(solution.satisfies) + list(dict.fromkeys(extra + prepared))
        if prepared:
            update["attest"] = list(solution.attest) + prepared
        if size is not None or solution.lead_weeks:
            f = factor(solution, size, catalog.catalog.sized_for) if size is not None else 1.0
            update["options"] = [_scaled(o, f, solution.lead_weeks) for o in solution.options]
        solutions.append(solution.model_copy(update=update) if update else solution)
    return catalog.model_copy(update={"solutions": solutions})


def _scaled(option, f: float, lead: float):
    own = f if option.sourcing == "build" else f ** 0.5
    duration = option.duration * f ** 0.5 + lead
    effort = min(round(option.effort * own, 1), round(duration * 50, 1))
    return option.model_copy(update={"effort": max(0.1, effort), "duration": round(duration, 1),
                                     "cost": round(option.cost * f, -2) if option.cost >= 100 else option.cost})


def agrees(ref: RuleRef, params: dict[str, Any]) -> bool:
    """Whether a criterion's ``params`` agree with what the entry's rule reference satisfies."""
    mine_words = set(ref.params.get("practices_any") or []) | set(ref.params.get("practices_all") or [])
    if params.get("practices_any") and not mine_words & set(params["practices_any"]):
        return False
    if any(not mine_words & set(entry.split("|")) for entry in params.get("practices_all") or []):
        return False
    if ref.params and not any(params.get(key) not in (None, [], False) for key in ref.params):
        return False  # the criterion asks for nothing the entry provides
    for key, mine in ref.params.items():
        if key in ("practices_any", "practices_all"):
            continue
        theirs = params.get(key)
        if theirs is None:
            continue
        if isinstance(mine, list) and not isinstance(theirs, list):
            if str(theirs) not in map(str, mine):
                return False
        elif isinstance(mine, list) and isinstance(theirs, list):
            if not set(map(str, mine)) & set(map(str, theirs)):
                return False
        elif isinstance(mine, (int, float)) and isinstance(theirs, (int, float)) and not isinstance(mine, bool):
            if theirs > mine:
                return False
        elif mine != theirs:
            return False
    return True
