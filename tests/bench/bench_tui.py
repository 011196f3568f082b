"""Editor benchmark: first usable screen on big synthetic charts, live panel latency after an edit.

Run: ``.venv/bin/python tests/bench/bench_tui.py`` (or ``make bench``). Targets (issue 7):
first usable screen for 10,000 elements <= 1.5 s and for 100,000 <= 5 s; the live
panel current within 200 ms of an edit on 10,000 elements. Chart views: the matrix
drawn within 1 s of F5 on 10,000 elements, a cell edit to the live panel within 200 ms. "Usable" means the chart
is loaded, the navigator shows its groups, the form shows the chart, and keys work.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from common import report, synthetic_path

from planner.tui.app import EditorApp
from planner.tui.core.commands import SetField


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


async def views(path, edits: int = 5) -> dict[str, float | list[float]]:
    """The chart views on a big chart: F5 to the matrix drawn, a cell edit to the live panel current,
    a page down in the matrix, F6 to the org tree drawn, F7 to the lanes drawn."""
    import shutil
    import tempfile

    from planner.tui.widgets.matrix_view import MatrixView

    folder = Path(tempfile.mkdtemp())  # edits on a copy: no recovery file left beside the cached chart
    path = Path(shutil.copy(path, folder / path.name))
    app = EditorApp(path)
    found: dict[str, float | list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.ready or app.live_state is None or (app.model_choice and app.live_state.maturity is None):
            await pilot.pause(0.01)
        start = time.perf_counter()
        await pilot.press("f5")
        while not app.query(MatrixView) or not app.query_one(MatrixView).rows:
            await pilot.pause(0.005)
        await pilot.pause()  # one full render of the view
        found["matrix"] = time.perf_counter() - start
        view = app.query_one(MatrixView)
        found["size"] = (sum(1 for r in view.rows if r.cap), len(view.columns))
        view.go_to_cell(view.rows[len(view.rows) // 2].cap.id or view.rows[1].cap.id, app.session.chart.teams[0].id)
        times = []
        for _ in range(edits):
            start = time.perf_counter()
            await pilot.press("r")
            while app.live_state is None or app.live_state.edits != app.session.stack.edits:
                await pilot.pause(0.005)
            times.append(time.perf_counter() - start)
        found["cell"] = times
        start = time.perf_counter()
        for _ in range(10):
            await pilot.press("pagedown", "right")
            await pilot.pause()
        found["page"] = (time.perf_counter() - start) / 10
        for key, name in (("f6", "org"), ("f7", "lanes")):
            start = time.perf_counter()
            await pilot.press(key)
            while app.view != name or not app.query("#view") or not app.query_one("#view").row_count():
                await pilot.pause(0.005)
            await pilot.pause()
            found[name] = time.perf_counter() - start
    shutil.rmtree(folder, ignore_errors=True)
    return found


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
    seen = asyncio.run(views(path))
    caps, columns = seen["size"]
    rows.append((f"F5 matrix drawn, 10,000 elements ({caps:,} capabilities x {columns:,} columns)",
                 f"{seen['matrix']:.2f} s (target 1 s)"))
    cell = sorted(seen["cell"])
    rows.append(("  cell edit (r) to live panel current", f"median {cell[len(cell) // 2] * 1000:.0f} ms, "
                 f"max {cell[-1] * 1000:.0f} ms (target 200 ms)"))
    rows.append(("  page down + right, redrawn", f"{seen['page'] * 1000:.0f} ms"))
    rows.append(("F6 org tree / F7 lanes drawn, 10,000 elements", f"{seen['org']:.2f} s / {seen['lanes']:.2f} s"))
    report("Editor (planner edit)", rows)


if __name__ == "__main__":
    main()
