"""Writing a diagram file: the one module of ``planner.render`` that runs Graphviz.

Everything else in ``planner.render`` returns DOT text. This module picks the
format from the file's extension and hands the formats other than DOT to ``dot``
through the ``graphviz`` package, imported lazily so that importing
:mod:`planner.render` never pulls it in. It returns bytes: writing the file is the
store's job (:func:`planner.store.diagrams.write_diagram`, :func:`~planner.store.diagrams.draw`).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import PlannerError

FORMATS: dict[str, str] = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
"""File extension -> Graphviz output format."""

INSTALL_HINT = ("install Graphviz: apt-get install graphviz (Debian/Ubuntu), brew install graphviz (macOS), "
                "winget install graphviz (Windows); or write a .dot file instead")

DEFAULT_TIMEOUT = 600.0


class GraphvizMissingError(PlannerError):
    """Graphviz's ``dot`` program is not installed; ``format`` is what was asked for."""

    def __init__(self, fmt: str):
        self.format = fmt
        super().__init__(f"Graphviz 'dot' is needed to write {fmt.upper()} files but was not found; {INSTALL_HINT}")


class RenderError(PlannerError):
    """``dot`` ran but failed (bad DOT, out of memory...); ``stderr`` holds its message."""

    def __init__(self, message: str, stderr: str = ""):
        self.stderr = stderr
        super().__init__(message)


def format_for(path: str | os.PathLike) -> str:
    """The Graphviz format for a file name, or a :class:`PlannerError` naming the choices."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        choices = ", ".join(s for s in FORMATS if s != ".gv")
        raise PlannerError(f"{path}: unknown diagram format {suffix or '(none)'!r}; use one of {choices}")
    return FORMATS[suffix]


def render_bytes(dot_text: str, fmt: str) -> bytes:
    """Run ``dot -T<fmt>`` on ``dot_text`` and return the output."""
    if fmt == "dot":
        return dot_text.encode("utf-8")
    import graphviz  # noqa: PLC0415  (lazy: only this module touches Graphviz)

    try:
        return graphviz.pipe("dot", fmt, dot_text.encode("utf-8"), quiet=True)
    except graphviz.ExecutableNotFound as exc:
        raise GraphvizMissingError(fmt) from exc
    except graphviz.CalledProcessError as exc:
        stderr = (exc.stderr or b"").decode("utf-8", "replace").strip()
        first = stderr.splitlines()[0] if stderr else f"exit status {exc.returncode}"
        raise RenderError(f"Graphviz dot failed: {first}", stderr) from exc

