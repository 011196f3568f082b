"""Pilot tests of the editor without surprises (issue 15): keys, forms, read-only charts, layout, tools."""

from __future__ import annotations

import re
import shutil
import time

from textual.widgets import Button, Input, OptionList, Static
from tui_support import started, sync

from planner.model import Person
from planner.store import read_chart
from planner.tui.app import EditorApp
from planner.tui.core.commands import AddElement, SetField
from planner.tui.screens.dialogs import ChoiceScreen
from planner.tui.screens.form import FormScreen
from planner.tui.screens.picker import PickerScreen
from planner.tui.screens.report import ReportScreen
from planner.tui.widgets.fields import FieldRow, PhasesRow


def row(app, name: str) -> FieldRow:
    return next(r for r in app.form.query(FieldRow) if r.spec.name == name)


async def until(pilot, condition, seconds: float = 20.0) -> None:
    """Wait for ``condition`` (a loaded machine is slow, not hung)."""
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        await pilot.pause(0.05)
    await pilot.pause()


def footer_keys(app) -> set[str]:
    return {b.key for _, b, enabled, _ in app.screen.active_bindings.values() if b.show and enabled}


# --- keys --------------------------------------------------------------------------------------


@sync
async def test_escape_leaves_a_field_and_the_footer_keys_work_from_the_navigator(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("email")
        assert {"a", "slash"} <= footer_keys(app)  # from the navigator
        box = row(app, "name").query_one(Input)
        box.focus()
        await pilot.pause()
        assert not {"a", "slash", "question_mark"} & footer_keys(app)  # letters are text in a field
        await pilot.press("end", *"/a")
        assert box.value == "Email campaigns/a"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.navigator
        assert row(app, "name").query_one(Input).value == "Email campaigns"
        assert app.session.get("email").name == "Email campaigns" and not app.session.modified
        row(app, "accountable").query_one("#pick", Button).focus()  # not a text field: Escape leaves it too
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.navigator
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        assert isinstance(app.screen, PickerScreen)


@sync
async def test_a_field_keeps_its_value_until_the_user_confirms_it(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("email")
        box = row(app, "name").query_one(Input)
        box.focus()
        await pilot.press("end", *" and SMS")
        app.navigator.focus()  # left by a click elsewhere: not a confirmation
        await pilot.pause()
        assert app.session.get("email").name == "Email campaigns" and not app.session.modified
        assert "not applied" in str(row(app, "name").query_one(".field-error", Static).render())
        box.focus()
        await pilot.press("enter")
        await until(pilot, lambda: app.session.modified)
        assert app.session.get("email").name == "Email campaigns and SMS"


@sync
async def test_renaming_an_id_keeps_the_form_on_the_renamed_element(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("ann")
        box = row(app, "id").query_one(Input)
        box.focus()
        box.value = "ann-lee"
        await pilot.press("enter")
        await until(pilot, lambda: app.form.key != "ann")
        assert app.form.key == "ann-lee" and app.form.obj is app.session.get("ann-lee")
        assert app.session.get("bob").reports_to == "ann-lee"  # the references followed
        assert app.navigator.cursor_node.data.key == "ann-lee"


# --- a chart with errors -----------------------------------------------------------------------


@sync
async def test_a_read_only_chart_lists_every_problem_as_check_does(tmp_path):
    target = tmp_path / "broken.yaml"
    shutil.copy("examples/broken.yaml", target)
    expected = [p.format().replace(str(target), "broken.yaml") for p in read_chart(target).problems]
    assert len(expected) >= 5
    app = EditorApp(target)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.pause(0.3)
        assert app.session.read_only
        options = app.live.query_one("#problems", OptionList)
        shown = [str(options.get_option_at_index(n).prompt)[2:] for n in range(options.option_count)]
        assert shown == expected
        title = str(app.live.query_one("#problems-title", Static).render())
        assert "Read-only" in title and "4 errors, 1 warning" in title


# --- the Add form ------------------------------------------------------------------------------


@sync
async def test_in_an_add_form_the_id_follows_the_name_until_an_id_is_typed(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("webpub")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        form = app.screen
        await pilot.press(*"Print vendors")
        id_box = next(r for r in form.query(FieldRow) if r.spec.name == "id").query_one(Input)
        assert id_box.value == "print-vendors"  # while typing, no Tab needed
        await pilot.press("ctrl+s")  # OK
        await until(pilot, lambda: app.session.get("print-vendors") is not None)
        assert app.session.get("print-vendors").name == "Print vendors"
        await app.go_to("webpub")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, FormScreen))
        form = app.screen
        id_box = next(r for r in form.query(FieldRow) if r.spec.name == "id").query_one(Input)
        id_box.focus()
        await pilot.press(*"seo", "tab", *"Search optimisation")
        assert id_box.value == "seo"  # typed by the user: kept
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.session.get("seo") is not None)
        assert app.session.get("seo").name == "Search optimisation"


# --- layout ------------------------------------------------------------------------------------


async def form_width(chart_file, size: tuple[int, int]) -> tuple[int, list[tuple[str, int]]]:
    """The Details pane's width, and each phase button's label and width, at ``size``."""
    app = EditorApp(chart_file)
    async with app.run_test(size=size) as pilot:
        await started(pilot)
        await app.go_to("email")
        await pilot.pause()
        buttons = app.form.query_one(PhasesRow).query(Button)
        return app.form.size.width, [(str(b.label), b.content_region.width) for b in buttons]


@sync
async def test_the_details_pane_grows_with_the_terminal_and_phases_show_in_full(chart_file):
    widths = []
    for size in ((80, 24), (120, 40), (160, 50)):
        width, phases = await form_width(chart_file, size)
        widths.append(width)
        labels = [label for label, _ in phases]
        assert labels == ["suspect -", "prospect -", "known II", "profiled I", "customerized -"]
        assert all(room >= len(label) for label, room in phases), (size, phases)
    assert widths[0] < widths[1] < widths[2], widths


# --- tools -------------------------------------------------------------------------------------


@sync
async def test_the_command_palette_speaks_words(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        commands = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        assert "Add a CoE" in titles and "Move the step up" in titles
        for command in commands:
            for text in (command.title, command.help):
                assert not re.search(r"\w\(|\w_\w", text), text  # no add_kind('coe'), no add_child


@sync
async def test_f2_wraps_the_report_once_to_the_pane(tmp_path, current_path):
    target = tmp_path / "current.yaml"
    shutil.copy(current_path, target)
    for size in ((80, 24), (200, 50)):
        app = EditorApp(target)
        async with app.run_test(size=size) as pilot:
            await started(pilot)
            await pilot.press("f2")
            await until(pilot, lambda app=app: isinstance(app.screen, ReportScreen) and app.screen.fitted_width > 0, 60)
            report = app.screen
            width = report.fitted_width
            lines = str(report.query_one("#report-text", Static).render()).splitlines()
            assert lines and all(len(line) <= width for line in lines), width
            whole = [line for line in report.text.splitlines() if 100 < len(line) <= width]
            if size[0] == 200:  # the pane is wider than the report's own 100 columns: long findings stay whole
                assert whole and all(line in lines for line in whole)


@sync
async def test_search_puts_an_exact_name_first(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.apply_command(AddElement(Person(id="em", name="Email", team="mkt")))
        await pilot.press("slash")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen))
        await pilot.press(*"email")
        await pilot.pause()
        options = app.screen.query_one("#choices", OptionList)
        assert options.option_count > 2  # Cy Park (Email Specialist), Email platform... also match
        assert options.get_option_at_index(0).id == "v:em"


def step_ids(app) -> list[str]:
    return [s.id for s in app.session.get("launch").steps]


@sync
async def test_workflow_steps_move_with_keys_and_from_the_palette(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("send")
        assert app.focused is app.navigator
        await pilot.press("shift+up")
        await until(pilot, lambda: step_ids(app) != ["brief", "design", "send"])
        assert step_ids(app) == ["brief", "send", "design"]
        await pilot.press("K")
        await until(pilot, lambda: step_ids(app)[0] == "send")
        assert step_ids(app) == ["send", "brief", "design"] and app.form.key == "send"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert step_ids(app) == ["brief", "send", "design"]
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"Move the step down")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: step_ids(app) != ["brief", "send", "design"])
        assert step_ids(app) == ["brief", "design", "send"]


