"""The maturity engine: maturity models as data, the rule library, ``assess() -> Assessment``.

Pure: no printing and no file access. The engine takes :class:`MaturityModel`
objects; reading a model file, or a built-in model by its name, is the store's job
(:func:`planner.store.library.load_model`, :func:`~planner.store.library.load_models`).
"Every built-in model" is a list the caller loads and passes
(``assess_all(chart, load_models())``): which models ship is a fact about the
package's data folder, so only the store knows it. See ``docs/maturity.md`` for the
file format, the rules, the scoring and the JSON shape.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Chart
from ..perf import paused_gc
from .assess import Assessment, CriterionResult, assess_facts
from .facts import Facts
from .load import check_model, require_model, require_models
from .rules import RULES, Finding, RuleResult
from .spec import Criterion, Dimension, Level, MaturityModel
from .structure import StructureReport, analyze_structure


def assess(chart_or_facts: Chart | Facts, model: MaturityModel) -> Assessment:
    """Judge a chart against one model.

    ``chart_or_facts``: a :class:`~planner.model.Chart`, or the :class:`Facts` of one
    (share them between models and analyses). ``model``: a :class:`MaturityModel`
    object; a name or path raises :class:`TypeError` saying how to load it.
    """
    facts = Facts.of(chart_or_facts)
    chosen = require_model(model, "assess()")
    with paused_gc():
        return assess_facts(facts, chosen)


def assess_all(chart_or_facts: Chart | Facts, models: Iterable[MaturityModel]) -> dict[str, Assessment]:
    """Judge a chart against several models, sharing rule results: model id -> assessment, in order.

    For every built-in model pass :func:`planner.store.library.load_models` ``()``;
    None or a name raises :class:`TypeError` saying so.
    """
    facts = Facts.of(chart_or_facts)
    chosen = require_models(models, "assess_all()")
    with paused_gc():
        return {m.id: assess_facts(facts, m) for m in chosen}


__all__ = [
    "RULES",
    "Assessment",
    "Criterion",
    "CriterionResult",
    "Dimension",
    "Facts",
    "Finding",
    "Level",
    "MaturityModel",
    "RuleResult",
    "StructureReport",
    "analyze_structure",
    "assess",
    "assess_all",
    "check_model",
]
