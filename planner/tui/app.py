"""The editor application: layout, key bindings, and routing between widgets and the core.

Attributes go down (the session to the widgets), messages come up (edits,
selections, jumps). The actions live in mixins by theme: files
(:mod:`.actions_file`), editing (:mod:`.actions_edit`), analysis tools
(:mod:`.actions_tools`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header

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
from .screens.help import HelpScreen
from .core.live import LiveState
from .core.commands import Command
from .core.session import STRUCTURAL, Session
from .messages import ActionRequested, EditRequested, JumpTo, Target
from .widgets.detail import DetailForm
from .widgets.live_panel import LivePanel
from .widgets.navigator import Navigator


class EditorApp(App[None]):
    """``planner edit``: navigator, detail form, live panel; every edit undoable."""

    CSS_PATH = "editor.tcss"
    TITLE = "planner edit"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    """Under 110 columns the live panel moves under the navigator, so the form keeps its width."""
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+z", "undo", "Undo", priority=True),
        Binding("ctrl+y", "redo", "Redo", priority=True, show=False),
        Binding("a,ctrl+n", "add", "Add"),
        Binding("f5", "view('matrix')", "Matrix"),
        Binding("f6", "view('org')", "Org"),
        Binding("f7", "view('lanes')", "Lanes"),
        Binding("ctrl+d", "duplicate", "Duplicate", show=False),
        Binding("delete", "delete", "Delete", show=False),
        Binding("slash,ctrl+f", "search", "Search"),
        Binding("t", "toggle_people", "People by", show=False),
        Binding("f2", "assess", "Assess"),
        Binding("f3", "roadmap", "Roadmap"),
        Binding("f4", "export", "Export", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, path: str | Path | None = None, watch_delay: float = 1.5) -> None:
        super().__init__()
        self.chart_path = Path(path) if path else None
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
            yield LivePanel(id="live")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "loading..."
        self.files.start_loading(self.chart_path)

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
        self.session = session
        self.navigator.load(session)
        await self.form.show("chart")
        self.update_title()
        if session.stack.edits or not session.base_text:
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
        mark = " [modified]" if self.session.modified else ""
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

    def pick_reference(self, spec, callback, exclude: str | None = None, skip: set[str] | None = None) -> None:
        self.pickers.pick_reference(spec, callback, exclude, skip)

    def pick_from(self, title: str, choices: list[tuple[str, str]], callback) -> None:
        self.pickers.pick_from(title, choices, callback)

    def edit_model(self, model, existing, callback) -> None:
        self.pickers.edit_model(model, existing, callback)

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
        """Every action in the command palette (ctrl+p)."""
        yield from super().get_system_commands(screen)
        for binding in self.BINDINGS:
            yield SystemCommand(binding.description, f"{binding.key}: {binding.action}",
                                lambda action=binding.action: self.call_later(self.run_action, action))
        extra = [
            ("Add a person", "add_kind('person')"), ("Add an organization (vendor, agency, BPO...)", "add_kind('org')"),
            ("Add a capability", "add_kind('capability')"), ("Add a system", "add_kind('system')"),
            ("Add a data source", "add_kind('data')"), ("Add a team", "add_kind('team')"),
            ("Add a workflow", "add_kind('workflow')"), ("Add a Center of Excellence", "add_kind('coe')"),
            ("Add a value chain", "add_kind('chain')"), ("Add a step to the selected workflow", "add_child"),
            ("Answer a self-assessment criterion", "add_answer"), ("Edit the chart's metadata", "show_chart"),
            ("Preview the roadmap to a target level", "roadmap"), ("Export a diagram view to a file", "export"),
            ("Toggle people by team / by reporting line", "toggle_people"),
            ("Capability-resource matrix (F5)", "view('matrix')"), ("Org tree (F6)", "view('org')"),
            ("Workflow lanes (F7)", "view('lanes')"),
        ]
        for title, action in extra:
            yield SystemCommand(title, action, lambda action=action: self.call_later(self.run_action, action))


def run(path: str | Path | None = None) -> None:
    EditorApp(path).run()
