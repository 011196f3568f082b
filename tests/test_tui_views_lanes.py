"""Workflow lanes (F7): reorder steps (saved as only those lines), performer, new step, broken hand-offs."""

from __future__ import annotations

from tui_support import open_view, save, sync

from planner.store import load_chart
from planner.tui.app import EditorApp
from planner.tui.core.lanes import lanes, marks
from planner.tui.screens.form import FormScreen
from planner.tui.widgets.lanes_view import LanesView


async def open_lanes(pilot) -> LanesView:
    return await open_view(pilot, "f7", LanesView)


def ids(app) -> list[str]:
    return [s.id for s in app.session.get("launch").steps]


@sync
async def test_reorder_round_trips_with_only_those_lines_changed(chart_file):
    before = chart_file.read_text()
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_lanes(pilot)
        assert view.workflow.id == "launch" and view.step.id == "brief"
        await pilot.press("J")  # brief moves below design
        await pilot.pause()
        assert ids(app) == ["design", "brief", "send"] and view.step.id == "brief"
        await pilot.press("shift+down")
        await pilot.pause()
        assert ids(app) == ["design", "send", "brief"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ids(app) == ["design", "brief", "send"]
        await save(pilot)
    after = chart_file.read_text()
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    changed = [n for n, (a, b) in enumerate(zip(old, new)) if a != b]
    assert len(changed) == 2 and (old[changed[0]], old[changed[1]]) == (new[changed[1]], new[changed[0]])
    assert "{id: brief," in old[changed[0]] and "{id: design," in old[changed[1]]
    assert [s.id for s in load_chart(chart_file).workflows[0].steps] == ["design", "brief", "send"]


@sync
async def test_performer_and_new_step_between_two(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_lanes(pilot)
        await pilot.press("down")  # design, by the agency
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*"CallWorks", "enter")
        await pilot.pause()
        design = app.session.get("design")
        assert design.by == "bpo" and "bpo" in view.lane_ids
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"Proofread", "enter")
        await pilot.press("ctrl+s")  # OK in the form
        await pilot.pause()
        steps = ids(app)
        assert len(steps) == 4 and steps[:2] == ["brief", "design"] and steps[3] == "send"  # between the two
        assert app.session.get(ids(app)[2]).name == "Proofread" and app.session.get(ids(app)[2]).by == "bpo"
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert ids(app) == ["brief", "design", "send"] and design.by == "agency"


def test_broken_handoffs_are_marked(small_chart_path):
    chart = load_chart(small_chart_path)
    launch = chart.workflows[0]
    assert lanes(launch) == ["cy", "agency", "esp"] and marks(launch) == {}
    launch.steps[0], launch.steps[1] = launch.steps[1], launch.steps[0]
    launch.steps[2].outputs = ["sent campaign", "report"]
    launch.steps[2].inputs.append("approval")
    found = marks(launch)
    assert found["design"].later == ["creative brief"]
    assert found["send"].missing == ["approval"] and found["send"].unused == ["report"]
    assert "produced only later" in found["design"].describe()


def test_reorder_with_an_edit_and_a_new_step_patches_only_those_lines(small_chart_path, tmp_path):
    """The patching save moves the items' own lines, with their edits, and places a new step after its predecessor."""
    from planner.model import Step
    from planner.tui.core.commands import AddElement, MoveItem, SetField
    from planner.tui.core.session import Session

    target = tmp_path / "small.yaml"
    target.write_text(small_chart_path.read_text().replace("    steps:\n", "    steps:  # in order\n"))
    before = target.read_text().splitlines()
    session = Session.open(target)
    launch = session.get("launch")
    session.apply(MoveItem(launch, session.get("send"), 0))
    session.apply(SetField(session.get("send"), "name", "Send it"))
    session.apply(AddElement(Step(id="check", name="Check", by="cy"), launch, 2))
    session.save()
    after = target.read_text().splitlines()
    assert [s.id for s in load_chart(target).workflows[0].steps] == ["send", "brief", "check", "design"]
    assert "    steps:  # in order" in after
    changed = {line for line in after if line not in before}
    assert changed == {"      - {id: send, name: Send it, by: esp, inputs: [email creative], outputs: [sent campaign]}",
                       "      - {id: check, name: Check, by: cy}"}
    assert len(after) == len(before) + 1
