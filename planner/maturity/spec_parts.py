"""The parts of a maturity-model file: dimensions, questions, criteria and levels, and the words they use.

Each part is a strict pydantic model, so a typo in a model file is an error
located in the file, not a key silently ignored; the field docstrings are the
descriptions of ``planner/data/maturity-model.schema.json``. The model as a
whole, which numbers the levels and derives each criterion's full id, is
:class:`planner.maturity.spec.MaturityModel`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..model.docs import document_fields

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
    """Unknown keys are errors, so a typo in a model file is reported, not ignored.

    The field docstrings become the JSON Schema's descriptions through
    :func:`~planner.model.docs.document_fields`, read only when a schema is asked
    for: pydantic's ``use_attribute_docstrings`` would find and parse this module's
    source at every import, a cost every ``planner assess`` paid for nothing.
    ``defer_build``: pydantic builds one validator for the whole model at the first
    file read, instead of one per class at import (about 27 ms less CPU at import
    for 4 ms more at the first read, measured side by side).
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra=document_fields, str_strip_whitespace=True,
                              defer_build=True)


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
