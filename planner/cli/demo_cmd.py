"""``planner demo``: the main job, end to end, on the shipped charts.

Each step is a small function taking the :class:`Demo` context; later features
add their step to :data:`STEPS`. The demo says what it did and where the files are.
Each chart is loaded once and assessed once per model: the steps share one
:class:`~planner.pipeline.Pipeline` per chart (``demo.current_run``,
``demo.future_run``), whose assessments the diff, the roadmap, the heat maps and
the report reuse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..charts import shipped_chart
from ..model import Chart
from ..pipeline import Pipeline
from ..store import load_chart
from .app import cli, echo, echo_styled, shown
from .assess_cmd import step_assess
from .diff_cmd import step_diff
from .export_cmd import step_export
from .import_cmd import step_import
from .raci_cmd import step_raci
from .render_cmd import step_render
from .report_cmd import step_report
from .roadmap_cmd import step_roadmap


@dataclass
class Demo:
    """What the steps share: the shipped charts, loaded once, their pipelines, and the output folder."""

    out: Path
    current_path: Path
    future_path: Path
    current: Chart
    future: Chart
    written: list[Path] = field(default_factory=list)
    current_run: Pipeline = field(init=False)
    """The current chart's facts, graph and assessments, made once and shared by the steps."""
    future_run: Pipeline = field(init=False)

    def __post_init__(self) -> None:
        self.current_run = Pipeline(self.current, self.current_path)
        self.future_run = Pipeline(self.future, self.future_path)

    def runs(self) -> tuple[tuple[str, Pipeline], ...]:
        """``("current", pipeline), ("future", pipeline)``: the order every step reports them in."""
        return ("current", self.current_run), ("future", self.future_run)

    def heading(self, text: str) -> None:
        echo("")
        echo_styled([(f"== {text}", {"bold": True})])


def step_check(demo: Demo) -> None:
    """Both charts are valid; their size by kind."""
    demo.heading("Check the shipped charts")
    kinds = sorted(set(demo.current.counts()) | set(demo.future.counts()))
    echo(f"{'kind':<12}{'current':>9}{'future':>9}")
    for kind in kinds:
        echo(f"{kind:<12}{demo.current.counts()[kind]:>9}{demo.future.counts()[kind]:>9}")
    echo(f"{'total':<12}{demo.current.size():>9}{demo.future.size():>9}")
    echo(f"{shown(demo.current_path)}: valid\n{shown(demo.future_path)}: valid")


STEPS: list[Callable[[Demo], None]] = [step_check, step_assess, step_diff, step_roadmap, step_render,
                                       step_raci, step_export, step_import, step_report]
"""The demo, in order: check (issue 2), assess (3), diff (6), roadmap (4), every view (5); RACI, ArchiMate
export, HR import and the HTML report (16)."""


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("demo-out"),
              show_default=True, help="Folder for the files the demo writes.")
def demo(out: Path) -> None:
    """Run the main job on the shipped current and future charts."""
    out.mkdir(parents=True, exist_ok=True)
    current_path, future_path = shipped_chart("current"), shipped_chart("future")
    context = Demo(out, current_path, future_path, load_chart(current_path), load_chart(future_path))
    echo_styled([(f"Demo on {context.current.chart.name}", {"bold": True})])
    for step in STEPS:
        step(context)
    echo("")
    if context.written:
        echo(f"Wrote {len(context.written)} files to {out}/:")
        for path in context.written:
            echo(f"  {shown(path)}")
    echo("Done.")
