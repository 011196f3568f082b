"""What the live panel shows: the chart's problems and, for a chosen model, its maturity.

Pure functions over a chart, run by the editor in a worker after each edit. They
call :mod:`planner.maturity` through its public API (``assess``,
``Assessment.gaps``), never by probing it, and read models through the store
(:mod:`planner.store.library`: ``builtin_models``, ``load_model``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ... import maturity
from ...errors import PlannerError, Problem
from ...maturity import CriterionResult
from ...model import DEFAULT_MODEL, Chart, check_integrity
from ...store.library import builtin_models, load_model


@dataclass
class Gap:
    """An unmet criterion of the next level, with the elements it is about."""

    criterion_id: str
    messages: list[str]
    elements: list[str]


@dataclass
class Maturity:
    model: str
    level: int
    level_name: str
    next_level: int | None
    dimensions: dict[str, int] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)
    dimension_names: dict[str, str] = field(default_factory=dict)
    next_level_name: str = ""
    max_level: int = 0
    gap_count: int = 0
    gap_elements: dict[str, list[str]] = field(default_factory=dict)
    """Element id -> the unmet criteria (at or below the next level) whose findings name it."""
    score: float | None = None
    """The model's continuous score; shown beside the level ("2.75 of 3")."""
    continuous: bool = False
    """Whether the model reaches levels by score (then the score leads)."""


@dataclass
class LiveState:
    """One snapshot of the panel, tagged with the edit count it was computed for."""

    edits: int
    problems: list[Problem]
    maturity: Maturity | None = None
    note: str = ""


def model_names() -> list[str]:
    """Ids of the built-in maturity models, in display order."""
    return builtin_models()


def criteria_choices() -> list[tuple[str, str]]:
    """(criterion id, label) of every built-in model's answerable criteria, for the answer picker.

    Limitations describe a level and are never answered, so they are left out.
    """
    found = []
    for name in builtin_models():  # each model is loaded once and cached by the maturity package
        for criterion in load_model(name).criteria:
            if criterion.spec.required:
                found.append((criterion.id, f"{criterion.id}  {criterion.spec.question or criterion.spec.statement}"[:150]))
    return found


def default_model() -> str | None:
    """``engagement`` when it is installed, else the first built-in model (None without any)."""
    names = model_names()
    return DEFAULT_MODEL if DEFAULT_MODEL in names else (names[0] if names else None)


def compute(chart: Chart, edits: int, model_name: str | None, top: int = 5,
            problems: list[Problem] | None = None) -> LiveState:
    """Problems of the chart, and the maturity summary for ``model_name`` (None: problems only).

    ``problems``: already known for this state of the chart (those found while
    loading), so opening a big chart does not check it a second time. A model
    the planner refuses (a :class:`~planner.errors.PlannerError`: a broken model
    file, an unknown name) becomes the panel's note; anything else is a bug and
    goes up to the worker that reports it.
    """
    if problems is None:
        problems = check_integrity(chart)
    problems = sorted(problems, key=lambda p: (p.severity != "error", (p.loc and str(p.loc[0])) or "", p.message))
    state = LiveState(edits, problems)
    if model_name:
        try:
            state.maturity = assess_summary(chart, model_name, top)
        except PlannerError as exc:
            state.note = f"assessment failed: {exc}"
    return state


def assess_summary(chart: Chart, model_name: str, top: int = 5) -> Maturity:
    """The live panel's digest of one assessment: level, dimension levels, the first gaps and whom they name."""
    model = load_model(model_name)
    result = maturity.assess(chart, model)  # looked up at call time, so a test can stand in for it
    unmet = result.gaps()
    gaps = [_gap(gap) for gap in unmet[:top]]
    named: dict[str, list[str]] = {}
    for gap in unmet:
        for finding in gap.findings:
            for element in finding.elements:
                if gap.criterion_id not in named.setdefault(element, []):
                    named[element].append(gap.criterion_id)
    following = result.level_names.get(result.next_level, "") if result.next_level is not None else ""
    return Maturity(model_name, result.level, result.level_name, result.next_level, dict(result.dimension_levels),
                    gaps, dict(result.dimension_names), following, result.max_level, len(unmet), named, result.score,
                    result.scoring == "continuous")


def _gap(gap: CriterionResult) -> Gap:
    """A gap as the panel lists it: its first findings (or its statement) and the elements they name."""
    messages = [f.message for f in gap.findings][:3] or [gap.statement]
    elements = [e for f in gap.findings for e in f.elements][:10]
    return Gap(gap.criterion_id, messages, elements)
