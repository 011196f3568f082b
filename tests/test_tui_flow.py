"""Pilot tests of the editor's keyboard flow: Tab order, forms, the live panel's model, small terminals."""

from __future__ import annotations

from textual.widgets import Input, Select
from tui_support import started, sync

from planner.tui.app import EditorApp
from planner.tui.core.live import model_names
from planner.tui.screens.form import FormScreen
from planner.tui.screens.picker import PickerScreen
from planner.tui.widgets.fields import FieldRow


def focused_field(app) -> str | None:
    node = app.focused
    while node is not None and not isinstance(node, FieldRow):
        node = node.parent
    return node.spec.name if node is not None else None


@sync
async def test_tab_goes_field_to_field_after_an_edit(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        await app.go_to("email")
        app.navigator.focus()
        await pilot.pause()
        await pilot.press("tab")
        assert focused_field(app) == "id"  # straight from the navigator to the first field, no container stop
        await pilot.press("tab", "end", *" and SMS", "tab")
        await pilot.pause()
        assert app.session.get("email").name == "Email campaigns and SMS"
        assert focused_field(app) == "area"
        await pilot.press("tab")
        assert focused_field(app) == "lob"
        await pilot.press(*"consumer", "tab")
        await pilot.pause()
        assert app.session.get("email").lob == ["consumer"]
        assert focused_field(app) == "channels"


@sync
async def test_new_element_form_tab_order_and_pending_text(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        await app.go_to("webpub")
        app.navigator.focus()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen) and focused_field(app) == "name"
        await pilot.press(*"Print vendors", "tab")
        await pilot.pause()
        assert focused_field(app) == "area"  # Tab moves on, it does not snap back to the name
        assert app.screen.draft.id == "print-vendors"
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(*"ann", "enter")
        await pilot.pause()
        assert focused_field(app) == "accountable"
        await pilot.press("ctrl+s")
        await pilot.pause()
        cap = app.session.get("print-vendors")
        assert cap is not None and cap.accountable == "ann" and cap.area == "creation"


@sync
async def test_ok_takes_text_typed_but_not_entered(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        await app.go_to("launch")
        await app.run_action("add_child")
        await pilot.pause()
        await pilot.press(*"Send files", "enter")
        await pilot.pause()
        outputs = next(r for r in app.screen.query(FieldRow) if r.spec.name == "outputs").query_one(Input)
        outputs.focus()
        outputs.value = "print files"
        await pilot.press("ctrl+s")  # OK without leaving the field: the typed text counts
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)  # "by" is still missing: the form says so and stays
        assert "by" in str(app.screen.query_one("#form-error").render())
        by = next(r for r in app.screen.query(FieldRow) if r.spec.name == "by")
        by.query_one("#pick").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"cy park", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        step = app.session.get("send-files")
        assert step is not None and step.outputs == ["print files"]


@sync
async def test_live_panel_starts_on_engagement_and_keeps_the_choice(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        assert app.query_one("#model", Select).value == "engagement"
        maturity = app.live_state.maturity
        assert maturity is not None and maturity.model == "engagement" and maturity.dimensions
        text = str(app.query_one("#maturity").render())
        assert f"Level {maturity.level}" in text and "Gaps to" in text

        others = [n for n in model_names() if n != "engagement"]
        app.query_one("#model", Select).value = others[0]
        await pilot.pause()
        while app.live_state.maturity is None or app.live_state.maturity.model != others[0]:
            await pilot.pause(0.02)
        await app.show_session(app.session)  # as after a recovery: the choice stays
        assert app.model_choice == others[0] and app.query_one("#model", Select).value == others[0]


@sync
async def test_live_panel_follows_an_edit(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot, levels=True)
        await app.go_to("webpub")
        field = next(r for r in app.form.query(FieldRow) if r.spec.name == "accountable")
        field.query_one("#clear").press()
        await pilot.pause()
        while app.live_state.edits != app.session.stack.edits or app.live_state.maturity is None:
            await pilot.pause(0.02)
        assert app.session.get("webpub").accountable is None
        assert any(p.id == "webpub" for p in app.live_state.problems)  # no one accountable: a problem now


@sync
async def test_small_terminal_keeps_a_usable_form(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot, levels=True)
        await app.go_to("email")
        await pilot.pause()
        assert app.form.size.width >= 44 and app.form.size.height >= 18
        assert app.live.size.width >= 26 and app.live.size.height >= 8
        assert app.navigator.size.height >= 8
        phases = field_widget(app, "phases")
        assert all(button.region.right <= app.form.region.right for button in phases.query("Button"))


def field_widget(app, name: str) -> FieldRow:
    return next(r for r in app.form.query(FieldRow) if r.spec.name == name)