# --- files -------------------------------------------------------------------------------------


@sync
async def test_undo_works_after_recovering_unsaved_edits(chart_file):
    from planner.tui.core.recovery import write_recovery
    from planner.tui.core.session import Session

    crashed = Session.open(chart_file)
    crashed.apply(SetField(crashed.chart.chart, "name", "Recovered name"))
    crashed.apply(SetField(crashed.get("bob"), "title", "Head of Web"))
    write_recovery(crashed)
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.click("#recover")
        await until(pilot, lambda: app.session.chart.chart.name == "Recovered name")
        assert app.session.get("bob").title == "Head of Web" and app.session.modified
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.session.chart.chart.name == "Small test operation"
        assert app.session.get("bob").title == "Web Manager" and not app.session.modified
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.session.get("bob").title == "Head of Web"


@sync
async def test_the_changed_on_disk_dialog_offers_reload(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.apply_command(SetField(app.session.get("bob"), "title", "Edited here"))
        chart_file.write_text(chart_file.read_text().replace("Small test operation", "Edited elsewhere"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert app.screen.query_one("#reload", Button)
        await pilot.click("#reload")
        await until(pilot, lambda: app.ready and app.session.chart.chart.name == "Edited elsewhere")
        assert app.session.get("bob").title == "Web Manager" and not app.session.modified
        assert "Edited here" not in chart_file.read_text()


@sync
async def test_the_editor_without_a_file_starts_an_untouched_new_chart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = EditorApp(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        assert app.session.path.name == "my-operation.yaml" and not app.session.modified
        assert "[modified]" not in app.title
        assert app.session.chart.teams and app.session.chart.capabilities  # planner new's template, not a blank
        assert not app.session.load_problems or all(p.severity != "error" for p in app.session.load_problems)
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
    assert not (tmp_path / "my-operation.yaml").exists()  # untouched: nothing written, nothing asked


@sync
async def test_the_editor_with_no_file_starts_from_the_answers_of_planner_new(tmp_path, monkeypatch):
    """At a terminal `planner edit` asks planner new's questions: the editor opens on that template, untouched."""
    from planner.store.templates import Answers

    monkeypatch.chdir(tmp_path)
    app = EditorApp(None, new_answers=Answers("Lakeside Outfitters", "retailer", ["stores", "web"], 12))
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        chart = app.session.chart
        assert chart.chart.name == "Lakeside Outfitters" and not app.session.modified
        assert "stores" in {t.lob for t in chart.teams}  # the first line of business the user named
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
    assert not (tmp_path / "my-operation.yaml").exists()


def test_planner_edit_asks_planner_new_questions_at_a_terminal(tmp_path, monkeypatch):
    """The answers typed at the prompt reach the editor; without a terminal nothing is asked."""
    from click.testing import CliRunner

    import planner.cli.edit_cmd as edit_cmd
    import planner.tui as tui
    from planner.cli import cli

    seen = []
    monkeypatch.setattr(tui, "run_editor", lambda path, new_answers=None: seen.append(new_answers) or 0)
    monkeypatch.chdir(tmp_path)
    typed = "Lakeside Outfitters\nretailer\nstores, web\n12\n\n\n"
    monkeypatch.setattr(edit_cmd, "interactive", lambda: True)
    result = CliRunner().invoke(cli, ["edit", "lakeside.yaml"], input=typed)
    assert result.exit_code == 0, result.output
    assert "Closest template" in result.output
    answers = seen[-1]
    assert (answers.name, answers.template, answers.lobs, answers.size) == (
        "Lakeside Outfitters", "retailer", ["stores", "web"], 12)
    monkeypatch.setattr(edit_cmd, "interactive", lambda: False)
    result = CliRunner().invoke(cli, ["edit", "lakeside.yaml"], input="")
    assert result.exit_code == 0 and seen[-1] is None and "Closest template" not in result.output
