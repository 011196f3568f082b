"""Rows for references: one element (a button that opens the picker) or a list of them (link, unlink).

References are never typed: an id typed by hand is the mistake the picker
exists to prevent. A row posts :class:`ReferenceWanted` (or :class:`ChoiceWanted`
to unlink) and the app answers with what the user picked. The names shown
beside the ids come from the row's ``names`` (the session, handed down), so a
row shows ``Dana Reyes [p-dana-reyes]`` without reaching into the app.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from ..core.fields import FieldError, parse_value
from ..messages import ChoiceWanted, ReferenceWanted
from .field_row import FieldRow, Names


class RefRow(FieldRow):
    """A single reference: shows the target, opens the picker, can be cleared if optional."""

    def control(self) -> ComposeResult:
        yield Button(Text(self._shown()), classes="ref-button field-input", id="pick", compact=True)
        if self.spec.optional:
            clear = Button("x", classes="small", id="clear", tooltip="Clear this reference", compact=True)
            clear.can_focus = False  # not a Tab stop: Tab goes from the reference to the next field
            yield clear

    def _shown(self) -> str:
        return element_label(self.names, self.value) if self.value else "(none) - press to pick"

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
            lines = [Static(Text(element_label(self.names, v)), classes="ref-line") for v in self.value[:self.SHOWN]]
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
            self.post_message(ChoiceWanted(f"Unlink from {self.spec.label}", [(v, element_label(self.names, v)) for v in current],
                                           lambda v: v and self._commit([x for x in current if x != v])))

    def _commit(self, values: list[str]) -> None:
        try:
            value = parse_value(self.obj, self.spec, ", ".join(values))
        except FieldError as exc:
            self.refuse(str(exc))
            return
        self.accept(value)



def element_label(names: Names | None, ident: str) -> str:
    """``name [id]`` when ``names`` knows the element (its id alone when the name is the id or it is unknown)."""
    element = names.get(ident) if names is not None else None
    return f"{element.name} [{ident}]" if element is not None and element.name != ident else str(ident)
