"""Drawing the workflow lanes: the legend of the lanes, a step's line and its hand-off's line, as strips.

Kept apart from :class:`.lanes_view.LanesView` (which owns the workflow shown,
the cursor and the keys) so that the picture is read in one place and depends
only on what it is given. A lane is a narrow lettered column, so ten performers
and the step names still fit in 80 columns: the step is a dot in its
performer's lane, the hand-off an arrow to the receiving lane with the outputs
named beside it, and a broken hand-off a red ``✗`` with what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from textual.strip import Strip

from ...model import Element, Step, Workflow
from ..core.lanes import StepMarks
from .lineview import BAD, CURSOR, DIM, HEADER, strip_of

WARN = Style(color="yellow")
ARROW = Style(color="green")
LANE = 3
"""Cells per lane: a lane is a narrow column, so ten performers and the step names fit in 80 columns."""
KIND_MARK = {"person": "person", "team": "team", "org": "org", "system": "system", "coe": "CoE"}
HEADER_HEIGHT = 4
"""The title, the legend on two lines, the lanes' letters."""

Names = Callable[[str | None], str]
"""An element's name by id (the id itself when unknown)."""


def title_line(width: int, wf: Workflow, workflows: list[Workflow], broken: int, name_of: Names) -> Strip:
    """The workflow's name, its place among the chart's workflows, whether its hand-offs are complete."""
    cap = f"  for {name_of(wf.capability)}" if wf.capability else ""
    note = f"  {broken} step(s) with broken hand-offs" if broken else "  hand-offs complete"
    n = next(i for i, w in enumerate(workflows) if w is wf) + 1
    return strip_of([(f"{wf.name}", HEADER), (f"  {n}/{len(workflows)}", DIM),
                     (note, BAD if broken else ARROW), (cap, DIM)], width)


def legend_line(y: int, width: int, lane_ids: list[str], get: Callable[[str], Element | None]) -> Strip:
    """Legend line ``y`` (1 or 2): letter, name and kind of each lane, half of them on each line."""
    legend = []
    for n, ident in enumerate(lane_ids):
        element = get(ident)
        kind = KIND_MARK.get(element.KIND, "?") if element else "unknown"
        legend.append([(f"{letter(n)} ", HEADER),
                       (f"{element.name if element else ident} ({kind})  ", DIM if element else BAD)])
    half = (len(legend) + 1) // 2 if len(legend) > 3 else len(legend)
    chosen = legend[:half] if y == 1 else legend[half:]
    return strip_of([part for pair in chosen for part in pair], width)


def letters_line(width: int, lanes: int) -> Strip:
    """The lanes' letters over their columns."""
    return strip_of([(f" {letter(n)}".ljust(LANE), HEADER) for n in range(lanes)], width)


def step_line(index: int, step: Step, width: int, lane_ids: list[str], bad: bool, on_cursor: bool,
              name_of: Names) -> Strip:
    """Step ``index``: a dot (``✗`` when broken) in its performer's lane, its number, name, performer, days."""
    chars, styles = _canvas(lane_ids)
    x = lane_ids.index(step.by) * LANE + 1
    chars[x], styles[x] = ("\u2717", BAD) if bad else ("\u25cf", Style(bold=True))
    days = f" ({step.days:g}d)" if step.days else ""
    style = CURSOR if on_cursor else (BAD if bad else Style(bold=True))
    return _strip(chars, styles, [(" ", None), (f"{index + 1}. {step.name}", style),
                                  (f"  {name_of(step.by)}{days}", DIM)], width)


def handoff_line(step: Step, width: int, lane_ids: list[str], mark: StepMarks | None, name_of: Names) -> Strip:
    """Under a step: the arrow to the receiving lane and the outputs handed over, and what is broken."""
    chars, styles = _canvas(lane_ids)
    x0 = lane_ids.index(step.by) * LANE + 1
    outputs = ", ".join(step.outputs)
    text: list[tuple[str, Style | None]] = []
    if step.to and step.to != step.by:
        x1 = lane_ids.index(step.to) * LANE + 1
        lo, hi = sorted((x0, x1))
        for x in range(lo, hi + 1):
            chars[x], styles[x] = "\u2500", ARROW
        chars[x1] = "\u25b6" if x1 > x0 else "\u25c0"
        chars[x0] = "\u2514" if x1 > x0 else "\u2518"
        text.append((f"  \u2192 {name_of(step.to)}: {outputs or '(nothing named)'}",
                     WARN if mark and mark.unused else ARROW))
    elif outputs:
        text.append((f"   \u21b3 {outputs}", WARN if mark and mark.unused else DIM))
    if mark is not None:
        text.append(("  \u2717 " + mark.describe(), BAD))
    return _strip(chars, styles, text, width)


def _canvas(lane_ids: list[str]) -> tuple[list[str], list[Style | None]]:
    """The lanes' dim rules, one character and one style a cell, for a line to draw on."""
    total = LANE * len(lane_ids)
    chars: list[str] = [" "] * total
    styles: list[Style | None] = [None] * total
    for n in range(len(lane_ids)):
        chars[n * LANE + 1], styles[n * LANE + 1] = "\u2502", DIM
    return chars, styles


def _strip(chars: list[str], styles: list[Style | None], text: list, width: int) -> Strip:
    """The canvas as runs of one style each (a handful of segments a line), then ``text``."""
    parts, run, style = [], "", styles[0] if styles else None
    for ch, st in zip(chars, styles):
        if st is not style:
            parts.append((run, style))
            run, style = "", st
        run += ch
    parts.append((run, style))
    return strip_of(parts + text, width)


def letter(n: int) -> str:
    """A, B, ... Z, then AA: the lane's mark in the legend and over its column."""
    return chr(65 + n) if n < 26 else letter(n // 26 - 1) + chr(65 + n % 26)
