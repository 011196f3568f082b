"""The chart a new file starts from: the default template of ``planner new``, valid and named after the file.

The editor and ``planner new`` start from the same text (``planner/data/templates``),
filled by the same code, so a chart begun either way reads the same.
"""

from __future__ import annotations

from pathlib import Path

from ...store import templates


def template_text(path: Path | None) -> str:
    """``planner new``'s default template, named after the file (``acme.yaml``: "Acme operation")."""
    target = path or Path("my-operation.yaml")
    default = templates.DEFAULT_TEMPLATE
    return templates.template_text(default, templates.Answers(templates.name_from(target), default), target)
