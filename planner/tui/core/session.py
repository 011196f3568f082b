"""The document being edited: the chart, where each element lives, what changed since the last save.

The session is the one owner of the chart while the editor runs. Commands go
through :meth:`Session.apply` onto the undo stack and tell the session what
they are about to touch; it keeps the index of where each element lives and
passes the touched top-level elements to its :class:`~.changes.ChangeRecord`,
which is what :func:`planner.store.roundtrip.save_preserving` needs to rewrite
only those. It also remembers the file's hash so that a save never silently
overwrites edits made by another program.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import Problem
from ...model import NESTING, SECTIONS, Answer, Chart, Element
from ...store import parse_chart, read_text
from ...store.roundtrip import Change, SaveOutcome, save_preserving
from ...textfmt import count
from .changes import SECTION_OF_KIND, ChangeRecord
from .commands import Command
from .stack import CommandStack
from .template import template_text

if TYPE_CHECKING:
    from ...store.templates import Answers

CHILD_FIELD = {kind: (n.parent_kind, n.field) for kind, n in NESTING.items()}
"""Nested kinds: the kind of their parent and the parent's field holding them (:data:`planner.model.NESTING`)."""
STRUCTURAL = {"yaml-syntax", "duplicate-key", "type", "missing", "unknown-field"}
"""Problem codes meaning part of the file could not be read into the chart."""


class ExternalChange(Exception):
    """The file on disk is not the one the editor opened (edited elsewhere meanwhile)."""


@dataclass
class Where:
    """An element's place: its section and, for steps and contracts, its parent."""

    element: Element
    section: str
    parent: Element | None = None


