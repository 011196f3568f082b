"""The undo/redo stack, and whether the document differs from the last save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .commands import Command

if TYPE_CHECKING:
    from .session import Session


class CommandStack:
    """Done and undone commands; ``modified`` compares with the position of the last save.

    A refused command (a validation error) raises from ``push`` and is not recorded.
    """

    def __init__(self, limit: int = 1000):
        self.done: list[Command] = []
        self.undone: list[Command] = []
        self.limit = limit
        self.edits = 0
        """Counts every change (do, undo, redo): the live panel and recovery watch it."""
        self._saved_at: int | None = 0

    def push(self, command: Command, session: Session) -> Command:
        command.do(session)  # atomic: raises having changed nothing
        self.done.append(command)
        if self._saved_at is not None and self._saved_at > len(self.done) - 1:
            self._saved_at = None  # the saved state was undone and is now unreachable
        self.undone.clear()
        if len(self.done) > self.limit:
            del self.done[0]
            self._saved_at = None if self._saved_at in (None, 0) else self._saved_at - 1
        self.edits += 1
        return command

    def undo(self, session: Session) -> Command | None:
        if not self.done:
            return None
        command = self.done.pop()
        command.undo(session)
        self.undone.append(command)
        self.edits += 1
        return command

    def redo(self, session: Session) -> Command | None:
        if not self.undone:
            return None
        command = self.undone.pop()
        command.do(session)
        self.done.append(command)
        self.edits += 1
        return command

    def mark_saved(self, at: int | None = None) -> None:
        """The state at position ``at`` (default: now) is the one on disk."""
        self._saved_at = len(self.done) if at is None else at

    @property
    def modified(self) -> bool:
        return self._saved_at != len(self.done)
