"""The detail form of the selected element, of the chart's metadata, or of an answer.

Each committed field becomes a command (a rename rewrites every reference);
the app applies it, so the form itself never changes the chart.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from ...model import Element
from ..core.commands import Command, SetField
from ..core.fields import field_specs
from ..core.impact import rename_command
from ..core.session import Session
from ..messages import ActionRequested, EditRequested, FieldCommitted, FieldLeft
from .fields import FieldRow, make_row

FIRST, LAST = ("id", "name"), ("notes",)


def ordered_specs(cls):
    """id and name first, notes last: what a person looks for first."""
    specs = field_specs(cls)
    by_name = {s.name: s for s in specs}
    middle = [s for s in specs if s.name not in FIRST + LAST]
    return [by_name[n] for n in FIRST if n in by_name] + middle + [by_name[n] for n in LAST if n in by_name]


class DetailForm(VerticalScroll, can_focus=False):
    """Rows for every field of the shown object; the help of the focused field at the bottom.

    Not a Tab stop itself: Tab goes from the navigator straight to the first
    field, and the focused field scrolls into view.
    """

    BORDER_TITLE = "Details"
    BINDINGS = [Binding("escape", "leave", "Leave field", show=False)]
    """Escape on a choice, a reference or a button of the form goes back to the navigator, as from a text field."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.key: str | None = None
        self.session: Session | None = None
        """The chart being edited, set by the app when it opens one (attributes down)."""
        self.obj: Any = None
        """The shown element, chart metadata or answer."""

    def compose(self) -> ComposeResult:
        yield Static("Select an element in the navigator, or press a to add one.", classes="empty-form")

    async def show(self, key: str | None) -> None:
        """Show ``key`` (element id, ``chart`` or ``answer:KEY``); keeps focus on the same field."""
        session = self.session
        focused = self._focused_field()
        same = key == self.key
        self.key = key
        self.obj = self._resolve(session, key)
        await self.remove_children()
        if self.obj is None:
            await self.mount(Static("Nothing selected. Press a to add an element, / to search.", classes="empty-form"))
            return
        await self.mount_all(self._rows(session))
        if same and focused:
            self._refocus(focused)

    def _resolve(self, session, key):
        if key is None:
            return None
        if key == "chart":
            return session.chart.chart
        if key.startswith("answer:"):
            return session.chart.answers.get(key[7:])
        return session.get(key)

    def _rows(self, session):
        obj = self.obj
        if isinstance(obj, Element):
            where = session.where.get(obj.id)
            parent = f"  in {where.parent.KIND} {where.parent.id}" if where and where.parent else ""
            yield Static(Text.assemble((obj.KIND, "bold"), f" {obj.id}{parent}"), classes="form-title")
        elif self.key == "chart":
            yield Static("[b]Chart[/b] what this chart describes", classes="form-title")
        else:
            yield Static(Text.assemble(("Answer", "bold"), f" to criterion {self.key[7:]}"), classes="form-title")
        for spec in ordered_specs(type(obj)):
            yield make_row(obj, spec, session)
        buttons = []
        if isinstance(obj, Element):
            buttons = [Button("Duplicate", id="duplicate"), Button("Delete...", id="delete", variant="error")]
        elif self.key.startswith("answer:"):
            buttons = [Button("Remove answer", id="delete", variant="error")]
        if buttons:
            yield Horizontal(*buttons, classes="form-buttons")
        yield Static("", id="field-help")

    async def refresh_field(self, name: str) -> None:
        """Re-render the row of one field after its value changed (keeps focus in it)."""
        focused = self._focused_field()
        for row in self.query(FieldRow):
            if row.spec.name == name:
                new = make_row(self.obj, row.spec, self.session)
                await self.mount(new, after=row)
                await row.remove()
                if focused == name:
                    self._refocus(name)
                return

    def _focused_field(self) -> str | None:
        focused = self.app.focused
        while focused is not None and focused is not self:
            if isinstance(focused, FieldRow):
                return focused.spec.name
            focused = focused.parent
        return None

    def _refocus(self, name: str) -> None:
        for row in self.query(FieldRow):
            if row.spec.name == name:
                targets = [w for w in row.query("*") if w.focusable]
                if targets:
                    targets[0].focus()
                return

    def on_descendant_focus(self, event) -> None:
        node = event.widget
        while node is not None and not isinstance(node, FieldRow) and node is not self:
            node = node.parent
        help_text = node.spec.help if isinstance(node, FieldRow) else ""
        for shown in self.query("#field-help").results(Static):  # none before the form is shown
            shown.update(Text(help_text, style="dim"))

    def command_for(self, name: str, value) -> Command:
        """The command a committed field stands for: a rename rewrites every reference."""
        if name == "id" and isinstance(self.obj, Element):
            assert self.session is not None  # an element is shown only once a chart is open
            return rename_command(self.session.chart, self.obj, value)
        return SetField(self.obj, name, value)

    def on_field_committed(self, event: FieldCommitted) -> None:
        event.stop()
        if self.obj is not None:
            self.post_message(EditRequested(self.command_for(event.name, event.value)))

    def action_leave(self) -> None:
        self.post_message(FieldLeft())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("duplicate", "delete"):
            event.stop()
            self.post_message(ActionRequested(event.button.id))
