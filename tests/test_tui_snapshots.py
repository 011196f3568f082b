"""Snapshots of the editor's main screens (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

import shutil

from planner.tui.app import EditorApp


async def ready(pilot) -> None:
    """The chart shown and the live panel's levels in (they come from a worker)."""
    app = pilot.app
    while not app.ready or app.live_state is None or (app.model_choice and app.live_state.maturity is None):
        await pilot.pause(0.02)
    await pilot.pause()


def test_main_screen(snap_compare, chart_file):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.app.go_to("email")
        await pilot.pause()

    assert snap_compare(EditorApp(chart_file), terminal_size=(120, 40), run_before=run_before)


def test_small_terminal(snap_compare, chart_file):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.app.go_to("cy")
        await pilot.pause()

    assert snap_compare(EditorApp(chart_file), terminal_size=(80, 24), run_before=run_before)


def test_delete_dialog(snap_compare, chart_file):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.app.go_to("agency")
        await pilot.press("delete")
        await pilot.pause()

    assert snap_compare(EditorApp(chart_file), terminal_size=(120, 40), run_before=run_before)


def test_help_screen(snap_compare, chart_file):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(EditorApp(chart_file), terminal_size=(120, 40), run_before=run_before)


def test_roadmap_preview(snap_compare, chart_file):
    async def run_before(pilot):
        await ready(pilot)
        pilot.app.notify = lambda *args, **kwargs: None  # "Planning..." lasts 2 s: shown or not depends on speed
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("enter")
        while type(pilot.app.screen).__name__ != "RoadmapScreen":
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(EditorApp(chart_file), terminal_size=(120, 40), run_before=run_before)


def test_read_only_chart(snap_compare, tmp_path):
    """A chart with errors: every problem listed in the Live panel, as ``planner check`` words it."""
    target = tmp_path / "broken.yaml"
    shutil.copy("examples/broken.yaml", target)

    async def run_before(pilot):
        while not pilot.app.ready:
            await pilot.pause(0.02)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(EditorApp(target), terminal_size=(80, 24), run_before=run_before)
