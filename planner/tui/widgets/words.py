"""A field of an open vocabulary (a capability's practices and channels): typed, or picked with meanings.

The maturity rules read only known words, and a word that is almost right
(``email_blast`` for ``mass_email``) silently counts for nothing. So beside the
comma-separated input there is a picker listing every known word with its
meaning, filtered as the user types (by word or by meaning: "word of mouth" finds
``wom_tracking``), and the row says which of its words no criterion reads. Free
words remain allowed, as in the file: the picker offers a typed word as new.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..screens.picker import PickerScreen
from .field_row import TextRow

WORD = re.compile(r"^[a-z0-9][a-z0-9_]*$")
"""What a chart accepts as a word (``Word`` in ``planner.model.capability``)."""


class WordPicker(PickerScreen):
    """The picker for words: matches on the word come before matches on the meaning only.

    Typing ``loyalty`` should put ``loyalty_program`` under Enter, not
    ``adaptive_pricing`` whose meaning mentions loyalty. A well-formed word that is
    not a known one is offered as new, after the matches (other pickers put "new"
    first, but here a known word is what the user most likely wants).
    """

    def _fill(self, text: str) -> None:
        typed = text.strip()
        stem = "_".join(typed.casefold().split())
        terms = text.casefold().split()
        hits = [(value, label) for value, label, hay in self.folded if all(t in hay for t in terms)]
        hits.sort(key=lambda hit: 0 if hit[0].startswith(stem) else 1 if stem in hit[0] else 2)
        options = self.query_one("#choices", OptionList)
        options.clear_options()
        options.add_options(Option(Text.assemble((value, "bold"), label[len(value):]), id=f"v:{value}")
                            for value, label in hits)
        if WORD.fullmatch(typed) and typed not in {value for value, _ in self.candidates}:
            options.add_option(Option(Text(f"+ new word: {typed}"), id=f"new:{typed}"))
        if options.option_count:
            options.highlighted = 0
        self.query_one("#count", Label).update(f"{len(hits)} of {len(self.candidates)} known words")


class WordsRow(TextRow):
    """The words as comma-separated text, a button that picks one more, and a note on unknown words.

    The known words come down in ``spec.vocabulary``; a pick is checked like typed
    text and goes up as :class:`~planner.tui.messages.FieldCommitted`.
    """

    def control(self) -> ComposeResult:
        yield from super().control()
        noun = self.spec.label.removesuffix("s")
        yield Button("+", classes="small", id="pick-word", compact=True,
                     tooltip=f"Pick a known {noun} from the list, with what each means")

    def below(self) -> ComposeResult:
        unknown = self.unknown()
        if unknown:
            note = f"not known to the rules: {', '.join(unknown)}"
            yield Static(Text(note, style="dim"), classes="words-note")

    def unknown(self) -> list[str]:
        """The words of the value that are not in the vocabulary, in their order."""
        known = {word for word, _ in self.spec.vocabulary}
        return [word for word in self.value if word not in known]

    def candidates(self) -> list[tuple[str, str]]:
        """What the picker lists: the known words not chosen yet, each with its meaning."""
        chosen = set(self.value)
        return [(word, f"{word}  {meaning}") for word, meaning in self.spec.vocabulary if word not in chosen]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "pick-word":
            title = f"Add to {self.spec.label} (type to filter by word or meaning; a new word is allowed)"
            self.app.push_screen(WordPicker(title, self.candidates()), self.picked)

    def picked(self, word: str | None) -> None:
        """Add the picked word after the words in the box (typed but not yet committed ones included)."""
        if not word:
            return
        typed = [w.strip() for w in self.query_one(Input).value.split(",") if w.strip()]
        self.commit(", ".join(typed if word in typed else [*typed, word]))
