"""The chart a new file starts from: valid, small, and showing the file's shape."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

TEMPLATE = """\
# A capability-resource chart. Edit it with `planner edit`, check it with `planner check`.
version: 1
chart:
  name: {name}
  as_of: {today}
teams: []
people: []
orgs: []
systems: []
data: []
capabilities: []
workflows: []
coes: []
"""


def template_text(path: Path | None) -> str:
    """A minimal valid chart named after the file."""
    stem = path.stem if path else "New chart"
    name = stem.replace("-", " ").replace("_", " ").strip().capitalize() or "New chart"
    return TEMPLATE.format(name=name + " operation", today=dt.date.today().isoformat())


def default_new_path(folder: Path | None = None) -> Path:
    """``new-chart.yaml`` in the folder, numbered so that no file is overwritten."""
    folder = folder or Path.cwd()
    candidate = folder / "new-chart.yaml"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"new-chart-{n}.yaml"
    return candidate
