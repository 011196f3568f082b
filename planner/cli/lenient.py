"""``--lenient`` for ``render`` and ``assess``: use what is sound in a chart that has errors.

``check`` validates item by item and keeps the items that are valid (see
:func:`planner.model.validate.validate_lenient`); a drawing or an assessment of
those is still worth having while the rest is being fixed. The errors are said
first, on standard error, so no one mistakes the result for the whole chart.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ChartError
from ..model import Chart
from ..store import read_chart
from ..textfmt import count
from .app import echo, shown


def load_lenient(path: Path) -> tuple[Chart, list]:
    """The valid part of the chart and the errors that broke the rest (a file that does not parse: an error)."""
    report = read_chart(path)
    if report.chart is None:  # nothing parsed: there is nothing to draw or assess
        raise ChartError(report.problems, str(path))
    return report.chart, report.errors


def load_chart_or_lenient(path: Path, lenient: bool) -> Chart:
    """The chart; with ``lenient``, also a chart with errors, its broken elements left out and listed."""
    if not lenient:
        from ..store import load_chart  # noqa: PLC0415

        return load_chart(path)
    chart, errors = load_lenient(path)
    if errors:
        echo(f"planner: note: {shown(path)} has {count(len(errors), 'error')}; "
             f"left out what they break (--lenient):", err=True)
        for problem in errors:
            echo(f"  {problem.format()}", err=True)
    return chart
