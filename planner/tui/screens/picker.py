"""Pick one item from a list by typing to filter it: references, search, criteria, views."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

SHOWN = 200


class PickerScreen(ModalScreen[str | None]):
    """Type to filter (by id, name or kind), arrows to move, Enter to pick, Escape to cancel."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("down", "focus_list", show=False)]

    def __init__(self, title: str, candidates: list[tuple[str, str]], allow_new: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.candidates = candidates
        self.folded = [(value, label, f"{value} {label}".casefold()) for value, label in candidates]
        self.names = {value: (value.casefold(), label.split("  ")[0].strip().casefold()) for value, label in candidates}
        """The id and the name of each candidate (a label starts with the name), for ranking."""
        self.allow_new = allow_new

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label(Text(self.title_text), classes="dialog-title")
            yield Input(placeholder="type to filter...", id="filter")
            yield OptionList(id="choices")
            yield Label("", id="count", classes="dim")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#filter", Input).focus()

    def _fill(self, text: str) -> None:
        words = text.casefold().split()
        matches = [(v, label) for v, label, hay in self.folded if all(w in hay for w in words)]
        if words:
            matches.sort(key=lambda match: self.rank(match[0], " ".join(words)))
        options = self.query_one("#choices", OptionList)
        options.clear_options()
        if self.allow_new and text.strip() and text.strip() not in {v for v, _ in matches}:
            options.add_option(Option(Text(f"+ new: {text.strip()}"), id=f"new:{text.strip()}"))
        options.add_options(Option(Text(label), id=f"v:{value}") for value, label in matches[:SHOWN])
        if options.option_count:
            options.highlighted = 0
        more = f" (showing {SHOWN}; type more to narrow)" if len(matches) > SHOWN else ""
        self.query_one("#count", Label).update(f"{len(matches)} of {len(self.candidates)}{more}")

    def rank(self, value: str, typed: str) -> int:
        """0 when the name is exactly what was typed, 1 when the id is, else 2 (the list's order kept within)."""
        ident, name = self.names.get(value, (value.casefold(), ""))
        return 0 if typed == name else 1 if typed == ident else 2

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        options = self.query_one("#choices", OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id:
            self.dismiss(option_id.split(":", 1)[1])

    def key_up(self) -> None:
        options = self.query_one("#choices", OptionList)
        if self.query_one("#filter", Input).has_focus and options.highlighted:
            options.highlighted -= 1

    def action_focus_list(self) -> None:
        options = self.query_one("#choices", OptionList)
        if self.query_one("#filter", Input).has_focus and options.option_count:
            options.highlighted = min((options.highlighted or 0) + 1, options.option_count - 1)
        else:
            options.action_cursor_down()

    def action_cancel(self) -> None:
        self.dismiss(None)
