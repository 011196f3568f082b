"""Centers of Excellence and the digital value chains that link them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field

from .base import Element, Id, Strict, empty, ref
from .resources import Metric
from .vocabulary import CoeScope, ImprovementKind


class Acceptance(Strict):
    """What a CoE accepts and refuses: defined for its inputs and for its outputs."""

    acceptable: list[str] = empty(list)
    """What meets the bar."""
    unacceptable: list[str] = empty(list)
    """What is sent back or counts as failure."""


class Improvement(Strict):
    """A standing commitment to reduce cost or cycle time."""

    kind: ImprovementKind
    """What is reduced: cost, cycle time, or defects (quality)."""
    target_pct: float = Field(gt=0, le=100)
    """Reduction per period, in percent."""
    per: str = "year"
    """The period the target applies to."""


class Validation(Strict):
    """An independent observer's validation of the CoE's process maturity."""

    observer: str = Field(min_length=1)
    """Who validated (an outside firm or internal audit, not the CoE itself)."""
    on: dt.date | None = None
    """When."""
    level: int | None = Field(default=None, ge=1, le=5)
    """The process-maturity level they confirmed."""


class Coe(Element):
    """A Center of Excellence: a small group delivering results under an explicit SLA."""

    KIND: ClassVar[str] = "coe"
    LABEL, NOUN, PLURAL, TITLE = "Center of Excellence", "Center of Excellence", "CoEs", "Centers of Excellence"

    scope: CoeScope = "internal"
    """Internal, shared with other units, or outsourced to a provider."""
    provider: Annotated[Id | None, ref("org", relation="provided_by")] = None
    """The organization running it when shared or outsourced."""
    lead: Annotated[Id | None, ref("person", relation="led_by")] = None
    """The CoE lead."""
    members: Annotated[list[Id], ref("person", relation="has_member")] = empty(list)
    """Staff in the CoE."""
    capabilities: Annotated[list[Id], ref("capability", relation="delivers")] = empty(list)
    """Capabilities the CoE delivers."""
    sla: list[Metric] = empty(list)
    """Technical parameters and levels of service it commits to."""
    inputs: Acceptance = empty(Acceptance)
    """Acceptable and unacceptable inputs to its process."""
    outputs: Acceptance = empty(Acceptance)
    """Acceptable and unacceptable outputs or business results."""
    pnl: list[Metric] = empty(list)
    """Profit-and-loss metrics that steer its investments."""
    plan_years: int | None = Field(default=None, ge=1, le=10)
    """Horizon of its operational business plan (CoEs plan over three years)."""
    improvements: list[Improvement] = empty(list)
    """Continuous cost and cycle-time reduction commitments."""
    validation: Validation | None = None
    """Independent validation of its process maturity."""


class ValueChain(Element):
    """A digital value chain: CoEs in the order value flows through them."""

    KIND: ClassVar[str] = "chain"
    LABEL, NOUN, PLURAL, TITLE = "Value chain", "value chain", "value chains", "Value chains"

    coes: Annotated[list[Id], ref("coe", relation="links"), Field(min_length=2)]
    """The CoEs, upstream first."""
