"""A chart on screen: the widgets handed its session, the title kept, the live panel started.

Called when a chart is opened, reloaded from disk or recovered
(:mod:`.files`), and after every edit and save for the title. A chart that
could not be read whole is shown read-only with every problem listed; a chart
just read has its problems already, so only the maturity part of the live
panel is computed (a second check of a big chart would cost seconds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...textfmt import printable
from ..core.live import LiveState
from ..core.session import STRUCTURAL, Session
from ..screens.editor import EditorScreen
from .live import LiveController

if TYPE_CHECKING:
    from ..app import EditorApp


class SessionDisplay:
    """Puts a session on the editor's screen and keeps the title saying whether it is modified."""

    def __init__(self, app: EditorApp, live: LiveController) -> None:
        self.app = app
        self.live = live

    async def show(self, screen: EditorScreen, session: Session) -> None:
        """Put a (newly opened or recovered) session on ``screen``, and fill the live panel."""
        app = self.app
        app.session = session
        await screen.show_session(session)
        self.update_title()
        if session.read_only:  # the screen lists every problem; no assessment of what was read
            app.notify(session.read_only, title="Opened read-only", severity="error", timeout=15, markup=False)
        elif session.stack.edits or not session.base_text:
            self.live.refresh()
        else:  # the problems found while loading are current: show them now, no second check of a big chart
            known = [p for p in session.load_problems if p.code not in STRUCTURAL]
            self.live.done(LiveState(session.stack.edits, known), self.live.model)
            if self.live.model:
                app.live.assessing()
                self.live.refresh(known)  # only the maturity part, in a worker
        app.ready = True

    def update_title(self) -> None:
        """``name.yaml [modified]`` (or ``[new: not saved yet]``); ``(read-only)`` beside ``planner edit``."""
        app, session = self.app, self.app.session
        if session is None:
            return
        mark = " [modified]" if session.modified else " [new: not saved yet]" if session.new_file else ""
        app.title = printable(f"{session.path.name}{mark}")
        app.sub_title = "planner edit" + (" (read-only)" if session.read_only else "")
