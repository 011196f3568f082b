"""Errors every front end knows how to show.

All user-facing failures derive from :class:`PlannerError`. Subclasses carry the
fields a front end needs (path, line, column, offending id, cycle) instead of
pre-formatted text, so the CLI can print ``PATH:LINE:COL: error: ...`` lines, the
TUI can jump to the element, and JSON output can expose the same data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One located problem found in a file.

    ``loc`` is the path inside the document (``("people", 3, "team")``); ``line``
    and ``col`` are 1-based and filled in by the store once the location is known.
    """

    message: str
    code: str
    loc: tuple[str | int, ...] = ()
    id: str | None = None
    path: str | None = None
    line: int | None = None
    col: int | None = None
    severity: Severity = "error"

    def format(self) -> str:
        """Render as the compiler-style line editors and CI logs understand."""
        where = self.path or "<chart>"
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: {self.severity}: {self.message}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["loc"] = list(self.loc)
        return data


class PlannerError(Exception):
    """Base of every error the planner raises for a user's mistake."""


class ChartError(PlannerError):
    """A chart (or model, or catalog) file has problems; all of them are listed."""

    def __init__(self, problems: list[Problem], path: str | None = None):
        self.problems = list(problems)
        self.path = path
        errors = [p for p in self.problems if p.severity == "error"]
        first = errors[0].format() if errors else "no errors"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


class FileAccessError(PlannerError):
    """A file cannot be read or written (missing, permissions, disk full)."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ReadOnlyFileError(FileAccessError):
    """The file to save over is read-only: replacing it would silently defeat the protection.

    A rename over a read-only file succeeds whenever the folder is writable (and
    the new file gets the saver's owner), so the store checks first and refuses.
    """


class DiskFullError(FileAccessError):
    """The device or the quota is full: said as such, so no one looks for another cause."""


class NotRegularFileError(FileAccessError):
    """A device, FIFO or socket where a file is expected: reading could block or never end."""


class LimitError(FileAccessError):
    """A file is over an input limit (size); refused before any work starts."""


class CycleError(PlannerError):
    """A cycle where there must be none (prerequisites, reporting lines)."""

    def __init__(self, message: str, cycle: list[str]):
        self.cycle = list(cycle)
        super().__init__(f"{message}: {' -> '.join(self.cycle)}")


class UnknownNameError(PlannerError):
    """A name given on the command line or in an API call does not exist."""

    def __init__(self, what: str, name: str, choices: list[str]):
        self.what = what
        self.name = name
        self.choices = list(choices)
        hint = f"; choose from {', '.join(self.choices)}" if self.choices else ""
        super().__init__(f"unknown {what} {name!r}{hint}")
