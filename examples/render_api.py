"""Render the main views of the shipped current chart with the Python API.

    python examples/render_api.py [FOLDER]     (default: examples/views)

This is also how the pictures in the README are regenerated. It shows the three
steps every caller takes: build the graph, make DOT text (pure), write a file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from planner.charts import shipped_chart
from planner.graph import build_graph
from planner.maturity import assess
from planner.render import DEFAULT_THEME, HeatInput, RenderOptions, to_dot
from planner.store import load_chart, load_model, write_diagram


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    chart = load_chart(shipped_chart("current"))
    graph = build_graph(chart)  # what the views draw; the engine takes the chart itself
    result = assess(chart, load_model("engagement"))
    heat = HeatInput.from_assessment(result)
    jobs = {
        "org": RenderOptions(),
        "capabilities": RenderOptions(),
        "flows": RenderOptions(),
        "data": RenderOptions(),
        "heatmap": RenderOptions(heat=heat),
        "coe": RenderOptions(),
    }
    for view, options in jobs.items():
        print("wrote", write_diagram(to_dot(graph, view, options), folder / f"{view}.svg"))
    # A slide: one capability and what it takes, with a lighter theme for the capability.
    slide = to_dot(graph, "capabilities", RenderOptions(focus="cap-email-marketing", depth=1),
                   theme=DEFAULT_THEME.override(nodes={"capability": {"fillcolor": "#ede7f6"}}))
    print("wrote", write_diagram(slide, folder / "capability-email-marketing.svg"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "views")
