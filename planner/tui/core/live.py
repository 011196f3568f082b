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
    from ...maturity import builtin_models

    found = []
    for model in builtin_models():
        for criterion in getattr(model, "criteria", []):
            text = getattr(criterion, "question", "") or getattr(criterion, "statement", "") or ""
            found.append((criterion.id, f"{criterion.id}  {text}"[:150]))
    return found


def compute(chart: Chart, edits: int, model_name: str | None, top: int = 5) -> LiveState:
    """Problems of the chart, and the maturity summary for ``model_name`` (None: problems only)."""
    problems = check_integrity(chart)
    problems.sort(key=lambda p: (p.severity != "error", p.loc and str(p.loc[0]), p.message))
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
    from ...graph import build_graph
    from ...maturity import assess, load_model

    model = load_model(model_name)
    result = assess(build_graph(chart), model)
    gaps = []
    for gap in list(result.gaps())[:top]:
        findings = list(getattr(gap, "findings", []) or [])
        messages = [getattr(f, "message", str(f)) for f in findings][:3] or [str(getattr(gap, "statement", ""))]
        elements = [e for f in findings for e in (getattr(f, "elements", ()) or ())][:10]
        gaps.append(Gap(str(getattr(gap, "criterion_id", gap)), messages, elements))
    dims = getattr(result, "dimension_levels", {}) or {}
    return Maturity(model_name, result.level, result.level_name, result.next_level, dict(dims), gaps)
