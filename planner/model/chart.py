"""The chart file's root: metadata, one list per element kind, self-assessment answers."""

from __future__ import annotations

import datetime as dt
import typing
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field

from .base import Element, Strict, empty
from .capability import Answer, Capability
from .coe import Coe, ValueChain
from .people import Person, Team
from .resources import DataSource, Organization, System
from .vocabulary import ChartState
from .workflow import Workflow

SCHEMA_VERSION = 1

SECTIONS: dict[str, type[Element]] = {
    "teams": Team,
    "people": Person,
    "orgs": Organization,
    "systems": System,
    "data": DataSource,
    "capabilities": Capability,
    "workflows": Workflow,
    "coes": Coe,
    "chains": ValueChain,
}
"""Top-level list sections of a chart file, in file order, with their element class."""


@dataclass(frozen=True)
class Nesting:
    """Elements that live inside others: contracts in an organization, steps in a workflow.

    Read from the classes (``CHILDREN``, the field's item type), so the knowledge is
    declared once, on the model; the file screen, the roadmap's chart changes, the
    ArchiMate import and the editor ask this table instead of naming the fields.
    """

    section: str
    """The parent's top-level section (``orgs``)."""
    parent: type[Element]
    field: str
    """The parent's field holding the children (``contracts``)."""
    child: type[Element]

    @property
    def parent_kind(self) -> str:
        return self.parent.KIND

    @property
    def child_kind(self) -> str:
        return self.child.KIND


def _nesting() -> dict[str, Nesting]:
    found = {}
    for section, cls in SECTIONS.items():
        if cls.CHILDREN:
            (child,) = typing.get_args(cls.model_fields[cls.CHILDREN].annotation)
            found[child.KIND] = Nesting(section, cls, cls.CHILDREN, child)
    return found


NESTING: dict[str, Nesting] = _nesting()
"""Child kind (``step``, ``contract``) -> where it lives. See :func:`nesting_of` for a parent's."""
NESTING_BY_SECTION = {n.section: n.child_kind for n in NESTING.values()}


def nesting_of(kind: str) -> Nesting | None:
    """The nesting whose parent (``workflow``) or child (``step``) is ``kind``; None for a kind with neither."""
    return NESTING.get(kind) or next((n for n in NESTING.values() if n.parent_kind == kind), None)


class ChartInfo(Strict):
    """What the chart describes."""

    name: str = Field(min_length=1)
    """The operation, e.g. ``Northwind Outfitters marketing operation``."""
    state: ChartState = "current"
    """``current`` for the as-is chart, ``future`` for a target state."""
    as_of: dt.date | None = None
    """The date the chart describes."""
    owner: str = ""
    """Who maintains the chart."""
    currency: str = "USD"
    """Currency of contract values, costs and budgets."""
    description: str = ""
    """A paragraph of context."""


Location = tuple[str | int, ...]


class Chart(Strict):
    """A capability-resource chart of a marketing operation."""

    version: int = SCHEMA_VERSION
    """File format version."""
    chart: ChartInfo
    """What the chart describes."""
    teams: list[Team] = empty(list)
    """Teams and departments."""
    people: list[Person] = empty(list)
    """Staff, with reporting lines."""
    orgs: list[Organization] = empty(list)
    """Vendors, sub-contractors, BPO providers, agencies and partners."""
    systems: list[System] = empty(list)
    """Systems built, bought or rented."""
    data: list[DataSource] = empty(list)
    """Data sources and how they feed each other."""
    capabilities: list[Capability] = empty(list)
    """Operational capabilities and their accountabilities."""
    workflows: list[Workflow] = empty(list)
    """Workflows with their hand-offs."""
    coes: list[Coe] = empty(list)
    """Centers of Excellence."""
    chains: list[ValueChain] = empty(list)
    """Digital value chains linking CoEs."""
    answers: dict[str, Answer] = empty(dict)
    """Self-assessment answers keyed by maturity criterion id."""
    targets: dict[Literal["lob", "team"], dict[str, dict[str, Annotated[int, Field(ge=1)]]]] = empty(dict)
    """Target maturity level per unit: ``lob`` (by line of business) or ``team`` (by team id), then unit, then
    model id (``engagement: 4``) or model and dimension (``engagement.data: 3``, which wins over the model's).
    ``planner assess --by lob`` and its heat map mark the units below their target."""

    def iter_elements(self) -> Iterator[tuple[Location, Element]]:
        """Every element with its location in the file, nested ones after their parent."""
        for section in SECTIONS:
            for i, element in enumerate(getattr(self, section)):
                yield (section, i), element
                for field, j, child in element.children():
                    yield (section, i, field, j), child

    def elements_by_id(self) -> dict[str, Element]:
        """Id to element; on duplicate ids the first one wins (``check`` reports the rest)."""
        found: dict[str, Element] = {}
        for _, element in self.iter_elements():
            found.setdefault(element.id, element)
        return found

    def counts(self) -> Counter[str]:
        """Number of elements per kind, in file order: lengths of lists, not a walk of every element."""
        found: Counter[str] = Counter()
        for section, cls in SECTIONS.items():
            items = getattr(self, section)
            if items:
                found[cls.KIND] += len(items)
            if cls.CHILDREN:
                nested = sum(len(getattr(item, cls.CHILDREN)) for item in items)
                if nested:
                    found[NESTING_BY_SECTION[section]] += nested
        return found

    def size(self) -> int:
        """Number of elements (everything with an id)."""
        return sum(self.counts().values())
