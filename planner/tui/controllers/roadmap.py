"""F3: preview the roadmap from the chart as it is now to a target level.

The target is picked from the model's levels (the next level first, so Enter
takes it; a per-dimension target such as ``data=4`` can be typed). The plan
runs off the UI thread on a snapshot of the chart through
:func:`planner.roadmap.plan`, on the live panel's model, and is shown by
:class:`~..screens.roadmap.RoadmapScreen`; ``t`` there asks for another target.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...store.library import load_model
from ..core.live import LiveState
from ..screens.picker import PickerScreen
from ..screens.roadmap import RoadmapScreen
from .background import Background

if TYPE_CHECKING:
    from ...model import Chart
    from ...roadmap import Roadmap
    from ..app import EditorApp

PickModel = Callable[[Callable[[str], None]], None]
"""Asks for (or takes the live panel's) maturity model, then calls back with its name."""


class RoadmapController:
    """The roadmap preview: the target picker, the plan in a worker, the result screen."""

    def __init__(self, app: EditorApp, background: Background, pick_model: PickModel,
                 live_state: Callable[[], LiveState | None]) -> None:
        self.app = app
        self.background = background
        self.pick_model = pick_model
        self.live_state = live_state
        self.target = "next"
        """The last target asked for (kept while the editor runs)."""

    def action_roadmap(self) -> None:
        self.pick_model(self.pick_target)

    def target_choices(self, model_name: str) -> list[tuple[str, str]]:
        """``next`` first (named after the level it is), then every level, marking those reached."""
        model = load_model(model_name)
        state = self.live_state()
        maturity = state.maturity if state is not None else None
        current = maturity.level if maturity is not None and maturity.model == model_name else None
        names = [level.name for level in model.levels]
        choices = []
        if current is None or current < len(names):
            following = f": level {current + 1} {names[current]}" if current is not None else ""
            choices.append(("next", f"next level{following}"))
        for number, name in enumerate(names, start=1):
            reached = "  (reached)" if current is not None and number <= current else ""
            choices.append((str(number), f"level {number} {name}{reached}"))
        return choices

    def pick_target(self, model_name: str) -> None:
        choices = self.target_choices(model_name)
        title = "Roadmap to which level? (Enter: the next; or type e.g. data=4)"
        self.app.push_screen(PickerScreen(title, choices, allow_new=True),
                             lambda target: self.start(model_name, target) if target else None)

    def start(self, model_name: str, target: str) -> None:
        self.target = target
        self.app.notify(f"Planning the roadmap to {target}...", timeout=2, markup=False)
        self.background.flow(self._plan_flow, model_name, target, what="roadmap failed", group="roadmap")

    async def _plan_flow(self, model_name: str, target: str) -> Roadmap | None:
        session = self.app.session
        if session is None:
            return None
        edits = session.stack.edits
        chart = await self.background.snapshot(lambda: session.chart)
        if chart is None:
            return None
        # the planner's reasons (unreachable level, unknown name...) are PlannerErrors: told, the editor goes on
        roadmap = await self.background.run(lambda: _plan(chart, model_name, target), what="", title="No roadmap",
                                            group="roadmap-plan")
        if roadmap is None:
            return None
        note = "" if session.stack.edits == edits else "The chart was edited while planning: press t to plan again."
        self.app.push_screen(RoadmapScreen(roadmap, note),
                             lambda answer: self.pick_target(model_name) if answer == "retarget" else None)
        return roadmap


def _plan(chart: Chart, model_name: str, target: str) -> Roadmap:
    """The roadmap package is imported when first used: the editor starts without it."""
    from ...roadmap import plan
    from ...store.library import load_catalog

    return plan(chart, load_model(model_name), target, load_catalog())
