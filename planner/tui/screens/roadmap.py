"""The roadmap preview: where the plan leads, what it costs, and what to do in each phase.

The plan comes from :func:`planner.roadmap.plan` (run by the app in a worker);
this screen only lays it out for a terminal: a summary first (today's level,
the target, weeks, money, effort, whether the projection reaches it), then the
unmet criteria with what closes them, then one table per phase. ``t`` asks for
another target, Escape closes.
"""

from __future__ import annotations

import io

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ...roadmap.report import money, under_way


class RoadmapScreen(ModalScreen[str | None]):
    """Shows one roadmap; dismisses with ``"retarget"`` when the user asks for another target."""

    BINDINGS = [Binding("escape,q", "close", "Close"), Binding("t", "retarget", "Other target")]

    def __init__(self, roadmap, note: str = "") -> None:
        super().__init__()
        self.roadmap, self.note = roadmap, note

    def compose(self) -> ComposeResult:
        r = self.roadmap
        with Vertical(classes="dialog report roadmap"):
            yield Label(Text.assemble(("Roadmap preview", "bold"), "  ", (r.model_name, "dim")), classes="dialog-title")
            with VerticalScroll(classes="report-body", id="roadmap-body"):
                yield Static(summary(r, self.note), id="roadmap-summary")
                yield Static(gaps_table(r), id="roadmap-gaps")
                for phase in r.phases:
                    yield Static(phase_table(r, phase), classes="roadmap-phase")
                if r.warnings:
                    yield Static(Text("\n".join(f"warning: {w}" for w in r.warnings), style="yellow"))
            yield Label("[b]t[/b] other target   [b]Escape[/b] close   arrows / PgUp PgDn scroll", classes="dim")

    def on_mount(self) -> None:
        self.query_one("#roadmap-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_retarget(self) -> None:
        self.dismiss("retarget")


def summary(r, note: str = "") -> Group:
    """Today, the target, and the price: what an operations lead reads first."""
    head = Text.assemble("Today ", (f"level {r.current_level} {r.current_level_name}", "bold"),
                         "  \u2192  target ", (r.target_name, "bold"))
    bound = r.lower_bound.value
    cost = Text(f"{r.makespan:g} weeks (no schedule can beat {bound:g})  \u00b7  "
                f"{money(r.total_cost, r.currency)}  \u00b7  {r.total_effort:g} person-weeks  \u00b7  "
                f"{len([s for s in r.steps if not s.committed])} solutions")
    c = r.constraints
    budget = f"budget {money(c.budget, r.currency)}/phase" if c.budget is not None else "no budget limit"
    terms = Text(f"team of {c.capacity:g}, {c.phase_weeks}-week phases, {budget}, least {c.objective}", style="dim")
    lines = [head, cost, terms]
    if r.trajectory:
        path = "  \u2192  ".join(f"{'today' if p.phase == 0 else f'phase {p.phase}'}: {p.level}" for p in r.trajectory)
        lines.append(Text(f"Level by phase: {path}"))
    if r.reached is True:
        lines.append(Text(f"Projected: {r.target_name} reached.", style="green"))
    elif r.reached is False:
        lines.append(Text(f"Projected: target not reached; still unmet: {', '.join(r.trajectory[-1].unmet)}",
                          style="red"))
    if not r.gaps:
        lines.append(Text("The chart already meets this target: nothing to plan.", style="green"))
    if note:
        lines.append(Text(note, style="yellow"))
    return Group(*lines, Text(""))


def gaps_table(r) -> Table:
    """The unmet criteria up to the target and the solution chosen to close each."""
    table = Table(title="Unmet criteria", title_justify="left", expand=True, show_edge=False, pad_edge=False)
    table.add_column("L", width=2)
    table.add_column("criterion", ratio=3)
    table.add_column("closed by", ratio=1)
    chosen = {s.id for s in r.steps}
    for gap in r.gaps:
        by = [c for c in gap.closed_by if c in chosen] or list(gap.closed_by)
        table.add_row(str(gap.level), Text.assemble((f"{gap.dimension}: ", "dim"), gap.statement),
                      ", ".join(by) or Text("nothing in the catalog", style="red"))
    return table


def phase_table(r, phase) -> Table:
    """What starts in ``phase``: weeks, solution, sourcing, effort, people, cost, prerequisites."""
    after = next((p for p in r.trajectory if p.phase == phase.number), None)
    level = f" \u2192 level {after.level} {after.level_name}" if after else ""
    dates = f", {phase.start_date} to {phase.end_date}" if phase.start_date else ""
    title = (f"Phase {phase.number} (weeks {phase.start_week:g}-{phase.end_week:g}{dates}): "
             f"{money(phase.cost, r.currency)}, {phase.effort:.1f} pw{level}")  # rounded as the text report rounds
    running = under_way(r, phase)  # a phase's effort counts the work started before it: say whose
    starting = [s for s in r.steps if s.phase == phase.number]
    table = Table(title=title, title_justify="left", expand=True, show_edge=False, pad_edge=False,
                  show_header=bool(starting), caption=running[0].upper() + running[1:] if running else None,
                  caption_justify="left")
    for name, kwargs in (("weeks", {"no_wrap": True}), ("solution", {"ratio": 3}), ("how", {}),
                         ("pw", {"justify": "right"}), ("cost", {"justify": "right", "no_wrap": True}),
                         ("after", {"ratio": 2})):
        table.add_column(name, **kwargs)
    for step in starting:
        name = step.name + (" [committed]" if step.committed else "")
        table.add_row(f"{step.start_week:g}-{step.finish_week:g}", name, step.sourcing, f"{step.effort:g}",
                      f"{step.cost:,.0f}", ", ".join(step.after))
    return table


def as_text(r, width: int = 100, note: str = "") -> str:
    """The screen's content as plain text (tests, and anyone who wants to paste it)."""
    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    for part in (summary(r, note), gaps_table(r), *(phase_table(r, phase) for phase in r.phases)):
        console.print(part)
    return console.export_text()
