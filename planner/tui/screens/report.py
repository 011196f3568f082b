"""A scrollable text report (assessment, roadmap preview) over the editor."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class ReportScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text, self.text = title, text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog report"):
            yield Label(f"{self.title_text}   [dim](Escape closes)[/dim]", classes="dialog-title")
            with VerticalScroll(classes="report-body"):
                yield Static(self.text, markup=False)
