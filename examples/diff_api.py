"""Compare the shipped current and future charts with the Python API.

    python examples/diff_api.py [OUT_DIR]

Prints the moves, the people who change, the maturity delta, and writes the
diagram of the union (SVG when Graphviz is installed, DOT otherwise).
"""

from __future__ import annotations

import sys
from pathlib import Path

from planner.charts import shipped_chart
from planner.diff import diff
from planner.diff.report import plain, stat_lines
from planner.render.output import GraphvizMissingError
from planner.store import load_chart
from planner.store.diagrams import draw
from planner.store.library import load_models


def main(out: Path) -> None:
    current, future = load_chart(shipped_chart("current")), load_chart(shipped_chart("future"))
    result = diff(current, future, maturity=load_models())  # every built-in model, read by the store

    print(plain(stat_lines(result)))
    print("Moves:")
    for move in result.moves:
        print(f"  [{move.category}{', ' + move.sourcing if move.sourcing else ''}] {move.summary}")

    print("\nPeople whose title changes:")
    for change in result.changed:
        for fc in change.changes:
            if change.kind == "person" and fc.path == "title":
                print(f"  {change.name}: {fc.old} -> {fc.new}")

    print("\nMaturity:")
    for model in result.maturity.models:
        print(f"  {model.model_name}: level {model.old_level} -> {model.new_level}; "
              f"newly met {[c.criterion_id for c in model.newly_met][:3]}...")

    out.mkdir(parents=True, exist_ok=True)
    try:
        path = draw("diff", out / "diff.svg", result, current, future)
    except GraphvizMissingError:
        path = draw("diff", out / "diff.dot", result, current, future)
    print(f"\nDiagram: {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "diff-out"))
