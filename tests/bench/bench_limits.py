"""Benchmark: hostile sizes (issue 13). A 100 MB chart is checked in time linear in its size, or refused.

Target: ``planner check`` on the 750,000-element synthetic chart (about 105 MB,
under the 200 MB default limit) takes at most twice the time per 100,000
elements that the 100,000-element chart takes; with a lower size limit the
same file is refused at once. Also: the cost of screening the text before
parsing, and a 10 MB name refused by the text limit instead of wrapping for
a minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, report, synthetic_path

from planner.store import Limits, parse_chart
from planner.store.screen import screen

PEAK = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak resident memory (MB) and exit code of one child process."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PEAK, *cmd], check=True, capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, **(env or {})})
    code, peak = out.stdout.split()
    return time.perf_counter() - start, int(peak) / 1024, int(code)


def best_of(cmd: list[str], repeat: int, env: dict | None = None) -> tuple[float, float, int]:
    runs = [run(cmd, env) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2]


def main() -> None:
    check = [sys.executable, "-m", "planner", "check", "-q"]
    small, big = synthetic_path(100_000), synthetic_path(750_000)
    t_small, m_small, _ = best_of(check + [str(small)], 3)
    t_big, m_big, code = best_of(check + [str(big)], 2)
    per_small, per_big = t_small, t_big / 7.5
    t_refused, m_refused, refused_code = best_of(check + [str(big)], 3, {"PLANNER_MAX_FILE_SIZE": "50MB"})
    report(f"planner check, 100,000 vs 750,000 elements ({os.path.getsize(big) / 1e6:.0f} MB)", [
        ("100,000 elements (s)", f"{t_small:.2f}   peak {m_small:.0f} MB"),
        ("750,000 elements (s)", f"{t_big:.2f}   peak {m_big:.0f} MB   exit {code}"),
        ("per 100,000 elements, big / small", f"{per_big / per_small:.2f}x   target <= 2x (linear)"),
        ("same file over a 50 MB limit (s)", f"{t_refused:.2f}   peak {m_refused:.0f} MB   exit {refused_code}"),
    ])

    text = small.read_text(encoding="utf-8")
    start = time.perf_counter()
    screen(text, Limits())
    screened = time.perf_counter() - start
    start = time.perf_counter()
    parse_chart(text)
    parsed = time.perf_counter() - start
    report("screening the text before parsing, 100,000 elements", [
        ("screen (s)", f"{screened:.3f}"),
        ("whole check in process (s)", f"{parsed:.2f}"),
        ("share of the check", f"{screened / parsed:.1%}"),
    ])

    with tempfile.TemporaryDirectory() as folder:
        chart = Path(folder) / "long-name.yaml"
        chart.write_text("version: 1\nchart: {name: T}\npeople:\n  - {id: a, name: " + "x" * 10_000_000 + "}\n")
        wall, peak, code = best_of([sys.executable, "-m", "planner", "assess", str(chart)], 3)
    report("assess, a 10 MB name without spaces (was 76 s of text wrapping)", [
        ("refused by the text limit (s)", f"{wall:.2f}   peak {peak:.0f} MB   exit {code}"),
    ])


if __name__ == "__main__":
    main()
