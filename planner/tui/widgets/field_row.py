"""The base of the form's field rows, and the rows for typed values and closed choices.

Every row is a label (the field's help as its tooltip), a control that fits the
field's kind, and a line that says why a value is refused. Rows check a value
against the object (``parse_value``) and post :class:`FieldCommitted` with a
value the model accepts; the form decides which command that becomes. What a
row needs from outside (the object, the field, where names are looked up) is
handed to it; it never reads the app. :func:`.fields.make_row` picks the row for
a field.
"""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel
from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from ..core.fields import FieldError, FieldSpec, format_value, parse_value
from ..messages import FieldCommitted, FieldLeft


class Names(Protocol):
    """Where ids are looked up (the session; a form's ids): ``get`` returns the element, or None."""

    def get(self, ident: str) -> Any: ...


class FieldRow(Vertical):
    """Base row: a label with the field's help as tooltip, a control, an error line."""

    DEFAULT_CLASSES = "field-row"

    def __init__(self, obj: BaseModel, spec: FieldSpec, names: Names | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.obj, self.spec = obj, spec
        self.names = names
        """Where a referenced id is looked up for its name (the session, or an Add form's ids), handed down
        by whoever makes the row: a row never reaches into the app for it."""
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
    """One of a closed list of words (a kind, a sourcing): a drop-down; an optional one may be blank."""

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