class Session:
    """A chart open for editing, with its file, undo stack and change record."""

    def __init__(self, chart: Chart, path: Path, base_text: str | None, problems: list[Problem] | None = None,
                 raw: bytes | None = None):
        self.chart = chart
        self.path = path
        self.base_text = base_text
        self.newline = newline_of(raw) if raw is not None else "\n"
        """The file's line ending, kept by saves."""
        self.base_hash = hashlib.sha256(raw).hexdigest() if raw is not None else _hash(base_text)
        """Of the bytes as read (a CRLF file is read with LF newlines, so not of ``base_text``)."""
        self.load_problems = list(problems or [])
        self.read_only = ""
        broken = [p for p in self.load_problems if p.code in STRUCTURAL]
        if broken:
            self.read_only = (f"{count(len(broken), 'part')} of the file could not be read; fix "
                              f"{'it' if len(broken) == 1 else 'them'} first (the Live panel lists every problem)")
        self.stack = CommandStack()
        self.where: dict[str, Where] = {}
        self.record = ChangeRecord()
        """The top-level elements, metadata and answers changed since the last save."""
        self.new_file = False
        """Started from the template: the file does not exist until the first save."""
        self.reindex()

    @classmethod
    def open(cls, path: str | Path | None, answers: Answers | None = None) -> Session:
        """Open a chart file, or start a new chart from the template (chosen by ``answers``) when it does not exist."""
        from ...store.templates import default_path

        target = Path(path) if path else default_path()
        if target.exists():
            text = read_text(target)
            try:
                raw = target.read_bytes()
            except OSError:
                raw = None
            report = parse_chart(text, str(target))
            if report.chart is None:
                from ...errors import ChartError

                raise ChartError(report.problems, str(target))
            return cls(report.chart, target, text, report.problems, raw=raw)
        text = template_text(target, answers)
        session = cls(parse_chart(text, str(target)).chart, target, text)
        session.new_file = True  # untouched, it is not "modified": quitting writes nothing; ctrl+s writes it
        return session

    # --- where things are -----------------------------------------------------------

    def reindex(self) -> None:
        where: dict[str, Where] = {}
        for section in SECTIONS:
            for element in getattr(self.chart, section):
                where.setdefault(element.id, Where(element, section))
                for _, _, child in element.children():
                    where.setdefault(child.id, Where(child, section, element))
        self.where = where

    def get(self, ident: str) -> Element | None:
        found = self.where.get(ident)
        return found.element if found else None

    def top_of(self, element: Element) -> Element:
        found = self.where.get(element.id)
        if found is not None and found.parent is not None and found.element is element:
            return found.parent
        return element

    def list_of(self, element: Element, parent: Element | None) -> list:
        if parent is not None:
            return getattr(parent, CHILD_FIELD[element.KIND][1])
        return getattr(self.chart, SECTION_OF_KIND[element.KIND])

    def unique_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``... whichever is free."""
        candidate, n = wanted, 1
        while candidate in self.where:
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    # --- change record (called by commands) ---------------------------------------------

    def touch(self, obj) -> None:
        """Record that ``obj`` (or the element holding it) is about to change."""
        if obj is self.chart.chart:
            self.record.chart_touched = True
        elif isinstance(obj, Answer):
            self.record.answers_touched = True
        elif isinstance(obj, Element):
            self.record.remember(self.top_of(obj))

    def touch_answers(self) -> None:
        self.record.answers_touched = True

    def inserting(self, element: Element, parent: Element | None) -> None:
        if parent is not None:
            self.touch(parent)
            self.where[element.id] = Where(element, SECTION_OF_KIND[parent.KIND], parent)
            return
        self.record.remember(element, origin=None)
        section = SECTION_OF_KIND[element.KIND]
        self.where[element.id] = Where(element, section)
        for _, _, child in element.children():
            self.where[child.id] = Where(child, section, element)

    def removing(self, element: Element, parent: Element | None) -> None:
        self.touch(parent if parent is not None else element)
        for _, _, child in element.children():
            self._forget(child)
        self._forget(element)

    def _forget(self, element: Element) -> None:
        if self.where.get(element.id, Where(element, "")).element is element:
            del self.where[element.id]

    def renamed(self, element: Element, old_id: str) -> None:
        found = self.where.pop(old_id, None)
        self.where[element.id] = found or Where(element, SECTION_OF_KIND.get(element.KIND, ""))

    def changes(self) -> list[Change]:
        """What changed since the last save, for the comment-preserving save."""
        return self.record.changes(self.chart)

    # --- commands -------------------------------------------------------------------------

    def apply(self, command: Command) -> Command:
        return self.stack.push(command, self)

    def undo(self) -> Command | None:
        return self.stack.undo(self)

    def redo(self) -> Command | None:
        return self.stack.redo(self)

    @property
    def modified(self) -> bool:
        return self.stack.modified

    # --- saving ---------------------------------------------------------------------------

    def changed_on_disk(self) -> bool:
        """Whether the file now differs from what was opened (or last saved)."""
        try:
            now = self.path.read_bytes()
        except FileNotFoundError:
            return self.base_text is not None and not self.new_file
        except OSError:
            return False
        if self.new_file:
            return True  # created by someone else since the editor started it
        return hashlib.sha256(now).hexdigest() != self.base_hash

    def save(self, force: bool = False, changes: list[Change] | None = None, at: int | None = None,
             canonical: bool = True) -> SaveOutcome:
        """Write the chart; raises :class:`ExternalChange` unless ``force``.

        ``changes`` and ``at`` (the undo stack position) are what the caller
        took before starting the save; only that state is marked saved.
        ``canonical=False``: raise :class:`PatchError` rather than rewrite a
        hand-written file canonically.
        """
        if self.read_only:
            raise PermissionError(self.read_only)
        if not force and self.changed_on_disk():
            raise ExternalChange(str(self.path))
        if changes is None:
            changes, at = self.changes(), len(self.stack.done)
        outcome = save_preserving(self.path, self.chart, self.base_text, changes, canonical=canonical,
                                  newline=self.newline)
        self.saved(outcome.text, at)
        return outcome

    def saved(self, text: str, at: int | None = None) -> None:
        """The file now holds ``text`` (the chart at stack position ``at``): it becomes the base of the next save."""
        self.base_text = text
        self.base_hash = _hash(text.replace("\n", self.newline))
        self.record.clear()
        self.new_file = False
        self.stack.mark_saved(at)


def newline_of(raw: bytes) -> str:
    """``\\r\\n`` when the file's first line ends so, else ``\\n``."""
    end = raw.find(b"\n")
    return "\r\n" if end > 0 and raw[end - 1:end] == b"\r" else "\n"


def _hash(text: str | None) -> str | None:
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else None
