"""The chart a new file starts from: the default template of ``planner new``, valid and named after the file.

The editor and ``planner new`` start from the same text (``planner/data/templates``),
filled by the same code, so a chart begun either way reads the same.
"""

from __future__ import annotations

from pathlib import Path

from ...store import templates


def template_text(path: Path | None, answers: templates.Answers | None = None) -> str:
    """The template ``answers`` chose (``planner edit`` asked ``planner new``'s questions at a terminal),
    else ``planner new``'s default template, named after the file (``acme.yaml``: "Acme operation")."""
    target = path or Path("my-operation.yaml")
    default = templates.DEFAULT_TEMPLATE
    chosen = answers or templates.Answers(templates.name_from(target), default)
    return templates.template_text(chosen.template, chosen, target)
