"""Core work off the UI thread, with the errors it expects named and the others reported.

Three strategies used to coexist in the editor (thread workers that called back
with ``call_from_thread``, workers awaited for their result, and exceptions
returned as values), with a blind ``except Exception`` in each. Here there is
one: :meth:`Background.attempt` runs a function in a thread worker and returns
an :class:`Outcome`; :meth:`Background.run` also tells the user why it failed.
An error the caller names as expected (a :class:`~planner.errors.PlannerError`,
an :class:`OSError` where a file is touched) is shown as a notification with its
message. Any other error is a bug: it is shown too, logged with its traceback
and kept in :attr:`Background.unexpected`, which ``run_editor`` prints once the
terminal is restored. The editor never exits on it, so no edit is lost; the
recovery file keeps being written.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual.app import App
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from ...errors import PlannerError
from ...model import Chart

T = TypeVar("T")
Errors = tuple[type[BaseException], ...]

PLANNER_ERRORS: Errors = (PlannerError,)
"""What the core raises for a user's mistake or a refused request."""
FILE_ERRORS: Errors = (PlannerError, OSError)
"""Where a file is read or written: the store's located errors and the operating system's."""

log = logging.getLogger("planner.tui")


@dataclass
class Outcome(Generic[T]):
    """What a background call came to: a value, an error, or cancelled (a newer call replaced it)."""

    value: T | None = None
    error: BaseException | None = None
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.cancelled


class Background:
    """Runs the editor's core work in thread workers of ``app``; reports what goes wrong."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.unexpected: list[BaseException] = []
        """Errors nobody expected, kept for ``run_editor`` to print after the editor closes."""
        self.readers: list[Worker] = []
        """Workers reading the live chart (a save, a snapshot): an edit waits for them."""

    async def attempt(self, work: Callable[[], T], *, group: str, exclusive: bool = False,
                      reads_chart: bool = False) -> Outcome[T]:
        """Run ``work`` in a thread; its value or its error, never raised here.

        ``reads_chart``: the work reads the session's chart itself, so edits wait
        for it (:meth:`settle`).
        """
        worker = self.app.run_worker(work, group=group, exclusive=exclusive, thread=True, exit_on_error=False)
        if reads_chart:
            self.readers.append(worker)
        try:
            return Outcome(await worker.wait())
        except WorkerCancelled:
            return Outcome(cancelled=True)
        except WorkerFailed as failed:
            return Outcome(error=failed.error)
        finally:
            if reads_chart:
                self.readers.remove(worker)

    async def run(self, work: Callable[[], T], *, what: str, expected: Errors = PLANNER_ERRORS, group: str = "tool",
                  exclusive: bool = True, title: str = "", reads_chart: bool = False) -> T | None:
        """Run ``work`` in a thread: its value, or None once the user has been told ``what`` failed and why."""
        outcome = await self.attempt(work, group=group, exclusive=exclusive, reads_chart=reads_chart)
        if outcome.error is not None:
            self.report(outcome.error, what, expected, title)
        return outcome.value

    async def snapshot(self, chart_of: Callable[[], Chart]) -> Chart | None:
        """A deep copy of the chart for a tool to read in a thread; edits wait while it is taken."""
        return await self.run(lambda: chart_of().model_copy(deep=True), what="could not read the chart",
                              group="snapshot", exclusive=False, reads_chart=True)

    async def settle(self) -> None:
        """Wait until no worker reads the live chart (before an edit changes it).

        Their outcome is reported by whoever started them, so it is not looked at here.
        """
        for worker in list(self.readers):
            if not worker.is_finished:
                await _quietly(worker)

    def flow(self, make: Callable[..., Awaitable[Any]], *args: Any, what: str, group: str = "flow",
             exclusive: bool = True) -> Worker:
        """Start an async flow (a dialog sequence) as a worker; an error nobody expected in it is reported."""
        return self.app.run_worker(self._guarded(make, args, what), group=group, exclusive=exclusive,
                                   exit_on_error=False)

    async def _guarded(self, make: Callable[..., Awaitable[Any]], args: tuple, what: str) -> Any:
        try:
            return await make(*args)
        except Exception as error:  # the one boundary for bugs in a flow: reported and logged, the editor goes on
            self.report(error, what, (), "")
            return None

    def report(self, error: BaseException, what: str, expected: Errors, title: str = "") -> None:
        """Tell the user; an unexpected error is also logged with its traceback and kept for the exit."""
        detail = str(error) or type(error).__name__
        message = f"{what}: {detail}" if what else detail
        if isinstance(error, expected):
            self.app.notify(message, title=title, severity="error", timeout=10, markup=False)
            return
        self.unexpected.append(error)
        log.error("%s", what, exc_info=error)
        self.app.notify(f"{message} (an unexpected {type(error).__name__}; details are printed when the editor "
                        f"closes; your edits are kept)", title=title or "Unexpected error", severity="error",
                        timeout=15, markup=False)


async def _quietly(worker: Worker) -> None:
    with contextlib.suppress(WorkerFailed, WorkerCancelled):
        await worker.wait()
