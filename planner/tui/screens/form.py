"""A form over a draft object: new elements, SLA rows, accepted inputs, validation.

The rows check each value against the draft as it is typed; OK validates the
whole draft and shows what is still missing instead of closing.
"""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel, ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ..core.factory import prefixed, slug
from ..core.fields import FieldError, field_specs, format_value, parse_value, reason
from ..messages import FieldCommitted
from ..widgets.detail import ordered_specs
from ..widgets.fields import TextRow, make_row


class Ids(Protocol):
    """Where a new element's id is checked: the session, handed down by whoever opens an Add form."""

    def unique_id(self, base: str) -> str: ...

    def get(self, ident: str) -> Any: ...


class NoIds:
    """For forms that make no element (a nested record, an answer): every id is free."""

    def unique_id(self, base: str) -> str:
        return base

    def get(self, ident: str) -> Any:
        return None

NEW_ELEMENT_FIELDS = {
    "person": ["title", "team", "reports_to"], "team": ["parent", "lead"], "org": ["services", "contact"],
    "system": ["category", "sourcing", "provider", "owner"], "data": ["system", "owner"],
    "capability": ["accountable", "responsible"], "workflow": ["capability"], "step": ["to", "inputs", "outputs"],
    "coe": ["scope", "lead"], "contract": ["annual_value", "covers"],
}
"""Fields asked for when adding an element, besides id, name and the required ones."""


def draft_of(cls: type[BaseModel], existing: BaseModel | None = None, **preset: Any) -> BaseModel:
    """A copy to edit, or a new object with placeholders in the required fields."""
    if existing is not None:
        return existing.model_copy(deep=True)
    values: dict[str, Any] = {}
    for spec in field_specs(cls):
        if not spec.required:
            continue
        if spec.kind == "choice":
            values[spec.name] = spec.choices[0]
        elif spec.kind in ("int", "float"):
            values[spec.name] = 0
        elif spec.kind in ("refs", "words"):
            values[spec.name] = []
        else:
            values[spec.name] = ""
    values.update(preset)
    return cls.model_construct(**values)


class FormRows(VerticalScroll, can_focus=False):
    """The rows; not a Tab stop itself (the focused field scrolls into view)."""


