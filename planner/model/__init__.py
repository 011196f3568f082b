"""Pydantic models of a capability-resource chart. Pure: no file or terminal access."""

from .base import ID_PATTERN, Element, Id, Ref, RefField, iter_refs, redirect, ref_fields
from .capability import Answer, Capability
from .chart import NESTING, SECTIONS, Chart, ChartInfo, Nesting, nesting_of
from .coe import Acceptance, Coe, Improvement, Validation, ValueChain
from .docs import field_description
from .people import Person, Team
from .resources import Contract, DataSource, Metric, Organization, System
from .workflow import RESOURCE_KINDS, Step, Workflow

ELEMENT_CLASSES: dict[str, type[Element]] = {
    cls.KIND: cls
    for cls in (Team, Person, Organization, Contract, System, DataSource, Capability, Workflow, Step, Coe, ValueChain)
}
"""Element kind (as used in references and graph nodes) to its model class."""

DEFAULT_MODEL = "engagement"
"""The maturity model a chart is judged on when none is named (a roadmap, a heat map, a report, the
editor's live panel): the five-level consumer-engagement maturity model (Abhijeet Pradhan, 2013).
Defined here, beside the chart, so that a front end names it without importing the maturity engine."""

__all__ = [
    "DEFAULT_MODEL",
    "ELEMENT_CLASSES",
    "ID_PATTERN",
    "NESTING",
    "RESOURCE_KINDS",
    "SECTIONS",
    "Acceptance",
    "Answer",
    "Capability",
    "Chart",
    "ChartInfo",
    "Coe",
    "Contract",
    "DataSource",
    "Element",
    "Id",
    "Improvement",
    "Metric",
    "Nesting",
    "Organization",
    "Person",
    "Ref",
    "RefField",
    "Step",
    "System",
    "Team",
    "Validation",
    "ValueChain",
    "Workflow",
    "field_description",
    "iter_refs",
    "nesting_of",
    "redirect",
    "ref_fields",
]

from .integrity import check_integrity, element_at, suggest  # noqa: E402

__all__ += ["check_integrity", "element_at", "suggest"]
