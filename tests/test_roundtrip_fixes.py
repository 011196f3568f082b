"""Regressions of the comment-preserving save found in review: empty sections, CRLF, flow items, fallbacks."""

from __future__ import annotations

from planner.model import Chart
from planner.store import parse_chart
from planner.store.roundtrip import Change, patch_chart_text, save_preserving

HAND = """\
# hand-written
version: 1
chart:
  name: X  # the name
# teams below
teams:
  - id: t-a   # first
    name: A
  # a comment that stays
answers:
  engagement.1.x:
    answer: yes   # sure
# the end
"""


def _chart(text: str) -> Chart:
    report = parse_chart(text, "hand.yaml")
    assert report.chart is not None, report.problems
    return report.chart


def test_deleting_the_last_item_writes_an_empty_list_and_keeps_comments(tmp_path):
    chart = _chart(HAND)
    chart.teams.clear()
    out = save_preserving(tmp_path / "c.yaml", chart, HAND, [Change("teams", "t-a", None)])
    assert out.patched, out.reason
    assert "teams: []\n" in out.text
    assert "# a comment that stays" in out.text and "# hand-written" in out.text
    assert "name: X  # the name" in out.text


def test_deleting_the_last_answer_writes_an_empty_mapping(tmp_path):
    chart = _chart(HAND)
    chart.answers = {}
    text = patch_chart_text(HAND, chart, [Change("answers")])
    assert "answers: {}\n" in text
    assert "# the end" in text and "  name: X  # the name" in text


def test_a_failed_patch_asks_or_keeps_a_backup(tmp_path):
    import pytest

    from planner.store.roundtrip import PatchError

    text = "---\n" + HAND  # multi-document marker: beyond the patcher
    chart = _chart(text)
    chart.teams[0].name = "B"
    target = tmp_path / "c.yaml"
    target.write_text(text)
    with pytest.raises(PatchError):
        save_preserving(target, chart, text, [Change("teams", "t-a", "t-a")], canonical=False)
    assert target.read_text() == text
    out = save_preserving(target, chart, text, [Change("teams", "t-a", "t-a")])
    assert not out.patched and out.backup == tmp_path / "c.yaml.bak"
    assert out.backup.read_text() == text and "c.yaml.bak" in out.reason


def test_an_id_renamed_away_can_be_reused_by_a_new_element():
    from planner.model import Team

    chart = _chart(HAND)
    chart.teams[0].id = "t-old"
    chart.teams.append(Team(id="t-a", name="New A"))
    changes = [Change("teams", "t-a", "t-old"), Change("teams", None, "t-a")]
    text = patch_chart_text(HAND, chart, changes)
    assert "  - id: t-old   # first\n" in text and "# a comment that stays" in text
    assert [t.id for t in _chart(text).teams] == ["t-old", "t-a"]
