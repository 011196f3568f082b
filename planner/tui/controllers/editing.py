"""Everything that changes the chart: apply, undo and redo commands; duplicate and delete.

Every change is a command on the session's undo stack. After each one the
title, the live panel and the recovery file follow (``edited``), and the
navigator and the form show the result, rebuilt only as far as needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widgets import Input

from ...model import ELEMENT_CLASSES, NESTING
from ..core.commands import AddElement, Command, SetAnswer, SetField
from ..core.factory import duplicate
from ..core.fields import FieldError, format_value, parse_value
from ..core.impact import Blocked, delete_command, doomed_ids, references_to
from ..screens.dialogs import delete_dialog
from ..screens.picker import PickerScreen
from ..widgets.fields import TextRow
from .background import Background
from .views import ViewController

if TYPE_CHECKING:
    from ..app import EditorApp

TREE_FIELDS = {"id", "name", "team", "reports_to", "parent", "area", "kind", *(n.field for n in NESTING.values())}
"""Fields whose change moves or relabels a node of the navigator."""

KIND_NAMES = {kind: cls.NOUN for kind, cls in ELEMENT_CLASSES.items()}
"""How a sentence names each kind (the classes' ``NOUN``)."""


class EditController:
    """Applies commands through the undo stack and brings the screen up to date after each."""

    def __init__(self, app: EditorApp, background: Background, views: ViewController,
                 edited: Callable[[], None]) -> None:
        self.app = app
        self.background = background
        self.views = views
        self.edited = edited
        """Title, live panel and recovery file follow an edit (the file controller)."""

    async def apply(self, command: Command) -> bool:
        """Apply ``command``; whether it was (a refusal is told, never raised)."""
        app, session = self.app, self.app.session
        if session is None or session.read_only:
            app.notify(session.read_only if session else "not loaded", severity="error", markup=False)
            return False
        await self.background.settle()  # never change a chart a save or a tool is reading
        try:
            session.apply(command)
        except (FieldError, ValueError) as exc:
            app.notify(str(exc), title="Refused", severity="error", markup=False)
            return False
        await self.after_change(command)
        return True

    async def after_change(self, command: Command | None) -> None:
        self.edited()  # first: the live panel's worker starts before the screen is rebuilt
        if self.views.name:  # a chart view is shown: it redraws; the forms catch up when it closes
            await self.views.changed(command)
            return
        app, session = self.app, self.app.session
        if _changes_tree(command):
            app.navigator.rebuild()
        key = app.form.key
        if command is not None and command.focus and command.focus != key:
            await app.go_to(command.focus)
        elif (key is not None and key != "chart" and not key.startswith("answer:") and session is not None
              and session.get(key) is None):
            await app.form.show(None)
        elif isinstance(command, SetField) and command.name != "id":
            if command.obj is app.form.obj:
                await app.form.refresh_field(command.name)  # one row, not the whole form
        else:
            await app.form.show(key)

    async def undo(self) -> None:
        await self._step(lambda: self.app.session.undo() if self.app.session else None, "undo", "Undone")

    async def redo(self) -> None:
        await self._step(lambda: self.app.session.redo() if self.app.session else None, "redo", "Redone")

    async def _step(self, take: Callable[[], Command | None], verb: str, done: str) -> None:
        await self.background.settle()
        command = take()
        if command is None:
            self.app.notify(f"Nothing to {verb}.")
            return
        await self.after_change(command)
        self.app.notify(f"{done}: {command.label}", timeout=2, markup=False)

    async def flush_pending_edit(self) -> None:
        """Commit what is typed in the focused field (before a save or quit)."""
        focused = self.app.focused
        if not isinstance(focused, Input):
            return
        row = next((a for a in focused.ancestors if isinstance(a, TextRow)), None)
        if row is None or self.app.form not in row.ancestors or focused.value == format_value(row.spec, row.value):
            return
        try:
            value = parse_value(row.obj, row.spec, focused.value)
        except FieldError as exc:
            row.refuse(str(exc))
            return
        if value != row.value:
            await self.apply(self.app.form.command_for(row.spec.name, value))

    async def duplicate(self) -> None:
        app, session, obj = self.app, self.app.session, self.app.form.obj
        if session is None or obj is None or not hasattr(obj, "KIND"):
            app.notify("Select an element to duplicate.")
            return
        where = session.where[obj.id]
        copy = duplicate(obj, lambda i: i in session.where)
        items = session.list_of(obj, where.parent)
        index = next(i for i, item in enumerate(items) if item is obj) + 1
        await self.apply(AddElement(copy, where.parent, index, label=f"duplicate {obj.id}"))

    def delete(self) -> None:
        form = self.app.form
        if form.key is None or form.obj is None or form.key == "chart":
            self.app.notify("Select an element to delete.")
            return
        self.background.flow(self._delete_flow, form.key, what="delete failed")

    async def _delete_flow(self, key: str) -> None:
        app, session = self.app, self.app.session
        if session is None:
            return
        if key.startswith("answer:"):
            await self.apply(SetAnswer(key[7:], None))
            return
        element = session.get(key)
        if element is None:  # gone meanwhile (an undo)
            return
        parent = session.where[key].parent
        inside = {id(element), *(id(c) for _, _, c in element.children())}
        uses = [u for u in references_to(session.chart, doomed_ids(element)) if id(u.holder) not in inside]
        blocked = ""
        try:
            delete_command(session.chart, element, parent)
        except Blocked as exc:
            blocked = str(exc)
        label = f"{KIND_NAMES.get(element.KIND, element.KIND)} {element.id} ({element.name})"
        answer = await app.ask(delete_dialog(label, [u.describe() for u in uses], blocked))
        replacement = None
        if answer == "reassign":
            replacement = await app.ask(PickerScreen(f"Reassign references of {element.id} to",
                                                     _replacements(session, element)))
            if not replacement:
                return
        elif answer != "unlink":
            return
        try:
            await self.apply(delete_command(session.chart, element, parent, replacement))
        except Blocked as exc:
            app.notify(str(exc), title="Not deleted", severity="error", markup=False)


def _replacements(session, element) -> list[tuple[str, str]]:
    """Elements of the same kind that survive the delete, to take over its references."""
    doomed = doomed_ids(element)
    return [(w.element.id, f"{w.element.name} [{w.element.id}]") for w in session.where.values()
            if w.element.KIND == element.KIND and w.element.id not in doomed]


def _changes_tree(command: Command | None) -> bool:
    """Whether the navigator must be rebuilt after ``command`` (most field edits leave it as it is)."""
    return not isinstance(command, SetField) or command.name in TREE_FIELDS or not hasattr(command.obj, "KIND")
