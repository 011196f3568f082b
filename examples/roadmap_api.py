"""The roadmap planner from Python: plan, read the phases, project the future state, draw it.

Run: python examples/roadmap_api.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from planner.charts import shipped_chart
from planner.model import Chart, ChartInfo
from planner.render.roadmap_view import roadmap_to_dot, write_roadmap_diagram
from planner.roadmap import (
    Constraints,
    InvalidConstraintError,
    apply,
    load_catalog,
    plan,
)
from planner.roadmap.report import to_text
from planner.store import load_chart, save_chart


def main(out: Path) -> None:
    chart = load_chart(shipped_chart("current"))
    catalog = load_catalog()  # or load_catalog("examples/custom-catalog.yaml")

    # The next level of the default model, with a team of three and a quarterly budget.
    roadmap = plan(chart, "engagement", "next", catalog, Constraints(capacity=3, budget=150_000))
    print(to_text(roadmap))

    # The same target with one person: the plan stretches.
    thin = plan(chart, "engagement", "next", catalog, Constraints(capacity=1))
    print(f"team of 3: {roadmap.makespan:g} weeks; team of 1: {thin.makespan:g} weeks")

    # The maturity trajectory, and the chart after the first phase and at the end.
    for point in roadmap.trajectory:
        print(f"after phase {point.phase}: level {point.level} ({point.level_name})")
    after_first = apply(chart, roadmap, 1)
    print(f"after phase 1 the chart has {after_first.size()} elements (today {chart.size()})")

    # A new, empty chart: what no solution closes but a person can attest comes back as
    # attest-or-act items (the question to answer), not as an error.
    fresh = plan(Chart(chart=ChartInfo(name="New operation")), "engagement", "next", catalog)
    for item in fresh.attest:
        print(f"attest or act: {item.criterion}: {item.question}")

    # Out-of-range constraints are refused when made, with one line saying why.
    try:
        Constraints(capacity=float("nan"))
    except InvalidConstraintError as exc:
        print(f"refused: {exc}")

    out.mkdir(parents=True, exist_ok=True)
    save_chart(apply(chart, roadmap), out / "projected-future.yaml")
    (out / "roadmap.dot").write_text(roadmap_to_dot(roadmap))
    try:
        write_roadmap_diagram(roadmap, out / "roadmap.svg")
    except Exception as exc:  # Graphviz missing: the .dot file is still there
        print(f"no SVG: {exc}")
    print(f"wrote {out}/")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("roadmap-out"))
