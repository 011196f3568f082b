"""Benchmark of the maturity engine: every built-in model on synthetic charts, load included.

Targets (issue 3 and its performance follow-up), on the 100,000-element synthetic chart:
all built-in models in at most 3 s load included, and the assessment alone in at most
0.5 s; the structural analysis in at most 2.5 s, including the subgraphs it builds from
the chart (data-source components, the numbered work network: no ``build_graph``).
Rules are linear or O(E log V); betweenness (structural analysis, not part of the
models) is sampled above 1,500 nodes with a fixed seed and says so.

Also (issue 11) the assessment time of each built-in model alone at 100,000 elements,
with its own fresh indexes, beside the shared total; and (issue 14) the whole commands
``planner assess CHART`` and ``planner check CHART`` as processes, run turn about, their
medians and the median of the pairwise ratios (target: assess at most 1.4x check).
Run: ``.venv/bin/python tests/bench/bench_maturity.py``.
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from functools import cached_property

from common import ROOT, report, synthetic_path, timed

from planner.maturity import RULES, analyze_structure, assess_all
from planner.maturity.assess import run_rule
from planner.maturity.facts import Facts
from planner.perf import paused_gc
from planner.store import load_chart
from planner.store.library import builtin_models, load_model, load_models

SIZES = (1_000, 10_000, 100_000)
TARGET = 3.0
TARGET_ASSESS = 0.5
TARGET_STRUCTURE = 2.5
TARGET_ASSESS_CHECK = 1.4
PROCESS_RUNS = 5


def per_rule_fresh(chart) -> list[tuple[str, float]]:
    """Seconds per rule, worst parameter set, each with fresh facts (its indexes counted in it)."""
    seen, times = set(), {}
    for name in builtin_models():
        for c in load_model(name).criteria:
            if c.rule and (c.rule, str(c.params)) not in seen:
                seen.add((c.rule, str(c.params)))
                facts = Facts(chart)
                with paused_gc():
                    start = time.perf_counter()
                    run_rule(facts, c.rule, c.params)
                    times[c.rule] = max(times.get(c.rule, 0.0), time.perf_counter() - start)
    return sorted(times.items(), key=lambda kv: -kv[1])


def per_rule_shared(chart) -> list[tuple[str, float]]:
    """Seconds per rule, all parameter sets summed, as ``assess_all`` runs them (indexes shared)."""
    times: dict[str, float] = defaultdict(float)
    originals = {name: r.func for name, r in RULES.items()}

    def timed_rule(name, func):
        def run(facts, params):
            start = time.perf_counter()
            try:
                return func(facts, params)
            finally:
                times[name] += time.perf_counter() - start
        return run

    try:
        for name, func in originals.items():
            object.__setattr__(RULES[name], "func", timed_rule(name, func))
        assess_all(Facts(chart), load_models())
    finally:
        for name, func in originals.items():
            object.__setattr__(RULES[name], "func", func)
    return sorted(times.items(), key=lambda kv: -kv[1])


def per_index(chart) -> list[tuple[str, float]]:
    """Seconds of each index of the facts (best of 3), each computed alone with the indexes it reads already built."""
    built = Facts(chart)
    assess_all(built, load_models())
    names = [n for k in Facts.__mro__ for n, v in vars(k).items()
             if isinstance(v, cached_property) and n in built.__dict__ and n != "work"]  # the network is timed apart
    times = {}
    for name in names:
        times[name] = float("inf")
        for _ in range(3):
            fresh = Facts(chart)
            fresh.__dict__.update((k, v) for k, v in built.__dict__.items() if k in names and k != name)
            with paused_gc():
                start = time.perf_counter()
                getattr(fresh, name)
                times[name] = min(times[name], time.perf_counter() - start)
    return sorted(times.items(), key=lambda kv: -kv[1])


def per_model(chart) -> list[tuple[str, float]]:
    """Seconds of each built-in model alone (best of 3), each with fresh facts: its indexes counted in it."""
    return [(name, best_of(3, lambda name=name: assess_all(Facts(chart), [load_model(name)]))) for name in builtin_models()]


def commands_side_by_side(path, runs: int = PROCESS_RUNS) -> tuple[float, float, float]:
    """(median assess, median check, median of the pairwise ratios): both commands as processes, turn about.

    Turn about, so load on the machine falls on both alike; a warm-up pair first (file cache).
    """
    planner = [sys.executable, "-m", "planner"]
    times: dict[str, list[float]] = {"assess": [], "check": []}
    for turn in range(runs + 1):
        for command in times:
            start = time.perf_counter()
            subprocess.run([*planner, command, str(path)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           cwd=ROOT)
            if turn:
                times[command].append(time.perf_counter() - start)
    ratios = [a / c for a, c in zip(times["assess"], times["check"])]
    return statistics.median(times["assess"]), statistics.median(times["check"]), statistics.median(ratios)


def best_of(runs: int, func) -> float:
    """Least wall time of ``runs`` calls (the machine's noise only ever adds)."""
    least = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        func()
        least = min(least, time.perf_counter() - start)
    return least


def main() -> None:
    for name in builtin_models():
        load_model(name)  # parse the model files once, as a long-running process would
    rows, per_size = [], {}
    for n in SIZES:
        path = synthetic_path(n)
        t: dict[str, float] = {}
        gc.collect()
        with timed(t, "load"):
            chart = load_chart(path)
        results = assess_all(Facts(chart), load_models())
        t["assess"] = best_of(3, lambda chart=chart: assess_all(Facts(chart), load_models()))
        structure = analyze_structure(Facts(chart))
        t["structure"] = best_of(3, lambda chart=chart: analyze_structure(Facts(chart)))
        per_size[n] = (t, chart)
        levels = " ".join(f"{m}={a.level}" for m, a in results.items())
        total = t["load"] + t["assess"]
        rows.append((f"{n:>7,} elements: load + all models",
                     f"{total:6.2f} s (load {t['load']:.2f}, assess {t['assess']:.2f})  {levels}"))
        how = (f"sampled, {structure.betweenness_sources} sources, seed 0" if structure.betweenness_sampled else "exact")
        rows.append((f"{n:>7,} elements: structure (fresh facts)",
                     f"{t['structure']:6.2f} s (work network {structure.work_nodes:,} nodes; betweenness {how})"))
    small, big = per_size[SIZES[0]][0]["assess"], per_size[SIZES[-1]][0]["assess"]
    rows.append(("assess time ratio 100k / 1k", f"{big / small:6.1f}x for {SIZES[-1] // SIZES[0]}x the elements"))
    t100 = per_size[100_000][0]
    for label, value, target in (("load + all models", t100["load"] + t100["assess"], TARGET),
                                 ("all models (assess only)", t100["assess"], TARGET_ASSESS),
                                 ("structure", t100["structure"], TARGET_STRUCTURE)):
        verdict = "OK" if value <= target else "OVER"
        rows.append((f"target: {label} at 100k <= {target:g} s", f"{value:6.2f} s  {verdict}"))
    report("Maturity engine (assess and structure: best of 3)", rows)
    chart = per_size[100_000][1]
    models = per_model(chart)
    report("Each built-in model alone at 100,000 elements (best of 3, fresh indexes: each pays for what it reads)",
           [*((name, f"{secs:.3f} s") for name, secs in models),
            ("sum of the above", f"{sum(s for _, s in models):.3f} s"),
            ("all models together (indexes and shared rule results computed once)", f"{t100['assess']:.3f} s")])
    indexes = per_index(chart)
    report("Indexes of the facts at 100,000 elements (seconds, best of 3, each alone; the work network apart)",
           [*((name, f"{secs:.3f}") for name, secs in indexes[:10]),
            (f"all {len(indexes)} indexes", f"{sum(s for _, s in indexes):.3f}")])
    report("Rules at 100,000 elements as assess_all runs them (seconds, all parameter sets, shared indexes)",
           [(name, f"{secs:.3f}") for name, secs in per_rule_shared(chart)[:8]])
    report("Slowest rules at 100,000 elements (seconds, worst parameter set, each with fresh indexes)",
           [(name, f"{secs:.3f}") for name, secs in per_rule_fresh(chart)[:8]])
    assess, check, ratio = commands_side_by_side(synthetic_path(100_000))
    verdict = "OK" if ratio <= TARGET_ASSESS_CHECK else "OVER"
    report(f"Commands at 100,000 elements as processes, turn about, median of {PROCESS_RUNS} (wall seconds)",
           [("planner check CHART", f"{check:6.2f} s"), ("planner assess CHART (every model, structure)", f"{assess:6.2f} s"),
            (f"assess / check (median of pairwise ratios; target <= {TARGET_ASSESS_CHECK:g})", f"{ratio:6.2f}x  {verdict}")])


if __name__ == "__main__":
    main()
