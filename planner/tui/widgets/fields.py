"""One row per field: label, the control that fits the field's kind, and the reason a value is refused.

Rows check typed values against the object (``parse_value``), show the reason
under the field when refused, and post :class:`FieldCommitted` with a value
the model accepts. References are never typed: a button opens the picker.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel
from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ...model.vocabulary import Phase, Stage
from ..core.fields import FieldError, FieldSpec, format_value, parse_value
from ..messages import ActionRequested, ChoiceWanted, FieldCommitted, FieldLeft, JumpTo, RecordWanted, ReferenceWanted


class FieldRow(Vertical):
    """Base row: a label with the field's help as tooltip, a control, an error line."""

    DEFAULT_CLASSES = "field-row"

    def __init__(self, obj: BaseModel, spec: FieldSpec, **kwargs) -> None:
        super().__init__(**kwargs)
        self.obj, self.spec = obj, spec
        self.tooltip = spec.help or None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="field-line"):
            yield Label(self.spec.label + ("*" if self.spec.required else ""), classes="field-label")
            yield from self.control()
        yield from self.below()
        yield Static("", classes="field-error")

    def control(self) -> ComposeResult:
        raise NotImplementedError

    def below(self) -> ComposeResult:
        """Lines under the field's line (the linked elements, sub-model rows, steps)."""
        yield from ()

    @property
    def value(self) -> Any:
        return getattr(self.obj, self.spec.name)

    def refuse(self, reason: str) -> None:
        error = self.query_one(".field-error", Static)
        error.update(Text(f"refused: {reason}"))
        error.add_class("shown")

    def accept(self, value: Any) -> None:
        self.query_one(".field-error", Static).remove_class("shown")
        if value != self.value:
            self.post_message(FieldCommitted(self.spec.name, value))


class FieldInput(Input):
    """A field's text box: Enter or Tab confirms what is typed; Escape puts the value back and leaves.

    Leaving any other way (a click elsewhere, a function key) confirms nothing: a
    stray key typed into a field never becomes an edit by itself.
    """

    BINDINGS = [Binding("enter", "submit", "Confirm"), Binding("escape", "leave", "Leave field"),
                Binding("tab", "confirm('next')", show=False), Binding("shift+tab", "confirm('previous')", show=False)]

    def action_confirm(self, direction: str) -> None:
        row = next((a for a in self.ancestors if isinstance(a, TextRow)), None)
        if row is not None:
            row.confirm(self.value)
        if direction == "next":
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def action_leave(self) -> None:
        """On the editor's form: the field's value back, focus to the navigator. In a dialog: the dialog's Escape."""
        if isinstance(self.screen, ModalScreen):
            raise SkipAction()
        row = next((a for a in self.ancestors if isinstance(a, TextRow)), None)
        if row is not None:
            row.restore()
        self.post_message(FieldLeft())


class TextRow(FieldRow):
    """Text, numbers, dates and comma-separated words; checked when confirmed (Enter or Tab)."""

    _confirmed: str | None = None
    """The text last confirmed with Tab, while its edit is on its way."""

    def control(self) -> ComposeResult:
        yield FieldInput(format_value(self.spec, self.value), placeholder=self._hint(), classes="field-input",
                         compact=True)

    def _hint(self) -> str:
        return {"words": "comma, separated", "date": "YYYY-MM-DD", "int": "whole number", "float": "number",
                "answer": "true / false / 0..1 / label"}.get(self.spec.kind, "")

    def commit(self, text: str) -> None:
        try:
            value = parse_value(self.obj, self.spec, text)
        except FieldError as exc:
            self.refuse(str(exc))
            return
        self.accept(value)

    def confirm(self, text: str) -> None:
        """Commit ``text`` if it differs from the value (Tab, or Enter on an unchanged field, changes nothing)."""
        if text != format_value(self.spec, self.value):
            self._confirmed = text
            self.commit(text)

    def restore(self) -> None:
        """Put the value back in the box, dropping what was typed and not confirmed."""
        self.query_one(Input).value = format_value(self.spec, self.value)
        self.query_one(".field-error", Static).remove_class("shown")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit(event.value)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        """Left without confirming: the typed text stays in the box, not applied, and the row says so."""
        error = self.query_one(".field-error", Static)
        pending = event.value not in (format_value(self.spec, self.value), self._confirmed)
        if pending and not error.has_class("shown"):
            error.update(Text("not applied: Enter applies it, Escape puts the value back"))
            error.add_class("shown")


