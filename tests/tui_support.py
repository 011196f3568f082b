"""What the headless editor tests share: running async tests, waiting for the editor."""

from __future__ import annotations

import asyncio
import functools


def sync(test):
    """Run an async test with asyncio (no async pytest plugin is installed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


async def started(pilot, levels: bool = False) -> None:
    """Wait until the chart is open; with ``levels``, until the live panel shows the model's levels."""
    app = pilot.app

    def waiting() -> bool:
        if not app.ready:
            return True
        if not levels:
            return False
        return app.live_state is None or (bool(app.model_choice) and app.live_state.maturity is None)

    while waiting():
        await pilot.pause(0.02)
    await pilot.pause()


async def open_view(pilot, key: str, view_class, levels: bool = False):
    """Start the editor, switch to a chart view by its key (F5, F6, F7) and return the focused view."""
    await started(pilot, levels=levels)
    await pilot.press(key)
    await pilot.pause()
    view = pilot.app.query_one(view_class)
    assert pilot.app.focused is view
    return view


async def save(pilot) -> None:
    """ctrl+s, then wait until the save has run and the chart is no longer modified."""
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert not pilot.app.session.modified
