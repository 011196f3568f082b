"""The org tree (F6): moving a person or a subtree is the form's reports_to/team edit, undone by ctrl+z."""

from __future__ import annotations

import shutil

import pytest
from tui_support import open_view, started, sync

from planner.tui.app import EditorApp
from planner.tui.core.orgtree import tree_lines
from planner.tui.screens.picker import PickerScreen
from planner.tui.widgets.org_view import OrgView


@pytest.fixture
def chart_file(tmp_path, current_path):
    target = tmp_path / "harborpine.yaml"
    shutil.copy(current_path, target)
    return target


async def open_org(pilot) -> OrgView:
    return await open_view(pilot, "f6", OrgView)


def depth_of(view: OrgView, ident: str) -> int:
    return next(line.depth for line in view.lines if line.person is not None and line.person.id == ident)


def under(view: OrgView, ident: str) -> list[str]:
    """The people shown below ``ident`` (deeper lines right after it)."""
    start = next(n for n, line in enumerate(view.lines) if line.person is not None and line.person.id == ident)
    found = []
    for line in view.lines[start + 1:]:
        if line.depth <= view.lines[start].depth:
            break
        if line.person is not None:
            found.append(line.person.id)
    return found


@sync
async def test_cut_and_paste_moves_a_subtree_and_undo_restores_it(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_org(pilot)
        dana = app.session.get("p-dana-reyes")
        team = sorted(under(view, "p-dana-reyes"))
        assert dana.reports_to == "p-elena-marsh" and len(team) >= 5
        view.show("p-dana-reyes")
        await pilot.press("x")
        view.show("p-mei-tanaka")
        await pilot.press("p")
        await pilot.pause()
        assert dana.reports_to == "p-mei-tanaka"
        assert "p-dana-reyes" in under(view, "p-mei-tanaka")
        assert set(team) <= set(under(view, "p-mei-tanaka"))  # the whole subtree came along
        assert view.current_id() == "p-dana-reyes"  # the cursor follows the moved person
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert dana.reports_to == "p-elena-marsh"
        assert "p-dana-reyes" not in under(view, "p-mei-tanaka")
        assert sorted(under(view, "p-dana-reyes")) == team
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert dana.reports_to == "p-mei-tanaka"


@sync
async def test_move_by_picking_and_no_loops(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_org(pilot)
        view.show("p-tom-gallagher")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"Grace Obi")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.get("p-tom-gallagher").reports_to == "p-grace-obi"
        view.show("p-elena-marsh")  # the top cannot move under someone who reports to her
        await pilot.press("x")
        view.show("p-tom-gallagher")
        await pilot.press("p")
        await pilot.pause()
        assert app.session.get("p-elena-marsh").reports_to is None
        await pilot.press("escape")  # drops the cut, stays in the view
        assert view.cut is None and app.view == "org"


@sync
async def test_paste_on_a_team_changes_the_team(small_chart_path, tmp_path):
    target = tmp_path / "small.yaml"
    shutil.copy(small_chart_path, target)
    app = EditorApp(target)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_org(pilot)
        view.show("cy")
        await pilot.press("x")
        header = next(n for n, line in enumerate(view.lines) if line.person is None and line.team.id == "web")
        view.set_cursor(header)
        await pilot.press("p")
        await pilot.pause()
        cy = app.session.get("cy")
        assert cy.team == "web" and cy.reports_to == "ann"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    text = target.read_text()
    assert "{id: cy, name: Cy Park, title: Email Specialist, team: web, reports_to: ann, fte: 0.5}" in text


def test_span_single_points_and_firms(small_chart_path):
    from planner.store import load_chart

    chart = load_chart(small_chart_path)
    chart.people[2].title = "Email Specialist (Bright Creative)"
    lines = tree_lines(chart, set())
    people = {line.person.id: line for line in lines if line.person is not None}
    assert people["ann"].reports == 2 and people["ann"].depth == 1
    assert people["cy"].firm == "Bright Creative"
    assert people["bob"].alone == 1  # accountable for webpub, nobody else responsible
    headers = [line.team.id for line in lines if line.person is None and line.team is not None]
    assert headers == ["mkt", "web"]  # bob's team opens under ann, whose team is mkt
    folded = tree_lines(chart, {"ann"})
    assert folded[1].folded and [line.person for line in folded[2:]] == [None]  # web stays a paste target


@sync
async def test_switching_views_keeps_the_keys_on_the_view(chart_file):
    """F5 then F6: the org tree has the focus (not the live panel's list), so its keys work at once."""
    app = EditorApp(chart_file)
    async with app.run_test(size=(100, 32)) as pilot:
        await started(pilot)
        await pilot.press("f5", "f6")
        await pilot.pause()
        view = app.query_one(OrgView)
        assert app.focused is view and len(app.query("ViewPane")) == 1
        start = view.cursor
        await pilot.press("down", "down")
        assert view.cursor == start + 2
        await pilot.press("f6")  # the same key again: back to the forms
        await pilot.pause()
        assert app.view is None and app.navigator.display and app.form.display
