"""Regenerate the golden DOT files of the render views: ``python tests/golden/regen.py``.

Each case is (file name, chart, view, options); the chart is the small test
fixture or a seeded synthetic chart, never the shipped charts (they change as
the demo content grows). The heat map gets fixed levels so that it does not
depend on the maturity rules. Review ``git diff tests/golden/render`` before
committing: the tests compare these files semantically, not byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from planner.graph import build_graph  # noqa: E402
from planner.model import Chart  # noqa: E402
from planner.render import HeatInput, RenderOptions, to_dot  # noqa: E402
from planner.store import load_chart  # noqa: E402
from planner.synthetic import synthetic_chart_data  # noqa: E402

OUT = HERE / "render"
SMALL = ROOT / "tests" / "fixtures" / "small.yaml"
HEAT = HeatInput(levels={"email": 2, "webpub": 4}, max_level=5,
                 level_names={1: "Initial", 2: "Managed", 3: "Predictive", 4: "Adaptive", 5: "Anticipative"},
                 model="Test model", overall=2,
                 criteria=(("t.1.answered", 1, "people", "met"), ("t.1.alike", 1, "data", "limitation"),
                           ("t.2.lists", 2, "data", "superseded"), ("t.2.lines", 2, "data", "n/a"),
                           ("t.3.segments", 3, "data", "claimed"), ("t.3.culture", 3, "people", "gap")),
                 dimensions={"people": "People", "data": "Customer data"},
                 dimension_levels={"people": 2, "data": 2})

CASES: list[tuple[str, str, str, RenderOptions]] = [
    *[(f"small-{view}", "small", view, RenderOptions()) for view in
      ("org", "capabilities", "flows", "data", "coe")],
    ("small-heatmap", "small", "heatmap", RenderOptions(heat=HEAT)),
    ("small-scorecard", "small", "scorecard", RenderOptions(heat=HEAT)),
    ("small-capabilities-focus-email", "small", "capabilities", RenderOptions(focus="email", depth=1)),
    ("small-org-collapse-teams", "small", "org", RenderOptions(collapse="teams")),
    ("small-capabilities-collapse-coes", "small", "capabilities", RenderOptions(collapse="coes")),
    ("small-capabilities-only-person-system", "small", "capabilities",
     RenderOptions(only=("capability", "person", "system"))),
    ("synthetic-org-aggregated", "synthetic", "org", RenderOptions(max_nodes=200, aggregate_target=40)),
    ("synthetic-capabilities-aggregated", "synthetic", "capabilities",
     RenderOptions(max_nodes=200, aggregate_target=40)),
]


def graphs() -> dict:
    return {"small": build_graph(load_chart(SMALL)),
            "synthetic": build_graph(Chart.model_validate(synthetic_chart_data(1000, seed=3)))}


def generate() -> dict[str, str]:
    """File name -> DOT text for every case."""
    built = graphs()
    return {f"{name}.dot": to_dot(built[chart], view, options) for name, chart, view, options in CASES}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in generate().items():
        (OUT / name).write_text(text, encoding="utf-8")
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
