"""What the live panel shows: the chart's problems and, for a chosen model, its maturity.

Pure functions over a chart, run by the editor in a worker after each edit.
Maturity comes from :mod:`planner.maturity` when that package is installed;
until then :func:`maturity_available` says so and the panel shows problems only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import Problem
from ...model import Chart, check_integrity


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


def maturity_available() -> bool:
    try:
        from ... import maturity  # noqa: F401

        return hasattr(maturity, "assess")
    except ImportError:
        return False


def model_names() -> list[str]:
    """Names of the built-in maturity models (empty until planner.maturity is there)."""
    if not maturity_available():
        return []
    from ...maturity import builtin_models

    models = builtin_models()
    if isinstance(models, dict):
        return list(models)
    return [getattr(m, "id", getattr(m, "name", str(m))) for m in models]


def criteria_choices() -> list[tuple[str, str]]:
    """(criterion id, statement) of every built-in model's criteria, for answering them."""
    if not maturity_available():
        return []
    from ...maturity import builtin_models, load_model

    found = []
    for name in builtin_models():  # names: each model is loaded (and cached) by the maturity package
        for criterion in load_model(name).criteria:
            if criterion.spec.required:  # limitations describe a level; nobody answers them
                found.append((criterion.id, f"{criterion.id}  {criterion.question or criterion.statement}"[:150]))
    return found


DEFAULT_MODEL = "engagement"
"""The model the live panel starts on, so levels and gaps show as soon as a chart opens."""


def default_model() -> str | None:
    """``engagement`` when it is installed, else the first built-in model (None without any)."""
    names = model_names()
    return DEFAULT_MODEL if DEFAULT_MODEL in names else (names[0] if names else None)


def compute(chart: Chart, edits: int, model_name: str | None, top: int = 5,
            problems: list[Problem] | None = None) -> LiveState:
    """Problems of the chart, and the maturity summary for ``model_name`` (None: problems only).

    ``problems``: already known for this state of the chart (those found while
    loading), so opening a big chart does not check it a second time.
    """
    if problems is None:
        problems = check_integrity(chart)
    problems = sorted(problems, key=lambda p: (p.severity != "error", p.loc and str(p.loc[0]) or "", p.message))
    state = LiveState(edits, problems)
    if model_name:
        try:
            state.maturity = assess_summary(chart, model_name, top)
        except Exception as exc:  # a model error must not take the editor down
            state.note = f"assessment failed: {exc}"
    return state


def assess_summary(chart: Chart, model_name: str, top: int = 5) -> Maturity | None:
    if not maturity_available():
        return None
    from ...maturity import assess, load_model

    model = load_model(model_name)
    result = assess(chart, model)  # the rules read the chart's indexes: no networkx graph to build
    gaps = []
    unmet = list(result.gaps())
    for gap in unmet[:top]:
        findings = list(getattr(gap, "findings", []) or [])
        messages = [getattr(f, "message", str(f)) for f in findings][:3] or [str(getattr(gap, "statement", ""))]
        elements = [e for f in findings for e in (getattr(f, "elements", ()) or ())][:10]
        gaps.append(Gap(str(getattr(gap, "criterion_id", gap)), messages, elements))
    named: dict[str, list[str]] = {}
    for gap in unmet:
        criterion = str(getattr(gap, "criterion_id", gap))
        for finding in getattr(gap, "findings", []) or []:
            for element in getattr(finding, "elements", ()) or ():
                if criterion not in named.setdefault(element, []):
                    named[element].append(criterion)
    dims = getattr(result, "dimension_levels", {}) or {}
    names = getattr(result, "level_names", {}) or {}
    return Maturity(model_name, result.level, result.level_name, result.next_level, dict(dims), gaps,
                    dict(getattr(result, "dimension_names", {}) or {}), names.get(result.next_level, ""),
                    getattr(result, "max_level", 0), len(unmet), named, result.score,
                    result.scoring == "continuous")
