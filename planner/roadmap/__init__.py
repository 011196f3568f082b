"""Roadmaps: a solution catalog, ``plan() -> Roadmap``, ``apply()`` -> projected future-state charts.

Pure: no printing and no file access of its own (catalog files are read through
:mod:`planner.store`). See ``docs/roadmap.md`` for the catalog format, the
planning method and the JSON shape.
"""

from __future__ import annotations

from .catalog import Catalog, CatalogInfo, ChartChange, Match, Option, Removal, Solution, Update
from .errors import (AmbiguousNameError, ConstraintError, InvalidConstraintError, ProjectionError,
                     TargetReachedError, UnreachableTargetError)
from .files import BUILTIN_CATALOG, catalog_json_schema, check_catalog, load_catalog
from .model import (Commitment, Constraints, Gap, LevelPoint, LowerBound, PhasePlan, Roadmap, Step,
                    Target)
from .plan import DEFAULT_MODEL, parse_target, plan
from .project import apply, projections, trajectory
from .sequence import plan_gaps

__all__ = [
    "Catalog", "CatalogInfo", "ChartChange", "Match", "Option", "Removal", "Solution", "Update",
    "AmbiguousNameError", "ConstraintError", "InvalidConstraintError", "ProjectionError", "TargetReachedError", "UnreachableTargetError", "BUILTIN_CATALOG", "catalog_json_schema",
    "check_catalog", "load_catalog", "Commitment", "Constraints", "Gap", "LevelPoint", "LowerBound",
    "PhasePlan", "Roadmap", "Step", "Target", "DEFAULT_MODEL", "parse_target", "plan", "apply",
    "projections", "trajectory", "plan_gaps",
]
