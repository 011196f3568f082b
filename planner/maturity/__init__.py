"""The maturity engine: maturity models as data, the rule library, ``assess() -> Assessment``.

Pure: no printing, no file access except through :mod:`planner.store` when a model
file is loaded. See ``docs/maturity.md`` for the file format, the rules, the scoring
and the JSON shape.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..perf import paused_gc
from .assess import Assessment, CriterionResult, assess_facts
from .facts import Facts
from .load import builtin_models, check_model, load_model
from .rules import RULES, Finding, RuleResult
from .spec import Criterion, Dimension, Level, MaturityModel
from .structure import StructureReport, analyze_structure


def _model(model) -> MaturityModel:
    return model if isinstance(model, MaturityModel) else load_model(model)


def assess(graph, model) -> Assessment:
    """Judge a chart against one model.

    ``graph`` is what :func:`planner.graph.build_graph` returns (a
    :class:`~planner.model.Chart` or :class:`Facts` is accepted too); ``model`` is a
    :class:`MaturityModel`, a built-in name or a path to a model file.
    """
    with paused_gc():
        return assess_facts(Facts.of(graph), _model(model))


def assess_all(graph, models: Iterable | None = None) -> dict[str, Assessment]:
    """Judge a chart against several models (all built-in ones by default), sharing rule results."""
    facts = Facts.of(graph)
    chosen = [_model(m) for m in (builtin_models() if models is None else models)]
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
    "builtin_models",
    "check_model",
    "load_model",
]
