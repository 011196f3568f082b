"""Moving around the chart from the keys: to an element, the navigator's grouping, a step's place.

``go_to`` is where search, the problems list and a step's link all end: the
element in the navigator and the form, or, while a chart view is shown, the view
left for the forms on that element. Moving a workflow step (shift+up/down, K/J)
is an edit, one undoable command, and lives here because it is asked for from
the navigator, not from a field.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from ...model import Step, Workflow
from ..core.commands import Command
from ..core.lanes import move_step

if TYPE_CHECKING:
    from ..app import EditorApp
    from .views import ViewController


class NavigationController:
    """Go to an element, group people by team or by reporting line, move a workflow step."""

    def __init__(self, app: EditorApp, views: ViewController, apply: Callable[[Command], Awaitable[bool]]) -> None:
        self.app = app
        self.views = views
        self.apply = apply
        """Applies an edit through the undo stack (the editing controller's)."""

    async def go_to(self, ident: str) -> None:
        """Show ``ident`` (an element id, ``chart``, ``answer:KEY``) in the navigator and the form."""
        app = self.app
        if self.views.name:  # from search or the problems list while a chart view is shown
            await self.views.leave(ident)
            return
        if app.navigator.reveal(ident):
            app.navigator.focus()
        await app.form.show(ident)

    def toggle_people(self) -> None:
        """People under their team, or under whom they report to (``t``)."""
        nav = self.app.navigator
        nav.people_by = "reports" if nav.people_by == "team" else "team"
        nav.rebuild()
        self.app.notify(f"People by {'reporting line' if nav.people_by == 'reports' else 'team'}.", timeout=2)

    async def move_step(self, delta: int) -> None:
        """The selected workflow step one place earlier (-1) or later (+1), as one undoable edit."""
        app = self.app
        step = app.form.obj
        where = app.session.where.get(step.id) if app.session is not None and isinstance(step, Step) else None
        if where is None or not isinstance(where.parent, Workflow):
            app.notify("Select a workflow step to move it (shift+up, shift+down).")
            return
        try:
            command = move_step(where.parent, step, delta)
        except ValueError as exc:  # already first or last
            app.notify(str(exc), markup=False)
            return
        await self.apply(command)
