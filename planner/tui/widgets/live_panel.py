"""The live panel: problems of the chart and, for a chosen maturity model, levels and top gaps."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from ..core.live import LiveState, maturity_available, model_names
from ..messages import JumpTo


class LivePanel(Vertical):
    """Kept current by the app (a worker recomputes after each edit); click a problem to jump."""

    BORDER_TITLE = "Live"

    def compose(self) -> ComposeResult:
        names = model_names()
        if names:
            yield Select([(n, n) for n in names], prompt="maturity model...", id="model", allow_blank=True)
        else:
            yield Static("[dim]maturity: not available yet (planner.maturity not installed)[/dim]", id="model-note")
        yield Static("", id="maturity")
        yield Static("Problems", id="problems-title")
        yield OptionList(id="problems")

    @property
    def model_name(self) -> str | None:
        try:
            value = self.query_one("#model", Select).value
        except Exception:
            return None
        return None if value is Select.NULL else str(value)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.app.refresh_live()

    def update_state(self, state: LiveState) -> None:
        self.query_one("#maturity", Static).update(self._maturity_text(state))
        errors = sum(1 for p in state.problems if p.severity == "error")
        warnings = len(state.problems) - errors
        title = "[green]No problems[/green]" if not state.problems else f"Problems: {errors} errors, {warnings} warnings"
        self.query_one("#problems-title", Static).update(title)
        options = self.query_one("#problems", OptionList)
        options.clear_options()
        options.add_options(
            Option(Text.assemble(("E " if p.severity == "error" else "W ", "red" if p.severity == "error" else "yellow"),
                                 p.message), id=f"{n}:{p.id or ''}")
            for n, p in enumerate(state.problems[:300])
        )

    def _maturity_text(self, state: LiveState) -> str:
        if state.note:
            return f"[red]{escape(state.note)}[/red]"
        m = state.maturity
        if m is None:
            return "" if maturity_available() else ""
        lines = [f"[b]{m.model}[/b]: level {m.level} {m.level_name}"]
        for dim, level in m.dimensions.items():
            lines.append(f"  {dim}: {level}")
        if m.next_level is not None:
            lines.append(f"Top gaps to level {m.next_level}:")
            for gap in m.gaps:
                lines.append(f"  [yellow]{escape(gap.criterion_id)}[/yellow] {escape(gap.messages[0] if gap.messages else '')}")
        else:
            lines.append("[green]top level reached[/green]")
        return "\n".join(lines)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ident = (event.option.id or "").split(":", 1)[1]
        if ident:
            self.post_message(JumpTo(ident))
