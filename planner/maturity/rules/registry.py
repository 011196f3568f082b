"""The rule registry: each rule is a pure function ``(facts, params) -> RuleResult``.

A rule declares its parameters as a pydantic model, so a model file's mistakes in
``params`` are reported with their location when the file is loaded, not when a
chart is assessed. Rules register themselves with :func:`rule`.

Two policies for empty input, kept here so every rule applies them the same way:

- When the absence *is* the deficiency (no capability in the areas a criterion asks
  about, no data sources, no enterprise database), the rule is *not met*, scores 0
  and says so in a finding starting ``nothing in scope:`` (:func:`nothing_in_scope`).
- When the criterion judges the quality of something the operation may rightly not
  have, or whose existence another criterion already asks for (integration across
  lines of business in a single-line business; SLAs of external providers in an
  operation with none; integrity of workflows when there are none; spans of control
  without reporting lines; SLAs of CoEs when there is no CoE), the rule is *not
  applicable* (:func:`not_applicable`): neither met nor a gap, and it does not block
  the level. ``docs/maturity.md`` lists which rules do which.

A result that is not met never scores 1.0 (:meth:`RuleResult.__post_init__` holds it
below). Practice words that a capability claims without the structure that would
evidence them are reported in ``claims`` and never count (see
:mod:`planner.maturity.evidence`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from ..facts import Facts


@dataclass(frozen=True)
class Finding:
    """One observation behind a verdict, naming the chart elements involved (by id)."""

    message: str
    elements: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"message": self.message, "elements": list(self.elements)}


@dataclass
class RuleResult:
    """A rule's verdict: pass or fail, a score from 0 to 1, and the findings.

    ``per_capability`` is set by rules that judge capabilities one by one (capability
    id -> passed); only capabilities the rule applies to appear. The heat map reads it.
    """

    passed: bool
    score: float
    findings: list[Finding] = field(default_factory=list)
    per_capability: dict[str, bool] | None = None
    applicable: bool = True
    """False when the rule had nothing to judge and its criterion does not apply (n/a)."""
    claims: list[Finding] = field(default_factory=list)
    """Practices claimed by tags that the chart's structure does not evidence."""

    def __post_init__(self) -> None:
        """Scores lie in 0..1, and only a passed result may score 1.0 (a gap at "100%" reads as met)."""
        self.score = min(1.0, max(0.0, self.score))
        if not self.passed and self.score >= 1.0:
            self.score = UNMET_CEILING


class Params(BaseModel):
    """Base of rule parameters: unknown parameters are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Rule:
    """A registered rule: its name, parameter model, function and one-line summary."""

    name: str
    params: type[Params]
    func: Callable[[Facts, Params], RuleResult]
    summary: str


NOTHING_IN_SCOPE = "nothing in scope: "
"""How the finding of a rule that had nothing to judge, and counts that as a gap, begins."""
NOT_APPLICABLE = "n/a: "
"""How the finding of a rule that does not apply to the chart begins."""
UNMET_CEILING = 0.999
"""The highest score a result that is not met can have."""

RULES: dict[str, Rule] = {}
"""Rule name -> rule, filled by the rule modules on import."""


def rule(name: str, params: type[Params] = Params) -> Callable:
    """Register ``func`` as rule ``name`` with parameters ``params``."""

    def register(func: Callable) -> Callable:
        summary = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        RULES[name] = Rule(name, params, func, summary)
        return func

    return register


def share(good: int, total: int) -> float:
    """``good / total``, and 0.0 when there is nothing to judge: an empty scope is never complete.

    Rules test their scope first and return :func:`nothing_in_scope`; this is the
    same policy for any share computed on the way.
    """
    return good / total if total else 0.0


def nothing_in_scope(what: str, per_capability: dict[str, bool] | None = None) -> RuleResult:
    """The verdict on empty input: not met, score 0, a finding ``nothing in scope: <what>``."""
    return RuleResult(False, 0.0, [Finding(NOTHING_IN_SCOPE + what)], per_capability)


def not_applicable(why: str) -> RuleResult:
    """The verdict when the criterion does not apply to this chart: n/a, with the reason."""
    return RuleResult(False, 0.0, [Finding(NOT_APPLICABLE + why)], None, applicable=False)


def listing(names: list[str], most: int = 6) -> str:
    """``a, b, c and 4 more``: short enough for one line of a report."""
    if len(names) <= most:
        return ", ".join(names)
    return ", ".join(names[:most]) + f" and {len(names) - most} more"


def listing_names(facts: Facts, ids: list[str], most: int = 6) -> str:
    """``listing(facts.names(ids), most)``, looking up only the names it shows (a list may hold thousands)."""
    shown = facts.names(ids[:most])
    return listing(shown, most) if len(ids) <= most else ", ".join(shown) + f" and {len(ids) - most} more"
