"""Reading and writing chart files: the only place that touches the file system.

``read_chart`` never raises for a user's mistake: it returns the chart (when one
could be built) with every problem located. ``load_chart`` is the strict form
used by every command that needs a valid chart. ``save_chart`` writes canonical
YAML atomically.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ChartError, FileAccessError, Problem
from ..model import Chart
from ..perf import paused_gc
from ..model.validate import problems_from, validate_lenient, validate_strict
from .atomic import write_atomic
from .emit import emit
from .located import Located, parse_located
from .yaml12 import FastParseFailed, loads_fast

MODELINE_PREFIX = "# yaml-language-server:"


@dataclass
class ChartReport:
    """What reading a chart file found: the chart (if any) and its problems."""

    path: str
    chart: Chart | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return self.chart is not None and not self.errors


def read_text(path: str | os.PathLike) -> str:
    """The file's text, or a :class:`FileAccessError` naming the file and the reason."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FileAccessError(str(path), "no such file") from exc
    except IsADirectoryError as exc:
        raise FileAccessError(str(path), "is a folder, not a chart file") from exc
    except UnicodeDecodeError as exc:
        raise FileAccessError(str(path), f"not UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise FileAccessError(str(path), exc.strerror or str(exc)) from exc


def read_chart(path: str | os.PathLike) -> ChartReport:
    """Read and check a chart file; I/O failures raise :class:`FileAccessError`."""
    return parse_chart(read_text(path), str(path))


def parse_chart(text: str, path: str = "<chart>") -> ChartReport:
    """Check chart text: fast when valid, located and exhaustive when not.

    Three roads: valid (one fast parse and one validation); valid YAML and types
    but integrity problems (positions are looked up only for those problems);
    anything else (the located parser re-reads the text piece by piece and the
    items are validated one by one so every problem is found).
    """
    with paused_gc():
        try:
            data = loads_fast(text)
        except FastParseFailed:
            data = _UNREADABLE
        if data is not _UNREADABLE:
            chart, problems = validate_strict(data)
            if chart is not None:
                if problems:
                    problems = _place(problems, parse_located(text, positions_only=True), path)
                return ChartReport(path, chart, problems)
        located = parse_located(text)
        chart, found = validate_lenient(located.data, located.unparsed_ids)
        return ChartReport(path, chart, _place(located.problems + found, located, path))


_UNREADABLE = object()


def load_chart(path: str | os.PathLike) -> Chart:
    """The chart in ``path``; raises :class:`ChartError` listing every error."""
    report = read_chart(path)
    if not report.ok:
        raise ChartError(report.problems, str(path))
    return report.chart


def _place(problems: list[Problem], located: Located, path: str) -> list[Problem]:
    """Fill in path, line and column; keep file order so the output reads top to bottom."""
    placed = []
    for problem in problems:
        line, col = problem.line, problem.col
        if line is None:
            at_key = problem.code in ("unknown-field", "duplicate-id")
            line, col = located.position(problem.loc, at_key=at_key)
        placed.append(Problem(**{**problem.__dict__, "path": path, "line": line, "col": col}))
    placed.sort(key=lambda p: (p.line or 0, p.col or 0))
    return placed


def chart_to_text(chart: Chart, header: str = "") -> str:
    """Canonical YAML: fields in model order, defaults left out, a header comment kept."""
    data = chart.model_dump(mode="json", exclude_defaults=True)
    data = {"version": chart.version, **data}
    body = emit(data)
    return header + body


def leading_comments(text: str) -> str:
    """The comment block at the top of a file (modeline, title), to carry over on save."""
    kept = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        kept.append(line if line.endswith("\n") else line + "\n")
    return "".join(kept)


def save_chart(chart: Chart, path: str | os.PathLike, header: str | None = None) -> Path:
    """Write ``chart`` to ``path`` atomically as canonical YAML.

    Without ``header`` the leading comment block of the existing file (schema
    modeline, title) is kept, so saving twice gives identical bytes.
    """
    if header is None:
        try:
            header = leading_comments(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            header = ""
    return write_atomic(path, chart_to_text(chart, header).encode("utf-8"))


M = TypeVar("M", bound=BaseModel)


def load_yaml_model(
    path: str | os.PathLike,
    cls: type[M],
    check: Callable[[M], list[Problem]] | None = None,
) -> M:
    """Load any YAML file into the pydantic model ``cls`` with located errors.

    Used for maturity-model and catalog files; ``check`` adds problems pydantic
    cannot see (their ``loc`` is placed like the validation errors).
    """
    text = read_text(path)
    problems: list[Problem] = []
    obj = None
    try:
        data: Any = loads_fast(text)
        obj = cls.model_validate(data)
        problems = check(obj) if check else []
    except (FastParseFailed, ValidationError):
        pass
    if obj is not None and not _errors(problems):
        return obj
    located = parse_located(text)
    problems = list(located.problems)
    if not _errors(problems):
        try:
            obj = cls.model_validate(located.data)
            problems += check(obj) if check else []
        except ValidationError as exc:
            problems += problems_from(exc, located.data, ())
        if not _errors(problems):
            return obj  # valid after all: the fast parser refused something YAML allows (a tag)
    raise ChartError(_place(problems, located, str(path)), str(path))


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
