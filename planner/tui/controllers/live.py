"""The live panel's data: the chart's problems and maturity, recomputed off the UI thread after each edit.

One pass at a time: edits made while a pass computes are picked up by the same
flow when it finishes (never a queue of stale passes). A pass reads the live
chart, not a copy: copying a chart of 100,000 elements after every keystroke
would cost more than the assessment. An edit made meanwhile can make a pass
fail; the flow then simply goes round again. A pass that fails with no edit
meanwhile is a bug: the panel says so, and the user is told once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...errors import Problem
from ...model import Chart
from ..core.live import LiveState, compute, default_model
from .background import Background

if TYPE_CHECKING:
    from ..app import EditorApp


class LiveController:
    """Owns the live panel's model choice and its latest state; the app shows them."""

    def __init__(self, app: EditorApp, background: Background, shown: Callable[[LiveState], None]) -> None:
        self.app = app
        self.background = background
        self.shown = shown
        """Called on the UI thread with each current state (the panel, and a chart view's glow, follow)."""
        self.model: str | None = default_model()
        """The maturity model of the live panel (``engagement`` at start); kept while the editor runs."""
        self.state: LiveState | None = None
        self.seconds = 0.0
        """How long the last pass took (the benchmark reads it)."""
        self._running = False
        self._known: list[Problem] | None = None
        self._reported: set[str] = set()

    def refresh(self, known_problems: list[Problem] | None = None) -> None:
        """Bring the live panel up to date, off the UI thread.

        ``known_problems``: the problems of the chart as it is now (those found
        while loading), so only the maturity part is computed.
        """
        if self.app.session is None:
            return
        self._known = known_problems
        if not self._running:
            self._running = True
            self.background.flow(self._flow, what="live panel", group="live", exclusive=False)

    def choose(self, name: str | None) -> None:
        """The panel's model selector changed: levels and gaps of ``name`` (None: problems only)."""
        if name != self.model:
            self.model = name
            self.refresh()

    async def _flow(self) -> None:
        try:
            while await self._one_pass():
                pass
        finally:
            self._running = False

    async def _one_pass(self) -> bool:
        """Compute once; whether to go round again (the chart or the model changed meanwhile)."""
        session, model = self.app.session, self.model
        if session is None:
            return False
        edits, known = session.stack.edits, self._known
        self._known = None
        outcome = await self.background.attempt(lambda: self._compute(session.chart, edits, model, known), group="live")
        if outcome.cancelled:
            return False
        state = outcome.value
        if outcome.error is not None:
            if session.stack.edits != edits:
                return True  # the chart changed under the pass: compute again on the new one
            state = LiveState(edits, known or [], note=f"assessment failed: {outcome.error}")
            if str(outcome.error) not in self._reported:  # told once, not after every edit
                self._reported.add(str(outcome.error))
                self.background.report(outcome.error, "live panel", ())
        assert state is not None
        self.done(state, model)
        return not (self.app.session is session and session.stack.edits == edits and self.model == model)

    def _compute(self, chart: Chart, edits: int, model: str | None, known: list[Problem] | None) -> LiveState:
        start = time.perf_counter()
        try:
            return compute(chart, edits, model, problems=known)
        finally:
            self.seconds = time.perf_counter() - start

    def done(self, state: LiveState, model: str | None = None) -> None:
        """Show ``state`` if it is still current (same edit count, same model)."""
        session = self.app.session
        if session is not None and state.edits == session.stack.edits and model == self.model:
            self.state = state
            self.shown(state)
