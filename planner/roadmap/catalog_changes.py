"""How a solution catalog names elements of any chart and says what a solution changes in it.

A generic catalog cannot know a chart's ids, so it selects elements by kind and
content (:class:`Match`), finds the chart's own element for each of its symbols
(:class:`RoleSpec`: the person accountable for engagement, whoever that is) and
writes its changes as additions, updates and removals (:class:`ChartChange`)
that :mod:`planner.roadmap.changes` applies. Part of the catalog file format
(:mod:`planner.roadmap.catalog`, which names these classes too); apart because
it is the one part that speaks about charts rather than about solutions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import SECTIONS

if TYPE_CHECKING:  # Literals built from SECTIONS at run time, which only pydantic can read
    Section = str
    MatchSection = str
else:
    Section = Literal[tuple(SECTIONS)]
    MatchSection = Literal[tuple(SECTIONS) + ("orgs.contracts", "workflows.steps")]


class Strict(BaseModel):
    """Unknown keys are errors, so a typo in a catalog is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, str_strip_whitespace=True)


class Match(Strict):
    """Which existing elements a change touches: by id, or by section and field values.

    ``where`` maps a field to a value or a list of accepted values; a list field
    matches when it shares any value, and ``null`` matches a field that is empty. A generic catalog cannot know a chart's ids,
    so it selects by kind and content (``data`` whose ``kind`` is ``subscriber``).
    """

    section: MatchSection
    """The chart section the elements are in (``capabilities``, ``data``...; ``orgs.contracts`` for contracts)."""
    ids: list[str] = []
    """Explicit ids; combined with ``where`` when both are given."""
    where: dict[str, Any] = {}
    """Field -> value or list of values; every field must match; ``null`` matches an empty field."""
    first: bool = False
    """Only the first matching element (in chart order)."""
    text_any: list[str] = []
    """Any of these words (case-insensitive) in the element's name or title: ``marketing``, ``CMO``."""
    accountable_for: dict[str, Any] | None = None
    """People only: accountable for a capability whose fields match this ``where`` (``{area: management}``)."""
    hosts: list[str] = []
    """Systems only: hosting a data source of one of these kinds (``enterprise_marketing_db``)."""


class Update(Match):
    """Edits to the matched elements. List fields grow or shrink; dict fields merge."""

    set: dict[str, Any] = {}
    """Fields replaced outright."""
    add: dict[str, Any] = {}
    """Values appended to list fields (no duplicates) or merged into dict fields."""
    remove: dict[str, Any] = {}
    """Values taken out of list fields."""


class Removal(Match):
    """Elements the solution retires; references to them move to ``replaced_by`` or are dropped."""

    replaced_by: str | None = None
    """The element that takes over their references (often one the solution adds)."""


class ChartChange(Strict):
    """What applying a solution does to a chart."""

    add: dict[Section, list[dict[str, Any]]] = {}
    """New elements per section, written exactly as in a chart file."""
    update: list[Update] = []
    """Edits to existing elements (or to elements an earlier solution added)."""
    remove: list[Removal] = []
    """Elements retired."""

    def is_empty(self) -> bool:
        return not (self.add or self.update or self.remove)


class RoleSpec(Strict):
    """How to find the element a catalog symbol stands for in any chart."""

    describe: str = Field(min_length=1)
    """The role in words, for plans and errors (``the person accountable for customer engagement``)."""
    find: list[Match] = []
    """Tests in order of preference; an element found by them is reused instead of added."""
    otherwise: list[Match] = []
    """Fallbacks for references only (the top of the reporting line answers for engagement until someone is named)."""
