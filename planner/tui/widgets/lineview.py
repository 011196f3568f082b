"""A focusable, virtualized list of lines with a cursor: the base of the chart views.

Textual's DataTable mounts every row (10,000 rows take over a second), so the
views draw only what is on screen through the Line API: ``render_line(y)``
asks the subclass for row ``top + y`` and nothing else is built. The subclass
says how many rows there are and how to draw one; this class keeps the cursor
on screen, pages, and turns clicks and the wheel into cursor moves.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget

HEADER = Style(bold=True)
CURSOR = Style(reverse=True)
DIM = Style(dim=True)
GLOW = Style(color="yellow", bold=True)
BAD = Style(color="red", bold=True)
AREA = Style(bold=True, color="bright_cyan")
STATUS = Style(bgcolor="grey19")


def strip_of(parts: list[tuple[str, Style | None]], width: int) -> Strip:
    """A line of styled text, cut or padded to ``width`` cells."""
    segments = [Segment(text, style) for text, style in parts if text]
    return Strip(segments).crop_extend(0, width, None)


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells, shortened with an ellipsis."""
    if width <= 0:
        return ""
    text = text.replace("\n", " ")
    return text.ljust(width) if len(text) <= width else text[:width - 1] + "\u2026"


class LineView(Widget, can_focus=True):
    """Rows drawn on demand below ``header_height`` fixed lines; ``cursor`` is a row index."""

    BINDINGS = [
        Binding("up", "cursor_by(-1)", show=False), Binding("down", "cursor_by(1)", show=False),
        Binding("pageup", "page(-1)", show=False), Binding("pagedown", "page(1)", show=False),
        Binding("home", "jump(0)", show=False), Binding("end", "jump(-1)", show=False),
    ]
    DEFAULT_CSS = "LineView { height: 1fr; }"

    header_height = 0
    footer_height = 2
    """The status line (what is under the cursor), drawn here rather than in a widget of its own:
    updating a separate widget on every key would lay the whole screen out again."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.cursor = 0
        self.top = 0
        self.status_text = ""

    # --- for subclasses ----------------------------------------------------------------------

    def row_count(self) -> int:
        return 0

    def draw_row(self, index: int, width: int) -> Strip:
        return Strip.blank(width)

    def draw_header(self, y: int, width: int) -> Strip:
        return Strip.blank(width)

    def current_id(self) -> str | None:
        """The element under the cursor, shown in the form when the view is left."""
        return None

    def moved(self) -> None:
        """The cursor moved (the views tell the status line and the live panel)."""

    # --- drawing ---------------------------------------------------------------------------------

    @property
    def page_size(self) -> int:
        return max(1, self.size.height - self.header_height - self.footer_height)

    def set_status(self, text: str) -> None:
        if text != self.status_text:
            self.status_text = text
            self.refresh()

    def draw_status(self, line: int, width: int) -> Strip:
        text = self.status_text.replace("\n", " ")
        chunk = text[line * width:(line + 1) * width] if line + 1 < self.footer_height else text[line * width:]
        return strip_of([(fit(chunk, width) if len(chunk) > width else chunk, STATUS)], width).apply_style(STATUS)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y >= self.size.height - self.footer_height:
            return self.draw_status(y - (self.size.height - self.footer_height), width)
        if y < self.header_height:
            return self.draw_header(y, width)
        index = self.top + y - self.header_height
        if index >= self.row_count():
            return Strip.blank(width)
        return self.draw_row(index, width)

    def keep_visible(self) -> None:
        if not self.size.height:  # not laid out yet: the first resize places the page
            return
        count = self.row_count()
        self.cursor = max(0, min(self.cursor, count - 1))
        if self.cursor < self.top:
            self.top = self.cursor
        elif self.cursor >= self.top + self.page_size:
            self.top = self.cursor - self.page_size + 1
        self.top = max(0, min(self.top, max(0, count - self.page_size)))

    def set_cursor(self, index: int) -> None:
        self.cursor = index
        self.keep_visible()
        self.refresh()
        self.moved()

    def on_resize(self, event: events.Resize) -> None:
        self.keep_visible()

    # --- keys and mouse ----------------------------------------------------------------------------

    def action_cursor_by(self, delta: int) -> None:
        self.set_cursor(self.cursor + delta)

    def action_page(self, delta: int) -> None:
        self.top = max(0, self.top + delta * self.page_size)
        self.set_cursor(self.cursor + delta * self.page_size)

    def action_jump(self, where: int) -> None:
        self.set_cursor(self.row_count() - 1 if where < 0 else where)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_cursor_by(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_cursor_by(-3)

    def on_click(self, event: events.Click) -> None:
        if event.y >= self.header_height:
            self.clicked_at(self.top + event.y - self.header_height, event.x)

    def clicked_at(self, index: int, x: int) -> None:
        self.set_cursor(index)
