"""The roadmap planner from Python: plan, read the phases, project the future state, draw it.

Run: python examples/roadmap_api.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

from planner.charts import shipped_chart
from planner.errors import PlannerError
from planner.model import Chart, ChartInfo
from planner.render.roadmap_view import roadmap_to_dot
from planner.roadmap import Constraints, InvalidConstraintError, apply, plan
from planner.roadmap.report import to_text
from planner.store import load_catalog, load_chart, load_model, save_chart
from planner.store.diagrams import draw


def main(out: Path) -> None:
    chart = load_chart(shipped_chart("current"))
    catalog = load_catalog()  # or load_catalog("examples/custom-catalog.yaml")
    engagement = load_model("engagement")  # the default model; or a model file's path

    # The next level of the default model, with a team of three and a quarterly budget.
    roadmap = plan(chart, engagement, "next", catalog, Constraints(capacity=3, budget=150_000))
    print(to_text(roadmap))

    # The same target with one person: the plan stretches.
    thin = plan(chart, engagement, "next", catalog, Constraints(capacity=1))
    print(f"team of 3: {roadmap.makespan:g} weeks; team of 1: {thin.makespan:g} weeks")

    # The maturity trajectory, and the chart after the first phase and at the end.
    for point in roadmap.trajectory:
        print(f"after phase {point.phase}: level {point.level} ({point.level_name})")
    after_first = apply(chart, roadmap, 1)
    print(f"after phase 1 the chart has {after_first.size()} elements (today {chart.size()})")

    # A new, empty chart gets the entry points to level 2 (an email service with an
    # opt-in list, a customer database, order look-up, a loyalty card), sized for it.
    fresh = plan(Chart(chart=ChartInfo(name="New operation")), engagement, "next", catalog)
    print(f"new operation: {', '.join(s.id for s in fresh.steps)} (sized for {fresh.sized_for})")

    # Five levels up, some criteria only a person can vouch for: the plan never answers
    # them; each item says who should, and what evidence would do.
    far = plan(chart, engagement, 5, catalog)
    for item in far.attest:
        print(f"attest or act: {item.criterion}\n  who: {item.who}\n  evidence: {item.evidence}")
    print(f"reached once attested: {far.reached_once_attested}")

    # A model of one's own: catalog entries that name the rule a criterion uses close it.
    own = plan(chart, load_model(Path(__file__).parent / "custom-model.yaml"), 3, catalog)
    print(f"custom model: {', '.join(s.id for s in own.steps)}; attest: {', '.join(a.criterion for a in own.attest)}")

    # Out-of-range constraints are refused when made, with one line saying why.
    try:
        Constraints(capacity=float("nan"))
    except InvalidConstraintError as exc:
        print(f"refused: {exc}")

    out.mkdir(parents=True, exist_ok=True)
    save_chart(apply(chart, roadmap), out / "projected-future.yaml")
    (out / "roadmap.dot").write_text(roadmap_to_dot(roadmap))
    try:
        draw("roadmap", out / "roadmap.svg", roadmap)
    except PlannerError as exc:  # Graphviz missing or failing: the .dot file is still there
        print(f"no SVG: {exc}")
    print(f"wrote {out}/")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("roadmap-out"))
