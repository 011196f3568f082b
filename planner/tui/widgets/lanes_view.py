"""Workflow lanes (F7): a lane per performer, each step on two lines (the step, then its hand-off).

Lanes are narrow lettered columns (the legend above names them), so a workflow of
ten performers still leaves room for the step names at 80 columns. The step is a
dot in its performer's lane; under it an arrow runs to the receiving lane, and
the outputs handed over are named beside it. A step with a broken hand-off is
marked ``✗`` and the status line says what is wrong. The cursor is a step.
This module holds which workflow is shown, the cursor and the keys (each an
edit posted up, or a pick asked for); the lines are drawn by :mod:`.lanes_draw`.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.strip import Strip

from ...model import Capability, Element, Step, Workflow
from ...model.workflow import RESOURCE_KINDS
from ..core.commands import AddElement
from ..core.lanes import StepMarks, lanes, marks, move_step, performer_command
from ..messages import EditRequested
from .chart_view import ChartView
from .lanes_draw import HEADER_HEIGHT, handoff_line, legend_line, letters_line, step_line, title_line
from .lineview import DIM, strip_of


class LanesView(ChartView):
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
    header_height = HEADER_HEIGHT

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.workflow: Workflow | None = None
        self.lane_ids: list[str] = []
        self.step_marks: dict[str, StepMarks] = {}

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
        where = self.session.where.get(ident) if self.session is not None else None
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

    # --- drawing (:mod:`.lanes_draw`) -----------------------------------------------------------------

    def draw_header(self, y: int, width: int) -> Strip:
        """Title; the lanes' legend (letter, name, kind) on two lines; the letters over their lanes."""
        wf = self.workflow
        if wf is None:
            return strip_of([("No workflows in the chart." if y == 0 else "", DIM)], width)
        if y == 0:
            return title_line(width, wf, self.chart.workflows, len(self.step_marks), self.name_of)
        if y == self.header_height - 1:
            return letters_line(width, len(self.lane_ids))
        return legend_line(y, width, self.lane_ids, self._get)

    def draw_step(self, index: int, width: int) -> Strip:
        step = self._steps[index]
        return step_line(index, step, width, self.lane_ids, step.id in self.step_marks, index == self.cursor,
                         self.name_of)

    def draw_handoff(self, index: int, width: int) -> Strip:
        step = self._steps[index]
        return handoff_line(step, width, self.lane_ids, self.step_marks.get(step.id), self.name_of)

    @property
    def _steps(self) -> list[Step]:
        return self.workflow.steps if self.workflow is not None else []

    def _get(self, ident: str) -> Element | None:
        return self.session.get(ident) if self.session is not None else None

    def describe(self) -> str:
        step = self.step
        if step is None:
            return "No steps: n adds one." if self.workflow else "The chart has no workflows."
        text = (f"Step {self.cursor + 1} {step.name} [{step.id}] by {self.name_of(step.by)}"
                + (f" to {self.name_of(step.to)}" if step.to else "")
                + (f"; in: {', '.join(step.inputs)}" if step.inputs else "")
                + (f"; out: {', '.join(step.outputs)}" if step.outputs else ""))
        m = self.step_marks.get(step.id)
        return text + (f" | broken: {m.describe()}" if m else "")

    def current_id(self) -> str | None:
        return self.step.id if self.step else (self.workflow.id if self.workflow else None)

    def selected_capability(self) -> Capability | None:
        wf = self.workflow
        found = self._get(wf.capability) if wf is not None and wf.capability else None
        return found if isinstance(found, Capability) else None

    # --- keys ----------------------------------------------------------------------------------------------

    def action_shift(self, delta: int) -> None:
        step = self.step
        if step is None:
            return
        try:
            command = move_step(self.workflow, step, delta)
        except ValueError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.post_message(EditRequested(command))

    def action_performer(self, field_name: str) -> None:
        step = self.step
        if step is None:
            return
        choices = [] if field_name == "by" else [("-", "(nobody: the outputs stay with the performer)")]
        choices += [(w.element.id, f"{w.element.name}  [{w.element.KIND} {w.element.id}]")
                    for w in self._places() if w.element.KIND in RESOURCE_KINDS and w.parent is None]
        title = f"{'Who performs' if field_name == 'by' else 'Who receives the outputs of'} {step.name}?"
        self.pick(title, choices, lambda ident: self._set(step, ident, field_name))

    def _set(self, step: Step, ident: str, field_name: str) -> None:
        try:
            command = performer_command(step, None if ident == "-" else ident, field_name)
        except ValueError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        self.post_message(EditRequested(command))

    def action_new_step(self) -> None:
        wf = self.workflow
        if wf is None:
            self.notify("Add a workflow first (a, or the palette).")
            return
        from ..core.factory import id_prefix
        from ..screens.form import FormScreen, draft_of

        at = self.cursor + 1 if wf.steps else 0
        performer = self.step.by if self.step else ""
        draft = draft_of(Step, id="", name="", by=performer)
        prefix = id_prefix([s.id for s in wf.steps], wf.id)
        screen = FormScreen(f"New step after step {at} of {wf.name}", draft, ["id", "name", "by", "to", "inputs", "outputs"],
                            new_element=True, id_prefix=prefix, ids=self.session)
        self.app.push_screen(screen, lambda step: step and self.post_message(
            EditRequested(AddElement(step, wf, at, label=f"add step {step.id} at place {at + 1}"))))

    def action_pick_workflow(self) -> None:
        choices = [(w.id, f"{w.name}  [{w.id}]  {len(w.steps)} steps") for w in self.chart.workflows]
        self.pick("Show which workflow?", choices, self.show)

    def action_next_workflow(self, delta: int) -> None:
        flows = self.chart.workflows
        if not flows:
            return
        n = next((i for i, w in enumerate(flows) if w is self.workflow), 0)
        self.workflow = flows[(n + delta) % len(flows)]
        self.cursor = self.top = 0
        self.rebuild()

    def _places(self) -> list:
        return list(self.session.where.values()) if self.session is not None else []
