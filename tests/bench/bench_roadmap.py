"""Benchmark: planning synthetic catalogs, beside the lower bound and, when installed, TaskJuggler.

Run: ``python tests/bench/bench_roadmap.py`` (``--quick`` skips the sweep, ``--tj3-1000`` also
gives TaskJuggler the 1,000-solution catalog, which takes it minutes).

Targets (issue 4): 1,000 solutions with random acyclic prerequisites and a team of 20
planned in at most 2 s, makespan at most 5% above the lower bound; TaskJuggler took
about 10 s and landed 11% above the bound on 194 tasks (../shared/MEASURED.md).
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import report

from planner.roadmap.model import Constraints, Roadmap, Target
from planner.roadmap.sequence import plan_gaps
from planner.roadmap.synthetic import synthetic_catalog
from planner.roadmap.tjp import to_tjp

START = dt.date(2025, 1, 6)


def timed_plan(catalog, gaps, capacity: float, repeats: int = 3):
    """Best of ``repeats`` wall times (the machine is shared), and the plan."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = plan_gaps(gaps, catalog, Constraints(capacity=capacity, start=START))
        best = min(best, time.perf_counter() - t0)
    return best, result


def classic(bound) -> float:
    return max(bound.critical_path, bound.effort)


def as_roadmap(seq, capacity: float) -> Roadmap:
    return Roadmap(chart="synthetic", model="synthetic", model_name="Synthetic", target=Target(5),
                   target_name="level 5", current_level=1, current_level_name="1", currency="USD",
                   constraints=Constraints(capacity=capacity, start=START), gaps=[], steps=seq.steps,
                   phases=seq.phases, makespan=seq.makespan, lower_bound=seq.lower_bound)


def run_tj3(seq, capacity: float, timeout: float) -> tuple[float, float] | None:
    """TaskJuggler's wall time and makespan (weeks) on the same jobs, or None when it fails."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "bench.tjp"
        project.write_text(to_tjp(as_roadmap(seq, capacity), report="schedule"))
        t0 = time.perf_counter()
        try:
            done = subprocess.run(["tj3", "--no-color", str(project)], cwd=tmp, capture_output=True, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        wall = time.perf_counter() - t0
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
            return None
        with open(Path(tmp) / "schedule.csv", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter=";"))
        end = max(dt.date.fromisoformat(r["End"]) for r in rows if "." in r["Id"])
        return wall, (end - START).days / 7


def main() -> None:
    args = set(sys.argv[1:])
    catalog, gaps = synthetic_catalog(1000, seed=11, window=1000)
    wall, seq = timed_plan(catalog, gaps, 20)
    b = seq.lower_bound
    edges = sum(len(s.requires) for s in catalog.solutions)
    report("Roadmap: 1,000 synthetic solutions, team of 20", [
        ("prerequisites (catalog)", f"{edges}"),
        ("arrows scheduled (with staged model)", f"{sum(len(s.after) + len(s.staged_after) for s in seq.steps)}"),
        ("plan time (best of 3)", f"{wall:.2f} s  (target <= 2 s)"),
        ("makespan", f"{seq.makespan:g} weeks"),
        ("lower bound", f"{b.value:g} weeks (critical path {b.critical_path:g}, effort/capacity {b.effort:g}, "
                        f"load {b.load:g})"),
        ("above the lower bound", f"{seq.makespan / b.value - 1:.2%}  (target <= 5%)"),
        ("above max(critical path, effort/capacity)", f"{seq.makespan / classic(b) - 1:.2%}"),
    ])
    if "--quick" not in args:
        rows = []
        for window in (30, 100, 200, 1000):
            for seed in (0, 1, 2):
                cat, gp = synthetic_catalog(1000, seed=seed, window=window)
                w, s = timed_plan(cat, gp, 20, repeats=1)
                rows.append((f"window {window:>4}, seed {seed}",
                             f"{w:.2f} s, {s.makespan:g} wk, bound {s.lower_bound.value:g} "
                             f"(+{s.makespan / s.lower_bound.value - 1:.1%}), "
                             f"classic bound {classic(s.lower_bound):g} (+{s.makespan / classic(s.lower_bound) - 1:.1%})"))
        report("Sweep: prerequisites drawn from the previous N solutions (short windows: long chains)", rows)
    if shutil.which("tj3") is None:
        print("\ntj3 not installed: TaskJuggler comparison skipped (apt-get install -y tj3)")
        return
    runs = [(194, 20), (194, 10), (194, 5)] + ([(1000, 20)] if "--tj3-1000" in args else [])
    for n, team in runs:
        cat, gp = synthetic_catalog(n, seed=3, window=n, crews=(1,), max_prerequisites=1)
        w, s = timed_plan(cat, gp, team)
        tj = run_tj3(s, team, timeout=1800)
        bound = s.lower_bound.value
        rows = [("ours", f"{w:.2f} s, makespan {s.makespan:g} weeks, {s.makespan / bound - 1:+.1%} vs bound {bound:g}")]
        if tj:
            rows.append(("tj3", f"{tj[0]:.2f} s, makespan {tj[1]:.1f} weeks, {tj[1] / bound - 1:+.1%} vs bound"))
        else:
            rows.append(("tj3", "failed or timed out"))
        report(f"Side by side with TaskJuggler: {n} solutions, one person each, team of {team}", rows)


if __name__ == "__main__":
    main()
