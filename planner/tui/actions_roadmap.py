"""F3: preview the roadmap from the chart as it is now to a target level.

The target is picked from the model's levels (the next level first, so Enter
takes it; a per-dimension target such as ``data=4`` can be typed). The plan
runs in a thread worker through :func:`planner.roadmap.plan`, on the live
panel's model, and is shown by :class:`~.screens.roadmap.RoadmapScreen`; ``t``
there asks for another target.
"""

from __future__ import annotations

from textual import work

from .screens.picker import PickerScreen
from .screens.roadmap import RoadmapScreen


class RoadmapActions:
    """Mixin of :class:`~planner.tui.app.EditorApp`: the roadmap preview."""

    roadmap_target: str = "next"
    """The last target asked for (kept while the editor runs)."""

    def action_roadmap(self) -> None:
        try:
            from ..roadmap import plan  # noqa: F401
        except ImportError:
            self.notify("Roadmap preview is not available: planner.roadmap is not installed.", severity="warning")
            return
        self._pick_model(self._pick_target)

    def target_choices(self, model_name: str) -> list[tuple[str, str]]:
        """``next`` first (named after the level it is), then every level, marking those reached."""
        from ..maturity import load_model

        model = load_model(model_name)
        state = self.live_state.maturity if self.live_state is not None else None
        current = state.level if state is not None and state.model == model_name else None
        names = [level.name for level in model.levels]
        choices = []
        if current is None or current < len(names):
            following = f": level {current + 1} {names[current]}" if current is not None else ""
            choices.append(("next", f"next level{following}"))
        for number, name in enumerate(names, start=1):
            reached = "  (reached)" if current is not None and number <= current else ""
            choices.append((str(number), f"level {number} {name}{reached}"))
        return choices

    def _pick_target(self, model_name: str) -> None:
        choices = self.target_choices(model_name)
        title = "Roadmap to which level? (Enter: the next; or type e.g. data=4)"
        self.push_screen(PickerScreen(title, choices, allow_new=True),
                         lambda target: target and self.start_roadmap(model_name, target))

    def start_roadmap(self, model_name: str, target: str) -> None:
        self.roadmap_target = target
        self.notify(f"Planning the roadmap to {target}...", timeout=2, markup=False)
        self._roadmap_worker(model_name, target, self.session.stack.edits)

    @work(thread=True, exclusive=True, group="roadmap")
    def _roadmap_worker(self, model_name: str, target: str, edits: int):
        from ..roadmap import plan

        try:
            roadmap = plan(self.session.chart, model=model_name, target=target)
        except Exception as exc:  # the planner's reason (unreachable level, unknown name...); the editor goes on
            self.call_from_thread(self.notify, str(exc), title="No roadmap", severity="error", timeout=10, markup=False)
            return None
        note = "" if self.session.stack.edits == edits else "The chart was edited while planning: press t to plan again."
        self.call_from_thread(self._show_roadmap, roadmap, model_name, note)
        return roadmap

    def _show_roadmap(self, roadmap, model_name: str, note: str = "") -> None:
        self.push_screen(RoadmapScreen(roadmap, note), lambda answer: answer == "retarget" and self._pick_target(model_name))
