"""Editor regressions found in review: saves racing edits, recovery, fallbacks, quitting, markup, focus."""

from __future__ import annotations

import shutil
import time

import pytest
from tui_support import started, sync

from planner.store import roundtrip
from planner.tui.app import EditorApp
from planner.tui.core.commands import SetField
from planner.tui.core.recovery import recovery_path


@pytest.fixture
def chart_file(tmp_path, current_path):
    target = tmp_path / "current.yaml"
    shutil.copy(current_path, target)
    return target


async def settle(pilot, app, seconds: float = 5.0) -> None:
    """Wait until no save is running."""
    end = time.monotonic() + seconds
    while (w := getattr(app, "_running_save", None)) is not None and not w.is_finished and time.monotonic() < end:
        await pilot.pause(0.05)
    await pilot.pause(0.1)


@sync
async def test_an_edit_made_while_saving_stays_pending(chart_file, monkeypatch):
    real = roundtrip.write_atomic

    def slow_write(path, data):
        time.sleep(0.6)
        return real(path, data)

    monkeypatch.setattr(roundtrip, "write_atomic", slow_write)
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        s = app.session
        await app.apply_command(SetField(s.get("p-marcus-webb"), "title", "First edit"))
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        await app.apply_command(SetField(s.get("p-hannah-cho"), "title", "Typed while saving"))
        await settle(pilot, app)
        await pilot.pause(0.3)
        text = chart_file.read_text()
        assert "First edit" in text
        assert "Typed while saving" not in text
        assert s.modified and "[modified]" in app.title
        assert any(c.new == "p-hannah-cho" for c in s.changes())
        assert recovery_path(chart_file).exists()


async def wait_for_screen(pilot, name: str, seconds: float = 3.0) -> None:
    end = time.monotonic() + seconds
    while type(pilot.app.screen).__name__ != name and time.monotonic() < end:
        await pilot.pause(0.05)


def crashed_session(path):
    """A recovery file left by an editor that died with one edit."""
    from planner.tui.core.recovery import write_recovery
    from planner.tui.core.session import Session

    session = Session.open(path)
    session.apply(SetField(session.chart.chart, "name", "Recovered name"))
    write_recovery(session)
    return recovery_path(path)


@sync
async def test_escape_on_the_recovery_dialog_keeps_the_file(chart_file):
    found = crashed_session(chart_file)
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await wait_for_screen(pilot, "ChoiceScreen")
        assert type(app.screen).__name__ == "ChoiceScreen"
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert found.exists()
        await pilot.press("ctrl+q")
        await pilot.pause(0.2)
    assert found.exists()
    again = EditorApp(chart_file, watch_delay=0.1)
    async with again.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await wait_for_screen(pilot, "ChoiceScreen")
        assert type(again.screen).__name__ == "ChoiceScreen"
        await pilot.click("#discard")
        await pilot.pause(0.2)
    assert not found.exists()


@sync
async def test_recovery_is_offered_for_a_never_saved_chart(tmp_path):
    path = tmp_path / "brand-new.yaml"
    found = crashed_session(path)
    assert not path.exists() and found.exists()
    app = EditorApp(path, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await wait_for_screen(pilot, "ChoiceScreen")
        assert type(app.screen).__name__ == "ChoiceScreen"
        await pilot.click("#recover")
        await pilot.pause(0.2)
        assert app.session.chart.chart.name == "Recovered name"


@sync
async def test_a_save_that_would_lose_comments_asks_first(chart_file):
    text = "---\n" + chart_file.read_text()
    chart_file.write_text(text)
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.apply_command(SetField(app.session.get("p-marcus-webb"), "title", "Edited"))
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, "ChoiceScreen")
        assert "canonical form" in str(app.screen.message)
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert chart_file.read_text() == text and app.session.modified
        await pilot.press("ctrl+s")
        await wait_for_screen(pilot, "ChoiceScreen")
        await pilot.click("#canonical")
        await settle(pilot, app)
        await pilot.pause(0.2)
        assert not app.session.modified and "Edited" in chart_file.read_text()
        assert (chart_file.parent / "current.yaml.bak").read_text() == text


def test_a_crlf_file_is_not_changed_on_disk_and_keeps_its_line_endings(chart_file):
    from planner.tui.core.session import Session

    original = chart_file.read_bytes().replace(b"\n", b"\r\n")
    chart_file.write_bytes(original)
    session = Session.open(chart_file)
    assert not session.changed_on_disk()
    session.apply(SetField(session.get("cap-paid-media"), "name", "Paid media buying"))
    outcome = session.save()  # raises ExternalChange on a false alarm
    assert outcome.patched
    written = chart_file.read_bytes()
    assert written.count(b"\n") == written.count(b"\r\n") == original.count(b"\r\n")
    changed = [a for a, b in zip(original.split(b"\r\n"), written.split(b"\r\n")) if a != b]
    assert len(changed) == 1
    assert not session.changed_on_disk()


@sync
async def test_quit_with_an_add_form_holding_typed_text_asks(chart_file):
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.run_action("add_kind('org')")
        await pilot.pause(0.2)
        await pilot.press(*"Acme Print")
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
        assert app.is_running and type(app.screen).__name__ == "ChoiceScreen"
        await pilot.press("escape")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "FormScreen"
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
        await pilot.click("#discard")
        await pilot.pause(0.3)
    assert app.return_code == 0


