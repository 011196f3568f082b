"""Roadmaps: a solution catalog, ``plan() -> Roadmap``, ``apply()`` -> projected future-state charts.

Pure: no printing and no file access: ``plan`` takes the chart, the
:class:`~planner.maturity.MaturityModel` and the :class:`Catalog` as objects, which
:mod:`planner.store.library` reads (``load_model``, ``load_catalog``). See
``docs/roadmap.md`` for the catalog format, the planning method and the JSON shape.
"""

from __future__ import annotations

from ..model import DEFAULT_MODEL
from .catalog import Catalog, CatalogInfo, ChartChange, Match, Option, Removal, Solution, Update
from .errors import (
                     AmbiguousNameError,
                     ConstraintError,
                     InvalidConstraintError,
                     ProjectionError,
                     TargetReachedError,
                     UnreachableTargetError,
)
from .files import catalog_json_schema, check_catalog, require_catalog
from .model import Commitment, Constraints, Gap, LevelPoint, LowerBound, PhasePlan, Roadmap, Step, Target
from .plan import parse_target, plan
from .project import apply, projections, trajectory
from .sequence import plan_gaps

__all__ = [
                                          "DEFAULT_MODEL",
                     "AmbiguousNameError",
                     "Catalog",
                     "CatalogInfo",
                     "ChartChange",
                     "Commitment",
                     "ConstraintError",
                     "Constraints",
                     "Gap",
                     "InvalidConstraintError",
                     "LevelPoint",
                     "LowerBound",
                     "Match",
                     "Option",
                     "PhasePlan",
                     "ProjectionError",
                     "Removal",
                     "Roadmap",
                     "Solution",
                     "Step",
                     "Target",
                     "TargetReachedError",
                     "UnreachableTargetError",
                     "Update",
                     "apply",
                     "catalog_json_schema",
                     "check_catalog",
                     "parse_target",
                     "plan",
                     "plan_gaps",
                     "projections",
                     "require_catalog",
                     "trajectory",
]
