"""Benchmark: ``planner check`` on synthetic charts of 1,000 / 10,000 / 100,000 elements.

Side by side with the naive pipeline (PyYAML CSafeLoader + the same pydantic
model) on the same file, each in its own process so start-up, parsing,
validation and peak memory are all counted. Targets (issue 2): at least 5x faster
than naive on 100,000 elements, peak memory at most 1.5 GB; time at most 2 s (issue 2),
then 1.0 s (issue 14). ``bench_render.py`` runs check side by side with every view.

At 100,000 elements the CPU time of each step of ``check`` is printed too (one
child process, the steps of :func:`planner.store.charts.parse_chart` one by one),
to show where the time goes: the YAML parser and pydantic's validation take most.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from common import ROOT, report, synthetic_path

NAIVE = """
import sys, yaml
from planner.model import Chart
with open(sys.argv[1], encoding="utf-8") as handle:
    Chart.model_validate(yaml.load(handle, Loader=yaml.CSafeLoader))
"""


PHASES = """
import sys, time
clock = time.process_time
start = 0.0  # process_time counts from the start of the process: the interpreter's start-up is included
import planner.cli.check_cmd
from planner.model import Chart, check_integrity
from planner.perf import paused_gc
from planner.store.charts import read_text
from planner.store.limits import Limits
from planner.store.screen import screen
from planner.store.yaml12 import loads_fast
marks = [("start-up and imports", clock())]
limits = Limits.from_env()
screened = screen(read_text(sys.argv[1], limits), limits)
marks.append(("read and screen the text", clock()))
with paused_gc():
    data = loads_fast(screened.text)
    marks.append(("parse (yaml_rs)", clock()))
    chart = Chart.model_validate(data)
    marks.append(("validate (pydantic)", clock()))
    problems = check_integrity(chart)
    marks.append(("integrity (ids, references, cycles)", clock()))
    del data
    marks.append(("free the parsed data", clock()))
for (name, end), (_, begin) in zip(marks, [("", start), *marks]):
    print(f"{name}\t{end - begin:.3f}")
"""
"""The steps of ``check`` in one child process, CPU seconds each (start-up counted from the first import)."""

PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process (measured by a wrapper)."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PEAK, *cmd], check=True, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    return wall, int(out.stdout.split()[-1]) / 1024


def best_of(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [run(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def phases(path) -> list[tuple[str, str]]:
    """CPU seconds of each step of ``check`` on ``path``, the best of three child processes."""
    best: dict[str, float] = {}
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", PHASES, str(path)], check=True, capture_output=True, text=True,
                             cwd=ROOT).stdout
        for line in out.splitlines():
            name, seconds = line.split("\t")
            best[name] = min(best.get(name, float("inf")), float(seconds))
    return [(f"{name} (CPU s)", f"{seconds:.2f}") for name, seconds in best.items()]


def main() -> None:
    planner = [sys.executable, "-m", "planner", "check", "-q"]
    for size in (1_000, 10_000, 100_000):
        path = synthetic_path(size)
        ours, ours_mem = best_of(planner + [str(path)], 3)
        naive, naive_mem = best_of([sys.executable, "-c", NAIVE, str(path)], 1 if size == 100_000 else 3)
        report(
            f"planner check, {size:,} elements ({os.path.getsize(path) / 1e6:.1f} MB of YAML)",
            [
                ("planner check (s)", f"{ours:.2f}" + ("   target <= 1.0" if size == 100_000 else "")),
                ("naive CSafeLoader + pydantic (s)", f"{naive:.2f}"),
                ("speed-up", f"{naive / ours:.1f}x" + ("   target >= 5x" if size == 100_000 else "")),
                ("peak memory, planner (MB)", f"{ours_mem:.0f}" + ("   target <= 1536" if size == 100_000 else "")),
                ("peak memory, naive (MB)", f"{naive_mem:.0f}"),
            ],
        )
    report("planner check, 100,000 elements: where the time goes", phases(synthetic_path(100_000)))


if __name__ == "__main__":
    main()
