"""Workflow lanes (F7): a lane per performer, each step on two lines (the step, then its hand-off).

Lanes are narrow lettered columns (the legend above names them), so a workflow of
ten performers still leaves room for the step names at 80 columns. The step is a
dot in its performer's lane; under it an arrow runs to the receiving lane, and
the outputs handed over are named beside it. A step with a broken hand-off is
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
from .lineview import BAD, CURSOR, DIM, HEADER, LineView, strip_of

WARN = Style(color="yellow")
ARROW = Style(color="green")
LANE = 3
"""Cells per lane: a lane is a narrow column, so ten performers and the step names fit in 80 columns."""
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
        Binding("e", "open_form", "Form", show=False),
    ]
    header_height = 4

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.workflow: Workflow | None = None
        self.lane_ids: list[str] = []
        self.step_marks: dict[str, StepMarks] = {}

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
        return max(1, (self.size.height - self.header_height - self.footer_height) // 2)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y >= self.size.height - self.footer_height:
            return self.draw_status(y - (self.size.height - self.footer_height), width)
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
        """Title; the lanes' legend (letter, name, kind) on two lines; the letters over their lanes."""
        wf = self.workflow
        if wf is None:
            return strip_of([("No workflows in the chart." if y == 0 else "", DIM)], width)
        if y == 0:
            broken = len(self.step_marks)
            cap = f"  for {self._name_of(wf.capability)}" if wf.capability else ""
            note = f"  {broken} step(s) with broken hand-offs" if broken else "  hand-offs complete"
            n = next(i for i, w in enumerate(self.chart.workflows) if w is wf) + 1
            return strip_of([(f"{wf.name}", HEADER), (f"  {n}/{len(self.chart.workflows)}", DIM),
                             (note, BAD if broken else ARROW), (cap, DIM)], width)
        if y == self.header_height - 1:
            return strip_of([(f" {_letter(n)}".ljust(LANE), HEADER) for n in range(len(self.lane_ids))], width)
        legend = []
        for n, ident in enumerate(self.lane_ids):
            element = self.app.session.get(ident)
            kind = KIND_MARK.get(element.KIND, "?") if element else "unknown"
            legend.append([(f"{_letter(n)} ", HEADER),
                           (f"{element.name if element else ident} ({kind})  ", DIM if element else BAD)])
        half = (len(legend) + 1) // 2 if len(legend) > 3 else len(legend)
        chosen = legend[:half] if y == 1 else legend[half:]
        return strip_of([part for pair in chosen for part in pair], width)

    def _canvas(self, width: int) -> tuple[list[str], list[Style | None], int]:
        total = LANE * len(self.lane_ids)
        chars, styles = [" "] * total, [None] * total
        for n in range(len(self.lane_ids)):
            chars[n * LANE + 1], styles[n * LANE + 1] = "\u2502", DIM
        return chars, styles, total

    def _strip(self, chars, styles, text: list, width: int) -> Strip:
        parts, run, style = [], "", styles[0] if styles else None
        for ch, st in zip(chars, styles):
            if st is not style:
                parts.append((run, style))
                run, style = "", st
            run += ch
        parts.append((run, style))
        return strip_of(parts + text, width)

    def draw_step(self, index: int, width: int) -> Strip:
        step = self.workflow.steps[index]
        chars, styles, _ = self._canvas(width)
        x = self.lane_ids.index(step.by) * LANE + 1
        bad = step.id in self.step_marks
        chars[x], styles[x] = ("\u2717", BAD) if bad else ("\u25cf", Style(bold=True))
        days = f" ({step.days:g}d)" if step.days else ""
        style = CURSOR if index == self.cursor else (BAD if bad else Style(bold=True))
        return self._strip(chars, styles, [(" ", None), (f"{index + 1}. {step.name}", style),
                                           (f"  {self._name_of(step.by)}{days}", DIM)], width)

    def draw_handoff(self, index: int, width: int) -> Strip:
        step = self.workflow.steps[index]
        chars, styles, _ = self._canvas(width)
        x0 = self.lane_ids.index(step.by) * LANE + 1
        m = self.step_marks.get(step.id)
        outputs = ", ".join(step.outputs)
        text: list = []
        if step.to and step.to != step.by:
            x1 = self.lane_ids.index(step.to) * LANE + 1
            lo, hi = sorted((x0, x1))
            for x in range(lo, hi + 1):
                chars[x], styles[x] = "\u2500", ARROW
            chars[x1] = "\u25b6" if x1 > x0 else "\u25c0"
            chars[x0] = "\u2514" if x1 > x0 else "\u2518"
            text.append((f"  \u2192 {self._name_of(step.to)}: {outputs or '(nothing named)'}",
                         WARN if m and m.unused else ARROW))
        elif outputs:
            text.append((f"   \u21b3 {outputs}", WARN if m and m.unused else DIM))
        if m is not None:
            text.append(("  \u2717 " + m.describe(), BAD))
        return self._strip(chars, styles, text, width)

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
        if self.is_mounted:
            self.app.view_moved(self.describe())

    def current_id(self) -> str | None:
        return self.step.id if self.step else (self.workflow.id if self.workflow else None)

    def selected_capability(self):
        wf = self.workflow
        return self.app.session.get(wf.capability) if wf is not None and wf.capability else None

    # --- keys ----------------------------------------------------------------------------------------------

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
                            new_element=True, id_prefix=prefix, ids=self.app.session)
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
        self.cursor = self.top = 0
        self.rebuild()

    def action_open_form(self) -> None:
        if self.current_id():
            self.app.call_later(self.app.leave_view, self.current_id())


def _letter(n: int) -> str:
    """A, B, ... Z, then AA: the lane's mark in the legend and over its column."""
    return chr(65 + n) if n < 26 else _letter(n // 26 - 1) + chr(65 + n % 26)
