"""Snapshots of the chart views at 80x24 and 120x40 (update with --snapshot-update after a deliberate change)."""

from __future__ import annotations

import shutil

import pytest

from planner.tui.app import EditorApp


@pytest.fixture
def chart_file(tmp_path, current_path):
    target = tmp_path / "harborpine.yaml"
    shutil.copy(current_path, target)
    return target


def opened(key: str, then=None):
    async def run_before(pilot):
        app = pilot.app
        while not app.ready or app.live_state is None or (app.model_choice and app.live_state.maturity is None):
            await pilot.pause(0.02)
        await pilot.press(key)
        while not app.query("#view"):
            await pilot.pause(0.02)
        if then is not None:
            await then(pilot, app.query_one("#view"))
        await pilot.pause()

    return run_before


async def on_delivery(pilot, view):
    view._filter_chosen("area:delivery")
    view.go_to_cell(view.rows[1].cap.id, view.rows[1].cap.accountable)


async def on_dana(pilot, view):
    view.show("p-dana-reyes")


async def second_step(pilot, view):
    await pilot.press("down")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_matrix(snap_compare, chart_file, size):
    assert snap_compare(EditorApp(chart_file), terminal_size=size, run_before=opened("f5", on_delivery))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_org_tree(snap_compare, chart_file, size):
    assert snap_compare(EditorApp(chart_file), terminal_size=size, run_before=opened("f6", on_dana))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_lanes(snap_compare, chart_file, size):
    assert snap_compare(EditorApp(chart_file), terminal_size=size, run_before=opened("f7", second_step))
