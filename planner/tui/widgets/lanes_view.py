"""Workflow lanes (F7): a lane per performer, each step on two lines (the step, then its hand-off).

The step sits in its performer's lane; under it an arrow runs to the receiving
lane labelled with the outputs handed over. A step with a broken hand-off is
marked ``✗`` and the status line says what is wrong. The cursor is a step.
"""

from __future__ import annotations

from rich.style import Style
from textual.binding import Binding
from textual.strip import Strip

from ...model import Step, Workflow
from ...model.workflow import RESOURCE_KINDS
from ..core.commands import AddElement
from ..core.lanes import StepMarks, lanes, marks, move_step, performer_command
from ..messages import EditRequested
from ..screens.picker import PickerScreen
from .lineview import BAD, CURSOR, DIM, HEADER, LineView, fit, strip_of

WARN = Style(color="yellow")
ARROW = Style(color="green")
KIND_MARK = {"person": "person", "team": "team", "org": "org", "system": "system", "coe": "CoE"}


class LanesView(LineView):
    """Keys: up/down a step, shift+up/down (K/J) move it, ``b`` performer, ``t`` receiver, ``n`` new step."""

    BINDINGS = [
        Binding("shift+up,K", "shift(-1)", "Step up", show=False),
        Binding("shift+down,J", "shift(1)", "Step down", show=False),
        Binding("b", "performer('by')", "Performer", show=False), Binding("t", "performer('to')", "Receiver", show=False),
        Binding("n", "new_step", "New step", show=False), Binding("w", "pick_workflow", "Workflow", show=False),
        Binding("less_than_sign", "next_workflow(-1)", show=False),
        Binding("greater_than_sign", "next_workflow(1)", show=False),
        Binding("e", "open_form", "Form", show=False), Binding("left", "lane(-1)", show=False),
        Binding("right", "lane(1)", show=False),
    ]
    header_height = 3

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.workflow: Workflow | None = None
        self.lane_ids: list[str] = []
        self.step_marks: dict[str, StepMarks] = {}
        self.left = 0

    @property
    def chart(self):
        return self.app.session.chart

    def rebuild(self) -> None:
        flows = self.chart.workflows
        if self.workflow is None or all(w is not self.workflow for w in flows):
            self.workflow = flows[0] if flows else None
        wf = self.workflow
        self.lane_ids = lanes(wf) if wf else []
        self.step_marks = marks(wf) if wf else {}
        self.keep_visible()
        self.refresh()
        self.moved()

    def show(self, ident: str) -> bool:
        """Put the cursor on step ``ident`` (switching workflow when it is another one's)."""
        where = self.app.session.where.get(ident)
        if where is None or where.element.KIND != "step":
            if where is not None and where.element.KIND == "workflow":
                self.workflow = where.element
                self.cursor = 0
                self.rebuild()
                return True
            return False
        if where.parent is not self.workflow:
            self.workflow = where.parent
            self.rebuild()
        self.set_cursor(next(i for i, s in enumerate(self.workflow.steps) if s is where.element))
        return True

    @property
    def step(self) -> Step | None:
        steps = self.workflow.steps if self.workflow else []
        return steps[self.cursor] if 0 <= self.cursor < len(steps) else None

    # --- geometry: two screen lines per step ------------------------------------------------------

    def row_count(self) -> int:
        return len(self.workflow.steps) if self.workflow else 0

    @property
    def page_size(self) -> int:
        return max(1, (self.size.height - self.header_height) // 2)

    def lane_width(self, width: int) -> int:
        return max(16, min(30, width // max(1, len(self.lane_ids))))

    def shown_lanes(self, width: int) -> int:
        return max(1, width // self.lane_width(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y < self.header_height:
            return self.draw_header(y, width)
        index = self.top + (y - self.header_height) // 2
        if index >= self.row_count():
            return Strip.blank(width)
        return self.draw_step(index, width) if (y - self.header_height) % 2 == 0 else self.draw_handoff(index, width)

    def clicked_at(self, index: int, x: int) -> None:
        self.set_cursor(self.top + (index - self.top) // 2)

    # --- drawing ---------------------------------------------------------------------------------------

    def draw_header(self, y: int, width: int) -> Strip:
        wf = self.workflow
        if wf is None:
            return strip_of([("No workflows in the chart." if y == 0 else "", DIM)], width)
        if y == 0:
            broken = len(self.step_marks)
            cap = f"  capability: {self._name_of(wf.capability)}" if wf.capability else ""
            note = f"  {broken} step(s) with broken hand-offs" if broken else "  hand-offs complete"
            n = next(i for i, w in enumerate(self.chart.workflows) if w is wf) + 1
            return strip_of([(f"{wf.name} [{wf.id}]", HEADER), (f"  workflow {n} of {len(self.chart.workflows)}", DIM),
                             (cap, DIM), (note, BAD if broken else ARROW)], width)
        lw = self.lane_width(width)
        parts = []
        for ident in self.lane_ids[self.left:self.left + self.shown_lanes(width)]:
            element = self.app.session.get(ident)
            text = (element.name if element else ident) if y == 1 else KIND_MARK.get(element.KIND, "?") if element else "unknown"
            parts.append((fit(("\u2503 " if y == 1 else "\u2503 ") + text, lw), HEADER if y == 1 else DIM))
        return strip_of(parts, width)

    def _canvas(self, width: int) -> tuple[list[str], list[Style | None], int]:
        lw = self.lane_width(width)
        total = max(width, lw * len(self.lane_ids))
        chars, styles = [" "] * total, [None] * total
        for n in range(len(self.lane_ids)):
            chars[n * lw], styles[n * lw] = "\u2502", DIM
        return chars, styles, lw

    def _put(self, chars, styles, x: int, text: str, style, limit: int | None = None) -> None:
        text = text if limit is None else fit(text, limit).rstrip()
        for n, ch in enumerate(text):
            if 0 <= x + n < len(chars):
                chars[x + n], styles[x + n] = ch, style

    def _strip(self, chars, styles, width: int, lw: int) -> Strip:
        start = self.left * lw
        parts, run, style = [], "", styles[start] if start < len(styles) else None
        for ch, st in zip(chars[start:start + width], styles[start:start + width]):
            if st is not style:
                parts.append((run, style))
                run, style = "", st
            run += ch
        parts.append((run, style))
        return strip_of(parts, width)

    def draw_step(self, index: int, width: int) -> Strip:
        step = self.workflow.steps[index]
        chars, styles, lw = self._canvas(width)
        lane = self.lane_ids.index(step.by)
        bad = step.id in self.step_marks
        sign = "\u2717" if bad else "\u25cf"
        text = f"{sign} {index + 1}. {step.name}" + (f" ({step.days:g}d)" if step.days else "")
        style = CURSOR if index == self.cursor else (BAD if bad else Style(bold=True))
        self._put(chars, styles, lane * lw + 1, text, style, lw - 2)
        return self._strip(chars, styles, width, lw)

    def draw_handoff(self, index: int, width: int) -> Strip:
        step = self.workflow.steps[index]
        chars, styles, lw = self._canvas(width)
        lane = self.lane_ids.index(step.by)
        outputs = ", ".join(step.outputs)
        m = self.step_marks.get(step.id)
        if step.to and step.to != step.by:
            to = self.lane_ids.index(step.to)
            lo, hi = sorted((lane * lw + 2, to * lw + 1))
            for x in range(lo, hi):
                chars[x], styles[x] = "\u2500", ARROW
            if to > lane:
                chars[hi - 1] = "\u25b6"
            else:
                chars[lo] = "\u25c0"
            if outputs:
                self._put(chars, styles, lo + 2, f" {outputs} ", WARN if m and m.unused else ARROW, hi - lo - 4)
        elif outputs:
            self._put(chars, styles, lane * lw + 2, f"\u21b3 {outputs}", WARN if m and m.unused else DIM, lw - 3)
        if m is not None:
            end = max(i for i, ch in enumerate(chars) if ch.strip()) + 2 if any(c.strip() for c in chars) else 0
            self._put(chars, styles, end, "\u2717 " + m.describe(), BAD)
        return self._strip(chars, styles, width, lw)

    def _name_of(self, ident: str | None) -> str:
        element = self.app.session.get(ident) if ident else None
        return element.name if element is not None else (ident or "")

    def describe(self) -> str:
        step = self.step
        if step is None:
            return "No steps: n adds one." if self.workflow else "The chart has no workflows."
        text = (f"Step {self.cursor + 1} {step.name} [{step.id}] by {self._name_of(step.by)}"
                + (f" to {self._name_of(step.to)}" if step.to else "")
                + (f"; in: {', '.join(step.inputs)}" if step.inputs else "")
                + (f"; out: {', '.join(step.outputs)}" if step.outputs else ""))
        m = self.step_marks.get(step.id)
        return text + (f" | broken: {m.describe()}" if m else "")

    def moved(self) -> None:
        step = self.step
        if step is not None and step.by in self.lane_ids:
            lane = self.lane_ids.index(step.by)
            shown = self.shown_lanes(self.size.width) if self.size.width else 1
            if lane < self.left or lane >= self.left + shown:
                self.left = max(0, lane - shown // 2)
        if self.is_mounted:
            self.app.view_moved(self.describe())

    def current_id(self) -> str | None:
        return self.step.id if self.step else (self.workflow.id if self.workflow else None)

    def selected_capability(self):
        wf = self.workflow
        return self.app.session.get(wf.capability) if wf is not None and wf.capability else None

    # --- keys ----------------------------------------------------------------------------------------------

    def action_lane(self, delta: int) -> None:
        self.left = max(0, min(len(self.lane_ids) - 1, self.left + delta))
        self.refresh()

    def action_shift(self, delta: int) -> None:
        step = self.step
        if step is None:
            return
        try:
            command = move_step(self.workflow, step, delta)
        except ValueError as exc:
            self.app.notify(str(exc), severity="warning", markup=False)
            return
        self.post_message(EditRequested(command))

    def action_performer(self, field_name: str) -> None:
        step = self.step
        if step is None:
            return
        choices = [] if field_name == "by" else [("-", "(nobody: the outputs stay with the performer)")]
        choices += [(w.element.id, f"{w.element.name}  [{w.element.KIND} {w.element.id}]")
                    for w in self.app.session.where.values() if w.element.KIND in RESOURCE_KINDS and w.parent is None]
        title = f"{'Who performs' if field_name == 'by' else 'Who receives the outputs of'} {step.name}?"
        self.app.push_screen(PickerScreen(title, choices), lambda ident: ident and self._set(step, ident, field_name))

    def _set(self, step: Step, ident: str, field_name: str) -> None:
        try:
            command = performer_command(step, None if ident == "-" else ident, field_name)
        except ValueError as exc:
            self.app.notify(str(exc), severity="warning", markup=False)
            return
        self.post_message(EditRequested(command))

    def action_new_step(self) -> None:
        wf = self.workflow
        if wf is None:
            self.app.notify("Add a workflow first (a, or the palette).")
            return
        from ..core.factory import id_prefix
        from ..screens.form import FormScreen, draft_of

        at = self.cursor + 1 if wf.steps else 0
        performer = self.step.by if self.step else ""
        draft = draft_of(Step, id="", name="", by=performer)
        prefix = id_prefix([s.id for s in wf.steps], wf.id)
        screen = FormScreen(f"New step after step {at} of {wf.name}", draft, ["id", "name", "by", "to", "inputs", "outputs"],
                            new_element=True, id_prefix=prefix)
        self.app.push_screen(screen, lambda step: step and self.post_message(
            EditRequested(AddElement(step, wf, at, label=f"add step {step.id} at place {at + 1}"))))

    def action_pick_workflow(self) -> None:
        choices = [(w.id, f"{w.name}  [{w.id}]  {len(w.steps)} steps") for w in self.chart.workflows]
        self.app.push_screen(PickerScreen("Show which workflow?", choices), lambda ident: ident and self.show(ident))

    def action_next_workflow(self, delta: int) -> None:
        flows = self.chart.workflows
        if not flows:
            return
        n = next((i for i, w in enumerate(flows) if w is self.workflow), 0)
        self.workflow = flows[(n + delta) % len(flows)]
        self.cursor = self.top = self.left = 0
        self.rebuild()

    def action_open_form(self) -> None:
        if self.current_id():
            self.app.call_later(self.app.leave_view, self.current_id())
