"""Benchmark: ``planner check`` on synthetic charts of 1,000 / 10,000 / 100,000 elements.

Side by side with the naive pipeline (PyYAML CSafeLoader + the same pydantic
model) on the same file, each in its own process so start-up, parsing,
validation and peak memory are all counted. Targets (issue 2): at least 5x faster
than naive on 100,000 elements, peak memory at most 1.5 GB; time at most 2 s (issue 2),
then 1.0 s (issue 14). ``bench_render.py`` runs check side by side with every view.
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


if __name__ == "__main__":
    main()
