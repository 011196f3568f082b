"""Maturity-model files as pydantic models: levels, dimensions, criteria, evidence.

A model file is YAML (see ``docs/maturity.md`` and ``planner/data/maturity-model.schema.json``).
Levels are listed in order, so the first is level 1; criteria sit under their level
and their full id is derived: ``<model id>.<level number>.<criterion id>``. That id
is what a chart's ``answers:`` section and a solution catalog refer to, so it never
depends on the position of anything but the level. The parts a model is made of
(dimensions, levels, criteria, questions) are defined in
:mod:`planner.maturity.spec_parts` and named here too.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import Field

from .spec_parts import Aggregate, Criterion, Dimension, Level, LevelZero, Question, Scoring, Slug, Strict


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
