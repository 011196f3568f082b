"""The editor application: layout, key bindings, and routing between widgets and the core.

Attributes go down (the session to the widgets), messages come up (edits,
selections, jumps, pickers wanted). Each action is delegated to a controller of
:mod:`.controllers`, built here with the services it needs (see docs/editor.md, "Code").
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Input

from ..store.templates import Answers
from ..textfmt import printable
from .controllers.adding import AddController
from .controllers.background import Background
from .controllers.editing import EditController
from .controllers.files import FileController
from .controllers.live import LiveController
from .controllers.pickers import Pickers
from .controllers.roadmap import RoadmapController
from .controllers.saving import SaveController
from .controllers.tools import ToolController
from .controllers.views import ViewController
from .core.commands import Command
from .core.live import LiveState
from .core.session import STRUCTURAL, Session
from .messages import (
    ActionRequested,
    ChoiceWanted,
    EditRequested,
    FieldLeft,
    JumpTo,
    ModelChosen,
    RecordWanted,
    ReferenceWanted,
    Target,
)
from .palette import PALETTE
from .screens.help import HelpScreen
from .widgets.detail import DetailForm
from .widgets.live_panel import LivePanel
from .widgets.navigator import Navigator


class EditorApp(App[None]):
    """``planner edit``: navigator, detail form, live panel; every edit undoable."""

    CSS_PATH = "editor.tcss"
    TITLE = "planner edit"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    """Under 110 columns the rows and the live panel are packed tighter."""
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+z", "undo", "Undo", priority=True),
        Binding("ctrl+y", "redo", "Redo", priority=True, show=False),
        Binding("a", "shortcut('add')", "Add"),
        Binding("ctrl+n", "add", "Add", show=False),
        Binding("f5", "view('matrix')", "Matrix"),
        Binding("f6", "view('org')", "Org"),
        Binding("f7", "view('lanes')", "Lanes"),
        Binding("ctrl+d", "duplicate", "Duplicate", show=False),
        Binding("delete", "delete", "Delete", show=False),
        Binding("slash", "shortcut('search')", "Search"),
        Binding("ctrl+f", "search", "Search", show=False),
        Binding("t", "shortcut('toggle_people')", "People by", show=False),
        Binding("shift+up", "move_step(-1)", "Step up", show=False),
        Binding("shift+down", "move_step(1)", "Step down", show=False),
        Binding("K", "shortcut('move_step(-1)')", "Step up", show=False),
        Binding("J", "shortcut('move_step(1)')", "Step down", show=False),
        Binding("f2", "assess", "Assess"),
        Binding("f3", "roadmap", "Roadmap"),
        Binding("f4", "export", "Export", show=False),
        Binding("question_mark", "shortcut('help')", "Help"),
        Binding("f1", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]
    """Letter and sign keys are shortcuts from the navigator and the views; in a text field they are text,
    so the footer does not offer them there (:meth:`check_action`); ctrl+n, ctrl+f and f1 work everywhere."""

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

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield Navigator(id="nav")
            yield DetailForm(id="detail")
            yield LivePanel(model=self.model_choice, id="live")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "loading..."
        self.files.start_loading(self.chart_path)

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """The left column (navigator over live panel) grows 3 columns for every 10, from 30 to 44;
        the Details form takes the rest, so it is wider on every wider terminal."""
        found = self.query(Navigator)
        if not found or not found.first().display:  # not composed yet, or a chart view (it sets its own grid)
            return
        side = max(30, min(44, self.size.width * 3 // 10))
        self.query_one("#main").styles.grid_columns = f"{side} 1fr"

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
        """Put a (newly opened or recovered) session on screen."""
        self.session = self.form.session = session
        self.navigator.load(session)
        await self.form.show("chart")
        self.update_title()
        self.live.clear_read_only()
        if session.read_only:  # the chart is not all there: every problem listed, no assessment of what was read
            self.live.show_read_only(session.load_problems, session.path.name)
        elif session.stack.edits or not session.base_text:
            self.refresh_live()
        else:  # the problems found while loading are current: show them now, no second check of a big chart
            known = [p for p in session.load_problems if p.code not in STRUCTURAL]
            self.live_data.done(LiveState(session.stack.edits, known), self.model_choice)
            if self.model_choice:
                self.live.assessing()
                self.refresh_live(known_problems=known)  # only the maturity part, in a worker
        self.navigator.focus()
        if session.read_only:
            self.notify(session.read_only, title="Opened read-only", severity="error", timeout=15, markup=False)
        self.ready = True

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every notification passes through :func:`~planner.textfmt.printable`: an ESC in a name
        or a file name is shown as ``\\x1b``, never handed to the terminal."""
        super().notify(printable(str(message)), title=printable(str(title)), severity=severity, timeout=timeout,
                       markup=markup)

    exit_note = ""
    """What to print once the screen is restored (``run_editor`` prints it, on one line)."""

    def exit(self, result=None, return_code: int = 0, message=None) -> None:
        """A text message is kept for ``run_editor`` to print, made :func:`~planner.textfmt.printable`:
        Textual would wrap it at the terminal's width, breaking the one-line error."""
        if isinstance(message, str):
            self.exit_note, message = printable(message), None
        super().exit(result, return_code, message)

    def update_title(self) -> None:
        if self.session is None:
            return
        mark = " [modified]" if self.session.modified else " [new: not saved yet]" if self.session.new_file else ""
        self.title = printable(f"{self.session.path.name}{mark}")
        self.sub_title = "planner edit" + (" (read-only)" if self.session.read_only else "")

    # --- messages from the widgets ------------------------------------------------------

    @on(EditRequested)
    async def edit_requested(self, event: EditRequested) -> None:
        await self.apply_command(event.command)

    @on(Target)
    async def target(self, event: Target) -> None:
        if event.key != self.form.key:
            await self.form.show(event.key)

    @on(JumpTo)
    async def jump(self, event: JumpTo) -> None:
        await self.go_to(event.ident)

    @on(ActionRequested)
    async def action_requested(self, event: ActionRequested) -> None:
        await self.run_action(event.action)

    # --- actions delegated to the controllers ----------------------------------------------

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

    def action_assess(self) -> None:
        self.tools.action_assess()

    def action_save(self) -> None:
        self.saving.action_save()

    async def action_quit(self) -> None:
        self.saving.action_quit()

    async def ask(self, screen):
        """Show a dialog and wait for its answer (only from a worker, as Textual requires)."""
        return await self.push_screen_wait(screen)

    async def apply_command(self, command: Command) -> bool:
        """Apply an edit through the undo stack; whether it was (tests and the views call it)."""
        return await self.editing.apply(command)

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
        nav = self.navigator
        nav.people_by = "reports" if nav.people_by == "team" else "team"
        nav.rebuild()
        self.notify(f"People by {'reporting line' if nav.people_by == 'reports' else 'team'}.", timeout=2)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    # --- requests from the field rows and the live panel ------------------------------------

    @on(ReferenceWanted)
    def reference_wanted(self, event: ReferenceWanted) -> None:
        self.pickers.pick_reference(event.spec, event.reply, event.exclude, event.skip)

    @on(ChoiceWanted)
    def choice_wanted(self, event: ChoiceWanted) -> None:
        self.pickers.pick_from(event.title, event.choices, event.reply)

    @on(RecordWanted)
    def record_wanted(self, event: RecordWanted) -> None:
        self.pickers.edit_model(event.model, event.existing, event.reply)

    @on(ModelChosen)
    def model_chosen(self, event: ModelChosen) -> None:
        self.live_data.choose(event.name)

    @property
    def view(self) -> str | None:
        """The chart view shown (``matrix``, ``org``, ``lanes``), None while the forms are."""
        return self.views.name

    async def action_view(self, name: str) -> None:
        await self.views.show(name)

    async def leave_view(self, key: str | None = None) -> None:
        """Back to the forms (the views call it on Escape or ``e``)."""
        await self.views.leave(key)

    def view_moved(self, text: str) -> None:
        """A view's cursor moved (the views call it)."""
        self.views.moved(text)

    def view_layout(self, on: bool) -> None:
        self.views.layout(on)

    def action_export(self) -> None:
        self.tools.action_export()

    def action_roadmap(self) -> None:
        self.roadmap.action_roadmap()

    def target_choices(self, model_name: str) -> list[tuple[str, str]]:
        return self.roadmap.target_choices(model_name)

    def start_roadmap(self, model_name: str, target: str) -> None:
        self.roadmap.start(model_name, target)

    async def go_to(self, ident: str) -> None:
        if self.view:  # from search or the problems list while a chart view is shown
            await self.views.leave(ident)
            return
        if self.navigator.reveal(ident):
            self.navigator.focus()
        await self.form.show(ident)

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        """Every action in the command palette (ctrl+p), in words (:mod:`.palette`)."""
        yield from super().get_system_commands(screen)
        for entry in PALETTE:
            yield SystemCommand(entry.title, entry.help,
                                lambda action=entry.action: self.call_later(self.run_action, action))

    # --- keys -----------------------------------------------------------------------------

    def typing(self) -> bool:
        """Whether a text field has the focus (its letters are text, not shortcuts)."""
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "shortcut" and self.typing())  # False: neither run nor shown in the footer

    async def action_shortcut(self, action: str) -> None:
        await self.run_action(action)

    async def action_move_step(self, delta: int) -> None:
        """The selected workflow step one place earlier (-1) or later (+1), as one undoable edit."""
        from ..model import Step, Workflow
        from .core.lanes import move_step

        step = self.form.obj
        where = self.session.where.get(step.id) if self.session is not None and isinstance(step, Step) else None
        if where is None or not isinstance(where.parent, Workflow):
            self.notify("Select a workflow step to move it (shift+up, shift+down).")
            return
        try:
            command = move_step(where.parent, step, delta)
        except ValueError as exc:  # already first or last
            self.notify(str(exc), markup=False)
            return
        await self.apply_command(command)

    @on(FieldLeft)
    def field_left(self, event: FieldLeft) -> None:
        self.navigator.focus()


def run(path: str | Path | None = None) -> None:
    EditorApp(path).run()
