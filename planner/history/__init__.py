"""Maturity over time: a chart's revisions assessed one by one, levels and criteria gained or lost per step.

Pure: the revisions and their charts (or why a revision has none) come in, a
:class:`HistoryTable` comes out. Reading revisions from git is
:mod:`planner.store.git_history`; the trend diagram is :mod:`planner.render.trend_view`.
"""

from __future__ import annotations

from .state import MET_STATUSES, ModelState, model_state, summarize
from .table import Change, HistoryRow, HistoryTable, Outcome, Revision, assess_revisions, build_table, history

__all__ = [
    "MET_STATUSES",
    "Change",
    "HistoryRow",
    "HistoryTable",
    "ModelState",
    "Outcome",
    "Revision",
    "assess_revisions",
    "build_table",
    "history",
    "model_state",
    "summarize",
]
