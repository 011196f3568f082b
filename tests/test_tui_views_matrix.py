"""The capability-resource matrix (F5): a cell edit is the form's edit, A stays single, the live panel follows."""

from __future__ import annotations

import shutil

import pytest
from tui_support import open_view, save, started, sync

from planner.tui.app import EditorApp
from planner.tui.screens.dialogs import ChoiceScreen
from planner.tui.widgets.matrix_view import MatrixView


async def open_matrix(pilot) -> MatrixView:
    return await open_view(pilot, "f5", MatrixView, levels=True)


@sync
async def test_cell_edit_is_the_form_edit(chart_file, tmp_path, small_chart_path):
    """r in the (Email campaigns, CallWorks) cell saves the same file as adding CallWorks in the form."""
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_matrix(pilot)
        assert view.go_to_cell("email", "bpo")
        await pilot.press("r")
        await pilot.pause()
        assert app.session.get("email").responsible == ["cy", "mkt", "bpo"]
        assert "R" in view.roles(view.rows[view.cursor]).get("bpo", "")
        await save(pilot)
    by_view = chart_file.read_text()

    form_file = tmp_path / "form.yaml"
    shutil.copy(small_chart_path, form_file)
    form_app = EditorApp(form_file)
    async with form_app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await form_app.go_to("email")
        await form_app.apply_command(form_app.form.command_for("responsible", ["cy", "mkt", "bpo"]))
        await save(pilot)
    assert by_view == form_file.read_text()


@sync
async def test_roles_keys_and_undo(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_matrix(pilot)
        email = app.session.get("email")
        view.go_to_cell("email", "ann")
        await pilot.press("c", "i")
        await pilot.pause()
        assert email.consulted == ["ann"] and email.informed == ["ann"]
        await pilot.press("i")  # the same key again takes the role away
        await pilot.pause()
        assert email.informed == []
        await pilot.press("space")
        await pilot.pause()
        assert email.consulted == []
        view.go_to_cell("email", "esp")
        await pilot.press("u")  # a system the capability uses: toggled off
        await pilot.pause()
        assert email.systems == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert email.systems == ["esp"]
        assert app.focused is view  # undo keeps the view


@sync
async def test_exactly_one_accountable(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_matrix(pilot)
        email = app.session.get("email")
        view.go_to_cell("email", "mkt")
        await pilot.press("a")  # a team cannot be accountable
        await pilot.pause()
        assert email.accountable == "cy"
        view.go_to_cell("email", "cy")
        await pilot.press("space")  # clears R but keeps the A
        await pilot.pause()
        assert email.accountable == "cy" and email.responsible == ["mkt"]
        view.go_to_cell("email", "ann")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and "Move the A" in str(app.screen.message)
        await pilot.click("#move")
        await pilot.pause()
        assert email.accountable == "ann"
        assert view.roles(view.rows[view.cursor]).get("cy") is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert email.accountable == "cy"


@sync
async def test_live_panel_follows_and_filters(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_matrix(pilot)
        view.go_to_cell("email", "bpo")
        await pilot.pause(0.2)  # the panel follows once the keys pause
        follow = app.live.query_one("#follow")
        assert "Email campaigns" in str(follow.render())
        await pilot.press("r")
        await pilot.pause()
        while app.live_state.edits != app.session.stack.edits:
            await pilot.pause(0.02)
        assert "CallWorks" in str(follow.render())
        view._filter_chosen("area:delivery")
        await pilot.pause()
        assert [r.cap.id for r in view.rows if r.cap] == ["email"]
        assert view.describe().split()[0] == "Email"
        await pilot.press("escape")
        await pilot.pause()
        assert app.view is None and not app.query("ViewPane")
        assert app.form.key == "email" and app.form.obj.responsible == ["cy", "mkt", "bpo"]


def test_role_rules_without_the_screen(small_chart_path):
    from planner.store import load_chart
    from planner.tui.core.matrix import Filters, Refused, column_groups, role_edit, roles_of, rows

    chart = load_chart(small_chart_path)
    email = chart.capabilities[0]
    get = {e.id: e for _, e in chart.iter_elements()}.__getitem__
    assert roles_of(email) == {"cy": "AR", "mkt": "R", "agency": "C", "esp": "use", "subs": "use"}
    assert role_edit(chart, email, get("agency"), "r").command.value == ["cy", "mkt", "agency"]
    assert role_edit(chart, email, get("agency"), "c").command.value == []  # an org's C is a contributor
    moved = role_edit(chart, email, get("ann"), "a")
    assert moved.question and moved.command.value == "ann"
    for element, key in (("mkt", "a"), ("agency", "i"), ("esp", "a"), ("ann", "u")):
        with pytest.raises(Refused):
            role_edit(chart, email, get(element), key)
    with pytest.raises(Refused, match="exactly one accountable"):
        role_edit(chart, chart.capabilities[1], get("bob"), "space")
    groups = column_groups(chart, Filters(kinds={"org"}), set())
    assert [g.key for g in groups] == ["org:bpo", "org:agency"]
    assert [r.cap.id if r.cap else r.area for r in rows(chart, Filters(gaps_only=True), set(), {"webpub"})] == [
        "creation", "webpub"]
