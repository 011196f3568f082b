"""External organizations, their contracts and SLAs, systems and data sources."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field

from .base import Element, Id, Strict, empty, ref
from .vocabulary import DataKind, Direction, OrgKind, Sourcing, SystemRole


class Metric(Strict):
    """A measured service level: an SLA row, or a P&L metric of a CoE."""

    metric: str = Field(min_length=1)
    """What is measured, in plain words (``first-contact resolution``)."""
    target: float
    """The agreed level."""
    unit: str = ""
    """Unit of target and measured value (``%``, ``hours``, ``USD``)."""
    direction: Direction = "higher"
    """Whether higher or lower values are better."""
    measured: float | None = None
    """The latest measured value, if known."""

    def is_met(self) -> bool | None:
        """True or False once measured; None while there is no measurement."""
        if self.measured is None:
            return None
        if self.direction == "higher":
            return self.measured >= self.target
        return self.measured <= self.target


class Contract(Element):
    """An agreement with an external organization; its SLA rows make hand-offs accountable."""

    KIND: ClassVar[str] = "contract"
    LABEL, NOUN, PLURAL, TITLE = "Contract", "contract", "contracts", "Contracts"

    start: dt.date | None = None
    """First day the contract is in force."""
    end: dt.date | None = None
    """Last day, if fixed."""
    annual_value: float | None = Field(default=None, ge=0)
    """Yearly spend in the chart's currency."""
    sla: list[Metric] = empty(list)
    """Service levels the provider commits to."""
    covers: Annotated[list[Id], ref("capability", "workflow", "system", "coe", relation="covers")] = empty(list)
    """Capabilities, workflows, systems or CoEs the contract is for."""


class Organization(Element):
    """A vendor, sub-contractor, BPO provider, agency or partner."""

    KIND: ClassVar[str] = "org"
    LABEL, NOUN, PLURAL, TITLE = "External organization", "organization", "organizations", "Organizations"
    CHILDREN: ClassVar[str] = "contracts"

    kind: OrgKind
    """What sort of organization this is."""
    services: list[str] = empty(list)
    """What they provide, in plain words."""
    contact: Annotated[Id | None, ref("person", relation="managed_by")] = None
    """The staff member who manages the relationship."""
    contracts: list[Contract] = empty(list)
    """Agreements in force, with their SLAs."""

    def has_sla(self) -> bool:
        """Whether any contract commits the organization to at least one service level."""
        return any(contract.sla for contract in self.contracts)


class System(Element):
    """An application or platform the operation builds, buys or rents."""

    KIND: ClassVar[str] = "system"
    LABEL, NOUN, PLURAL, TITLE = "System", "system", "systems", "Systems"

    category: str = ""
    """What it is, in the trade's words (``marketing automation``, ``WCM``)."""
    product: str = ""
    """Product name, if bought or rented."""
    sourcing: Sourcing = "buy"
    """Built in-house, bought (licensed) or rented (SaaS, hosted)."""
    role: SystemRole | None = None
    """System of record, of engagement, of insight, of content or infrastructure."""
    provider: Annotated[Id | None, ref("org", relation="provided_by")] = None
    """The organization that supplies or hosts it."""
    owner: Annotated[Id | None, ref("person", "team", relation="owned_by")] = None
    """The person or team accountable for the system."""
    integrates: Annotated[list[Id], ref("system", relation="integrates")] = empty(list)
    """Other systems it exchanges data with."""


class DataSource(Element):
    """A database or data set that marketing uses or integrates."""

    KIND: ClassVar[str] = "data"
    LABEL, NOUN, PLURAL, TITLE = "Data source", "data source", "data sources", "Data sources"

    kind: DataKind
    """Which of the marketing data sources this is."""
    system: Annotated[Id | None, ref("system", relation="hosted_in")] = None
    """The system that holds the data."""
    owner: Annotated[Id | None, ref("person", "team", relation="owned_by")] = None
    """The data steward."""
    feeds: Annotated[list[Id], ref("data", relation="feeds")] = empty(list)
    """Data sources this one feeds (integration links)."""
    records: int | None = Field(default=None, ge=0)
    """Approximate number of records."""
    lob: str = ""
    """Line of business the data belongs to, if one."""
