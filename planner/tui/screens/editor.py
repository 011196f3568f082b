"""The editor's main screen: the navigator over the live panel, the Details form beside them.

It is the app's default screen (:meth:`~planner.tui.app.EditorApp.get_default_screen`),
so dialogs open over it and the app's keys work on it and on them. It lays
the widgets out and sizes the columns to the terminal; what the widgets show
is handed to them by the app and its controllers (attributes down), and what
they want done comes up to the app as messages. A chart view (F5-F7) takes the
navigator's and form's place in the same grid (:mod:`..controllers.views`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header

from ..core.session import Session
from ..messages import FieldLeft, ModelChosen
from ..widgets.chart_view import ChartView
from ..widgets.detail import DetailForm
from ..widgets.live_panel import LivePanel
from ..widgets.navigator import Navigator
from ..widgets.view_pane import ViewPane

if TYPE_CHECKING:
    from ..controllers.views import ViewController

SIDE_MIN, SIDE_MAX = 30, 44
"""Width of the left column (navigator over live panel): 3 columns for every 10 of the terminal, within these."""


class EditorScreen(Screen[None]):
    """Header, the main grid (navigator, Details form, live panel), footer."""

    def __init__(self, model: str | None, views: ViewController, choose_model: Callable[[str | None], None]) -> None:
        super().__init__()
        self.model = model
        """The live panel's maturity model at start."""
        self.views = views
        """Which chart view is shown: told when a view's cursor moves or the grid must change."""
        self.choose_model = choose_model
        """Told when the live panel's selector changes (the live controller computes that model's levels)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield Navigator(id="nav")
            yield DetailForm(id="detail")
            yield LivePanel(model=self.model, id="live")
        yield Footer()

    async def show_session(self, session: Session) -> None:
        """Hand a (newly opened or recovered) session to every widget that shows it; the chart in the form."""
        form, navigator, live = self.query_one(DetailForm), self.query_one(Navigator), self.query_one(LivePanel)
        form.session = session
        for view in self.query(ChartView):
            view.session = session
        navigator.load(session)
        await form.show("chart")
        live.clear_read_only()
        if session.read_only:  # the chart is not all there: every problem listed, no assessment of what was read
            live.show_read_only(session.load_problems, session.path.name)
        navigator.focus()

    @on(FieldLeft)
    def field_left(self, event: FieldLeft) -> None:
        """Escape in a field of the form: back to the navigator."""
        self.query_one(Navigator).focus()

    @on(ModelChosen)
    def model_chosen(self, event: ModelChosen) -> None:
        self.choose_model(event.name)

    @on(ChartView.Moved)
    def view_moved(self, event: ChartView.Moved) -> None:
        self.views.moved(event.text)

    @on(ViewPane.Resized)
    def view_resized(self, event: ViewPane.Resized) -> None:
        """The terminal crossed the narrow/wide line while a view is shown: its grid follows."""
        self.views.layout(True)

    def fit_columns(self) -> None:
        """The left column grows 3 columns for every 10, from 30 to 44; the Details form takes the rest,
        so it is wider on every wider terminal. Not while a chart view is shown (it sets its own grid)."""
        found = self.query(Navigator)
        if not found or not found.first().display:  # not composed yet, or a chart view is shown
            return
        side = max(SIDE_MIN, min(SIDE_MAX, self.app.size.width * 3 // 10))
        self.query_one("#main").styles.grid_columns = f"{side} 1fr"
