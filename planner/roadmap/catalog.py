"""Solution catalogs: entry-point solutions as data (McKnight 2013; "Customer Engagement: III-IV"; "Information maturities").

A catalog file is YAML (documented in ``docs/roadmap.md``, schema in
``planner/data/catalog.schema.json``). Each solution says what it costs under
each sourcing option, what it needs first, which maturity criteria it closes,
and how it changes the chart, so that a plan can be projected into a
future-state chart and assessed. The built-in catalog is package data; users
pass their own with ``--catalog``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from ..model import ID_PATTERN
from .catalog_changes import ChartChange, Match, RoleSpec, Strict
from .catalog_changes import Removal as Removal  # re-exported, as every part of the catalog format
from .catalog_changes import Update as Update

Sourcing = Literal["build", "buy", "rent", "partner"]
"""How a solution is obtained: built in-house, bought (licensed), rented (SaaS, hosted) or run by a partner."""

SOURCINGS: tuple[str, ...] = ("build", "buy", "rent", "partner")

SolutionId = Annotated[str, Field(pattern=ID_PATTERN, max_length=120)]
CriterionId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*\.[0-9]+\.[a-z0-9][a-z0-9_-]*$")]
"""A full maturity criterion id, ``<model>.<level>.<criterion>`` (``engagement.3.segmentation``)."""


class RuleRef(Strict):
    """A rule of the rule library and the parameters a solution's change satisfies.

    A criterion of any model (a custom one included) whose rule is ``rule`` and whose
    parameters agree with ``params`` is closed by the solution: a list parameter
    agrees when it shares a value with the criterion's, a number when the
    criterion asks for no more, anything else when equal. Parameters the entry
    does not name are left to the projection, which completes the structure the
    criterion asks for (``docs/roadmap.md``).
    """

    rule: str = Field(min_length=1)
    params: dict[str, Any] = {}


Scale = Literal["people", "lobs", "channels"]


class Option(Strict):
    """One way to source a solution, with its own effort, duration and cost."""

    sourcing: Sourcing
    """Build, buy, rent or partner."""
    effort: float = Field(gt=0)
    """The team's own work in person-weeks (the capacity it uses)."""
    duration: float = Field(gt=0)
    """Elapsed weeks from start to done."""
    cost: float = Field(default=0, ge=0)
    """External spend (licences, fees, contractors) in the catalog's currency, booked when work starts."""
    skills: list[str] = []
    """Skills or roles needed beyond the solution's own list."""
    system_sourcing: Literal["build", "buy", "rent"] | None = None
    """How systems the solution adds are sourced; default: as the option (``partner`` gives ``rent``)."""
    change: ChartChange = ChartChange()
    """Extra change for this option (a partner organization and its contract, say)."""
    notes: str = ""

    @property
    def crew(self) -> float:
        """People working on it at once."""
        return self.effort / self.duration

    def systems_sourced_as(self) -> str:
        return self.system_sourcing or ("rent" if self.sourcing == "partner" else self.sourcing)


class Solution(Strict):
    """An entry-point solution: an enabling capability that moves the operation up a level."""

    id: SolutionId
    """Unique id in the catalog; prerequisites refer to it."""
    name: str = Field(min_length=1)
    """Display name."""
    description: str = ""
    """What it is and why it matters, in plain words."""
    category: str = ""
    """Technology, data, organization, partnership, service management..."""
    source: str = ""
    """Where in the published sources the solution comes from."""
    requires: list[SolutionId] = []
    """Solutions that must be in place first."""
    requires_criteria: list[CriterionId] = []
    """Criteria that must already hold (or be closed first by another solution)."""
    satisfies: list[CriterionId] = []
    """Criteria the solution closes, in any model."""
    skills: list[str] = []
    """Skills or roles the work needs."""
    options: list[Option] = Field(min_length=1)
    """Sourcing options; the planner picks one per solution."""
    change: ChartChange = ChartChange()
    """What it does to the chart, whatever the option."""
    present_when: Match | None = None
    """The chart already has the solution's core element when it has an element matching this; the
    solution is in place when, besides, every criterion it satisfies in the chosen model is met
    (without it: when those criteria are met). Its change then extends that element."""
    closes_rules: list[RuleRef] = []
    """Rules (with parameters) its change satisfies: closes matching criteria of any model."""
    scales_with: list[Scale] | None = None
    """What effort, duration and cost grow with: people in scope, lines of business, channels
    (default by category: organization and program with people, data with lines of business,
    technology with channels, partnership and service management with lines of business)."""
    lead_weeks: float = Field(default=0, ge=0)
    """Weeks before the work can start (a hire's recruiting time); counted in the duration."""
    prepares: list[str] = []
    """Words (``coached``, ``culture``): a criterion of any model judged by people alone (no rule) whose
    statement holds one of them is prepared by the solution: planned for, then listed for a person to attest."""
    attest: list[CriterionId] = []
    """Criteria the solution prepares but only a person can attest (culture, a blueprint signed off):
    listed as attest items once it is planned, never answered by the plan."""

    @model_validator(mode="after")
    def _distinct_options(self) -> Solution:
        seen = [o.sourcing for o in self.options]
        if len(seen) != len(set(seen)):
            raise ValueError(f"solution {self.id!r} lists a sourcing option twice: {', '.join(seen)}")
        return self

    def option(self, sourcing: str) -> Option:
        for option in self.options:
            if option.sourcing == sourcing:
                return option
        raise KeyError(sourcing)


class Reference(Strict):
    """The operation the catalog's figures are for; a plan scales them to the chart's own."""

    people: int = Field(default=60, ge=1)
    lobs: int = Field(default=1, ge=1)
    channels: int = Field(default=4, ge=1)


class CatalogInfo(Strict):
    """What the catalog is."""

    name: str = Field(min_length=1)
    description: str = ""
    currency: str = "USD"
    """Currency of every cost."""
    sized_for: Reference = Reference()
    """The operation the effort, duration and cost figures are for."""


class Catalog(Strict):
    """A solution catalog file."""

    version: int = 1
    """File format version."""
    catalog: CatalogInfo
    """What the catalog is."""
    roles: dict[str, RoleSpec] = {}
    """Symbol -> how to find that element in a chart; changes use the symbols as ids."""
    solutions: list[Solution] = Field(min_length=1)
    """The entry-point solutions."""

    def by_id(self) -> dict[str, Solution]:
        return {s.id: s for s in self.solutions}

    def closers(self) -> dict[str, list[Solution]]:
        """Criterion id -> the solutions that close it."""
        found: dict[str, list[Solution]] = {}
        for solution in self.solutions:
            for criterion in solution.satisfies:
                found.setdefault(criterion, []).append(solution)
        return found
