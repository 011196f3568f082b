"""Benchmark of the maturity engine: every built-in model on synthetic charts, load included.

Target (issue 3): all built-in models on the 100,000-element synthetic chart in at
most 3 s, load included. Rules are linear or O(E log V); betweenness (structural
analysis, not part of the models) is sampled above 1,500 nodes and says so.
Run: ``.venv/bin/python tests/bench/bench_maturity.py``.
"""

from __future__ import annotations

import gc
import time

from common import report, synthetic_path, timed

from planner.graph import build_graph
from planner.maturity import analyze_structure, assess_all, builtin_models, load_model
from planner.maturity.assess import run_rule
from planner.maturity.facts import Facts
from planner.store import load_chart

SIZES = (1_000, 10_000, 100_000)
TARGET = 3.0


def per_rule(chart) -> list[tuple[str, float]]:
    """Seconds per rule (fresh facts each time, so shared indexes are counted in every rule)."""
    seen, times = set(), {}
    for name in builtin_models():
        for c in load_model(name).criteria:
            if c.rule and (c.rule, str(c.params)) not in seen:
                seen.add((c.rule, str(c.params)))
                facts = Facts(chart)
                start = time.perf_counter()
                run_rule(facts, c.rule, c.params)
                times[c.rule] = max(times.get(c.rule, 0.0), time.perf_counter() - start)
    return sorted(times.items(), key=lambda kv: -kv[1])


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
        with timed(t, "assess"):
            results = assess_all(chart)
        with timed(t, "graph"):
            graph = build_graph(chart)
        with timed(t, "structure"):
            structure = analyze_structure(graph)
        per_size[n] = (t, chart)
        levels = " ".join(f"{m}={a.level}" for m, a in results.items())
        total = t["load"] + t["assess"]
        rows.append((f"{n:>7,} elements: load + all models", f"{total:6.2f} s (load {t['load']:.2f}, assess {t['assess']:.2f})  {levels}"))
        rows.append((f"{n:>7,} elements: build_graph + structure",
                     f"{t['graph']:6.2f} s + {t['structure']:.2f} s (betweenness "
                     f"{'sampled, ' + str(structure.betweenness_sources) + ' sources' if structure.betweenness_sampled else 'exact'})"))
    small, big = per_size[SIZES[0]][0]["assess"], per_size[SIZES[-1]][0]["assess"]
    rows.append(("assess time ratio 100k / 1k", f"{big / small:6.1f}x for {SIZES[-1] // SIZES[0]}x the elements"))
    t100 = per_size[100_000][0]
    verdict = "OK" if t100["load"] + t100["assess"] <= TARGET else "OVER"
    rows.append(("target: load + all models at 100k <= 3 s", f"{t100['load'] + t100['assess']:6.2f} s  {verdict}"))
    report("Maturity engine", rows)
    report("Slowest rules at 100,000 elements (seconds, each with fresh indexes)",
           [(name, f"{secs:.3f}") for name, secs in per_rule(per_size[100_000][1])[:8]])


if __name__ == "__main__":
    main()
