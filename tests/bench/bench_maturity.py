"""Benchmark of the maturity engine: every built-in model on synthetic charts, load included.

Targets (issue 3 and its performance follow-up), on the 100,000-element synthetic chart:
all built-in models in at most 3 s load included, and the assessment alone in at most
0.5 s; the structural analysis in at most 2.5 s, including the subgraphs it builds from
the chart (data-source components, the numbered work network: no ``build_graph``).
Rules are linear or O(E log V); betweenness (structural analysis, not part of the
models) is sampled above 1,500 nodes with a fixed seed and says so.
Run: ``.venv/bin/python tests/bench/bench_maturity.py``.
"""

from __future__ import annotations

import gc
import time
from collections import defaultdict

from common import report, synthetic_path, timed

from planner.maturity import RULES, analyze_structure, assess_all, builtin_models, load_model
from planner.maturity.assess import run_rule
from planner.maturity.facts import Facts
from planner.perf import paused_gc
from planner.store import load_chart

SIZES = (1_000, 10_000, 100_000)
TARGET = 3.0
TARGET_ASSESS = 0.5
TARGET_STRUCTURE = 2.5


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
        assess_all(Facts(chart))
    finally:
        for name, func in originals.items():
            object.__setattr__(RULES[name], "func", func)
    return sorted(times.items(), key=lambda kv: -kv[1])


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
        results = assess_all(Facts(chart))
        t["assess"] = best_of(3, lambda chart=chart: assess_all(Facts(chart)))
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
    report("Rules at 100,000 elements as assess_all runs them (seconds, all parameter sets, shared indexes)",
           [(name, f"{secs:.3f}") for name, secs in per_rule_shared(chart)[:8]])
    report("Slowest rules at 100,000 elements (seconds, worst parameter set, each with fresh indexes)",
           [(name, f"{secs:.3f}") for name, secs in per_rule_fresh(chart)[:8]])


if __name__ == "__main__":
    main()
