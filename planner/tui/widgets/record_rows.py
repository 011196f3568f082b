"""Rows for structured values: lifecycle phases, nested records (one or a list), and a parent's children.

A nested record (an SLA row, a P&L metric, accepted inputs) is edited in a form
of its own: the row posts :class:`RecordWanted` and the app opens it. A
workflow's steps and an organization's contracts are elements of their own, so
their row only lists them (a press jumps to one) and asks for a new one
(:class:`ActionRequested` ``add_child``).
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Static

from ...model.vocabulary import Phase, Stage
from ..messages import ActionRequested, JumpTo, RecordWanted
from .field_row import FieldRow


class PhasesRow(FieldRow):
    """Lifecycle phases, each with its self-assessed state; a press cycles - / I / II / III."""

    CYCLE = ("-", *get_args(Stage))

    def control(self) -> ComposeResult:
        with Horizontal(classes="phases"):
            for phase in get_args(Phase):
                state = self.value.get(phase, "-")
                yield Button(f"{phase} {state}", id=f"phase-{phase}", classes="phase",
                             tooltip=f"{phase}: press to cycle - / I / II / III", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        phases = dict(self.value)
        phase = (event.button.id or "").removeprefix("phase-")
        state = self.CYCLE[(self.CYCLE.index(phases.get(phase, "-")) + 1) % len(self.CYCLE)]
        if state == "-":
            phases.pop(phase, None)
        else:
            phases[phase] = state
        self.accept(phases)


class ModelsRow(FieldRow):
    """Rows of a sub-model list (SLA rows, P&L metrics, improvements): add, edit, remove."""

    def control(self) -> ComposeResult:
        yield Button(f"+ add {self.spec.label} row", classes="small", id="add", compact=True)

    def below(self) -> ComposeResult:
        for n, item in enumerate(self.value):
            with Horizontal(classes="model-line"):
                yield Static(Text(summary(item)), classes="model-summary")
                yield Button("edit", classes="small", id=f"edit-{n}", compact=True)
                yield Button("x", classes="small", id=f"del-{n}", tooltip="Remove this row", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        rows = list(self.value)
        name = event.button.id or ""
        if name == "add":
            self.post_message(RecordWanted(self.spec.model, None, lambda new: new and self.accept(rows + [new])))
        elif name.startswith("edit-"):
            n = int(name[5:])
            self.post_message(RecordWanted(self.spec.model, rows[n],
                                           lambda new: new and self.accept(rows[:n] + [new] + rows[n + 1:])))
        elif name.startswith("del-"):
            n = int(name[4:])
            self.accept(rows[:n] + rows[n + 1:])


class ModelRow(FieldRow):
    """A nested model (accepted inputs/outputs, validation): summary, edit, clear."""

    def control(self) -> ComposeResult:
        yield Static(Text(summary(self.value) if self.value is not None else "(none)"), classes="model-summary")
        yield Button("edit", classes="small", id="edit", compact=True)
        if self.spec.optional:
            yield Button("x", classes="small", id="clear", disabled=self.value is None, compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "clear":
            self.accept(None)
        else:
            self.post_message(RecordWanted(self.spec.model, self.value,
                                           lambda new: new is not None and self.accept(new)))


class ChildrenRow(FieldRow):
    """Steps of a workflow or contracts of an organization: open one, or add one."""

    def control(self) -> ComposeResult:
        noun = "step" if self.spec.name == "steps" else "contract"
        yield Button(f"+ add {noun}", classes="small", id="add-child", compact=True)

    def below(self) -> ComposeResult:
        for child in self.value:
            yield Button(Text(child_label(child)), classes="child-link", name=child.id, compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "add-child":
            self.post_message(ActionRequested("add_child"))
        elif event.button.name:
            self.post_message(JumpTo(event.button.name))



def child_label(child) -> str:
    """A step as ``name: performer -> receiver  (outputs)``, anything else as ``name [id]``."""
    if getattr(child, "by", None):
        to = f" -> {child.to}" if child.to else ""
        outs = f"  ({', '.join(child.outputs)})" if child.outputs else ""
        return f"{child.name}: {child.by}{to}{outs}"
    return f"{child.name} [{child.id}]"


def summary(item: Any) -> str:
    """One line for a sub-model: ``page publish time <= 24 hours (now 20)``."""
    if item is None:
        return ""
    data = item.model_dump(exclude_defaults=True) if isinstance(item, BaseModel) else dict(item)
    if "metric" in data:
        op = "<=" if data.get("direction") == "lower" else ">="
        now = f" (now {data['measured']:g})" if data.get("measured") is not None else ""
        return f"{data['metric']} {op} {data.get('target', 0):g} {data.get('unit', '')}{now}".replace("  ", " ")
    return ", ".join(f"{k}: {v if not isinstance(v, list) else '; '.join(map(str, v))}" for k, v in data.items()) or "(empty)"
