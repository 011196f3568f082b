"""Reading and writing chart files: the only place that touches the file system.

``read_chart`` never raises for a user's mistake: it returns the chart (when one
could be built) with every problem located. ``load_chart`` is the strict form
used by every command that needs a valid chart. ``save_chart`` writes canonical
YAML atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ChartError, NotRegularFileError, PlannerError, Problem
from ..model import SECTIONS, Chart
from ..model.chart import SCHEMA_VERSION
from ..model.validate import validate_lenient, validate_strict
from ..perf import paused_gc
from .decode import decode, normalize_newlines
from .limits import Limits, read_bytes
from .screen import Screened, oversized, screen, too_many_elements
from .yaml12 import FastParseFailed, loads_fast

if TYPE_CHECKING:
    from .located import Located

# Imported where used, not here: the located parser (with PyYAML), the writer and the emitter
# serve files with problems and saves, and ``planner check`` of a valid chart needs none of them.

MODELINE_PREFIX = "# yaml-language-server:"
SCHEMA_FILE = Path(__file__).resolve().parents[1] / "data" / "chart.schema.json"
"""The installed JSON Schema of a chart file: what a written chart's modeline points at."""


def schema_modeline(target: str | os.PathLike) -> str:
    """``# yaml-language-server: $schema=PATH`` with PATH the installed schema, relative to ``target``'s folder.

    A relative path resolves wherever the folders move together (a checkout);
    across drives, the absolute path. An editor cannot resolve a made-up URL.
    """
    folder = Path(target).resolve().parent
    try:
        where = Path(os.path.relpath(SCHEMA_FILE, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        where = SCHEMA_FILE.as_posix()
    return f"{MODELINE_PREFIX} $schema={where}\n"


def with_modeline(header: str, target: str | os.PathLike) -> str:
    """``header`` (a leading comment block) with its schema modeline pointing at the installed schema."""
    kept = [line for line in header.splitlines(keepends=True) if not line.startswith(MODELINE_PREFIX)]
    return schema_modeline(target) + "".join(kept)


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


def read_text(path: str | os.PathLike, limits: Limits | None = None) -> str:
    """The file's text, or a :class:`FileAccessError` naming the file and the reason.

    Only a regular file within the size limit is read; UTF-8, UTF-16 and UTF-32
    are decoded as YAML says (:mod:`planner.store.decode`), line ends normalized.
    """
    return decode(read_bytes(path, limits), str(path))


def read_chart(path: str | os.PathLike, limits: Limits | None = None) -> ChartReport:
    """Read and check a chart file; I/O failures raise :class:`FileAccessError`."""
    limits = limits or Limits.from_env()
    return parse_chart(read_text(path, limits), str(path), limits)


def parse_chart(text: str, path: str = "<chart>", limits: Limits | None = None) -> ChartReport:
    """Check chart text: fast when valid, located and exhaustive when not.

    First the text is screened (characters YAML refuses, nesting depth): past a
    limit nothing more is done. Then three roads: valid (one fast parse and one
    validation); valid YAML but invalid content (validated item by item,
    positions looked up only for the problems); anything else (the located
    parser re-reads the text piece by piece so one broken item hides nothing).
    """
    limits = limits or Limits.from_env()
    screened = screen(normalize_newlines(text), limits)
    if screened.fatal:
        return ChartReport(path, None, place_problems(screened.problems, None, path, screened.text))
    text = screened.text
    with paused_gc():
        try:
            data = loads_fast(text)
        except FastParseFailed:
            from .located import parse_located  # noqa: PLC0415

            located = parse_located(text)
            return _report(path, located.data, screened, limits, located, located.problems, located.unparsed_ids)
        return _report(path, data, screened, limits, None, [], set())


def _report(path: str, data: Any, screened: Screened, limits: Limits, located: Located | None,
            found: list[Problem], unparsed: set[str]) -> ChartReport:
    """Limits, kind of file, validation, version: the report of data read one way or the other."""
    early = list(screened.problems) + found

    def where() -> Located:  # for valid YAML nothing is parsed until a position is asked for
        from .located import parse_located  # noqa: PLC0415

        return located or parse_located(screened.text, positions_only=True)

    refused = _limit_problems(data, screened, limits) or _not_a_chart(data)
    if refused:
        return ChartReport(path, None, place_problems(early + refused, where, path, screened.text))
    if data is None and early:
        return ChartReport(path, None, place_problems(early, where, path, screened.text))  # not "an empty file"
    chart, problems = validate_strict(data) if located is None else (None, [])
    if chart is None:
        chart, problems = validate_lenient(data, unparsed)
    problems = early + _version(data) + problems
    return ChartReport(path, chart, place_problems(problems, where, path, screened.text) if problems else [])


def _limit_problems(data: Any, screened: Screened, limits: Limits) -> list[Problem]:
    found = oversized(data, limits) if screened.walk_values else []
    many = too_many_elements(data, limits, SECTIONS)
    return found + ([many] if many else [])


def _version(data: Any) -> list[Problem]:
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version != SCHEMA_VERSION:
        return [Problem(f"chart version {version} is not supported: this planner reads version {SCHEMA_VERSION}",
                        "version", ("version",))]
    return []


def _not_a_chart(data: Any) -> list[Problem]:
    """A model or a catalog given as a chart: say what it is instead of listing every unknown section."""
    if not isinstance(data, dict) or "chart" in data:
        return []
    for keys, what, option in ((("levels", "dimensions"), "a maturity model", "--model"),
                               (("solutions", "catalog"), "a solution catalog", "--catalog")):
        if any(k in data for k in keys):
            return [Problem(f"this is {what} file, not a chart (give it with {option})", "wrong-kind", ())]
    return []


def load_chart(path: str | os.PathLike) -> Chart:
    """The chart in ``path``; raises :class:`ChartError` listing every error."""
    report = read_chart(path)
    if not report.ok or report.chart is None:
        raise ChartError(report.problems, str(path))
    return report.chart


def place_problems(problems: list[Problem], locate: Callable[[], Located] | None, path: str,
                   text: str | None = None) -> list[Problem]:
    """Fill in path, line and column; keep file order so the output reads top to bottom.

    A problem sitting on a value with a tag a chart cannot hold (``!!python/name:``)
    says so, instead of the confusing "got None" of the value behind the tag.
    """
    placed, located = [], None
    last = text.count("\n") + 1 if text is not None else None  # "end of stream" may sit past the last line
    for problem in problems:
        line, col, fields = problem.line, problem.col, {}
        if line is None and locate is not None:
            from .yaml_nodes import tag_problem  # noqa: PLC0415

            located = located or locate()
            at_key = problem.code in ("unknown-field", "duplicate-id")
            line, col, node = located.lookup(problem.loc, at_key=at_key)
            tagged = tag_problem(node) if node is not None else None
            if tagged is not None:
                fields = {"message": tagged.message, "code": tagged.code}
        line = min(line or 1, last) if last else (line or 1)
        placed.append(Problem(**{**problem.__dict__, **fields, "path": path, "line": line, "col": col or 1}))
    placed.sort(key=lambda p: (p.line or 0, p.col or 0))
    unique: dict[tuple[int | None, int | None, str], Problem] = {}  # one line per problem, even when two roads found it
    for p in placed:
        unique.setdefault((p.line, p.col, p.message), p)
    return list(unique.values())


def chart_to_text(chart: Chart, header: str = "") -> str:
    """Canonical YAML: fields in model order, defaults left out, a header comment kept."""
    from .emit import emit  # noqa: PLC0415

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
            header = leading_comments(read_text(path))
        except NotRegularFileError:
            raise  # a FIFO or a device: refused here, before anything is written
        except PlannerError:
            header = ""
    from .atomic import write_atomic  # noqa: PLC0415

    return write_atomic(path, chart_to_text(chart, header).encode("utf-8"))


def save_projection(chart: Chart, path: str | os.PathLike, source: str | os.PathLike, note: str) -> Path:
    """Save a chart projected from ``source`` (a roadmap's future state) with ``source``'s leading comment.

    The comment block of the source (title, notes) is kept and ``note`` added
    under it; the schema modeline points at the installed schema as seen from
    ``path``, so an editor still completes and validates the projected file.
    """
    try:
        header = leading_comments(read_text(source))
    except PlannerError:
        header = ""
    return save_chart(chart, path, header=with_modeline(header + f"# {note}\n", path))
