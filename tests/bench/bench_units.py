"""Benchmark: maturity per line of business (and per top-level team) of a 100,000-element chart.

Target (issue 17): per-unit assessment in at most 3 s (loading the chart is timed
apart: it is the same for every command). The synthetic chart has three lines of
business (consumer, commercial, public) spread over its teams; each unit's
sub-chart is assembled and assessed against all five built-in models.

    .venv/bin/python tests/bench/bench_units.py [--elements N]
"""

from __future__ import annotations

import argparse
import time

from common import report, synthetic_path, timed

from planner.maturity import assess_all
from planner.maturity.unit_chart import ChartIndex
from planner.maturity.units import assess_units, unit_chart, units_of
from planner.perf import paused_gc
from planner.store import load_chart
from planner.store.library import load_models


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=100_000)
    args = parser.parse_args()
    results: dict[str, float] = {}
    path = synthetic_path(args.elements)
    with timed(results, "load"):
        chart = load_chart(path)
    cpu = time.process_time()
    with timed(results, "units"):
        matrix = assess_units(chart, "lob", load_models())
    results["cpu"] = time.process_time() - cpu
    with paused_gc():  # as assess_units runs them
        cpu = time.process_time()
        index = ChartIndex(chart)  # what assess_units shares among the units
        index.links, index.loose  # noqa: B018 - computed here to be timed apart
        results["index"] = time.process_time() - cpu
        cpu = time.process_time()
        subs = [unit_chart(chart, u, True, index) for u in units_of(chart, "lob")]
        results["subcharts"] = time.process_time() - cpu
    with timed(results, "whole"):
        assess_all(chart, load_models())
    top = [t for t in chart.teams if not t.parent]
    children = [t for t in chart.teams if t.parent == top[0].id] if top else []
    with timed(results, "teams"):
        assess_units(chart, "team", load_models(), only=[t.id for t in children])
    rows = [
        ("chart", f"{args.elements:,} elements, loaded in {results['load']:.2f} s"),
        ("per line of business, 5 models (target 3 s)",
         f"{results['units']:.2f} s wall, {results['cpu']:.2f} s CPU for {len(matrix.units)} units"),
        ("  of which the chart's index (CPU)", f"{results['index']:.2f} s"),
        ("  and the sub-charts assembled (CPU)", f"{results['subcharts']:.2f} s"),
        ("whole chart, 5 models, for comparison", f"{results['whole']:.2f} s"),
        (f"per team, the {len(children)} teams under the top one", f"{results['teams']:.2f} s"),
    ]
    for r, _sub in zip(matrix.units, subs):
        levels = " ".join(f"{k}={a.level}" for k, a in r.assessments.items())
        rows.append((f"  {r.unit.name}", f"{r.elements:,} elements, {r.capabilities:,} capabilities; {levels}"))
    report("maturity per unit", rows)


if __name__ == "__main__":
    main()
