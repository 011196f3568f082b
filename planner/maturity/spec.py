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
Scoring = Literal["staged", "continuous"]
"""``staged``: a level counts when it and every level below it hold no gap (CMMI's staged
representation). ``continuous``: scores are kept with partial credit and summed level by
level, so each level counts on its own (CMMI's continuous representation, questionnaire models)."""
Aggregate = Literal["mean", "min", "sum", "weighted"]
"""How a group of dimensions combines its children's scores (``weighted``: by each child's ``weight``)."""
Kind = Literal["capability", "limitation"]
"""What a level's characteristic is: a capability the operation gains (cumulative: it
is still required at every higher level, unless a stronger criterion supersedes it),
or a limitation that describes the level (never a requirement, never a gap)."""


class Strict(BaseModel):
    """Unknown keys are errors, so a typo in a model file is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, str_strip_whitespace=True)


class Dimension(Strict):
    """An area the model judges separately; with ``parent``, part of a group (a stream of a practice)."""

    id: Slug
    """Short id used by criteria (``data``, ``creation``)."""
    name: str = Field(min_length=1)
    """Display name."""
    summary: str = ""
    """What the dimension covers."""
    parent: Slug | None = None
    """The group this dimension belongs to (another dimension's id); groups nest to any depth."""
    aggregate: Aggregate = "mean"
    """How this dimension, when it is a group, combines its children's scores."""
    weight: float = Field(default=1.0, gt=0)
    """Weight of this dimension in a ``weighted`` parent."""
    answers: Slug | None = None
    """Answer set of the criteria in this dimension (a key of the model's ``answer_sets``)."""


class Question(Strict):
    """One question of a criterion that asks several; its answer is keyed ``<criterion id>#<question id>``."""

    id: Slug
    """Short id, unique within the criterion."""
    text: str = Field(min_length=1)
    """The question as a person answers it."""
    answers: Slug | None = None
    """Answer set of this question (default: the criterion's)."""
    weight: float = Field(default=1.0, gt=0)
    """Weight in the criterion's score (the weighted mean of its questions)."""


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
    answers: Slug | None = None
    """Answer set of this criterion (default: its dimension's, else the model's ``answer_scale``)."""
    questions: list[Question] = []
    """Several questions, each answered on its own; the criterion scores their weighted mean."""
    checks: list[str] = []
    """Quality checks an assessor verifies before accepting a positive answer (shown with the question)."""

    @model_validator(mode="after")
    def _evidence_default(self) -> Criterion:
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


class LevelZero(Strict):
    """The optional level below the first: "nothing in place"."""

    name: str = Field(min_length=1)
    """Display name (``No practice``)."""
    summary: str = ""
    """What an operation at level 0 looks like."""


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
    answer_sets: dict[Slug, dict[str, float]] = {}
    """Named answer sets (label -> score 0..1), referenced by criteria, questions or dimensions (``answers``);
    an answer outside its set is an error located in the chart."""
    scoring: Scoring = "staged"
    """How levels are reached: ``staged`` or ``continuous`` (see :data:`Scoring`)."""
    aggregate: Aggregate = "mean"
    """How the model's score combines its top-level dimensions."""
    level_zero: LevelZero | None = None
    """A level 0 below the first level: a chart with a gap at level 1 is then at level 0, not level 1."""
    threshold: float = Field(default=0.75, gt=0, le=1)
    """Score an answer needs to meet a criterion."""
    evidence_required: bool = True
    """Whether an answer counts only when it gives evidence."""
    dimensions: list[Dimension] = Field(min_length=1)
    """The areas judged separately."""
    levels: list[Level] = Field(min_length=2)
    """The levels, lowest first; the first is level 1."""

    @cached_property
    def criteria(self) -> list[PlacedCriterion]:
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
        if number == 0 and self.level_zero is not None:
            return self.level_zero.name
        return self.levels[number - 1].name

    @property
    def min_level(self) -> int:
        """0 when the model has a level 0, else 1."""
        return 0 if self.level_zero is not None else 1

    def answer_set(self, c: Criterion, question: Question | None = None) -> tuple[str | None, dict[str, float]]:
        """(set name, labels) for a criterion or one of its questions; the model's scale when none is named."""
        name = (question.answers if question else None) or c.answers or self.dimension(c.dimension).answers
        return (name, self.answer_sets[name]) if name and name in self.answer_sets else (None, self.answer_scale)

    def dimension(self, dimension_id: str) -> Dimension:
        for dim in self.dimensions:
            if dim.id == dimension_id:
                return dim
        raise KeyError(dimension_id)

    @cached_property
    def dimensions_at_bottom(self) -> list[str]:
        """Dimensions that are no group: where criteria sit."""
        groups = {d.parent for d in self.dimensions if d.parent}
        return [d.id for d in self.dimensions if d.id not in groups]

    @cached_property
    def children(self) -> dict[str | None, list[str]]:
        """Dimension id (``None``: the model) -> its child dimensions' ids, in file order."""
        found: dict[str | None, list[str]] = {None: []}
        for dim in self.dimensions:
            found.setdefault(dim.parent, []).append(dim.id)
        return found

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
