"""Render benchmark: ``python tests/bench/bench_render.py [--quick | --100k]`` (``make bench``).

Prints, per view:
- on the 2,000-element synthetic chart: our time (DOT text + writing the SVG through
  the graphviz package) against ``dot -Tsvg`` alone on the same DOT, and the
  overhead ratio (target: at most 10% beyond dot);
- on the 100,000-element chart: ``planner render`` of each view against ``planner check``
  on the same file, run turn about, and their ratio (issue 14: at most 1.5; check at most
  1.0 s); then where a render's time goes (load, graph tables, scene, drawing, dot).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report, synthetic_path, timed

from planner.cli.render_cmd import with_input
from planner.graph import build_graph
from planner.model import DEFAULT_MODEL
from planner.render import VIEWS, RenderOptions, build_scene, get_view, to_dot
from planner.store import load_chart
from planner.store.diagrams import write_diagram

REPEAT = 3


def best_of(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def interleaved(first, second, repeat: int = 7) -> tuple[float, float]:
    """Best times of two commands run turn about, so that machine load hits both alike."""
    a, b = [], []
    for _ in range(repeat):
        for fn, times in ((first, a), (second, b)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return min(a), min(b)


def bench_2000(folder: Path) -> None:
    chart = load_chart(synthetic_path(2000))
    graph = build_graph(chart)
    rows = []
    for view in VIEWS:
        text = to_dot(graph, view)
        dot_file = folder / f"{view}.dot"
        dot_file.write_text(text, encoding="utf-8")
        # dot alone writes the same SVG file that ours writes: the same work, minus ours
        baseline, ours = interleaved(
            lambda dot_file=dot_file, view=view: subprocess.run(
                ["dot", "-Tsvg", str(dot_file), "-o", str(folder / f"{view}-dot.svg")], check=True),
            lambda view=view: write_diagram(to_dot(chart, view), folder / f"{view}.svg"),  # a new graph: no kept scene
        )
        to_dot_time = best_of(lambda view=view: to_dot(chart, view))
        nodes = len(re.findall(r"^\s*n\d+ \[", text, re.M))
        rows.append((f"{view} ({nodes} nodes)",
                     f"dot alone {baseline:6.3f} s   ours {ours:6.3f} s   to_dot {to_dot_time:6.3f} s   "
                     f"overhead {100 * (ours - baseline) / baseline:+5.1f}%"))
    report("2,000-element chart: to_dot + write_diagram vs dot -Tsvg on the same DOT", rows)


def commands_side_by_side(first: list[str], second: list[str], repeat: int) -> tuple[list[tuple[float, float]], ...]:
    """(wall, cpu) seconds of two commands run turn about (A B A B ...), so that load hits both alike.

    CPU time (user + system, from the kernel's accounting of the finished child) is what a
    loaded machine distorts least; wall time is what a user waits.
    """
    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    for _ in range(repeat):
        for cmd, times in ((first, a), (second, b)):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append((wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
    return a, b


def bench_100k(folder: Path, repeat: int = 3) -> None:
    """Each view's ``planner render`` against ``planner check`` on the same file, side by side.

    Issue 14's bounds: render of any view at most 1.5x check, check at most 1.0 s.
    Ratios are medians of the pairwise ratios, which hold when load drifts.
    """
    path = synthetic_path(100_000)
    planner = shutil.which("planner") or str(Path(sys.executable).with_name("planner"))
    check = [planner, "check", "-q", str(path)]
    rows, checks = [], []
    for view in VIEWS:
        render = [planner, "render", str(path), "--view", view, "-o", str(folder / f"big-{view}.svg")]
        checked, rendered = commands_side_by_side(check, render, repeat)
        checks += checked
        wall = statistics.median(r[0] / c[0] for r, c in zip(rendered, checked))
        cpu = statistics.median(r[1] / c[1] for r, c in zip(rendered, checked))
        rows.append((view, f"render {statistics.median(r[0] for r in rendered):5.2f} s wall, "
                           f"{statistics.median(r[1] for r in rendered):5.2f} s cpu   "
                           f"render/check {wall:4.2f} wall, {cpu:4.2f} cpu   target <= 1.5"))
    rows.insert(0, ("planner check, median of every run", f"{statistics.median(c[0] for c in checks):5.2f} s wall, "
                    f"{statistics.median(c[1] for c in checks):5.2f} s cpu   target <= 1.0"))
    report(f"100,000-element chart: planner render of each view vs planner check, side by side ({repeat} runs each)",
           rows)
    bench_100k_parts(path)


def bench_100k_parts(path: Path) -> None:
    """Where a render's time goes beyond loading the chart, in one process, per view.

    Each view gets a new graph, so it pays for the tables it reads itself: the
    node table (graph), its assessment (input: the heat map, the scorecard and
    the unit grid), the edges it reads, selecting and aggregating (scene), the
    DOT text (draw) and one ``dot`` layout.
    """
    parts: dict[str, float] = {}
    with timed(parts, "load"):
        chart = load_chart(path)
    rows = [("load chart (store)", f"{parts['load']:.2f} s (the same for check)")]
    for name in VIEWS:
        view, graph = get_view(name), build_graph(chart)
        with timed(parts, "graph"):
            if view.relations or view.core & view.kinds:
                graph.nodes  # noqa: B018  (built on first use)
        with timed(parts, "input"):
            options = with_input(graph, name, RenderOptions(), DEFAULT_MODEL)
        with timed(parts, "scene"):
            build_scene(graph, view, options)
        with timed(parts, "draw"):
            text = to_dot(graph, view, options)
        with timed(parts, "dot"):
            subprocess.run(["dot", "-Tsvg", "-o", os.devnull], input=text.encode(), check=True)
        beyond = sum(parts[k] for k in ("graph", "input", "scene", "draw", "dot"))
        rows.append((name, "   ".join(f"{k} {parts[k]:.2f} s" for k in ("graph", "input", "scene", "draw", "dot"))
                     + f"   beyond loading {beyond:.2f} s"))
    report("100,000-element chart: a render's parts, in process (wall seconds; render also lays out a second "
           "time when a picture does not fit a slide)", rows)


def main() -> None:
    if not shutil.which("dot"):
        print("dot is not installed: apt-get install graphviz")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "--100k" not in sys.argv:
            bench_2000(folder)
        if "--quick" not in sys.argv:
            bench_100k(folder)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
