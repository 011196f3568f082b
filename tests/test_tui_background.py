"""The one way the editor runs core work off the UI thread: expected errors told, the others told and kept."""

from __future__ import annotations

import logging

from textual.app import App
from tui_support import sync

from planner.errors import PlannerError
from planner.tui.controllers.background import FILE_ERRORS, Background


def _raise(error: BaseException):
    def work():
        raise error

    return work


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@sync
async def test_a_value_comes_back_and_an_expected_error_is_told_plainly():
    app = App()
    async with app.run_test() as pilot:
        background = Background(app)
        assert await background.run(lambda: 6 * 7, what="sum") == 42
        assert await background.run(_raise(PlannerError("no such level")), what="no roadmap") is None
        assert await background.run(_raise(FileNotFoundError("gone.svg")), what="export failed",
                                    expected=FILE_ERRORS) is None
        await pilot.pause()  # a notification is a message to the app
        assert "no roadmap: no such level" in _messages(app)
        assert "export failed: gone.svg" in _messages(app)
        assert background.unexpected == [] and app.is_running


@sync
async def test_an_unexpected_error_is_told_logged_and_kept_and_the_app_goes_on(caplog):
    app = App()
    async with app.run_test() as pilot:
        background = Background(app)
        with caplog.at_level(logging.ERROR, logger="planner.tui"):
            assert await background.run(_raise(KeyError("surprise")), what="assessment failed") is None
        await pilot.pause()
        assert [type(e) for e in background.unexpected] == [KeyError]
        assert any(m.startswith("assessment failed: 'surprise'") and "unexpected KeyError" in m for m in _messages(app))
        assert "assessment failed" in caplog.text and "KeyError" in caplog.text
        assert app.is_running and app.return_code is None


@sync
async def test_a_failing_flow_is_reported_not_fatal():
    app = App()
    async with app.run_test() as pilot:
        background = Background(app)

        async def flow(n: int) -> None:
            raise ZeroDivisionError(n)

        worker = background.flow(flow, 1, what="save failed")
        await worker.wait()
        await pilot.pause()
        assert [type(e) for e in background.unexpected] == [ZeroDivisionError]
        assert app.is_running and any(m.startswith("save failed: 1") for m in _messages(app))
