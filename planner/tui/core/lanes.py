"""A workflow as lanes: one per performer, its steps in order, the hand-offs between lanes.

Broken hand-offs are found as the maturity rule finds them (an input nobody
produces and that does not enter the workflow; an output nobody consumes and
that does not leave it), plus one the order reveals: an input produced only
by a later step. The edits are the form's commands: :class:`MoveItem` for a
reorder, :class:`SetField` for a performer or receiver, :class:`AddElement`
for a new step. Pure: no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Step, Workflow
from .commands import Command, MoveItem, SetField


@dataclass
class StepMarks:
    """What is wrong with a step's hand-offs."""

    missing: list[str] = field(default_factory=list)
    """Inputs no step produces and the workflow does not receive."""
    later: list[str] = field(default_factory=list)
    """Inputs produced only by a later step."""
    unused: list[str] = field(default_factory=list)
    """Outputs no step consumes and the workflow does not deliver."""

    @property
    def broken(self) -> bool:
        return bool(self.missing or self.later or self.unused)

    def describe(self) -> str:
        parts = [f"needs '{a}' (nobody produces it)" for a in self.missing]
        parts += [f"needs '{a}' (produced only later)" for a in self.later]
        parts += [f"'{a}' is used by nobody" for a in self.unused]
        return "; ".join(parts)


def lanes(workflow: Workflow) -> list[str]:
    """Performers and receivers, in the order they first appear."""
    order: list[str] = []
    for step in workflow.steps:
        for ident in (step.by, step.to):
            if ident and ident not in order:
                order.append(ident)
    return order


def marks(workflow: Workflow) -> dict[str, StepMarks]:
    """Step id -> its broken hand-offs (only steps with some)."""
    produced = {a for s in workflow.steps for a in s.outputs}
    consumed = {a for s in workflow.steps for a in s.inputs}
    found: dict[str, StepMarks] = {}
    made_so_far = set(workflow.inputs)
    for step in workflow.steps:
        m = StepMarks()
        for artifact in step.inputs:
            if artifact not in made_so_far:
                (m.later if artifact in produced else m.missing).append(artifact)
        m.unused = [a for a in step.outputs if a not in consumed and a not in workflow.outputs]
        made_so_far.update(step.outputs)
        if m.broken:
            found[step.id] = m
    return found


def move_step(workflow: Workflow, step: Step, delta: int) -> Command:
    """Move ``step`` up (-1) or down (+1); raises ValueError at either end."""
    at = next(i for i, s in enumerate(workflow.steps) if s is step)
    to = at + delta
    if not 0 <= to < len(workflow.steps):
        raise ValueError(f"{step.name} is already the {'first' if delta < 0 else 'last'} step")
    return MoveItem(workflow, step, to, label=f"move step {step.id} {'up' if delta < 0 else 'down'}")


def performer_command(step: Step, ident: str | None, field_name: str = "by") -> Command:
    if field_name == "by" and not ident:
        raise ValueError("a step needs a performer")
    if getattr(step, field_name) == ident:
        raise ValueError(f"{step.name}: unchanged")
    return SetField(step, field_name, ident, label=f"set {'performer' if field_name == 'by' else 'receiver'} of {step.id}")
