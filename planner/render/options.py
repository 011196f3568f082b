"""What a caller chooses when drawing a chart view: :class:`RenderOptions`, and :class:`HeatInput`,
the part of an assessment the heat map and the scorecard draw (so that rendering stays pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .aggregate import DEFAULT_TARGET

DEFAULT_MAX_NODES = 300
"""Above this many nodes a view is aggregated. No slide shows 300 nodes readably (the slide
rule, :mod:`.slide`), and ``dot``'s time grows steeply with size: the 2,000 data sources of a
100,000-element chart took dot longer than reading the chart. ``--max-nodes`` draws more;
``--split`` and ``--focus`` draw parts whole."""


ASSESSED_VIEWS = frozenset({"heatmap", "scorecard"})
"""Views drawn from an assessment: the caller passes :class:`HeatInput` (``--model`` applies)."""


@dataclass(frozen=True)
class HeatInput:
    """What the heat map needs from an assessment, so that rendering stays pure."""

    levels: Mapping[str, int]
    """Capability id -> assessed level (1 = lowest)."""
    max_level: int = 5
    level_names: Mapping[int, str] = field(default_factory=dict)
    model: str = ""
    overall: int | None = None
    criteria: tuple[tuple[str, int, str, str], ...] = ()
    """(criterion id, level, dimension id, status) of every criterion, for the scorecard view."""
    dimensions: Mapping[str, str] = field(default_factory=dict)
    """Dimension id -> name, in the model's order."""
    dimension_levels: Mapping[str, int] = field(default_factory=dict)
    score: float | None = None
    """The model's continuous score (0 to ``max_level``), shown beside the overall level."""

    @classmethod
    def from_assessment(cls, assessment) -> HeatInput:
        """What the heat map and the scorecard draw of a :class:`planner.maturity.Assessment`."""
        return cls(
            levels=dict(assessment.capability_levels),
            max_level=assessment.max_level,
            level_names=dict(assessment.level_names),
            model=assessment.model_name,
            overall=assessment.level,
            criteria=tuple((r.criterion_id, r.level, r.dimension, r.status) for r in assessment.results),
            dimensions=dict(assessment.dimension_names),
            dimension_levels=dict(assessment.dimension_levels),
            score=assessment.score,
        )


@dataclass(frozen=True)
class RenderOptions:
    """The user's choices: filters, thresholds, and inputs of analysis views."""

    focus: str | None = None
    depth: int = 1
    only: tuple[str, ...] = ()
    collapse: str | None = None
    max_nodes: int = DEFAULT_MAX_NODES
    aggregate_target: int = DEFAULT_TARGET
    heat: HeatInput | None = None
    title: str | None = None
    legend: bool = True
    legend_below: bool | None = None
    """The legend under the title (True) or beside it (False); None: the view's choice."""
    note: str | None = None
    """A sentence for the footnotes (the command line's "too large for one slide: use --split")."""
    part: str | None = None
    """One part of a view too large for a slide (an area, a department, a workflow): see :data:`View.parts`."""
