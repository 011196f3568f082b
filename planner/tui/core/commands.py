"""Edits as commands with do and undo, so that every edit can be undone and redone.

Commands hold the objects they change (not ids), so undo restores the very
objects, and the session's record of which elements changed, which the
comment-preserving save relies on, follows them by identity. Each command tells
the session what it touches before it changes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ...model import Answer, Element

if TYPE_CHECKING:
    from .session import Session


class Command:
    """An edit; ``do`` either applies completely or raises having changed nothing.

    ``label`` names it in the undo history; ``focus`` is the id to show after it.
    """

    label: str = "edit"
    focus: str | None = None

    def do(self, session: Session) -> None:
        raise NotImplementedError

    def undo(self, session: Session) -> None:
        raise NotImplementedError


@dataclass
class SetField(Command):
    """Set one field of an element, of the chart's metadata, or of an answer."""

    obj: BaseModel
    name: str
    value: Any
    label: str = ""
    old: Any = None

    def __post_init__(self) -> None:
        self.label = self.label or f"set {self.name} of {getattr(self.obj, 'id', 'chart')}"
        self.focus = getattr(self.obj, "id", None)

    def do(self, session: Session) -> None:
        session.touch(self.obj)
        self.old = getattr(self.obj, self.name)
        self._set(session, self.value, self.old)

    def undo(self, session: Session) -> None:
        session.touch(self.obj)
        self._set(session, self.old, self.value)

    def _set(self, session: Session, value: Any, previous: Any) -> None:
        setattr(self.obj, self.name, value)
        if self.name == "id" and isinstance(self.obj, Element):
            session.renamed(self.obj, previous)
        self.focus = getattr(self.obj, "id", None)


@dataclass
class SetAnswer(Command):
    """Set, replace or remove (``answer=None``) the self-assessment answer of a criterion."""

    key: str
    answer: Answer | None
    label: str = ""
    old: Answer | None = None

    def __post_init__(self) -> None:
        self.label = self.label or (f"answer {self.key}" if self.answer else f"remove answer {self.key}")

    def do(self, session: Session) -> None:
        self.old = session.chart.answers.get(self.key)
        self._put(session, self.answer)

    def undo(self, session: Session) -> None:
        self._put(session, self.old)

    def _put(self, session: Session, answer: Answer | None) -> None:
        session.touch_answers()
        answers = dict(session.chart.answers)
        if answer is None:
            answers.pop(self.key, None)
        else:
            answers[self.key] = answer
        session.chart.answers = answers


@dataclass
class AddElement(Command):
    """Insert an element into a section, or a step/contract into its parent (at ``index``, default the end)."""

    element: Element
    parent: Element | None = None
    index: int | None = None
    label: str = ""

    def __post_init__(self) -> None:
        self.label = self.label or f"add {self.element.KIND} {self.element.id}"
        self.focus = self.element.id

    def do(self, session: Session) -> None:
        items = session.list_of(self.element, self.parent)
        at = len(items) if self.index is None else self.index
        session.inserting(self.element, self.parent)
        items.insert(at, self.element)
        self.index = at

    def undo(self, session: Session) -> None:
        session.removing(self.element, self.parent)
        session.list_of(self.element, self.parent).remove(self.element)
        self.focus = self.parent.id if self.parent else None


@dataclass
class DeleteElement(Command):
    """Remove an element (with its steps or contracts); undo puts it back where it was."""

    element: Element
    parent: Element | None = None
    label: str = ""
    index: int = 0

    def __post_init__(self) -> None:
        self.label = self.label or f"delete {self.element.KIND} {self.element.id}"

    def do(self, session: Session) -> None:
        items = session.list_of(self.element, self.parent)
        self.index = next(i for i, item in enumerate(items) if item is self.element)
        session.removing(self.element, self.parent)
        del items[self.index]
        self.focus = self.parent.id if self.parent else None

    def undo(self, session: Session) -> None:
        session.inserting(self.element, self.parent)
        session.list_of(self.element, self.parent).insert(self.index, self.element)
        self.focus = self.element.id


@dataclass
class Macro(Command):
    """Several commands as one undo step (a delete with its unlinks, a rename with its references)."""

    commands: list[Command] = field(default_factory=list)
    label: str = "edit"
    lead: Command | None = None
    """The command whose focus is shown after do and undo (a delete: its parent, then the restored element)."""

    def do(self, session: Session) -> None:
        """All or nothing: when one command is refused, the ones before it are undone."""
        finished: list[Command] = []
        try:
            for command in self.commands:
                command.do(session)
                finished.append(command)
        except Exception:
            for command in reversed(finished):
                command.undo(session)
            raise
        self.focus = self.lead.focus if self.lead else next((c.focus for c in reversed(self.commands) if c.focus), None)

    def undo(self, session: Session) -> None:
        for command in reversed(self.commands):
            command.undo(session)
        self.focus = self.lead.focus if self.lead else next((c.focus for c in self.commands if c.focus), None)


@dataclass
class MoveItem(Command):
    """Move a step (or contract) to another place in its parent's list; the save rewrites only the moved lines."""

    parent: Element
    element: Element
    index: int
    label: str = ""
    old: int = 0

    def __post_init__(self) -> None:
        self.label = self.label or f"move {self.element.id} to place {self.index + 1}"
        self.focus = self.element.id

    def do(self, session: Session) -> None:
        items = session.list_of(self.element, self.parent)
        if not 0 <= self.index < len(items):
            raise ValueError(f"{self.element.id} cannot move to place {self.index + 1} of {len(items)}")
        session.touch(self.parent)
        self.old = next(i for i, item in enumerate(items) if item is self.element)
        items.insert(self.index, items.pop(self.old))

    def undo(self, session: Session) -> None:
        session.touch(self.parent)
        items = session.list_of(self.element, self.parent)
        items.insert(self.old, items.pop(self.index))
