"""Operational capabilities: what the operation can do, and who answers for it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field, field_validator

from .base import Element, Id, Strict, empty, ref
from .vocabulary import Area, Phase, Stage

Word = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")]
"""A vocabulary word: lower case, digits and underscores (``direct_mail``)."""


class Capability(Element):
    """An operational capability with its accountabilities (a row of the capability-resource chart)."""

    KIND: ClassVar[str] = "capability"
    LABEL, NOUN, PLURAL, TITLE = "Capability", "capability", "capabilities", "Capabilities"

    area: Area
    """Creation, delivery or measurement (McKnight's three areas), or service, sales, management."""
    lob: list[str] = empty(list)
    """Lines of business the capability serves."""
    channels: list[Word] = empty(list)
    """Channels it works through (``web``, ``email``...); ``planner vocab`` lists the known words."""
    practices: list[Word] = empty(list)
    """Practices in use (``segmentation``...); ``planner vocab`` lists the words maturity criteria read."""
    phases: dict[Phase, Stage] = empty(dict)
    """Lifecycle phases covered, each with its self-assessed state: I initiating, II refining, III mastering."""
    systems: Annotated[list[Id], ref("system", relation="uses_system")] = empty(list)
    """Systems the capability runs on."""
    data: Annotated[list[Id], ref("data", relation="uses_data")] = empty(list)
    """Data sources it reads or writes."""
    accountable: Annotated[Id | None, ref("person", relation="accountable")] = None
    """The one person accountable (the A of RACI)."""
    responsible: Annotated[list[Id], ref("person", "team", "org", relation="responsible")] = empty(list)
    """People, teams or external organizations (a BPO provider, say) who do the work."""
    consulted: Annotated[list[Id], ref("person", "team", relation="consulted")] = empty(list)
    """People or teams consulted."""
    informed: Annotated[list[Id], ref("person", "team", relation="informed")] = empty(list)
    """People or teams kept informed."""
    contributors: Annotated[list[Id], ref("org", relation="contributor")] = empty(list)
    """Vendors, agencies, BPO providers and partners contributing to it."""

    @field_validator("accountable", mode="before")
    @classmethod
    def _exactly_one(cls, value):
        """A list of several accountables is the classic RACI mistake; say so plainly."""
        if isinstance(value, list):
            if len(value) == 1:
                return value[0]
            names = ", ".join(map(str, value)) or "none"
            raise ValueError(f"exactly one accountable person is allowed, got {len(value)}: {names}")
        return value


class Answer(Strict):
    """A self-assessment answer to a maturity criterion, with its evidence."""

    answer: bool | float | str
    """``true``/``false``, a number from 0 to 1, or a label of the model's answer scale."""
    evidence: str = ""
    """What shows the answer is true: documents, dashboards, observations."""
    by: Annotated[Id | None, ref("person", relation="attested_by")] = None
    """Who gave the answer."""
    on: dt.date | None = None
    """When it was given."""
