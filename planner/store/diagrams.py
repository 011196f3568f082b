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
from typing import Any

from ..render import diagram_dot
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


def draw(name: str, path: str | os.PathLike, *subject: Any, **options: Any) -> Path:
    """Write the registered diagram ``name`` of ``subject`` (a chart, a diff and its charts, a roadmap) to ``path``.

    :func:`planner.render.diagram_dot` with the same arguments (``theme=`` among the
    options), then :func:`write_diagram`: the one path from a diagram to a file.
    """
    return write_diagram(diagram_dot(name, *subject, **options), path)



def write_diff_parts(result: Any, old: Any, new: Any, path: str | os.PathLike) -> list[tuple[Path, str]]:
    """``diff -o NAME.svg --split``: ``NAME-1.svg``, ``NAME-2.svg``..., one slide per group that changed.

    The slides and their labels come from :func:`planner.render.diff_parts.fitted_parts`
    (laid out and fitted to the slide rule, except for ``.dot``); returns (path, label) of each.
    """
    from ..render.diff_parts import fitted_parts  # noqa: PLC0415  (only a split diff needs it)

    target = Path(path)
    slides = fitted_parts(result, old, new, fit=target.suffix.lower() != ".dot")
    return [(draw("diff", target.with_name(f"{target.stem}-{n}{target.suffix}"), result, old, new, part=part), label)
            for n, (part, label) in enumerate(slides, start=1)]


__all__ = ["draw", "write_diagram", "write_diff_parts"]
