"""Writing a diagram file: DOT text to ``.svg``, ``.png``, ``.pdf`` or ``.dot``, chosen by the extension.

The render package returns DOT text and, in :mod:`planner.render.output`, runs
Graphviz on it; writing the result to disk is the store's job, as every other
file the planner writes. ``.dot`` is written as it is (no Graphviz needed); the
other formats go through ``dot`` on its standard input. A module of its own, loaded
on first use (see :mod:`planner.store`), so that reading a chart never imports the
render package.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..render.output import format_for, render_bytes
from .atomic import write_atomic


def write_diagram(dot_text: str, path: str | os.PathLike) -> Path:
    """Write ``dot_text`` to ``path`` as SVG, PNG, PDF or DOT, chosen by the extension.

    The DOT text goes to ``dot`` on its standard input (``graphviz.pipe``): no
    temporary source file, one process. The result replaces the file atomically,
    so a failure never leaves a truncated diagram behind (not fsynced: a diagram
    is regenerated, not authored). The folder must exist: a
    typo in a path is an error, not a new folder. Returns the path written.
    """
    target = Path(path)
    fmt = format_for(target)
    data = dot_text.encode("utf-8") if fmt == "dot" else render_bytes(dot_text, fmt)
    return write_atomic(target, data, durable=False)  # regenerable output: atomic, not fsynced


__all__ = ["write_diagram"]
