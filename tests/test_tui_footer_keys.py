"""The footer offers Add in every place of the editor: ``a`` where it adds, ``^n`` where a view takes ``a``.

The matrix sets an A with ``a``, so there the footer used to offer no Add at
all although ctrl+n adds from anywhere; these tests read the footer as drawn.
"""

from __future__ import annotations

from textual.widgets._footer import FooterKey
from tui_support import open_view, started, sync

from planner.tui.app import EditorApp
from planner.tui.screens.form import FormScreen
from planner.tui.screens.picker import PickerScreen
from planner.tui.widgets.lanes_view import LanesView
from planner.tui.widgets.matrix_view import MatrixView
from planner.tui.widgets.org_view import OrgView


def add_keys(app) -> list[str]:
    """The keys the footer shows beside "Add", as drawn (``a``, ``^n``)."""
    return [key.key_display or key.key for key in app.screen.query(FooterKey) if key.description == "Add"]


async def settled(pilot) -> None:
    await pilot.pause()
    await pilot.pause()  # the footer recomposes after the focus moved


@sync
async def test_matrix_footer_offers_ctrl_n_and_ctrl_n_adds(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(pilot, "f5", MatrixView)
        await settled(pilot)
        assert add_keys(app) == ["^n"]
        await pilot.press("ctrl+n")
        await pilot.pause()
        added = app.screen  # what to add is asked (a picker), or the form of the kind the navigator is on
        assert isinstance(added, (PickerScreen, FormScreen)), added
        assert added.title_text == "Add what?" or added.title_text.startswith("New ")


@sync
async def test_forms_and_other_views_offer_a_only(chart_file):
    app = EditorApp(chart_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await settled(pilot)
        assert add_keys(app) == ["a"]  # the navigator: a adds, ctrl+n is not offered twice
        for key, view_class in (("f6", OrgView), ("f7", LanesView)):
            await open_view(pilot, key, view_class)
            await settled(pilot)
            assert add_keys(app) == ["a"], view_class.__name__