@sync
async def test_names_with_rich_markup_are_shown_as_typed(chart_file):
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.apply_command(SetField(app.session.get("cap-paid-media"), "name", "Paid [/] media [b"))
        await app.go_to("cap-paid-media")
        await pilot.pause(0.2)
        await pilot.press("delete")
        await wait_for_screen(pilot, "ChoiceScreen")
        assert type(app.screen).__name__ == "ChoiceScreen"
        title = app.screen.query("Label").first()
        assert "Paid [/] media [b" in str(title.render())
        await pilot.press("escape")
        await pilot.pause(0.2)
        await pilot.press("ctrl+z")
        await pilot.pause(0.2)
        assert app.is_running and app._exception is None


@sync
async def test_an_unexpected_error_in_a_tool_worker_is_reported_not_fatal(chart_file, monkeypatch):
    import planner.maturity

    seen = []

    def broken(chart, model):
        seen.append(chart)
        raise RuntimeError("boom")

    monkeypatch.setattr(planner.maturity, "assess", broken)
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("f2")
        for _ in range(40):
            await pilot.pause(0.05)
            if seen and any("boom" in str(n.message) for n in app._notifications):
                break
        assert app.is_running and app.return_code is None
        assert any("assessment failed: boom" in str(n.message) for n in app._notifications)
        copies = [c for c in seen if c is not app.session.chart]  # the live panel also assesses, on the chart itself
        assert copies and copies[0].chart.name == app.session.chart.chart.name


def test_any_patcher_failure_falls_back(tmp_path, monkeypatch):
    from planner.store.roundtrip import Change, save_preserving
    from planner.tui.core.session import Session

    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(roundtrip, "patch_chart_text", broken)
    target = tmp_path / "c.yaml"
    shutil.copy(__import__("planner.charts", fromlist=["x"]).shipped_chart("current"), target)
    session = Session.open(target)
    out = save_preserving(target, session.chart, session.base_text, [Change("chart")])
    assert not out.patched and "surprise" in out.reason and out.backup is not None


@sync
async def test_after_a_delete_and_its_undo_the_form_shows_the_right_element(chart_file):
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        for key, after in (("cap-paid-media", None), ("wf-seasonal-campaign.layouts", "wf-seasonal-campaign")):
            await app.go_to(key)
            await pilot.pause(0.1)
            await pilot.press("delete")
            await wait_for_screen(pilot, "ChoiceScreen")
            await pilot.click("#unlink")
            await pilot.pause(0.3)
            assert app.session.get(key) is None
            assert app.form.key == after
            await pilot.press("ctrl+z")
            await pilot.pause(0.3)
            assert app.form.key == key
            await pilot.press("ctrl+y")
            await pilot.pause(0.3)
            assert app.form.key == after
            await pilot.press("ctrl+z")
            await pilot.pause(0.3)


def test_new_ids_follow_the_siblings_prefix():
    from planner.tui.core.factory import id_prefix, prefixed

    assert id_prefix(["org-a", "org-b-c", "acme"]) == "org-"
    assert id_prefix(["wf-x.a", "wf-x.b"], "wf-x") == "wf-x."
    assert id_prefix(["marketing-ops", "sales-ops"]) == ""
    assert id_prefix([]) == ""
    assert prefixed("org-", "acme") == "org-acme" and prefixed("org-", "org-acme") == "org-acme"


@sync
async def test_a_new_element_goes_after_its_group_with_the_prefix_of_its_siblings(chart_file):
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        chart = app.session.chart
        for key, name, field, section, ident in (
                ("cap-paid-media", "Brand new thing", "area", "capabilities", "cap-brand-new-thing"),
                ("p-marcus-webb", "Zoe Quinn", "team", "people", "p-zoe-quinn")):
            sample = app.session.get(key)
            await app.go_to(key)
            await pilot.pause(0.1)
            await pilot.press("a")
            await wait_for_screen(pilot, "FormScreen")
            await pilot.press(*name, "enter")
            await pilot.pause(0.1)
            await pilot.press("ctrl+s")
            await pilot.pause(0.3)
            items = getattr(chart, section)
            n = next(i for i, e in enumerate(items) if e.id == ident)
            same = [i for i, e in enumerate(items) if getattr(e, field) == getattr(sample, field)]
            assert n == max(same) and n < len(items) - 1


@sync
async def test_the_clear_button_of_a_reference_is_not_a_tab_stop(chart_file):
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.go_to("p-marcus-webb")
        await pilot.pause(0.2)
        clears = list(app.form.query("#clear"))
        assert clears and not any(b.focusable for b in clears)


@sync
async def test_the_arrow_keys_move_between_a_dialogs_buttons(chart_file):
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        app.session.apply(SetField(app.session.chart.chart, "name", "Unsaved name"))
        await pilot.press("ctrl+q")
        await wait_for_screen(pilot, "ChoiceScreen")
        assert app.focused is not None and app.focused.id == "save"
        await pilot.press("right")
        assert app.focused.id == "discard"
        await pilot.press("right")
        assert app.focused.id == "cancel"
        await pilot.press("left", "left")
        assert app.focused.id == "save"
        await pilot.press("escape")