class FormScreen(ModalScreen[BaseModel | None]):
    """Edit ``draft``; returns the validated object, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "ok", "OK")]
    AUTO_FOCUS = ""  # :meth:`focus_first` decides (Textual's would take the id, before the name)

    def __init__(self, title: str, draft: BaseModel, fields: list[str] | None = None, new_element: bool = False,
                 id_prefix: str = "", ids: Ids | None = None):
        super().__init__()
        self.ids: Ids = ids or NoIds()
        """The ids already taken (an Add form makes its id unique and refuses one in use)."""
        self.id_prefix = id_prefix
        """Put before an id made from the name, as the siblings' ids have it (``org-``, ``wf-x.``)."""
        self.title_text, self.draft = title, draft
        self.fields = fields
        self.new_element = new_element
        self.id_touched = False
        """The user typed an id: from then on the id no longer follows the name."""
        self._id_shown = str(getattr(draft, "id", "") or "")
        self._initial = _snapshot(draft)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form-dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield FormRows(*self._rows(), id="form-rows")
            yield Static("", id="form-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def _rows(self):
        specs = ordered_specs(type(self.draft))
        if self.fields is not None:
            specs = [s for s in specs if s.name in self.fields]
        return [make_row(self.draft, spec, self.ids) for spec in specs]

    def on_mount(self) -> None:
        self.focus_first()
        self.call_after_refresh(self.focus_first)  # again once laid out: the screen's auto-focus may have run between

    def focus_first(self) -> None:
        """The name of a new element (the id follows it), else the first field."""
        rows = list(self.query_one("#form-rows").children)
        first = next((r for r in rows if self.new_element and getattr(r, "spec", None) and r.spec.name == "name"), None)
        inputs = [w for w in (first or self).query("#form-rows *" if first is None else "*") if w.focusable]
        if inputs:
            inputs[0].focus()

    @on(FieldCommitted)
    async def committed(self, event: FieldCommitted) -> None:
        event.stop()
        setattr(self.draft, event.name, event.value)
        changed = [event.name]
        if event.name == "id":
            self.id_touched = True
        if self.new_element and event.name == "name" and not self.id_touched and event.value:
            self.draft.id = self.ids.unique_id(prefixed(self.id_prefix, slug(event.value)))
            changed.append("id")
        await self._refresh_rows(changed)

    def on_input_changed(self, event: Input.Changed) -> None:
        """In an Add form the id follows the name as it is typed, until the user types an id."""
        row = next((a for a in event.input.ancestors if isinstance(a, TextRow)), None)
        if row is None or not self.new_element:
            return
        if row.spec.name == "id":
            self.id_touched = self.id_touched or event.value != self._id_shown
        elif row.spec.name == "name" and not self.id_touched:
            name = event.value.strip()
            ident = self.ids.unique_id(prefixed(self.id_prefix, slug(name))) if name else ""
            self.draft.id = self._id_shown = ident
            for id_row in self.query(TextRow):
                if id_row.spec.name == "id":
                    id_row.query_one(Input).value = ident

    async def _refresh_rows(self, names: list[str]) -> None:
        """Re-render the rows of ``names``; focus stays where the user put it (Tab has moved on)."""
        box = self.query_one("#form-rows", FormRows)
        focused = self.focused
        for row in list(box.children):
            spec = getattr(row, "spec", None)
            if spec is None or spec.name not in names:
                continue
            had_focus = focused is not None and row in focused.ancestors_with_self
            if isinstance(row, TextRow) and not had_focus and spec.name == names[0]:
                continue  # the typed text is the value: nothing to redraw
            new = make_row(self.draft, spec, self.ids)
            await box.mount(new, after=row)
            await row.remove()
            if had_focus:
                targets = [w for w in new.query("*") if w.focusable]
                if targets:
                    targets[0].focus()

    def _take_typed(self) -> bool:
        """Commit text typed but not yet entered in every row; False (reason shown) if one is refused."""
        for row in self.query(TextRow):
            box = row.query_one(Input)
            if box.value == format_value(row.spec, getattr(self.draft, row.spec.name, None)):
                continue
            try:
                value = parse_value(self.draft, row.spec, box.value)
            except FieldError as exc:
                row.refuse(str(exc))
                box.focus()
                return False
            setattr(self.draft, row.spec.name, value)
        return True

    def has_changes(self) -> bool:
        """Whether anything was entered or typed (quitting would lose it)."""
        if _snapshot(self.draft) != self._initial:
            return True
        for row in self.query(TextRow):
            if row.query_one(Input).value != format_value(row.spec, getattr(self.draft, row.spec.name, None)):
                return True
        return False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            event.stop()
            self.action_ok()
        elif event.button.id == "cancel":
            event.stop()
            self.dismiss(None)

    def action_ok(self) -> None:
        if not self._take_typed():
            return
        try:
            result = type(self.draft).model_validate(self.draft.model_dump())
        except ValidationError as exc:
            where = ".".join(str(p) for p in exc.errors()[0]["loc"])
            self.query_one("#form-error", Static).update(Text(f"{where}: {reason(exc)}"))
            self.query_one("#form-error", Static).add_class("shown")
            return
        if self.new_element and self.ids.get(result.id) is not None:
            self.query_one("#form-error", Static).update(Text(f"id {result.id!r} is already used"))
            self.query_one("#form-error", Static).add_class("shown")
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)




def _snapshot(draft: BaseModel) -> Any:
    return {name: repr(getattr(draft, name, None)) for name in type(draft).model_fields}
