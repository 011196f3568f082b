"""A roadmap as text or Markdown: what to do first, when, at what cost, and the level it buys.

Pure: returns strings; the command line prints them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..textfmt import count, plural
from ..textfmt import md_escape as _md
from .model import Gap, PhasePlan, Roadmap, Step


def money(value: float, currency: str) -> str:
    return f"{value:,.0f} {currency}"


def _span(step: Step) -> str:
    return f"wk {step.start_week:g}-{step.finish_week:g}"


def under_way(roadmap: Roadmap, phase: PhasePlan, name: Callable[[str], str] = str) -> str:
    """The work started in an earlier phase and still running in this one (``name`` writes an id), or "".

    A phase's effort counts that work too: without it a phase where nothing
    starts reads as "0 USD, 8.8 person-weeks" over an empty list.
    """
    running = sorted((s for s in roadmap.steps if s.start_week < phase.start_week < s.finish_week),
                     key=lambda s: s.finish_week)
    if not running:
        return ""
    return "under way from earlier phases: " + ", ".join(
        f"{name(s.id)} ({'finishes' if s.finish_week <= phase.end_week else 'runs to'} wk {s.finish_week:g})"
        for s in running)


def _level_after(roadmap: Roadmap, phase: int) -> str:
    for point in roadmap.trajectory:
        if point.phase == phase:
            return f"level {point.level} ({point.level_name}), score {point.score:.2f}"
    return "?"


def _constraints(roadmap: Roadmap) -> str:
    c = roadmap.constraints
    budget = f"budget {money(c.budget, roadmap.currency)} per phase" if c.budget is not None else "no budget limit"
    start = roadmap.phases[0].start_date if roadmap.phases and roadmap.phases[0].start_date else None
    when = f" from {start.isoformat()}" if start else ""
    committed = f", {len(c.committed)} commitments" if c.committed else ""
    sized = f"; efforts and costs sized for {roadmap.sized_for}" if roadmap.sized_for else ""
    return (f"team of {c.capacity:g}, phases of {c.phase_weeks} weeks{when}, {budget}, least {c.objective}{committed}"
            f"{sized}")


def _bound(roadmap: Roadmap) -> str:
    b = roadmap.lower_bound
    return (f"Makespan {roadmap.makespan:g} weeks; lower bound {b.value:g} weeks (critical path {b.critical_path:g}, "
            f"effort/capacity {b.effort:g}, load {b.load:g}): {roadmap.gap_to_bound:.1%} above it.")


def to_text(roadmap: Roadmap) -> str:
    """A plain-text roadmap for the terminal."""
    out = [
        f"Roadmap for {roadmap.chart}",
        f"{roadmap.model_name}: level {roadmap.current_level} ({roadmap.current_level_name}) -> {roadmap.target_name}",
        f"Constraints: {_constraints(roadmap)}",
        "",
        f"Unmet criteria ({len(roadmap.gaps)}):",
    ]
    for gap in roadmap.gaps:
        out.append(f"  L{gap.level} {gap.dimension:<12} {gap.criterion}: {gap.statement}")
        out.append(f"  {'':15} {_closed_by(roadmap, gap)}")
    if not roadmap.gaps:
        out.append("  none: the chart already meets the target")
    out += _attest_text(roadmap)
    width = max([26, *(len(s.id) + 1 for s in roadmap.steps)])  # a long id must not push its row out of line
    for phase in roadmap.phases:
        dates = f"  {phase.start_date} .. {phase.end_date}" if phase.start_date else ""
        out += ["", f"Phase {phase.number} (weeks {phase.start_week:g}-{phase.end_week:g}){dates}: "
                    f"{money(phase.cost, roadmap.currency)}, {count(phase.effort, 'person-week', places=1)} -> "
                    f"{_level_after(roadmap, phase.number)}"]
        for step in (s for s in roadmap.steps if s.phase == phase.number):
            mark = " [committed]" if step.committed else ""
            after = f"  after {', '.join(step.after)}" if step.after else ""
            out.append(f"  {_span(step):<12} {step.id:<{width}} {step.sourcing:<8} {step.effort:g} pw, "
                       f"{count(step.crew, 'person')}, {money(step.cost, roadmap.currency)}{mark}{after}")
        running = under_way(roadmap, phase)
        out += [f"  {running}"] if running else []
    out += ["", _bound(roadmap),
            f"Total: {money(roadmap.total_cost, roadmap.currency)}, {count(roadmap.total_effort, 'person-week', places=1)}, "
            f"{count(len([s for s in roadmap.steps if not s.committed]), 'solution')}."]
    out.append(_outcome(roadmap))
    out += [f"warning: {w}" for w in roadmap.warnings]
    return "\n".join(out) + "\n"


def _closed_by(roadmap: Roadmap, gap: Gap) -> str:
    if any(a.criterion == gap.criterion for a in roadmap.attest):
        prepared = [s.id for s in roadmap.steps if gap.criterion in s.closes]
        return ("attest or act" + (f", once {', '.join(prepared)} prepares it" if prepared
                                   else ": no solution closes it") + " (see below)")
    chosen = {s.id for s in roadmap.steps}
    by = [c for c in gap.closed_by if c in chosen] or list(gap.closed_by)
    return f"closed by {', '.join(by) or 'nothing in the catalog'}"


ATTEST_INTRO = ("the plan never answers for anyone: the person named answers each in the chart's answers: "
                "(with evidence), or acts until the chart shows it")


def _required(gap: Gap) -> str:
    return f" (required first by {', '.join(gap.required_by)})" if gap.required_by else ""


def _attest_text(roadmap: Roadmap) -> list[str]:
    if not roadmap.attest:
        return []
    out = ["", f"Attest or act ({len(roadmap.attest)}): {ATTEST_INTRO}:"]
    for gap in roadmap.attest:
        out.append(f"  L{gap.level} {gap.dimension:<12} {gap.criterion}{_required(gap)}")
        out.append(f"  {'':15} {gap.question or gap.statement}")
        if gap.who:
            out.append(f"  {'':15} who: {gap.who}")
        if gap.evidence:
            out.append(f"  {'':15} evidence: {gap.evidence}")
    return out


def _outcome(roadmap: Roadmap) -> str:
    if not roadmap.trajectory:
        return ""
    last = roadmap.trajectory[-1]
    if roadmap.reached:
        dims = ", ".join(f"{d} {n}" for d, n in last.dimension_levels.items())
        return (f"Projected: {roadmap.target_name} reached, assessed level {last.level} ({last.level_name}); "
                f"by dimension: {dims}.")
    if roadmap.reached_once_attested:
        rest = "; the solutions do the rest" if roadmap.steps else ""
        n = len(roadmap.attest)
        items = f"{count(n, 'attest-or-act item')} {plural(n, 'is', 'are')}"
        return f"Projected: {roadmap.target_name} reached once {items} answered or acted on{rest}."
    pending = {g.criterion for g in roadmap.attest}
    unmet = [c for c in last.unmet if c not in pending]
    also = f" (besides {count(len(pending), 'attest-or-act item')})" if pending else ""
    return f"Projected: target not reached; still unmet: {', '.join(unmet)}{also}."


def to_markdown(roadmap: Roadmap) -> str:
    """A Markdown roadmap for documents and tickets."""
    out = [
        f"# Roadmap: {roadmap.chart}", "",
        f"**{roadmap.model_name}**: level {roadmap.current_level} ({roadmap.current_level_name}) "
        f"→ {roadmap.target_name}.  ",
        f"Constraints: {_constraints(roadmap)}.", "",
        "## Unmet criteria", "",
        "| level | dimension | criterion | closed by |", "|---|---|---|---|",
    ]
    for gap in roadmap.gaps:
        by = _closed_by(roadmap, gap).removeprefix("closed by ")
        out.append(f"| {gap.level} | {gap.dimension} | `{gap.criterion}`: {_md(gap.statement)} | {by} |")
    if roadmap.attest:
        out += ["", "## Attest or act", "", f"{ATTEST_INTRO[0].upper()}{ATTEST_INTRO[1:]}.", "",
                "| level | dimension | criterion | question | who | evidence |", "|---|---|---|---|---|---|"]
        out += [f"| {g.level} | {g.dimension} | `{g.criterion}`{_md(_required(g))} | {_md(g.question or g.statement)} "
                f"| {_md(g.who)} | {_md(g.evidence)} |" for g in roadmap.attest]
    out += ["", "## Phases", ""]
    for phase in roadmap.phases:
        out += _md_phase(roadmap, phase)
    out += ["## Summary", "", _bound(roadmap), "",
            f"Total {money(roadmap.total_cost, roadmap.currency)}, {count(roadmap.total_effort, 'person-week', places=1)}. "
            + _outcome(roadmap)]
    if roadmap.warnings:
        out += ["", "Warnings:", ""] + [f"- {_md(w)}" for w in roadmap.warnings]
    return "\n".join(out) + "\n"


def _md_phase(roadmap: Roadmap, phase: PhasePlan) -> list[str]:
    """A phase's heading, spend and level, the table of what starts in it, and the work still under way."""
    dates = f", {phase.start_date} to {phase.end_date}" if phase.start_date else ""
    out = [f"### Phase {phase.number} (weeks {phase.start_week:g}–{phase.end_week:g}{dates})", "",
           f"Spend {money(phase.cost, roadmap.currency)}, {count(phase.effort, 'person-week', places=1)}; "
           f"afterwards: **{_level_after(roadmap, phase.number)}**.", ""]
    starting = [s for s in roadmap.steps if s.phase == phase.number]
    if starting:
        out += ["| weeks | solution | sourcing | effort (pw) | people | cost | after |", "|---|---|---|---|---|---|---|"]
        out += [f"| {step.start_week:g}–{step.finish_week:g} | {_md(step.name)} (`{step.id}`) | {step.sourcing} | "
                f"{step.effort:g} | {step.crew:g} | {money(step.cost, roadmap.currency)} | {', '.join(step.after)} |"
                for step in starting]
    else:
        out.append("No solution starts in this phase.")
    running = under_way(roadmap, phase, lambda i: f"`{i}`")
    out += ["", f"{running[0].upper()}{running[1:]}."] if running else []
    return [*out, ""]
