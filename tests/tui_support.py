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
