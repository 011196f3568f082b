"""What the three chart views (matrix, org tree, workflow lanes) share: attributes down, messages up.

A view is handed the session it draws (``session``) and the maturity gaps it
glows (``gaps``, capability id -> unmet criteria) by the view controller that
mounts it; it never reads the app. What it wants done goes up as a message:
an edit (:class:`~planner.tui.messages.EditRequested`), a pick from a list
(:class:`~planner.tui.messages.ChoiceWanted`), its cursor moved
(:class:`ChartView.Moved`, which the live panel follows), or back to the forms
(:class:`ChartView.Leave`). The status line is the view's own (see
:class:`.lineview.LineView`), so it is set at once, on every key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from ..messages import ChoiceWanted
from .lineview import LineView

if TYPE_CHECKING:
    from ...model import Capability, Chart
    from ..core.session import Session


class ChartView(LineView):
    """A :class:`.lineview.LineView` over the session's chart, which it is given (``session``)."""

    @dataclass
    class Moved(Message):
        """The cursor moved: what is under it in words (the live panel follows it once the keys pause)."""

        text: str

    @dataclass
    class Leave(Message):
        """Back to the navigator and the form, on element ``key`` (None: the form as it was)."""

        key: str | None = None

    def __init__(self, session: Session | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        """The chart being edited (attributes down: set by whoever mounts the view)."""
        self.gaps: dict[str, list[str]] = {}
        """Capability id -> the unmet criteria naming it, from the live panel's assessment (set with it)."""

    @property
    def chart(self) -> Chart:
        assert self.session is not None, "a chart view is mounted with a session"
        return self.session.chart

    def name_of(self, ident: str | None) -> str:
        """The element's name, or the id itself when no element has it."""
        element = self.session.get(ident) if ident and self.session is not None else None
        return element.name if element is not None else (ident or "")

    def describe(self) -> str:
        """What is under the cursor, in words: the status line and the live panel show it."""
        return ""

    def selected_capability(self) -> Capability | None:
        """The capability the live panel summarizes while the cursor is here (None: the status line instead)."""
        return None

    def moved(self) -> None:
        """The status line says what is under the cursor now, and the live panel is told."""
        if self.is_mounted:
            self.set_status(self.describe())
            self.post_message(self.Moved(self.status_text))

    def pick(self, title: str, choices: list[tuple[str, str]], then: Callable[[str], Any]) -> None:
        """Ask the app for one of ``choices`` (value, label); ``then`` gets the value, unless cancelled."""
        self.post_message(ChoiceWanted(title, choices, lambda value: value and then(value)))

    def leave(self, key: str | None) -> None:
        self.post_message(self.Leave(key))

    def action_open_form(self) -> None:
        """``e``: the element under the cursor in the form."""
        key = self.current_id()
        if key:
            self.leave(key)
