"""The chart a new file starts from: the default template of ``planner new``, valid and named after the file.

The editor and ``planner new`` start from the same text (``planner/data/templates``),
filled by the same code, so a chart begun either way reads the same.
"""

from __future__ import annotations

from pathlib import Path


def template_text(path: Path | None) -> str:
    """``planner new``'s default template, named after the file (``acme.yaml``: "Acme operation")."""
    from ...cli.new_cmd import DEFAULT_TEMPLATE, TEMPLATES_DIR, Answers, fill, name_from

    target = path or Path("my-operation.yaml")
    text = (TEMPLATES_DIR / f"{DEFAULT_TEMPLATE}.yaml").read_text(encoding="utf-8")
    return fill(text, Answers(name_from(target), DEFAULT_TEMPLATE), target)
