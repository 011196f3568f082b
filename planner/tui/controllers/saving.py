"""Saving and quitting: nothing the user typed is ever lost.

A save runs off the UI thread and edits wait for it (the save never reads a
chart being changed). It checks the file on disk first and asks before
overwriting someone else's edits; it asks again before a save that would lose
comments and formatting, and offers "save as" when the file is read-only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import DiskFullError, ReadOnlyFileError
from ...store.roundtrip import Change, PatchError, SaveOutcome
from ..core.recovery import discard_recovery
from ..screens.dialogs import (
    canonical_dialog,
    external_change_dialog,
    open_form_dialog,
    quit_dialog,
    read_only_dialog,
    replace_dialog,
)
from ..screens.form import FormScreen
from ..screens.picker import PickerScreen
from .background import FILE_ERRORS, Background, Outcome
from .files import FileController

if TYPE_CHECKING:
    from ..app import EditorApp


class SaveController:
    """ctrl+s, save-as when the file is read-only, and quit (asking first when edits are unsaved)."""

    def __init__(self, app: EditorApp, background: Background, files: FileController,
                 flush_pending_edit: Callable[[], Awaitable[None]]) -> None:
        self.app = app
        self.background = background
        self.files = files
        self.flush_pending_edit = flush_pending_edit
        """Commits what is typed in the focused field before a save or a quit."""

    def action_save(self) -> None:
        app = self.app
        if isinstance(app.screen, FormScreen):  # ctrl+s in a form means OK
            app.screen.action_ok()
            return
        if len(app.screen_stack) > 1:
            app.notify("Close the dialog first (Escape), then save.", severity="warning")
            return
        self.background.flow(self._save_flow, what="save failed")

    async def _save_flow(self) -> None:
        session = self.app.session
        if session is None:
            return
        if session.read_only:
            self.app.notify(session.read_only, title="Not saved", severity="error", markup=False)
            return
        await self.flush_pending_edit()
        if session.changed_on_disk():
            answer = await self.app.ask(external_change_dialog(session.path.name))
            if answer == "reload":
                self.files.reload_from_disk()
                return
            if answer != "overwrite":
                self.app.notify("Not saved: the file on disk was left as it is.", severity="warning")
                return
        await self.save(force=True)

    async def save(self, force: bool) -> bool:
        """Write the chart; whether it was written (the user was told either way)."""
        app, session = self.app, self.app.session
        assert session is not None
        changes, at = session.changes(), len(session.stack.done)  # what this save writes, taken on the UI thread
        outcome = await self._run(force, changes, at, canonical=not session.base_text)
        if isinstance(outcome.error, PatchError):  # comments and formatting would be lost: ask first
            if await app.ask(canonical_dialog(session.path.name, str(outcome.error))) != "canonical":
                app.notify("Not saved.", severity="warning")
                return False
            outcome = await self._run(force, changes, at, canonical=True)
        if isinstance(outcome.error, ReadOnlyFileError):
            return await self._save_as()
        if outcome.error is not None or outcome.value is None:
            self._failed(outcome)
            return False
        if not session.modified:  # edits made since are still only in the recovery file
            discard_recovery(session.path)
        app.update_title()
        written = outcome.value
        how = "only the edited parts rewritten" if written.patched else f"rewritten in canonical form ({written.reason})"
        app.notify(f"Saved {session.path.name}: {how}.", title="Saved", markup=False)
        return True

    def _failed(self, outcome: Outcome[SaveOutcome]) -> None:
        error = outcome.error
        if error is None:
            return  # cancelled by a newer save
        if isinstance(error, FILE_ERRORS):
            title = "Disk full: not saved" if isinstance(error, DiskFullError) else "Save failed"
            self.app.notify(str(error), title=title, severity="error", timeout=10, markup=False)
        else:  # a bug: told and logged; the edits stay in the editor and the recovery file
            self.background.report(error, "save failed", (), "Save failed")

    async def _run(self, force: bool, changes: list[Change], at: int, canonical: bool) -> Outcome[SaveOutcome]:
        session = self.app.session
        assert session is not None
        return await self.background.attempt(
            lambda: session.save(force=force, changes=changes, at=at, canonical=canonical),
            group="save", exclusive=True, reads_chart=True)

    async def _save_as(self) -> bool:
        """The file is read-only: offer to save the chart under another name, which it then keeps."""
        app, session = self.app, self.app.session
        assert session is not None
        if await app.ask(read_only_dialog(session.path.name)) != "save_as":
            app.notify("Not saved.", severity="warning")
            return False
        stem = session.path.with_suffix("")
        suggestion = (f"{stem}-copy.yaml", f"{stem.name}-copy.yaml")
        answer = await app.ask(PickerScreen("Save as (type a path, or pick)", [suggestion], allow_new=True))
        target = Path(answer).expanduser() if answer else None
        if target is not None and target.exists() and await app.ask(replace_dialog(target.name)) != "replace":
            target = None
        if target is None:
            app.notify("Not saved.", severity="warning")
            return False
        old, session.path = session.path, target
        if await self.save(force=True):
            discard_recovery(old)
            return True
        session.path = old
        return False

    def action_quit(self) -> None:
        self.background.flow(self._quit_flow, what="quit")

    async def _quit_flow(self) -> None:
        app, session = self.app, self.app.session
        forms = [s for s in app.screen_stack if isinstance(s, FormScreen) and s.has_changes()]
        if forms and await app.ask(open_form_dialog(forms[-1].title_text)) != "discard":
            return
        if session is None or not session.modified:
            if session is not None and not self.files.keep_recovery:
                discard_recovery(session.path)
            app.exit()
            return
        await self.flush_pending_edit()
        answer = await app.ask(quit_dialog(session.path.name))
        if answer == "save":
            if session.changed_on_disk():
                answer = await app.ask(external_change_dialog(session.path.name))
                if answer == "reload":
                    self.files.reload_from_disk()
                if answer != "overwrite":
                    return
            if await self.save(force=True):
                app.exit()
        elif answer == "discard":
            self.files.stop_recovery()
            discard_recovery(session.path)
            app.exit()
