"""A scrollable text report (assessment, roadmap preview) over the editor.

The report comes unwrapped and is wrapped here, once, to the pane's width, each
continuation indented under its line: wrapped first at the report's own width and
again by the pane, a finding would read as a ragged stack of half lines.
"""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


def fit_lines(text: str, width: int) -> list[str]:
    """The lines of ``text``, each longer than ``width`` wrapped with a hanging indent."""
    lines: list[str] = []
    for line in text.splitlines():
        if len(line) <= width:
            lines.append(line)
            continue
        body = line.lstrip()
        lead = line[: len(line) - len(body)]
        rest = lead + "  "
        lines += textwrap.wrap(body, max(width, len(rest) + 20), initial_indent=lead, subsequent_indent=rest,
                               break_on_hyphens=False, break_long_words=True)
    return lines


class ReportScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text, self.text = title, text
        self.fitted_width = 0
        """The width the text was last wrapped to."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog report"):
            yield Label(f"{self.title_text}   [dim](Escape closes)[/dim]", classes="dialog-title")
            with VerticalScroll(classes="report-body", id="report-body"):
                yield Static(Text(self.text), id="report-text")

    def on_mount(self) -> None:
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Wrap to the pane's width (less its scrollbar), once per width."""
        body = self.query_one("#report-body", VerticalScroll)
        width = body.content_region.width - body.styles.scrollbar_size_vertical
        if width <= 0 or width == self.fitted_width:
            return
        self.fitted_width = width
        self.query_one("#report-text", Static).update(Text("\n".join(fit_lines(self.text, width))))
