"""Workflows: named artifacts handed from one resource to another."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from .base import Element, Id, empty, ref

RESOURCE_KINDS = ("person", "team", "org", "system", "coe")
"""Who can perform a step or receive its outputs."""


class Step(Element):
    """One step of a workflow: who does it, what it consumes and produces, and who receives it."""

    KIND: ClassVar[str] = "step"
    LABEL, NOUN, PLURAL, TITLE = "Workflow step", "step", "steps", "Workflow steps"

    by: Annotated[Id, ref(*RESOURCE_KINDS, relation="performed_by")]
    """The person, team, organization, system or CoE performing the step."""
    to: Annotated[Id | None, ref(*RESOURCE_KINDS, relation="hands_to")] = None
    """Who receives the outputs (the hand-off); empty when they stay with the performer."""
    inputs: list[str] = empty(list)
    """Artifacts the step consumes (``creative brief``)."""
    outputs: list[str] = empty(list)
    """Artifacts the step produces."""
    days: float | None = Field(default=None, ge=0)
    """Typical cycle time in days."""


class Workflow(Element):
    """An end-to-end flow of work; its steps are the hand-offs of the capability-resource chart."""

    KIND: ClassVar[str] = "workflow"
    LABEL, NOUN, PLURAL, TITLE = "Workflow", "workflow", "workflows", "Workflows"
    CHILDREN: ClassVar[str] = "steps"

    capability: Annotated[Id | None, ref("capability", relation="realizes")] = None
    """The capability this workflow carries out."""
    inputs: list[str] = empty(list)
    """Artifacts that enter from outside the workflow."""
    outputs: list[str] = empty(list)
    """Deliverables that leave the workflow."""
    steps: list[Step] = empty(list)
    """The steps, in order."""
