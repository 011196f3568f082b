"""The chart views (F5 matrix, F6 org tree, F7 workflow lanes) in place of the navigator and the form.

A view is mounted in the main grid before the live panel, and the navigator and
form are hidden while it is shown. Edits made in a
view are the forms' commands, applied by :meth:`EditActions.apply_command`;
after each one the view redraws from the chart, and the navigator and form,
hidden meanwhile, are brought up to date once, when the view is left.
"""

from __future__ import annotations

from rich.markup import escape

from .widgets.view_pane import VIEWS, ViewPane

FOLLOW_DELAY = 0.05
"""Seconds of quiet before the live panel follows the cursor: holding an arrow key stays smooth."""


class ViewActions:
    """Mixin of :class:`~planner.tui.app.EditorApp`."""

    view: str | None = None
    _forms_stale = False
    _follow_timer = None

    @property
    def view_pane(self) -> ViewPane | None:
        found = self.query(ViewPane)
        return found.first() if found else None

    async def action_view(self, name: str) -> None:
        """Show view ``name``; its own key again (or Escape on the view) goes back to the forms."""
        if self.session is None or name not in VIEWS:
            return
        if self.view == name:
            await self.leave_view()
            return
        old = self.view_pane
        self.view = name
        pane = ViewPane(name)
        await self.query_one("#main").mount(pane, before=self.live)
        view = pane.view
        view.focus()  # before the focused widget is hidden or removed, so focus does not wander
        if old is not None:
            await old.remove()
        self.view_layout(True)
        view.rebuild()
        key = self.form.key
        if key and hasattr(view, "show"):
            view.show(key)
        self.call_after_refresh(view.focus)  # Textual moves focus off hidden widgets after the layout
        self.live.following(True)
        view.moved()

    def view_layout(self, on: bool) -> None:
        """The view in the navigator's and form's place: inline styles on those three widgets only.

        A class on the screen would restyle every widget of the form (measured: over a second on a
        big chart); ``display`` and the grid's own styles touch nothing else.
        """
        main = self.query_one("#main")
        self.navigator.display = self.form.display = not on
        if not on:
            for rule in ("grid_size_columns", "grid_size_rows", "grid_columns", "grid_rows"):
                main.styles.clear_rule(rule)
            return
        if self.size.width < 110:  # narrow: the view above a short live panel
            main.styles.grid_size_columns, main.styles.grid_size_rows = 1, 2
            main.styles.grid_columns, main.styles.grid_rows = "1fr", "1fr 8"
        else:
            main.styles.grid_size_columns, main.styles.grid_size_rows = 2, 1
            main.styles.grid_columns, main.styles.grid_rows = "1fr 40", "1fr"

    async def leave_view(self, key: str | None = None) -> None:
        """Back to the navigator and the form (on ``key`` when given)."""
        pane = self.view_pane
        self.view = None
        self.live.following(False)
        if pane is not None:
            await pane.remove()
        self.view_layout(False)
        if self._forms_stale:
            self._forms_stale = False
            self.navigator.rebuild()
        target = key or self.form.key
        if target and (target == "chart" or target.startswith("answer:") or self.session.get(target) is not None):
            await self.go_to(target)
        else:
            await self.form.show(None)
            self.navigator.focus()

    async def view_changed(self, command) -> None:
        """After an edit, undo or redo while a view is shown: redraw it, the cursor on what changed."""
        self._forms_stale = True
        pane = self.view_pane
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

    def view_moved(self, text: str) -> None:
        """The view's cursor moved: its status line now, the live panel once the keys pause."""
        pane = self.view_pane
        if pane is None:
            return
        pane.view.set_status(text)
        if self._follow_timer is not None:
            self._follow_timer.stop()
        self._follow_timer = self.set_timer(FOLLOW_DELAY, self._follow)

    def _follow(self) -> None:
        """The live panel on the capability under the cursor (or the cursor's line in words)."""
        self._follow_timer = None
        pane = self.view_pane
        if pane is None:
            return
        cap = pane.view.selected_capability()
        self.live.follow(self._follow_text(cap) if cap is not None else escape(pane.view.status_text))

    def view_live_changed(self) -> None:
        """New problems and levels came in: the gap glow and the panel's capability summary follow at once."""
        pane = self.view_pane
        if pane is not None:
            pane.view.refresh()
            self._follow()

    def _follow_text(self, cap) -> str:
        """The capability's accountabilities, and the unmet criteria and problems that name it."""
        get = self.session.get

        def names(ids) -> str:
            return ", ".join(escape(get(i).name if get(i) else i) for i in ids) or "-"

        lines = [f"[b]{escape(cap.name)}[/b] [dim]{escape(cap.id)}, {cap.area}[/dim]",
                 f"A {names([cap.accountable] if cap.accountable else [])}",
                 f"R {names(cap.responsible)}"]
        if cap.consulted or cap.informed:
            lines.append(f"C {names(cap.consulted)}  I {names(cap.informed)}")
        if cap.contributors:
            lines.append(f"contributors {names(cap.contributors)}")
        lines.append(f"uses {names([*cap.systems, *cap.data])}")
        state = self.live_state
        gaps = state.maturity.gap_elements.get(cap.id, []) if state is not None and state.maturity else []
        if gaps:
            lines.append(f"[yellow]unmet: {escape(', '.join(g.split('.', 1)[-1] for g in gaps[:4]))}[/yellow]")
        problems = [p for p in (state.problems if state else []) if p.id == cap.id]
        lines += [f"[red]{escape(p.message)}[/red]" for p in problems[:2]]
        return "\n".join(lines)
