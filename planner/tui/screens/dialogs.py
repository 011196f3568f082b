"""Questions the editor asks: unsaved changes, file changed on disk, recovery, deletes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from ...textfmt import count, plural


class ChoiceScreen(ModalScreen[str]):
    """A message and buttons; returns the id of the button pressed (``cancel`` on Escape).

    The arrow keys move between the buttons as Tab does: a row of buttons is where
    a person reaches for left and right first.
    """

    BINDINGS = [Binding("escape", "dismiss('cancel')", "Cancel"),
                Binding("left", "app.focus_previous", "Previous button", show=False),
                Binding("right", "app.focus_next", "Next button", show=False)]

    def __init__(self, title: str, message: str | Text | Content, buttons: list[tuple[str, str, str]],
                 details: list[str] | None = None):
        super().__init__()
        self.title_text, self.message, self.buttons, self.details = title, message, buttons, details or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text), classes="dialog-title")  # user text: never markup
            yield Static(Text(self.message) if isinstance(self.message, str) else self.message,
                         classes="dialog-message")  # a plain string is user text: never markup
            if self.details:
                with VerticalScroll(classes="dialog-details"):
                    yield Static(Text("\n".join(self.details)))
            with Horizontal(classes="dialog-buttons"):
                for key, label, variant in self.buttons:
                    yield Button(label, id=key, variant=variant)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")


def quit_dialog(name: str) -> ChoiceScreen:
    return ChoiceScreen("Unsaved changes", f"Save the changes to {name} before quitting?",
                        [("save", "Save and quit", "primary"), ("discard", "Quit without saving", "error"),
                         ("cancel", "Cancel", "default")])


def open_form_dialog(title: str) -> ChoiceScreen:
    return ChoiceScreen("A form is open", f"\"{title}\" holds values that are not in the chart yet. "
                        "Quit and lose them?",
                        [("cancel", "Back to the form", "primary"), ("discard", "Quit and lose them", "error")])


def external_change_dialog(name: str) -> ChoiceScreen:
    return ChoiceScreen("File changed on disk",
                        f"{name} was changed by another program since you opened it. "
                        "Saving now would overwrite those changes; reloading shows them, dropping your unsaved edits.",
                        [("cancel", "Do not save", "primary"), ("reload", "Reload from disk", "warning"),
                         ("overwrite", "Overwrite anyway", "error")])


def canonical_dialog(name: str, reason: str) -> ChoiceScreen:
    return ChoiceScreen("Cannot keep comments",
                        f"{name} cannot be saved changing only the edited parts ({reason}). "
                        f"Save it in canonical form, losing its comments and formatting? "
                        f"The previous text is kept in a backup beside it ({name}.bak, or the next free "
                        f"{name}.bak.N).",
                        [("cancel", "Cancel", "primary"), ("canonical", "Save in canonical form", "error")])


def read_only_dialog(name: str) -> ChoiceScreen:
    return ChoiceScreen("Read-only file", f"{name} is read-only, so it was not replaced. "
                        "Save the chart under another name?",
                        [("save_as", "Save as...", "primary"), ("cancel", "Cancel", "default")])


def replace_dialog(name: str) -> ChoiceScreen:
    return ChoiceScreen("File exists", f"{name} already exists. Replace it with this chart?",
                        [("cancel", "Cancel", "primary"), ("replace", "Replace it", "error")])


def recovery_dialog(name: str, written: str, base_matches: bool) -> ChoiceScreen:
    note = "" if base_matches else (" The file has changed since; recovered edits will be saved as a whole new "
                                    "version of the file.")
    return ChoiceScreen("Recover unsaved edits?",
                        f"The editor did not close cleanly. Unsaved edits to {name} from {written} were kept.{note}",
                        [("recover", "Recover edits", "primary"), ("discard", "Discard them", "error")])


def delete_dialog(label: str, uses: list[str], blocked: str) -> ChoiceScreen:
    if not uses:
        return ChoiceScreen(f"Delete {label}?", "Nothing refers to it.",
                            [("unlink", "Delete", "error"), ("cancel", "Cancel", "default")])
    message = Content(f"{count(len(uses), 'reference')} {plural(len(uses), 'names', 'name')} it and would break:")
    buttons = [("reassign", "Reassign to...", "primary"), ("cancel", "Cancel", "default")]
    if blocked:  # the theme's error colour, as every other warning of the editor; the reason is user text
        message += Content.from_markup("\n[$error]Cannot simply unlink: $blocked[/]", blocked=blocked)
        message += Content("\nReassign them to another element, or cancel.")
    else:
        buttons.insert(0, ("unlink", "Delete and unlink", "error"))
    return ChoiceScreen(f"Delete {label}?", message, buttons, uses)
