"""The rule library: pure functions over a chart's :class:`~planner.maturity.facts.Facts`.

Importing this package registers every rule in :data:`RULES`. Each rule returns a
:class:`RuleResult` (pass or fail, a score from 0 to 1, findings naming elements).
All rules are linear in the size of the chart, or O(E log V) at worst.
"""

from . import capabilities, coverage  # noqa: F401, I001  (registers the rules, in the order ``planner models --rules`` lists them)
from . import coe, combine, data, integration, lifecycle, operations, structure  # noqa: F401
from .registry import RULES, Finding, Params, Rule, RuleResult, rule

__all__ = ["RULES", "Finding", "Params", "Rule", "RuleResult", "rule"]
