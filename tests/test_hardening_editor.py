"""The editor never hangs on a last delete, offers Save As for a read-only chart, says "disk full".

The last-delete scenario runs in a child process under a watchdog: the hang it
guards against starved the event loop, so no timeout inside the same loop
could ever fire. The watchdog's limit is generous; it turns a hang into a
failure, it does not measure speed.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tui_support import started, sync

from planner.store import load_chart
from planner.tui.app import EditorApp
from planner.tui.core.commands import SetField
from planner.tui.screens.dialogs import ChoiceScreen
from planner.tui.screens.picker import PickerScreen

HERE = Path(__file__).parent

ONE_OF_EACH = """\
version: 1
chart: {name: One of each}
teams:
  - {id: t1, name: Team}
people:
  - {id: p1, name: Person, team: t1}
orgs:
  - id: o1
    name: Vendor
    kind: vendor
    contracts:
      - {id: k1, name: Contract}
systems:
  - {id: s1, name: System, sourcing: rent}
data:
  - {id: d1, name: Data, kind: subscriber}
capabilities:
  - {id: c1, name: Capability, area: delivery, accountable: p1}
workflows:
  - id: w1
    name: Workflow
    steps:
      - {id: st1, name: Step, by: p1}
coes:
  - {id: e1, name: CoE, lead: p1, members: [p1]}
  - {id: e2, name: Second CoE, lead: p1}
chains:
  - {id: v1, name: Chain, coes: [e1, e2]}
answers:
  engagement.4.front-office-culture: {answer: some}
"""

DELETE_ORDER = ["v1", "e2", "e1", "st1", "w1", "c1", "d1", "s1", "k1", "o1", "p1", "t1",
                "answer:engagement.4.front-office-culture"]
"""Referrers first, so each delete takes the last element of its section (a step, a contract and
an answer are the last of theirs too)."""


async def _delete_every_last(path: Path) -> dict:
    """Delete each element as a user would (navigator, Delete, the dialog); save; quit."""
    app = EditorApp(path, watch_delay=0.1)
    done = []
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        if app.session.read_only:
            return {"error": app.session.read_only}
        for ident in DELETE_ORDER:
            await app.go_to(ident)
            await pilot.pause(0.05)
            await pilot.press("delete")
            if not ident.startswith("answer:"):  # an answer goes without a question
                for _ in range(1500):  # bounded only so a hang ends; the watchdog is the real limit
                    if isinstance(app.screen, ChoiceScreen):
                        break
                    await pilot.pause(0.02)
                await pilot.click("#unlink")
            for _ in range(1500):
                await pilot.pause(0.02)
                gone = (app.session.chart.answers == {}) if ident.startswith("answer:") else app.session.get(ident) is None
                if gone:
                    done.append(ident)
                    break
        await pilot.press("ctrl+s")
        for _ in range(1500):
            await pilot.pause(0.02)
            if not app.session.modified:
                break
        saved = not app.session.modified
        await pilot.press("ctrl+q")
        await pilot.pause(0.2)
    return {"deleted": done, "saved": saved, "return_code": app.return_code}


def child_main(path: str) -> None:
    """Entry point of the child process: print what happened as JSON."""
    import asyncio

    print(json.dumps(asyncio.run(_delete_every_last(Path(path)))))


def test_deleting_the_last_element_of_every_section_never_hangs(tmp_path):
    chart = tmp_path / "one.yaml"
    chart.write_text(ONE_OF_EACH)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    code = f"import test_hardening_editor as t; t.child_main({str(chart)!r})"
    try:
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("the editor hung while deleting the last element of a section")
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert "error" not in result
    assert result["deleted"] == DELETE_ORDER
    assert result["saved"] and result["return_code"] == 0
    reloaded = load_chart(chart)
    assert reloaded.size() == 0 and not reloaded.answers


async def _wait_for(pilot, test, tries: int = 1500) -> None:
    for _ in range(tries):
        if test():
            return
        await pilot.pause(0.02)


@sync
async def test_a_read_only_chart_is_not_replaced_and_save_as_is_offered(chart_file, tmp_path):
    chart_file.chmod(0o444)
    before = chart_file.read_bytes()
    copy = tmp_path / "copy.yaml"
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await app.apply_command(SetField(app.session.get("bob"), "title", "Head of Web"))
        await pilot.press("ctrl+s")
        await _wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert isinstance(app.screen, ChoiceScreen)
        assert "read-only" in str(app.screen.message)
        await pilot.click("#save_as")
        await _wait_for(pilot, lambda: isinstance(app.screen, PickerScreen))
        await pilot.press(*str(copy), "enter")
        await _wait_for(pilot, lambda: not app.session.modified)
        assert app.session.path == copy
    assert chart_file.read_bytes() == before
    assert next(p for p in load_chart(copy).people if p.id == "bob").title == "Head of Web"


@sync
async def test_disk_full_is_reported_as_disk_full_not_as_a_formatting_question(chart_file, monkeypatch):
    import planner.store.roundtrip as roundtrip

    def full(path, data, durable=True):
        from planner.store.atomic import failure_error

        raise failure_error(str(path), OSError(errno.ENOSPC, "No space left on device"),
                            "save failed, the old file is unchanged")

    monkeypatch.setattr(roundtrip, "write_atomic", full)
    seen = []
    app = EditorApp(chart_file, watch_delay=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        original = app.notify
        app.notify = lambda message, **kw: (seen.append(message), original(message, **kw))[1]
        await app.apply_command(SetField(app.session.get("bob"), "title", "Head of Web"))
        await pilot.press("ctrl+s")
        await _wait_for(pilot, lambda: any("disk full" in m for m in seen))
        assert not isinstance(app.screen, ChoiceScreen)  # no "save in canonical form?" question
        assert any("disk full" in m and "unchanged" in m for m in seen)
        assert app.session.modified
