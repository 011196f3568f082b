"""Editor benchmark: first usable screen on big synthetic charts, live panel latency after an edit.

Run: ``.venv/bin/python tests/bench/bench_tui.py`` (or ``make bench``). Targets (issue 7):
first usable screen for 10,000 elements <= 1.5 s and for 100,000 <= 5 s; the live
panel current within 200 ms of an edit on 10,000 elements. "Usable" means the chart
is loaded, the navigator shows its groups, the form shows the chart, and keys work.
"""

from __future__ import annotations

import asyncio
import sys
import time

from common import report, synthetic_path  # noqa: E402  (adds the repo to sys.path)

from planner.tui.app import EditorApp  # noqa: E402
from planner.tui.core.commands import SetField  # noqa: E402


async def first_screen(path) -> tuple[float, float, float]:
    """Seconds to the first usable screen, to a key answered after it, and to the live panel's levels."""
    start = time.perf_counter()
    app = EditorApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.ready:
            await pilot.pause(0.01)
        await pilot.pause()  # one full render of the screen
        elapsed = time.perf_counter() - start
        await pilot.press("down", "enter")  # open a group: the screen answers keys while the levels are computed
        await pilot.pause()
        answered = time.perf_counter() - start
        while app.live_state is None or (app.model_choice and app.live_state.maturity is None):
            await pilot.pause(0.01)
        return elapsed, answered, time.perf_counter() - start


async def live_latency(path, edits: int = 5) -> list[float]:
    app = EditorApp(path)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.ready or app.live_state is None:
            await pilot.pause(0.01)
        person = app.session.chart.people[len(app.session.chart.people) // 2]
        for n in range(edits):
            start = time.perf_counter()
            await app.apply_command(SetField(person, "title", f"Title {n}"))
            while app.live_state is None or app.live_state.edits != app.session.stack.edits:
                await pilot.pause(0.005)
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    rows = []
    for n in sizes:
        path = synthetic_path(n)
        seconds, answered, levels = asyncio.run(first_screen(path))
        target = 1.5 if n <= 10_000 else 5.0
        rows.append((f"first usable screen, {n:,} elements", f"{seconds:.2f} s (target {target} s)"))
        rows.append(("  a key answered after it / levels shown", f"{answered:.2f} s / {levels:.2f} s"))
    path = synthetic_path(10_000)
    times = asyncio.run(live_latency(path))
    rows.append(("live panel after an edit, 10,000 elements (problems + engagement levels)",
                 f"median {sorted(times)[len(times) // 2] * 1000:.0f} ms, max {max(times) * 1000:.0f} ms (target 200 ms)"))
    report("Editor (planner edit)", rows)


if __name__ == "__main__":
    main()
