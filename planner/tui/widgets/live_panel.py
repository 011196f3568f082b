"""The live panel: problems of the chart and, for a chosen maturity model, levels and top gaps."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from ...errors import Problem
from ...textfmt import count
from ..core.live import LiveState, Maturity, model_names
from ..messages import JumpTo, ModelChosen


class LivePanel(Vertical):
    """Kept current by the app (a worker recomputes after each edit); click a problem to jump."""

    BORDER_TITLE = "Live"

    def __init__(self, model: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.model = model
        """The maturity model whose levels are shown (None: problems only); set by the app, changed by the
        selector, which then tells the app with :class:`~..messages.ModelChosen`."""

    def compose(self) -> ComposeResult:
        names = model_names()
        chosen = self.model if self.model in names else Select.NULL
        yield Select([(n, n) for n in names], value=chosen, prompt="maturity: off", id="model",
                     allow_blank=True, compact=True, tooltip="Maturity model whose levels and gaps are shown")
        yield Static("", id="follow")
        yield Static("Problems", id="problems-title")
        yield OptionList(id="problems")
        yield Static("", id="maturity")

    @property
    def model_name(self) -> str | None:
        return self.model

    def choose(self, name: str | None) -> None:
        """Switch the panel to model ``name`` (None: problems only), as if picked in its selector."""
        self.query_one("#model", Select).value = Select.NULL if name is None else name

    def following(self, on: bool) -> None:
        """Show (while a chart view is open) or hide the summary of what is under the view's cursor."""
        follow = self.query_one("#follow", Static)
        follow.display = on  # inline: a class here would restyle the whole panel
        if not on:
            follow.update("")

    def follow(self, text: str) -> None:
        self.query_one("#follow", Static).update(text)

    def assessing(self) -> None:
        """Say that the levels are on their way (a big chart takes a moment)."""
        self.query_one("#maturity", Static).update(f"[dim]assessing ({escape(self.model or '')})...[/dim]")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        name = None if event.value is Select.NULL else str(event.value)
        if name != self.model:
            self.model = name
            if name:
                self.assessing()
            self.post_message(ModelChosen(name))

    read_only = False
    """Showing the problems that made the chart read-only: they stay until another chart is shown."""

    def show_read_only(self, problems: list[Problem], path_name: str) -> None:
        """Every problem of a chart opened read-only, in file order and worded as ``planner check`` prints them."""
        self.read_only = True
        self.add_class("-read-only")
        self.query_one("#problems-title", Static).update(
            f"[b red]Read-only[/b red], fix in the file: {_counts(problems)}")
        options = self.query_one("#problems", OptionList)
        options.clear_options()
        options.add_options(
            Option(Text.assemble(_mark(p), p.format().replace(p.path or "<chart>", path_name, 1)), id=f"{n}:{p.id or ''}")
            for n, p in enumerate(problems))
        self.query_one("#maturity", Static).update("")

    def clear_read_only(self) -> None:
        self.read_only = False
        self.remove_class("-read-only")

    _state: LiveState | None = None
    _width = 0
    _before: Maturity | None = None

    def on_resize(self) -> None:
        """Dimension names are cut to the panel's width: cut them again when it changes (a chart view widens it)."""
        if self._state is None or self.read_only or self.content_size.width == self._width:
            return
        self._width, self._shown = self.content_size.width, self._before  # the same "moved" marks as before
        self.query_one("#maturity", Static).update(self._maturity_text(self._state))

    def update_state(self, state: LiveState) -> None:
        if self.read_only:
            return
        self._state, self._width = state, self.content_size.width
        self.query_one("#maturity", Static).update(self._maturity_text(state))
        title = "[green]No problems[/green]" if not state.problems else f"Problems: {_counts(state.problems)}"
        self.query_one("#problems-title", Static).update(title)
        options = self.query_one("#problems", OptionList)
        options.clear_options()
        options.add_options(
            Option(Text.assemble(_mark(p), p.message), id=f"{n}:{p.id or ''}")
            for n, p in enumerate(state.problems[:300])
        )

    _shown: Maturity | None = None

    def _maturity_text(self, state: LiveState) -> str:
        """Level, each dimension (with what the last edit moved), the top gaps of the next level."""
        if state.note:
            return f"[red]{escape(state.note)}[/red]"
        m = state.maturity
        if m is None:
            return ""
        before = self._shown if self._shown is not None and self._shown.model == m.model else None
        self._shown, self._before = m, before
        of = f" of {m.max_level}" if m.max_level else ""
        score = f" \u00b7 score {m.score:.2f}{of}" if m.score is not None and m.continuous else ""
        lines = [f"Level [b]{m.level}[/b]{of}: [b]{escape(m.level_name)}[/b]{score}"
                 + _moved(before.level if before else None, m.level)]
        room = max(8, self.content_size.width - 12)
        for dim, level in m.dimensions.items():
            name = m.dimension_names.get(dim, dim)
            name = name if len(name) <= room else name[:room - 1] + "\u2026"
            was = before.dimensions.get(dim) if before else None
            lines.append(f"{_bar(level, m.max_level)} {level} {escape(name)}{_moved(was, level)}")
        if m.next_level is None:
            lines.append("[green]top level reached[/green]")
            return "\n".join(lines)
        lines.append(f"[b]Gaps to {m.next_level}[/b] {escape(m.next_level_name)} ({m.gap_count}, at or below it):")
        for gap in m.gaps:
            message = gap.messages[0] if gap.messages else ""
            short = gap.criterion_id.removeprefix(f"{m.model}.")  # "2.coe-sla": gaps below the next level show too
            lines.append(f"\u2022 [yellow]{escape(short)}[/yellow]: {escape(message)}")
        return "\n".join(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ident = (event.option.id or "").split(":", 1)[1]
        if ident:
            self.post_message(JumpTo(ident))


def _counts(problems: list[Problem]) -> str:
    """``1 error, 2 warnings``."""
    errors = sum(1 for p in problems if p.severity == "error")
    return f"{count(errors, 'error')}, {count(len(problems) - errors, 'warning')}"


def _mark(problem: Problem) -> tuple[str, str]:
    return ("E ", "red") if problem.severity == "error" else ("W ", "yellow")


def _bar(level: int, top: int) -> str:
    top = max(top, level, 1)
    return "[green]" + "\u2588" * level + "[/green][dim]" + "\u2591" * (top - level) + "[/dim]"


def _moved(before: int | None, now: int) -> str:
    """`` [green]+1[/green]`` when the last edit raised a level, red when it lowered it."""
    if before is None or before == now:
        return ""
    color = "green" if now > before else "red"
    return f" [{color}]{now - before:+d}[/{color}]"
