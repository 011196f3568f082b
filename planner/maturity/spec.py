"""Maturity-model files as pydantic models: levels, dimensions, criteria, evidence.

A model file is YAML (see ``docs/maturity.md`` and ``planner/data/maturity-model.schema.json``).
Levels are listed in order, so the first is level 1; criteria sit under their level
and their full id is derived: ``<model id>.<level number>.<criterion id>``. That id
is what a chart's ``answers:`` section and a solution catalog refer to, so it never
depends on the position of anything but the level.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]
"""Lower-case words joined by ``-`` or ``_``: model, dimension and criterion ids."""

Evidence = Literal["rule", "answer", "either"]
Kind = Literal["capability", "limitation"]
"""What a level's characteristic is: a capability the operation gains (cumulative: it
is still required at every higher level, unless a stronger criterion supersedes it),
or a limitation that describes the level (never a requirement, never a gap)."""


class Strict(BaseModel):
    """Unknown keys are errors, so a typo in a model file is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, str_strip_whitespace=True)


class Dimension(Strict):
    """An area the model judges separately (the continuous representation)."""

    id: Slug
    """Short id used by criteria (``data``, ``creation``)."""
    name: str = Field(min_length=1)
    """Display name."""
    summary: str = ""
    """What the dimension covers."""


class Criterion(Strict):
    """One thing an operation must show to hold a level."""

    id: Slug
    """Short id, unique within its level; the full id is ``<model>.<level>.<id>``."""
    dimension: Slug
    """The dimension it belongs to."""
    statement: str = Field(min_length=1)
    """What is true of an operation that meets it, in plain words."""
    question: str = Field(min_length=1)
    """The self-assessment question a person answers in the chart's ``answers:``."""
    rule: str | None = None
    """Name of a rule from the rule library (``planner models --rules`` lists them)."""
    params: dict[str, Any] = {}
    """Parameters of the rule."""
    evidence: Evidence | None = None
    """What may satisfy it: ``rule``, ``answer`` or ``either``. Default: ``either`` with a rule, else ``answer``."""
    weight: float = Field(default=1.0, gt=0)
    """Weight in the level score."""
    source: str = ""
    """Where in the source document the criterion comes from."""
    kind: Kind = "capability"
    """``capability`` (required at its level and above) or ``limitation`` (describes the level; never a gap)."""
    superseded_by: list[str] = []
    """Stronger criteria (full ids, or ``<level>.<id>`` within the model) whose being met satisfies this one:
    segment-targeted or one-to-one communication supersedes mass communication."""
    aliases: list[str] = []
    """Former full ids of this criterion: answers keyed by them still count (with a note)."""

    @model_validator(mode="after")
    def _evidence_default(self) -> "Criterion":
        if self.evidence is None:
            self.evidence = "either" if self.rule else "answer"
        return self

    @property
    def required(self) -> bool:
        """Whether the criterion is a requirement of its level (limitations never are)."""
        return self.kind == "capability"

    @property
    def accepts_rule(self) -> bool:
        return self.rule is not None and self.evidence in ("rule", "either")

    @property
    def accepts_answer(self) -> bool:
        return self.evidence in ("answer", "either")


class Level(Strict):
    """A named maturity level with the criteria an operation must meet to hold it."""

    name: str = Field(min_length=1)
    """Display name (``Predictive``)."""
    summary: str = ""
    """What an operation at this level looks like."""
    criteria: list[Criterion] = []
    """What must be met to hold the level."""


class MaturityModel(Strict):
    """A maturity model: ordered levels, dimensions, criteria and how answers score."""

    id: Slug
    """Model id; first part of every criterion id."""
    name: str = Field(min_length=1)
    """Display name."""
    source: str = ""
    """The document the model is drawn from."""
    summary: str = ""
    """What the model measures."""
    answer_scale: dict[str, float] = {"no": 0.0, "partly": 0.5, "largely": 0.75, "yes": 1.0}
    """Answer labels and their scores (0..1); ``true``/``false`` and numbers are always accepted."""
    threshold: float = Field(default=0.75, gt=0, le=1)
    """Score an answer needs to meet a criterion."""
    evidence_required: bool = True
    """Whether an answer counts only when it gives evidence."""
    dimensions: list[Dimension] = Field(min_length=1)
    """The areas judged separately."""
    levels: list[Level] = Field(min_length=2)
    """The levels, lowest first; the first is level 1."""

    @cached_property
    def criteria(self) -> list["PlacedCriterion"]:
        """Every criterion with its level number and full id, lowest level first."""
        return [
            PlacedCriterion(f"{self.id}.{n}.{c.id}", n, c)
            for n, level in enumerate(self.levels, start=1)
            for c in level.criteria
        ]

    def full_id(self, ref: str) -> str:
        """``3.segment-targeting`` or ``engagement.3.segment-targeting`` -> the full id."""
        return ref if ref.startswith(self.id + ".") else f"{self.id}.{ref}"

    @cached_property
    def supersession(self) -> dict[str, list[str]]:
        """Full id -> full ids of the criteria that supersede it (the ladders of the model file)."""
        return {c.id: [self.full_id(r) for r in c.superseded_by] for c in self.criteria if c.superseded_by}

    @cached_property
    def alias_of(self) -> dict[str, str]:
        """Former full id -> current full id, for answers keyed by an old id."""
        return {old: c.id for c in self.criteria for old in c.aliases}

    def level_name(self, number: int) -> str:
        return self.levels[number - 1].name

    @property
    def max_level(self) -> int:
        return len(self.levels)

    def dimension_name(self, dimension_id: str) -> str:
        for dim in self.dimensions:
            if dim.id == dimension_id:
                return dim.name
        return dimension_id


class PlacedCriterion:
    """A criterion with its level number and full dotted id."""

    __slots__ = ("id", "level", "spec")

    def __init__(self, full_id: str, level: int, spec: Criterion):
        self.id = full_id
        self.level = level
        self.spec = spec

    def __getattr__(self, name: str):
        if name == "spec":
            raise AttributeError(name)
        return getattr(self.spec, name)

    def __repr__(self) -> str:
        return f"PlacedCriterion({self.id!r})"


def model_json_schema() -> dict:
    """The JSON Schema of a maturity-model file (``planner/data/maturity-model.schema.json``)."""
    schema = MaturityModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Maturity model"
    schema["description"] = (
        "A maturity model for the capability planner: ordered levels with criteria, dimensions, "
        "answer scale. Criterion ids are <model>.<level>.<criterion>. See docs/maturity.md."
    )
    return schema
