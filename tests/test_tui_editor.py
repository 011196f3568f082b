"""The editor driven headless with Pilot: edit, add, make accountable, undo, redo, save, recover."""

from __future__ import annotations

from textual.widgets import Input
from tui_support import started, sync

from planner.store import load_chart
from planner.store.roundtrip import dump
from planner.tui.app import EditorApp
from planner.tui.core.recovery import recovery_path
from planner.tui.screens.dialogs import ChoiceScreen
from planner.tui.screens.form import FormScreen
from planner.tui.screens.picker import PickerScreen
from planner.tui.widgets.fields import FieldRow


def field(app, name: str) -> FieldRow:
    return next(row for row in app.form.query(FieldRow) if row.spec.name == name)


async def type_into(pilot, name: str, text: str) -> None:
    row = field(pilot.app, name)
    box = row.query_one(Input)
    box.focus()
    box.value = text
    await pilot.press("enter")
    await pilot.pause()


async def pick(pilot, name: str, text: str) -> None:
    """Open the picker of a reference field, filter by ``text``, take the first match."""
    row = field(pilot.app, name)
    row.query_one("#pick" if row.spec.kind == "ref" else "#link").focus()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PickerScreen)
    await pilot.press(*text, "enter")
    await pilot.pause()


@sync
async def test_edit_add_accountable_undo_redo_save_reload(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("bob")
        await type_into(pilot, "title", "Head of Web")
        assert app.session.get("bob").title == "Head of Web"
        assert "[modified]" in app.title

        await app.go_to("cy")  # a person, so "a" adds a person in the same team
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"Dee Xu", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")  # OK in a form
        await pilot.pause()
        dee = app.session.get("dee-xu")
        assert dee is not None and dee.team == "mkt"

        await app.go_to("webpub")
        await pick(pilot, "accountable", "dee")
        assert app.session.get("webpub").accountable == "dee-xu"

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.get("webpub").accountable == "bob"
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.session.get("webpub").accountable == "dee-xu"

        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "[modified]" not in app.title
        saved = load_chart(chart_file)
        assert dump(saved) == dump(app.session.chart)
    text = chart_file.read_text()
    assert text.startswith("# A small, valid chart used by unit tests")
    assert "{id: dee-xu, name: Dee Xu, team: mkt}" in text


@sync
async def test_invalid_input_is_refused_at_the_field(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("cy")
        await type_into(pilot, "fte", "2")
        assert app.session.get("cy").fte == 0.5
        error = field(app, "fte").query_one(".field-error")
        assert "refused" in str(error.render()) and not app.session.modified


@sync
async def test_delete_shows_broken_references_and_unlinks(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("esp")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        details = str(app.screen.query_one(".dialog-details").query_one("Static").render())
        assert "capability email.systems -> esp" in details
        assert "step send.by -> esp" in details  # a step must have a performer
        assert not app.screen.query("#unlink")  # so plain unlinking is not offered
        await pilot.click("#reassign")
        await pilot.pause()
        await pilot.press(*"cms", "enter")
        await pilot.pause()
        assert app.session.get("esp") is None and app.session.get("send").by == "cms"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.get("esp") is not None and app.session.get("send").by == "esp"


@sync
async def test_quit_with_unsaved_changes_asks(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("bob")
        await type_into(pilot, "name", "Robert Stone")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.is_running


@sync
async def test_file_changed_on_disk_is_not_overwritten(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("bob")
        await type_into(pilot, "name", "Robert Stone")
        chart_file.write_text(chart_file.read_text() + "# someone else\n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and app.screen.title_text == "File changed on disk"
        await pilot.click("#cancel")
        await pilot.pause()
    assert chart_file.read_text().endswith("# someone else\n")
    assert "Robert" not in chart_file.read_text()


@sync
async def test_recovery_file_after_a_simulated_crash(chart_file):
    app = EditorApp(chart_file, watch_delay=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("bob")
        await type_into(pilot, "title", "Head of Web")
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        assert recovery_path(chart_file).exists()
        # the process dies here: no save, no quit
    assert "Head of Web" not in chart_file.read_text()

    again = EditorApp(chart_file)
    async with again.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.pause(0.1)
        assert isinstance(again.screen, ChoiceScreen) and "Recover" in again.screen.title_text
        await pilot.click("#recover")
        await pilot.pause(0.2)
        assert again.session.get("bob").title == "Head of Web" and again.session.modified
        await pilot.press("ctrl+s")
        await again.workers.wait_for_complete()
        await pilot.pause()
    assert "title: Head of Web" in chart_file.read_text() or "Head of Web" in chart_file.read_text()
    assert not recovery_path(chart_file).exists()


@sync
async def test_new_chart_from_template_and_help(tmp_path):
    target = tmp_path / "ops.yaml"
    app = EditorApp(target)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert not target.exists() and "[modified]" not in app.title and "not saved yet" in app.title
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert load_chart(target).chart.name == "Ops operation"


@sync
async def test_search_jumps_to_an_element(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"creative", "enter")
        await pilot.pause()
        assert app.form.key in ("agency", "design")
        assert app.navigator.cursor_node.data.key == app.form.key


@sync
async def test_practices_picker_lists_meanings_adds_known_and_new_words(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("email")
        row = field(app, "practices")
        row.query_one("#pick-word").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        listed = {value for value, _ in app.screen.candidates}
        assert "mass_email" not in listed and "wom_tracking" in listed  # chosen words are not offered again
        await pilot.press(*"referral")  # filters on the meaning too
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.get("email").practices == ["mass_email", "segmentation", "wom_tracking"]
        assert not field(app, "practices").query(".words-note")  # every word is known

        field(app, "practices").query_one("#pick-word").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"house_style", "enter")  # a word of the operation's own: offered as new
        await pilot.pause()
        assert app.session.get("email").practices[-1] == "house_style"
        note = field(app, "practices").query_one(".words-note")
        assert "house_style" in str(note.render())

        field(app, "practices").query_one("#pick-word").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"loyalty", "enter")  # a well-formed word that matches known ones: the match wins
        await pilot.pause()
        assert app.session.get("email").practices[-1] == "loyalty_program"

        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        await pilot.pause()
        assert app.session.get("email").practices == ["mass_email", "segmentation"]