class ChoiceRow(FieldRow):
    def control(self) -> ComposeResult:
        options = [(choice, choice) for choice in self.spec.choices]
        value = self.value if self.value is not None else Select.NULL
        yield Select(options, value=value, allow_blank=self.spec.optional, classes="field-input", compact=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = None if event.value is Select.NULL else event.value
        if value is None and not self.spec.optional:
            return
        self.accept(value)


class RefRow(FieldRow):
    """A single reference: shows the target, opens the picker, can be cleared if optional."""

    def control(self) -> ComposeResult:
        yield Button(Text(self._shown()), classes="ref-button field-input", id="pick", compact=True)
        if self.spec.optional:
            clear = Button("x", classes="small", id="clear", tooltip="Clear this reference", compact=True)
            clear.can_focus = False  # not a Tab stop: Tab goes from the reference to the next field
            yield clear

    def _shown(self) -> str:
        return describe(self.app, self.value) if self.value else "(none) - press to pick"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "clear":
            self.accept(None)
            return
        self.post_message(ReferenceWanted(self.spec, self._picked, exclude=getattr(self.obj, "id", None)))

    def _picked(self, value: str | None) -> None:
        if value is not None:
            self.accept(value)


class RefsRow(FieldRow):
    """A list of references, one a line under the label: link adds one from the picker, unlink removes one."""

    SHOWN = 8

    def control(self) -> ComposeResult:
        count = len(self.value)
        yield Static(Text("(none)" if not count else f"{count} linked", style="dim"), classes="refs-list")
        yield Button("+", classes="small", id="link", tooltip=f"Link: add to {self.spec.label}", compact=True)
        yield Button("-", classes="small", id="unlink", tooltip=f"Unlink: remove from {self.spec.label}",
                     disabled=not self.value, compact=True)

    def below(self) -> ComposeResult:
        if self.value:
            lines = [Static(Text(describe(self.app, v)), classes="ref-line") for v in self.value[:self.SHOWN]]
            if len(self.value) > self.SHOWN:
                lines.append(Static(Text(f"... and {len(self.value) - self.SHOWN} more", style="dim"), classes="ref-line"))
            yield Vertical(*lines, classes="refs-lines")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        current = list(self.value)
        if event.button.id == "link":
            self.post_message(ReferenceWanted(self.spec, lambda v: v and self._commit(current + [v]),
                                              exclude=getattr(self.obj, "id", None), skip=set(current)))
        else:
            self.post_message(ChoiceWanted(f"Unlink from {self.spec.label}", [(v, describe(self.app, v)) for v in current],
                                           lambda v: v and self._commit([x for x in current if x != v])))

    def _commit(self, values: list[str]) -> None:
        try:
            value = parse_value(self.obj, self.spec, ", ".join(values))
        except FieldError as exc:
            self.refuse(str(exc))
            return
        self.accept(value)


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


ROWS = {"ref": RefRow, "refs": RefsRow, "choice": ChoiceRow, "phases": PhasesRow, "models": ModelsRow,
        "model": ModelRow, "children": ChildrenRow}


def make_row(obj: BaseModel, spec: FieldSpec) -> FieldRow:
    if spec.vocabulary:
        from .words import WordsRow  # builds on TextRow, so its module imports this one: imported on use

        return WordsRow(obj, spec)
    return ROWS.get(spec.kind, TextRow)(obj, spec)


def describe(app, ident: str) -> str:
    element = app.session.get(ident) if getattr(app, "session", None) else None
    return f"{element.name} [{ident}]" if element is not None and element.name != ident else str(ident)


def child_label(child) -> str:
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
