"""Teams and people: who does the work and who reports to whom."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from .base import Element, Id, empty, ref


class Team(Element):
    """A team or department of the operation (a node in the org view's clusters)."""

    KIND: ClassVar[str] = "team"
    LABEL, NOUN, PLURAL, TITLE = "Team", "team", "teams", "Teams"

    parent: Annotated[Id | None, ref("team", relation="part_of")] = None
    """The team this one belongs to, for nested departments."""
    lead: Annotated[Id | None, ref("person", relation="led_by")] = None
    """The person who leads the team."""
    lob: str = ""
    """Line of business the team serves (e.g. ``consumer``, ``commercial``)."""
    function: str = ""
    """Business function: marketing, sales, service, IT, web operations..."""


class Person(Element):
    """A member of staff. Contractors working inside the team are people too."""

    KIND: ClassVar[str] = "person"
    LABEL, NOUN, PLURAL, TITLE = "Person", "person", "people", "People"

    title: str = ""
    """Job title as on the business card."""
    team: Annotated[Id | None, ref("team", relation="member_of")] = None
    """The team the person belongs to."""
    reports_to: Annotated[Id | None, ref("person", relation="reports_to")] = None
    """The person's manager; empty at the top of the chart."""
    skills: list[str] = empty(list)
    """Skills, free words (``sql``, ``copywriting``, ``salesforce admin``)."""
    fte: float = Field(default=1.0, gt=0, le=1.5)
    """Capacity as full-time equivalents (0.5 for half time)."""
