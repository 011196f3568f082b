"""The editor application: the session it edits, its keys, and routing between widgets and controllers.

Attributes go down (the session to the widgets), messages come up (edits,
selections, jumps, pickers wanted, a chart view's cursor). Each action is
delegated to a controller of :mod:`.controllers`, built here with the services
it needs (see docs/editor.md, "Code"). The layout is
:class:`.screens.editor.EditorScreen`'s, and the keys and what the editor does around
Textual (printable text, shortcuts, the palette) :class:`.shell.EditorShell`'s.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.screen import Screen

from ..store.templates import Answers
from .controllers.adding import AddController
from .controllers.background import Background
from .controllers.display import SessionDisplay
from .controllers.editing import EditController
from .controllers.files import FileController
from .controllers.live import LiveController
from .controllers.navigation import NavigationController
from .controllers.pickers import Pickers
from .controllers.roadmap import RoadmapController
from .controllers.saving import SaveController
from .controllers.tools import ToolController
from .controllers.views import ViewController
from .core.commands import Command
from .core.live import LiveState
from .core.session import Session
from .messages import ActionRequested, ChoiceWanted, EditRequested, JumpTo, RecordWanted, ReferenceWanted, Target
from .screens.editor import EditorScreen
from .shell import EDITOR_BINDINGS, EditorShell
from .widgets.chart_view import ChartView
from .widgets.detail import DetailForm
from .widgets.live_panel import LivePanel
from .widgets.navigator import Navigator


class EditorApp(EditorShell):
    """``planner edit``: navigator, detail form, live panel; every edit undoable."""

    CSS_PATH = "editor.tcss"
    TITLE = "planner edit"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    """Under 110 columns the rows and the live panel are packed tighter."""
    BINDINGS = EDITOR_BINDINGS

    def __init__(self, path: str | Path | None = None, watch_delay: float = 1.5,
                 new_answers: Answers | None = None) -> None:
        super().__init__()
        self.chart_path = Path(path) if path else None
        self.new_answers = new_answers
        """``planner new``'s answers, asked at the terminal, for a chart that does not exist yet."""
        self.session: Session | None = None
        self.recovery_delay = watch_delay
        self.ready = False
        """True once the chart is loaded and shown (tests and the benchmark wait for it)."""
        self.background = Background(self)
        self.live_data = LiveController(self, self.background, self._live_shown)
        self.tools = ToolController(self, self.background, self.live_data, lambda name: self.live.choose(name))
        self.roadmap = RoadmapController(self, self.background, self.tools.pick_model, lambda: self.live_data.state)
        self.views = ViewController(self, lambda: self.live_data.state)
        self.files = FileController(self, self.background, watch_delay)
        self.editing = EditController(self, self.background, self.views, self.files.edited)
        self.adding = AddController(self, self.editing)
        self.pickers = Pickers(self)
        self.saving = SaveController(self, self.background, self.files, self.editing.flush_pending_edit)
        self.moving = NavigationController(self, self.views, self.editing.apply)
        self.session_display = SessionDisplay(self, self.live_data)

    def get_default_screen(self) -> Screen:
        self.main_screen = EditorScreen(self.model_choice, self.views, self.live_data.choose)
        return self.main_screen

    def on_mount(self) -> None:
        self.sub_title = "loading..."
        self.files.start_loading(self.chart_path)

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        if self.screen is self.main_screen:
            self.main_screen.fit_columns()

    @property
    def navigator(self) -> Navigator:
        return self.query_one(Navigator)

    @property
    def form(self) -> DetailForm:
        return self.query_one(DetailForm)

    @property
    def live(self) -> LivePanel:
        return self.query_one(LivePanel)

    async def show_session(self, session: Session) -> None:
        """Put a (newly opened or recovered) session on screen (:mod:`.controllers.display`)."""
        await self.session_display.show(self.main_screen, session)

    def update_title(self) -> None:
        self.session_display.update_title()

    # --- messages from the widgets ------------------------------------------------------

    @on(EditRequested)
    async def edit_requested(self, event: EditRequested) -> None:
        await self.apply_command(event.command)

    @on(Target)
    async def target(self, event: Target) -> None:
        """The navigator's cursor moved. Handled here, not on the screen: the app's handlers run one at a time,
        so the form is never rebuilt by two of them at once (an edit re-shows it too)."""
        if event.key != self.form.key:
            await self.form.show(event.key)

    @on(ChartView.Leave)
    async def view_left(self, event: ChartView.Leave) -> None:
        await self.views.leave(event.key)

    @on(JumpTo)
    async def jump(self, event: JumpTo) -> None:
        await self.go_to(event.ident)

    @on(ActionRequested)
    async def action_requested(self, event: ActionRequested) -> None:
        await self.run_action(event.action)

    @on(ReferenceWanted)
    def reference_wanted(self, event: ReferenceWanted) -> None:
        self.pickers.pick_reference(event.spec, event.reply, event.exclude, event.skip)

    @on(ChoiceWanted)
    def choice_wanted(self, event: ChoiceWanted) -> None:
        self.pickers.pick_from(event.title, event.choices, event.reply)

    @on(RecordWanted)
    def record_wanted(self, event: RecordWanted) -> None:
        self.pickers.edit_model(event.model, event.existing, event.reply)

    # --- what the live panel shows ------------------------------------------------------------

    @property
    def live_state(self) -> LiveState | None:
        """What the live panel shows now (tests and the benchmark wait on it)."""
        return self.live_data.state

    @property
    def model_choice(self) -> str | None:
        return self.live_data.model

    @model_choice.setter
    def model_choice(self, name: str | None) -> None:
        self.live_data.model = name

    def refresh_live(self, known_problems: list | None = None) -> None:
        self.live_data.refresh(known_problems)

    def _live_shown(self, state: LiveState) -> None:
        self.live.update_state(state)
        if self.view:
            self.views.live_changed()

    @property
    def view(self) -> str | None:
        """The chart view shown (``matrix``, ``org``, ``lanes``), None while the forms are."""
        return self.views.name

    # --- actions, delegated to the controllers ---------------------------------------------

    async def apply_command(self, command: Command) -> bool:
        """Apply an edit through the undo stack; whether it was (tests and the views call it)."""
        return await self.editing.apply(command)

    async def go_to(self, ident: str) -> None:
        await self.moving.go_to(ident)

    def action_assess(self) -> None:
        self.tools.action_assess()

    def action_export(self) -> None:
        self.tools.action_export()

    def action_roadmap(self) -> None:
        self.roadmap.action_roadmap()

    def target_choices(self, model_name: str) -> list[tuple[str, str]]:
        return self.roadmap.target_choices(model_name)

    def start_roadmap(self, model_name: str, target: str) -> None:
        self.roadmap.start(model_name, target)

    def action_save(self) -> None:
        self.saving.action_save()

    async def action_quit(self) -> None:
        self.saving.action_quit()

    async def action_undo(self) -> None:
        await self.editing.undo()

    async def action_redo(self) -> None:
        await self.editing.redo()

    async def action_duplicate(self) -> None:
        await self.editing.duplicate()

    def action_delete(self) -> None:
        self.editing.delete()

    def action_add(self) -> None:
        self.adding.add()

    def action_add_offered(self) -> None:
        """ctrl+n where the footer offers it (:mod:`.shell`): the same Add."""
        self.adding.add()

    def action_add_kind(self, kind: str) -> None:
        self.adding.add_kind(kind)

    def action_add_child(self) -> None:
        self.adding.add_child()

    def action_add_answer(self) -> None:
        self.adding.add_answer()

    def action_search(self) -> None:
        self.pickers.search()

    async def action_show_chart(self) -> None:
        await self.go_to("chart")

    def action_toggle_people(self) -> None:
        self.moving.toggle_people()

    async def action_move_step(self, delta: int) -> None:
        await self.moving.move_step(delta)

    async def action_view(self, name: str) -> None:
        await self.views.show(name)

def run(path: str | Path | None = None) -> None:
    EditorApp(path).run()
