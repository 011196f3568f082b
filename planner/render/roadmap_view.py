"""The roadmap diagram: phases left to right on a timeline, solutions colored by sourcing.

A timeline runs along the phases: today's level, then the level reached at the
end of each phase (colored like the heat map). Each phase is a box holding the
solutions that start in it, filled by sourcing (build, buy, rent, partner);
arrows are prerequisites. Invisible edges from each timeline marker to the
phase's solutions, and from them to the next marker, keep phases in order.

Pure: returns DOT text; the store writes it
(``planner.store.diagrams.draw("roadmap", path, roadmap)``).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ..textfmt import count, plural
from .dot import Html, font, text
from .draw import keyed, new_dot, title
from .legend import Legend, beside_title
from .registry import Diagram, register_diagram
from .theme import DEFAULT_THEME, INK, Theme, level_color

WRAP = 26
PREREQUISITE: dict[str, Any] = {"color": INK["prerequisite"], "penwidth": 1.2, "arrowsize": 0.7}
"""Prerequisite arrows: solution needed -> solution that needs it."""
STAGED: dict[str, Any] = {"color": INK["staged"], "style": "dashed", "arrowsize": 0.6}
"""Staged-model arrows: level N work of a dimension -> level N+1 work of the same dimension."""
PHASE_BOX = {"style": "rounded,filled", "fillcolor": INK["phase"], "penwidth": 2}
MARKER = {"shape": "box", "style": "rounded,filled,bold", "fontsize": 10, "margin": "0.12,0.06"}


def roadmap_to_dot(roadmap, *, theme: Theme = DEFAULT_THEME, heading: str | None = None) -> str:
    """DOT text of a :class:`planner.roadmap.Roadmap`."""
    dot = new_dot(theme, rankdir="LR", newrank="true", nodesep=0.25, ranksep=0.45)
    levels = _levels(roadmap)
    markers = [keyed("timeline", n) for n in range(len(roadmap.phases) + 1)]
    dot.node(markers[0], _marker_label("Today", None, levels.get(0)), **_marker_style(levels.get(0), roadmap))
    used = []
    shown = [p for p in roadmap.phases if any(s.phase == p.number for s in roadmap.steps)
             or p.number == len(roadmap.phases)]
    previous = markers[0]
    for phase in shown:  # only phases that exist: one where nothing starts draws no empty box or marker
        steps = [s for s in roadmap.steps if s.phase == phase.number]
        color = level_color(levels[phase.number][0], _max_level(roadmap))[0] if phase.number in levels else theme.ink["frame"]
        with dot.cluster(_phase_label(roadmap, phase), **{**theme.cluster, **PHASE_BOX, "color": color}) as box:
            for step in steps:  # a phase without steps draws no box (Graphviz drops an empty cluster)
                box.node(step.id, _step_label(step, roadmap.currency), **_step_style(step, theme))
                used.append(step.sourcing)
        end = f"End of phase {phase.number}" + (f"\n{phase.end_date.isoformat()}" if phase.end_date else "")
        if not steps:  # the work started earlier finishes here: the end of the plan, not a phase of its own
            done = max((s.finish_date for s in roadmap.steps if s.finish_date), default=None)
            end = f"Done \u00b7 week {roadmap.makespan:g}" + (f"\n{done.isoformat()}" if done else "")
        dot.node(markers[phase.number], _marker_label(end, phase, levels.get(phase.number)),
                 **_marker_style(levels.get(phase.number), roadmap))
        dot.edge(previous, markers[phase.number], penwidth=3, color=theme.ink["timeline"], arrowhead="none", weight=20)
        for step in steps:
            dot.edge(previous, step.id, style="invis", weight=2)
            dot.edge(step.id, markers[phase.number], style="invis", weight=1)
        previous = markers[phase.number]
    _attest(dot, roadmap, theme, markers[0])
    known = {s.id for s in roadmap.steps}
    for step in roadmap.steps:
        for pre in step.after:
            if pre in known:
                dot.edge(pre, step.id, **PREREQUISITE)
        for pre in step.staged_after:
            if pre in known:
                dot.edge(pre, step.id, **STAGED)
    heading_block = title(heading or f"Roadmap: {roadmap.chart}", _subtitle(roadmap), _notes(roadmap))
    # the legend under the title, as the other views place it: a timeline is wide and short
    dot.attrs("graph", label=beside_title(heading_block, _legend(roadmap, used, theme), theme, below=True),
              labelloc="t", labeljust="l")
    return dot.source()


ATTEST_NODE = {"shape": "note", "style": "filled", "fillcolor": INK["attest_fill"], "color": INK["attest"], "margin": "0.1,0.05"}
"""Attest-or-act items: a person answers them; the plan does not."""


def _attest(dot, roadmap, theme: Theme, today: Hashable) -> None:
    """The attest-or-act items in their own box beside today: who answers, and for which criterion."""
    if not roadmap.attest:
        return
    head = font(text("Attest or act (a person answers)"), bold=True, size=12)
    with dot.cluster(Html(head), **{**theme.cluster, **PHASE_BOX, "color": ATTEST_NODE["color"]}) as box:
        for n, item in enumerate(roadmap.attest):
            node = keyed("attest", n)
            who = item.who.split(" (")[0] if item.who else ""
            lines = [font(text(item.criterion, wrap=WRAP), bold=True), font(text(item.statement, wrap=WRAP), size=8)]
            if who:
                lines.append(font(text(f"who: {who}", wrap=WRAP), size=8, color=theme.ink["muted"]))
            box.node(node, Html("<BR/>".join(lines)), **ATTEST_NODE)
            dot.edge(today, node, style="invis", weight=1)


def _levels(roadmap) -> dict[int, tuple[int, str]]:
    return {p.phase: (p.level, p.level_name) for p in roadmap.trajectory}


def _max_level(roadmap) -> int:
    return max([5] + [p.level for p in roadmap.trajectory])


def _marker_label(heading: str, phase, level) -> Html:
    """Short lines (what, when, level): a timeline of markers one line wide would not fit a slide."""
    first, _, when = heading.partition("\n")
    lines = [font(text(first), bold=True)] + ([text(when)] if when else [])
    if level:
        lines.append(text(f"level {level[0]}: {level[1]}", wrap=22))
    return Html("<BR/>".join(lines))


def _marker_style(level, roadmap) -> dict:
    fill, ink = level_color(level[0], _max_level(roadmap)) if level else (INK["blank"], INK["ink"])
    return {**MARKER, "fillcolor": fill, "fontcolor": ink}


def _phase_label(roadmap, phase) -> Html:
    """Heading of a phase's box: its window, and how far the work started in it runs.

    A box holds the solutions that start in the phase (their cost is booked there), so
    one may run past the window: "weeks 0-13" above an item of weeks 0-19 reads as an
    error on a slide unless the box says where its work ends.
    """
    dates = f" \u00b7 {phase.start_date.isoformat()}" if phase.start_date else ""
    spend = f"{phase.cost:,.0f} {roadmap.currency}"
    head = font(text(f"Phase {phase.number}"), bold=True, size=12)
    weeks = font(text(f"weeks {phase.start_week:g}\u2013{phase.end_week:g}{dates}"), size=9)
    finish = max((s.finish_week for s in roadmap.steps if s.phase == phase.number), default=phase.end_week)
    runs = f"<BR/>{font(text(f'work started here runs to week {finish:g}'), size=9)}" if finish > phase.end_week else ""
    return Html(f"{head}<BR/>{weeks}{runs}<BR/>{font(text(spend), size=9)}")


def _step_label(step, currency: str) -> Html:
    name = font(text(step.name, wrap=WRAP), bold=True)
    facts = text(f"wk {step.start_week:g}\u2013{step.finish_week:g} \u00b7 {step.sourcing} \u00b7 {step.effort:g} pw")
    cost = text(f"{step.cost:,.0f} {currency}" + (" \u00b7 committed" if step.committed else ""))
    return Html(f"{name}<BR/>{font(facts, size=8)}<BR/>{font(cost, size=8, color=INK['muted'])}")


def _step_style(step, theme: Theme) -> dict:
    style = "rounded,filled" + (",dashed" if step.committed else "")
    return {"shape": "box", "style": style, "fillcolor": theme.sourcing.get(step.sourcing, theme.ink["blank"]),
            "color": theme.ink["solution"], "margin": "0.1,0.05"}


def _legend(roadmap, used: list[str], theme: Theme) -> Legend:
    legend = Legend()
    for sourcing in ("build", "buy", "rent", "partner"):
        if sourcing in used:
            legend.swatch(theme.sourcing[sourcing], f"sourcing: {sourcing}")
    legend.lines.append((PREREQUISITE["color"], "solid", "prerequisite (needed first)"))
    if any(s.staged_after for s in roadmap.steps):
        legend.lines.append((STAGED["color"], "dashed", "lower level of the same dimension first"))
    top = _max_level(roadmap)
    for level, name in sorted({(p.level, p.level_name) for p in roadmap.trajectory}):
        legend.swatch(level_color(level, top)[0], f"level {level}: {name}")
    return legend


def _subtitle(roadmap) -> str:
    c = roadmap.constraints
    budget = f", budget {c.budget:,.0f} {roadmap.currency} per phase" if c.budget is not None else ""
    return (f"{roadmap.model_name}: level {roadmap.current_level} ({roadmap.current_level_name}) \u2192 "
            f"{roadmap.target_name} \u00b7 team of {c.capacity:g}{budget} \u00b7 makespan {roadmap.makespan:g} weeks, "
            f"lower bound {roadmap.lower_bound.value:g} \u00b7 {roadmap.total_cost:,.0f} {roadmap.currency}")


def _notes(roadmap) -> list[str]:
    if roadmap.reached is False and roadmap.reached_once_attested:
        n = len(roadmap.attest)
        items = f"{count(n, 'attest-or-act item')} {plural(n, 'is', 'are')}"
        return [f"Reaches the target once {items} answered by a person"]
    if roadmap.reached is False:
        return ["The projected chart does not reach the target: " + ", ".join(roadmap.trajectory[-1].unmet)]
    return []


register_diagram(Diagram("roadmap", "Entry-point solutions by phase, on a timeline", roadmap_to_dot))
