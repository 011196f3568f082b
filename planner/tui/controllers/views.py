"""The chart views (F5 matrix, F6 org tree, F7 workflow lanes) in place of the navigator and the form.

A view is mounted in the main grid before the live panel, and the navigator and
form are hidden while it is shown. Edits made in a view are the forms'
commands, applied by the editing controller; after each one the view redraws
from the chart, and the navigator and form, hidden meanwhile, are brought up to
date once, when the view is left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.markup import escape
from textual.timer import Timer

from ..core.commands import Command
from ..core.live import LiveState
from ..widgets.view_pane import VIEWS, ViewPane

if TYPE_CHECKING:
    from ...model import Capability, Element
    from ..app import EditorApp

FOLLOW_DELAY = 0.05
"""Seconds of quiet before the live panel follows the cursor: holding an arrow key stays smooth."""


class ViewController:
    """Which chart view is shown, and keeping it, the forms and the live panel in step."""

    def __init__(self, app: EditorApp, live_state: Callable[[], LiveState | None]) -> None:
        self.app = app
        self.live_state = live_state
        self.name: str | None = None
        """The view shown (``matrix``, ``org``, ``lanes``), None while the forms are."""
        self._forms_stale = False
        self._follow_timer: Timer | None = None

    @property
    def pane(self) -> ViewPane | None:
        found = self.app.query(ViewPane)
        return found.first() if found else None

    async def show(self, name: str) -> None:
        """Show view ``name``; its own key again (or Escape on the view) goes back to the forms."""
        app = self.app
        if app.session is None or name not in VIEWS:
            return
        if self.name == name:
            await self.leave()
            return
        old = self.pane
        self.name = name
        pane = ViewPane(name, app.session)
        await app.query_one("#main").mount(pane, before=app.live)
        view = pane.view
        view.focus()  # before the focused widget is hidden or removed, so focus does not wander
        if old is not None:
            await old.remove()
        self.layout(True)
        view.gaps = self.gaps()
        view.rebuild()
        key = app.form.key
        if key and hasattr(view, "show"):
            view.show(key)
        app.call_after_refresh(view.focus)  # Textual moves focus off hidden widgets after the layout
        app.live.following(True)
        view.moved()

    def layout(self, on: bool) -> None:
        """The view in the navigator's and form's place: inline styles on those three widgets only.

        A class on the screen would restyle every widget of the form (measured: over a second on a
        big chart); ``display`` and the grid's own styles touch nothing else.
        """
        app = self.app
        main = app.query_one("#main")
        app.navigator.display = app.form.display = not on
        if not on:
            for rule in ("grid_size_columns", "grid_size_rows", "grid_columns", "grid_rows"):
                main.styles.clear_rule(rule)
            app.fit_columns()
            return
        if app.size.width < 110:  # narrow: the view above a short live panel
            main.styles.grid_size_columns, main.styles.grid_size_rows = 1, 2
            main.styles.grid_columns, main.styles.grid_rows = "1fr", "1fr 8"
        else:
            main.styles.grid_size_columns, main.styles.grid_size_rows = 2, 1
            main.styles.grid_columns, main.styles.grid_rows = "1fr 40", "1fr"

    async def leave(self, key: str | None = None) -> None:
        """Back to the navigator and the form (on ``key`` when given)."""
        app = self.app
        pane = self.pane
        self.name = None
        app.live.following(False)
        if pane is not None:
            await pane.remove()
        self.layout(False)
        if self._forms_stale:
            self._forms_stale = False
            app.navigator.rebuild()
        target = key or app.form.key
        session = app.session
        if target and (target == "chart" or target.startswith("answer:")
                       or (session is not None and session.get(target) is not None)):
            await app.go_to(target)
        else:
            await app.form.show(None)
            app.navigator.focus()

    async def changed(self, command: Command | None) -> None:
        """After an edit, undo or redo while a view is shown: redraw it, the cursor on what changed."""
        self._forms_stale = True
        pane = self.pane
        if pane is None:
            return
        view = pane.view
        if hasattr(view, "changed"):
            view.changed(command)
        else:
            view.rebuild()
        if command is not None and command.focus and hasattr(view, "show"):
            view.show(command.focus)
        if not view.has_focus:
            view.focus()

    def moved(self, text: str) -> None:
        """The view's cursor moved (its status line says so already): the live panel follows once the keys pause."""
        if self.pane is None:
            return
        if self._follow_timer is not None:
            self._follow_timer.stop()
        self._follow_timer = self.app.set_timer(FOLLOW_DELAY, self._follow)

    def _follow(self) -> None:
        """The live panel on the capability under the cursor (or the cursor's line in words)."""
        self._follow_timer = None
        pane = self.pane
        session = self.app.session
        if pane is None or session is None:
            return
        cap = pane.view.selected_capability()
        text = follow_text(cap, session.get, self.live_state()) if cap is not None else escape(pane.view.status_text)
        self.app.live.follow(text)

    def live_changed(self) -> None:
        """New problems and levels came in: the gap glow and the panel's capability summary follow at once."""
        pane = self.pane
        if pane is not None:
            pane.view.gaps = self.gaps()
            pane.view.refresh()
            self._follow()

    def gaps(self) -> dict[str, list[str]]:
        """Capability id -> the unmet criteria naming it, in the live panel's latest assessment (the glow)."""
        state = self.live_state()
        return state.maturity.gap_elements if state is not None and state.maturity is not None else {}


def follow_text(cap: Capability, get: Callable[[str], Element | None], state: LiveState | None) -> str:
    """The capability's accountabilities, and the unmet criteria and problems that name it."""

    def names(ids: list[str]) -> str:
        return ", ".join(escape(element.name if (element := get(i)) else i) for i in ids) or "-"

    lines = [f"[b]{escape(cap.name)}[/b] [dim]{escape(cap.id)}, {cap.area}[/dim]",
             f"A {names([cap.accountable] if cap.accountable else [])}",
             f"R {names(cap.responsible)}"]
    if cap.consulted or cap.informed:
        lines.append(f"C {names(cap.consulted)}  I {names(cap.informed)}")
    if cap.contributors:
        lines.append(f"contributors {names(cap.contributors)}")
    lines.append(f"uses {names([*cap.systems, *cap.data])}")
    gaps = state.maturity.gap_elements.get(cap.id, []) if state is not None and state.maturity else []
    if gaps:
        lines.append(f"[yellow]unmet: {escape(', '.join(g.split('.', 1)[-1] for g in gaps[:4]))}[/yellow]")
    problems = [p for p in (state.problems if state else []) if p.id == cap.id]
    lines += [f"[red]{escape(p.message)}[/red]" for p in problems[:2]]
    return "\n".join(lines)
