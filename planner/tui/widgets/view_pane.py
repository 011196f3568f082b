"""The pane that holds a chart view in place of the navigator and the form: its title, the view, its keys."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from ..core.session import Session
from .chart_view import ChartView
from .lanes_view import LanesView
from .matrix_view import MatrixView
from .org_view import OrgView

VIEWS = {
    "matrix": ("Capability-resource matrix", MatrixView,
               "a r c i: role  u: uses  space: clear  f: filter  g: gaps  z: fold  e: form  Esc: back"),
    "org": ("Org tree", OrgView, "x: cut  p: paste here  m: move to...  Enter: fold  e: form  Esc: back"),
    "lanes": ("Workflow lanes", LanesView,
              "K J: move step  b: by  t: to  n: new step  w < >: workflow  e: form  Esc: back"),
}


class ViewPane(Vertical):
    """One view at a time; the app mounts it in the navigator's and the form's place."""

    BINDINGS = [Binding("escape", "back", "Forms", show=False),
                Binding("delete,ctrl+d", "not_here", show=False)]

    DEFAULT_CSS = """
    ViewPane { border: round $primary; padding: 0 0; }
    ViewPane #view-keys { color: $text-muted; height: auto; max-height: 2; }
    """

    def __init__(self, name: str, session: Session) -> None:
        super().__init__()
        self.session = session
        """Handed down to the view, which draws its chart."""
        self.view_name = name
        title, cls, keys = VIEWS[name]
        self.border_title = title
        self.view_cls = cls
        self.keys_text = keys

    def compose(self) -> ComposeResult:
        yield self.view_cls(session=self.session, id="view")
        yield Static(Text(self.keys_text), id="view-keys")

    @property
    def view(self) -> ChartView:
        return self.query_one("#view", ChartView)

    class Resized(Message):
        """The pane changed size (the terminal crossed the narrow/wide line, or a dialog closed): the grid follows."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    def action_not_here(self) -> None:
        """Delete and duplicate act on the form's element, which a view hides: not from here."""
        self.app.notify("Delete and duplicate from the form: e opens the element under the cursor.")

    def action_back(self) -> None:
        """Escape: drop a cut person first, else back to the forms."""
        view = self.view
        if getattr(view, "cut", None):
            view.action_uncut()
            return
        view.leave(view.current_id())
