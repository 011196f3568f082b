"""What the editor does around Textual: its keys and footer, safe text, a one-line exit, the palette.

:class:`EditorShell` is the base of :class:`~planner.tui.app.EditorApp` and
holds no chart: it makes every notification printable (a name may hold an
ESC), keeps an exit message for ``run_editor`` to print on one line after the
screen is restored, waits for a dialog's answer, decides which keys work and
which the footer offers, and lists every action in the command palette in words.

Letter and sign keys (``a``, ``/``, ``?``, ``K``...) are shortcuts from the
navigator and the chart views; in a text field they are text, so they go
through the ``shortcut`` action, which is disabled (and hidden from the footer)
while a text field has the focus. Their control-key twins (ctrl+n, ctrl+f, f1)
work everywhere and are not repeated in the footer, with one exception: where
the focused widget takes ``a`` for a key of its own (the matrix sets an A with
it), the footer offers ``^n Add`` in its place, since ctrl+n still adds there.
That is a second ctrl+n binding, ``add_offered``, enabled only then; where it
is disabled, the key falls through to the plain, hidden ``add``.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input

from ..textfmt import printable
from .palette import PALETTE
from .screens.help import HelpScreen

ADD_KEY = "a"

EDITOR_BINDINGS = [
    Binding("ctrl+s", "save", "Save", priority=True),
    Binding("ctrl+z", "undo", "Undo", priority=True),
    Binding("ctrl+y", "redo", "Redo", priority=True, show=False),
    Binding(ADD_KEY, "shortcut('add')", "Add"),
    Binding("ctrl+n", "add_offered", "Add"),
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
"""The editor's keys: the footer offers those not marked ``show=False`` (and enabled where it is drawn)."""


def add_key_taken(focused: DOMNode | None) -> bool:
    """Whether the focused widget, or a container of it below the screen, binds ``a`` to a key of its own."""
    node = focused
    while node is not None and not isinstance(node, (Screen, App)):
        if ADD_KEY in node._bindings.key_to_bindings:
            return True
        node = node.parent
    return False


def allowed(action: str, typing: bool, focused: DOMNode | None) -> bool:
    """The app's ``check_action``: False disables the action and hides its key from the footer."""
    if action == "shortcut":
        return not typing
    if action == "add_offered":
        return add_key_taken(focused)
    return True


class EditorShell(App[None]):
    """An app whose text reaches the terminal printable and whose letter keys are shortcuts only outside fields."""

    exit_note = ""
    """What to print once the screen is restored (``run_editor`` prints it, on one line)."""

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every notification passes through :func:`~planner.textfmt.printable`: an ESC in a name
        or a file name is shown as ``\\x1b``, never handed to the terminal."""
        super().notify(printable(str(message)), title=printable(str(title)), severity=severity, timeout=timeout,
                       markup=markup)

    def exit(self, result=None, return_code: int = 0, message=None) -> None:
        """A text message is kept for ``run_editor`` to print, made :func:`~planner.textfmt.printable`:
        Textual would wrap it at the terminal's width, breaking the one-line error."""
        if isinstance(message, str):
            self.exit_note, message = printable(message), None
        super().exit(result, return_code, message)

    async def ask(self, screen):
        """Show a dialog and wait for its answer (only from a worker, as Textual requires)."""
        return await self.push_screen_wait(screen)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        """Every action in the command palette (ctrl+p), in words (:mod:`.palette`)."""
        yield from super().get_system_commands(screen)
        for entry in PALETTE:
            yield SystemCommand(entry.title, entry.help,
                                lambda action=entry.action: self.call_later(self.run_action, action))

    # --- keys ----------------------------------------------------------------

    def typing(self) -> bool:
        """Whether a text field has the focus (its letters are text, not shortcuts)."""
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return allowed(action, self.typing(), self.focused)  # False: neither run nor shown in the footer

    async def action_shortcut(self, action: str) -> None:
        """A letter key from the navigator or a view: the action it stands for (never from a text field)."""
        await self.run_action(action)
