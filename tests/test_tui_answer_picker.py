"""The "Answer which criterion?" picker lists the maturity model's criteria (issue 14).

It once listed nothing: the editor probed the maturity package with ``getattr``
and silently fell back to an empty list. This drives the editor on a shipped
chart as a user would (the palette's "Answer a self-assessment criterion").
"""

from __future__ import annotations

import shutil

from textual.widgets import OptionList
from tui_support import started, sync

from planner.charts import shipped_chart
from planner.store.library import load_model
from planner.tui.app import EditorApp
from planner.tui.screens.picker import PickerScreen


async def _open_picker(pilot) -> PickerScreen:
    await started(pilot)
    await pilot.app.run_action("add_answer")
    for _ in range(100):
        if isinstance(pilot.app.screen, PickerScreen):
            break
        await pilot.pause(0.02)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PickerScreen) and screen.title_text == "Answer which criterion?"
    return screen


@sync
async def test_the_answer_picker_lists_the_live_models_criteria(tmp_path):
    chart = tmp_path / "current.yaml"
    shutil.copy(shipped_chart("current"), chart)
    app = EditorApp(chart)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_picker(pilot)
        model = load_model(app.model_choice)
        answered = set(app.session.chart.answers)
        expected = {c.id for c in model.criteria if c.spec.required and c.id not in answered}
        listed = {value for value, _ in screen.candidates}
        assert expected, "the model has answerable criteria not yet answered"
        assert expected <= listed
        options = screen.query_one("#choices", OptionList)
        assert options.option_count > 0  # shown, not only held

        some = sorted(expected)[0]
        await pilot.press(*some)  # typing the id narrows the list to it
        await pilot.pause()
        assert options.get_option_at_index(0).id == f"v:{some}"
        assert str(options.get_option_at_index(0).prompt).startswith(some)
