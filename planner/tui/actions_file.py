"""Opening, saving, recovering and quitting: nothing the user typed is ever lost.

Loading and saving run in thread workers; the screen stays live. Saves check
the file on disk first and ask before overwriting someone else's edits. A
recovery file is written a moment after the last edit (debounced) and removed
after a save or a deliberate discard.
"""

from __future__ import annotations

import gc
from pathlib import Path

from textual import work
from textual.worker import get_current_worker

from ..errors import DiskFullError, PlannerError, ReadOnlyFileError
from ..store.roundtrip import PatchError
from .core.recovery import discard_recovery, find_recovery, recover, write_recovery
from .core.session import Session
from .screens.dialogs import (
    canonical_dialog,
    external_change_dialog,
    open_form_dialog,
    quit_dialog,
    read_only_dialog,
    recovery_dialog,
    replace_dialog,
)
from .screens.picker import PickerScreen


class FileActions:
    """Mixin of :class:`~planner.tui.app.EditorApp`: load, save, recovery, quit."""

    _recovery_timer = None
    _recovery_written_at = -1
    _running_save = None
    _keep_recovery = False
    """The recovery dialog was cancelled: a clean quit keeps the file so it is offered again."""

    def start_loading(self) -> None:
        self._load_worker()

    @work(thread=True, exclusive=True, group="load")
    def _load_worker(self) -> None:
        try:
            session = Session.open(self.chart_path)
            gc.freeze()  # the chart's objects live as long as the editor: keep the collector off them
        except Exception as exc:  # PlannerError, or anything unexpected: a message, not a traceback
            self.call_from_thread(self._load_failed, str(exc) if isinstance(exc, PlannerError) else repr(exc))
            return
        try:
            found = find_recovery(session.path)  # a new, never-saved chart has one too
        except Exception:
            found = None
        self.call_from_thread(self._loaded, session, found)

    def _load_failed(self, message: str) -> None:
        self.exit(message=f"planner edit: cannot open: {message}", return_code=2)

    async def _loaded(self, session: Session, found) -> None:
        await self.show_session(session)
        if found is not None:
            self._offer_recovery(session, found)

    @work(exclusive=True, group="flow")
    async def _offer_recovery(self, session: Session, found) -> None:
        answer = await self.ask(recovery_dialog(session.path.name, found.written, found.base_matches))
        if answer == "recover":
            try:
                await self.show_session(recover(session, found))
            except Exception as exc:
                self._keep_recovery = True
                self.notify(f"Could not recover: {exc}", severity="error", markup=False)
                return
            self.notify("Recovered the unsaved edits; save with ctrl+s.", title="Recovered")
        elif answer == "discard":  # only a deliberate discard deletes it
            discard_recovery(session.path)
        else:  # cancelled: kept, and offered again next time
            self._keep_recovery = True

    async def ask(self, screen):
        """Show a dialog and wait for its answer (only from a worker, as Textual requires)."""
        return await self.push_screen_wait(screen)

    # --- after every edit ----------------------------------------------------------------

    def edited(self) -> None:
        """Title, live panel and a debounced recovery write follow every edit, undo and redo."""
        self.update_title()
        self.refresh_live()
        if self._recovery_timer is not None:
            self._recovery_timer.stop()
        self._recovery_timer = self.set_timer(self.recovery_delay, self._write_recovery)

    def _write_recovery(self) -> None:
        if self.session is not None and self.session.modified and not self.session.read_only:
            self._recovery_worker(self.session.stack.edits)

    @work(thread=True, exclusive=True, group="recovery")
    def _recovery_worker(self, edits: int) -> None:
        try:
            write_recovery(self.session)
            self._recovery_written_at = edits
        except Exception as exc:  # the editor goes on; the user is told once
            self.call_from_thread(self.notify, f"could not write the recovery file: {exc}", severity="warning",
                                  markup=False)

    # --- save ---------------------------------------------------------------------------

    def action_save(self) -> None:
        from .screens.form import FormScreen

        if isinstance(self.screen, FormScreen):  # ctrl+s in a form means OK
            self.screen.action_ok()
            return
        if len(self.screen_stack) > 1:
            self.notify("Close the dialog first (Escape), then save.", severity="warning")
            return
        self._save_flow()

    @work(exclusive=True, group="flow")
    async def _save_flow(self) -> None:
        if self.session is None:
            return
        if self.session.read_only:
            self.notify(self.session.read_only, title="Not saved", severity="error", markup=False)
            return
        await self.flush_pending_edit()
        if self.session.changed_on_disk():
            answer = await self.ask(external_change_dialog(self.session.path.name))
            if answer != "overwrite":
                self.notify("Not saved: the file on disk was left as it is.", severity="warning")
                return
        await self._save(force=True)

    async def wait_for_save(self) -> None:
        """Hold an edit until a running save is written: the save worker never reads a chart being changed."""
        await self.background.settle()  # a tool taking its copy of the chart
        for worker in (self._running_save,):
            if worker is not None and not worker.is_finished:
                try:
                    await worker.wait()
                except Exception:  # its outcome is reported by the flow that started it
                    pass

    async def _save(self, force: bool) -> bool:
        session = self.session
        changes, at = session.changes(), len(session.stack.done)  # what this save writes, taken on the UI thread
        outcome = await self._run_save(force, changes, at, canonical=not session.base_text)
        if isinstance(outcome, PatchError):  # comments and formatting would be lost: ask first
            answer = await self.ask(canonical_dialog(session.path.name, str(outcome)))
            if answer != "canonical":
                self.notify("Not saved.", severity="warning")
                return False
            outcome = await self._run_save(force, changes, at, canonical=True)
        if isinstance(outcome, ReadOnlyFileError):
            return await self._save_as()
        if isinstance(outcome, Exception):
            title = "Disk full: not saved" if isinstance(outcome, DiskFullError) else "Save failed"
            self.notify(str(outcome), title=title, severity="error", timeout=10, markup=False)
            return False
        if not session.modified:  # edits made since are still only in the recovery file
            discard_recovery(session.path)
        self.update_title()
        how = "only the edited parts rewritten" if outcome.patched else f"rewritten in canonical form ({outcome.reason})"
        self.notify(f"Saved {session.path.name}: {how}.", title="Saved", markup=False)
        return True

    async def _save_as(self) -> bool:
        """The file is read-only: offer to save the chart under another name, which it then keeps."""
        session = self.session
        if await self.ask(read_only_dialog(session.path.name)) != "save_as":
            self.notify("Not saved.", severity="warning")
            return False
        stem = session.path.with_suffix("")
        suggestion = (f"{stem}-copy.yaml", f"{stem.name}-copy.yaml")
        answer = await self.ask(PickerScreen("Save as (type a path, or pick)", [suggestion], allow_new=True))
        target = Path(answer).expanduser() if answer else None
        if target is not None and target.exists() and await self.ask(replace_dialog(target.name)) != "replace":
            target = None
        if target is None:
            self.notify("Not saved.", severity="warning")
            return False
        old, session.path = session.path, target
        if await self._save(force=True):
            discard_recovery(old)
            return True
        session.path = old
        return False

    async def _run_save(self, force: bool, changes, at: int, canonical: bool):
        worker = self._save_worker(force, changes, at, canonical)
        self._running_save = worker
        try:
            await worker.wait()
            return worker.result
        except Exception as exc:
            return exc

    @work(thread=True, exclusive=True, group="save")
    def _save_worker(self, force: bool, changes, at: int, canonical: bool):
        get_current_worker()
        try:
            return self.session.save(force=force, changes=changes, at=at, canonical=canonical)
        except Exception as exc:  # reported, never an exit of the editor
            return exc

    # --- quit ---------------------------------------------------------------------------

    async def action_quit(self) -> None:
        self._quit_flow()

    @work(exclusive=True, group="flow")
    async def _quit_flow(self) -> None:
        from .screens.form import FormScreen

        forms = [s for s in self.screen_stack if isinstance(s, FormScreen) and s.has_changes()]
        if forms and await self.ask(open_form_dialog(forms[-1].title_text)) != "discard":
            return
        if self.session is None or not self.session.modified:
            if self.session is not None and not self._keep_recovery:
                discard_recovery(self.session.path)
            self.exit()
            return
        await self.flush_pending_edit()
        answer = await self.ask(quit_dialog(self.session.path.name))
        if answer == "save":
            if self.session.changed_on_disk():
                if await self.ask(external_change_dialog(self.session.path.name)) != "overwrite":
                    return
            if await self._save(force=True):
                self.exit()
        elif answer == "discard":
            if self._recovery_timer is not None:
                self._recovery_timer.stop()
            discard_recovery(self.session.path)
            self.exit()

