"""Render benchmark: ``python tests/bench/bench_render.py [--quick]`` (``make bench``).

Prints, per view:
- on the 2,000-element synthetic chart: our time (DOT text + writing the SVG through
  the graphviz package) against ``dot -Tsvg`` alone on the same DOT, and the
  overhead ratio (target: at most 10% beyond dot);
- on the 100,000-element chart: the whole ``planner render`` command, wall time
  (target: at most 15 s), split into loading, building the graph, DOT text and dot.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report, synthetic_path, timed

from planner.graph import build_graph
from planner.render import VIEWS, to_dot, write_diagram
from planner.store import load_chart

REPEAT = 3


def best_of(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def dot_alone(dot_file: Path) -> float:
    """``dot -Tsvg`` on a DOT file, writing the SVG beside it (best of a few runs)."""
    out = dot_file.with_suffix(".dot-alone.svg")
    return best_of(lambda: subprocess.run(["dot", "-Tsvg", str(dot_file), "-o", str(out)], check=True))


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
    graph = build_graph(load_chart(synthetic_path(2000)))
    rows = []
    for view in VIEWS:
        text = to_dot(graph, view)
        dot_file = folder / f"{view}.dot"
        dot_file.write_text(text, encoding="utf-8")
        # dot alone writes the same SVG file that ours writes: the same work, minus ours
        baseline, ours = interleaved(
            lambda dot_file=dot_file, view=view: subprocess.run(
                ["dot", "-Tsvg", str(dot_file), "-o", str(folder / f"{view}-dot.svg")], check=True),
            lambda view=view: write_diagram(to_dot(graph, view), folder / f"{view}.svg"),
        )
        to_dot_time = best_of(lambda view=view: to_dot(graph, view))
        nodes = len(re.findall(r"^\s*n\d+ \[", text, re.M))
        rows.append((f"{view} ({nodes} nodes)",
                     f"dot alone {baseline:6.3f} s   ours {ours:6.3f} s   to_dot {to_dot_time:6.3f} s   "
                     f"overhead {100 * (ours - baseline) / baseline:+5.1f}%"))
    report("2,000-element chart: to_dot + write_diagram vs dot -Tsvg on the same DOT", rows)


def bench_100k(folder: Path) -> None:
    path = synthetic_path(100_000)
    parts: dict[str, float] = {}
    with timed(parts, "load"):
        chart = load_chart(path)
    with timed(parts, "graph"):
        graph = build_graph(chart)
    rows = [("load chart (store)", f"{parts['load']:.2f} s"), ("build graph", f"{parts['graph']:.2f} s")]
    planner = shutil.which("planner") or str(Path(sys.executable).with_name("planner"))
    for view in VIEWS:
        with timed(parts, view):
            text = to_dot(graph, view)
        dot_file = folder / f"big-{view}.dot"
        dot_file.write_text(text, encoding="utf-8")
        dot_time = dot_alone(dot_file) if view else 0.0
        start = time.perf_counter()
        subprocess.run([planner, "render", str(path), "--view", view, "-o", str(folder / f"big-{view}.svg")],
                       check=True, capture_output=True)
        total = time.perf_counter() - start
        rows.append((f"{view}", f"command {total:5.2f} s (target 15)   to_dot {parts[view]:.2f} s   dot {dot_time:.2f} s"))
    report("100,000-element chart: planner render, wall time", rows)


def main() -> None:
    if not shutil.which("dot"):
        print("dot is not installed: apt-get install graphviz")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_2000(folder)
        if "--quick" not in sys.argv:
            bench_100k(folder)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
