"""F3 in the editor: the roadmap preview through planner.roadmap.plan, run in a worker."""

from __future__ import annotations

import shutil

import pytest
from tui_support import started, sync

from planner.tui.app import EditorApp
from planner.tui.screens.picker import PickerScreen
from planner.tui.screens.roadmap import RoadmapScreen, as_text


@pytest.fixture
def chart_file(tmp_path, current_path):
    target = tmp_path / "current.yaml"
    shutil.copy(current_path, target)
    return target


async def shown(pilot, screen_type, timeout: float = 20.0):
    for _ in range(int(timeout / 0.05)):
        if isinstance(pilot.app.screen, screen_type):
            return pilot.app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"{screen_type.__name__} never came; screen is {type(pilot.app.screen).__name__}")


@sync
async def test_f3_plans_to_the_next_level_by_default(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        level = app.live_state.maturity.level
        await pilot.press("f3")
        picker = await shown(pilot, PickerScreen)
        assert picker.candidates[0][0] == "next" and f"level {level + 1}" in picker.candidates[0][1]
        assert f"level {level} " in dict(picker.candidates)[str(level)] and "(reached)" in dict(picker.candidates)[str(level)]
        await pilot.press("enter")
        screen = await shown(pilot, RoadmapScreen)
        roadmap = screen.roadmap
        assert roadmap.model == "engagement" and roadmap.current_level == level
        assert roadmap.target.level == level + 1 and roadmap.steps
        body = as_text(roadmap, 100)
        assert "Today level" in body and "Phase 1" in body and roadmap.steps[0].name.split()[0] in body


@sync
async def test_another_target_and_per_dimension(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        await app.run_action("roadmap")
        await shown(pilot, PickerScreen)
        await pilot.press("enter")
        await shown(pilot, RoadmapScreen)
        await pilot.press("t")  # other target: the picker again
        await shown(pilot, PickerScreen)
        await pilot.press(*"data=4", "enter")
        screen = await shown(pilot, RoadmapScreen)
        assert screen.roadmap.target.dimensions == (("data", 4),)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RoadmapScreen)


@sync
async def test_unreachable_target_is_reported_not_raised(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        app.start_roadmap("engagement", "nonsense-level")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, RoadmapScreen)
        assert any("target level" in str(n.message) for n in app._notifications)


@sync
async def test_roadmap_uses_the_live_panel_model(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        others = [value for value, _ in app.target_choices("engagement")]
        assert others[0] == "next" and "5" in others
        app.live.choose("information")  # as if picked in the live panel's selector
        await pilot.pause()
        assert app.model_choice == "information"
        await pilot.press("f3")
        await shown(pilot, PickerScreen)
        await pilot.press("enter")
        screen = await shown(pilot, RoadmapScreen)
        assert screen.roadmap.model == app.model_choice


def test_a_phase_table_names_the_work_under_way_from_earlier_phases(current_path):
    """The preview says whose work fills a phase where nothing starts, as the text report does."""
    from planner.roadmap import plan
    from planner.store import load_chart
    from planner.store.library import load_catalog, load_model

    roadmap = plan(load_chart(current_path), load_model("engagement"), "5", load_catalog())
    last = roadmap.phases[-1]
    assert not any(s.phase == last.number for s in roadmap.steps)  # only work finishing
    finishing = [s.id for s in roadmap.steps if s.start_week < last.start_week < s.finish_week]
    body = as_text(roadmap, 140).split(f"Phase {last.number} (")[1]
    assert finishing and "Under way from earlier phases" in body
    assert all(step_id in body for step_id in finishing)
