"""Opening, recovering and reloading a chart; the recovery file written shortly after each edit.

Loading runs off the UI thread; the screen stays live. A recovery file is
written a moment after the last edit (debounced) and removed after a save or a
deliberate discard, so nothing the user typed is ever lost.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual.timer import Timer

from ...errors import PlannerError
from ..core.recovery import Recovery, discard_recovery, find_recovery, recover, write_recovery
from ..core.session import Session
from ..screens.dialogs import recovery_dialog
from .background import FILE_ERRORS, Background

if TYPE_CHECKING:
    from ...store.templates import Answers
    from ..app import EditorApp

RECOVER_ERRORS = (PlannerError, OSError, ValueError)
"""Why recovered edits may not apply: an unreadable recovery file, an edit the chart now refuses."""


class FileController:
    """Load, recover, reload; the debounced recovery write after every edit."""

    def __init__(self, app: EditorApp, background: Background, recovery_delay: float) -> None:
        self.app = app
        self.background = background
        self.recovery_delay = recovery_delay
        self.keep_recovery = False
        """The recovery dialog was cancelled: a clean quit keeps the file so it is offered again."""
        self._recovery_timer: Timer | None = None

    def start_loading(self, path: Path | None) -> None:
        self.background.flow(self._load_flow, path, what="cannot open the chart", group="load")

    async def _load_flow(self, path: Path | None) -> None:
        answers = self.app.new_answers
        outcome = await self.background.attempt(lambda: _open(path, answers), group="load-file", exclusive=True)
        error = outcome.error
        if error is not None:  # a message and exit code 2, never a traceback
            if not isinstance(error, FILE_ERRORS):
                self.background.report(error, "cannot open the chart", ())
            text = str(error) if isinstance(error, PlannerError) else repr(error)
            self.app.exit(message=f"planner edit: cannot open: {text}", return_code=2)
            return
        if outcome.value is None:
            return
        session, found = outcome.value
        await self.app.show_session(session)
        if found is not None:
            self.background.flow(self._offer_recovery, session, found, what="recovery failed")

    async def _offer_recovery(self, session: Session, found: Recovery) -> None:
        answer = await self.app.ask(recovery_dialog(session.path.name, found.written, found.base_matches))
        if answer == "recover":
            try:
                await self.app.show_session(recover(session, found))
            except RECOVER_ERRORS as exc:
                self.keep_recovery = True
                self.app.notify(f"Could not recover: {exc}", severity="error", markup=False)
                return
            self.app.notify("Recovered the unsaved edits; save with ctrl+s.", title="Recovered")
        elif answer == "discard":  # only a deliberate discard deletes it
            discard_recovery(session.path)
        else:  # cancelled: kept, and offered again next time
            self.keep_recovery = True

    def reload_from_disk(self) -> None:
        """Open the file as it is on disk now, dropping the unsaved edits (the user chose to)."""
        session = self.app.session
        if session is None:
            return
        self.stop_recovery()
        discard_recovery(session.path)
        self.app.chart_path, self.app.ready = session.path, False
        self.app.notify(f"Reloading {session.path.name} from disk; the unsaved edits are dropped.", markup=False)
        self.start_loading(session.path)

    # --- after every edit ----------------------------------------------------------------

    def edited(self) -> None:
        """Title, live panel and a debounced recovery write follow every edit, undo and redo."""
        self.app.update_title()
        self.app.refresh_live()
        self.stop_recovery()
        self._recovery_timer = self.app.set_timer(self.recovery_delay, self._write_recovery)

    def stop_recovery(self) -> None:
        """No pending recovery write (the edits were saved, discarded or dropped)."""
        if self._recovery_timer is not None:
            self._recovery_timer.stop()

    def _write_recovery(self) -> None:
        session = self.app.session
        if session is not None and session.modified and not session.read_only:
            self.background.flow(self._recovery_flow, session, what="could not write the recovery file",
                                 group="recovery-flow")

    async def _recovery_flow(self, session: Session) -> None:
        # the editor goes on when the file cannot be written; the user is told why
        await self.background.run(lambda: write_recovery(session), what="could not write the recovery file",
                                  expected=FILE_ERRORS, group="recovery", reads_chart=True)


def _open(path: Path | None, answers: Answers | None) -> tuple[Session, Recovery | None]:
    """The session and, if one is there, its recovery file (a new, never-saved chart has one too)."""
    session = Session.open(path, answers)
    gc.freeze()  # the chart's objects live as long as the editor: keep the collector off them
    try:
        found = find_recovery(session.path)
    except OSError:  # a recovery file that cannot be read is not offered
        found = None
    return session, found
