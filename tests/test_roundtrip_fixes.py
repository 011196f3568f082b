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


FLOW = """\
version: 1
chart:
  name: X
teams:
  - {id: t-a, name: A}
people:
  - {id: p-a, name: Ann, title: 'Manager, Web', team: t-a, fte: 1.0,
     skills: [layout, email]}   # keep me
coes:
  - id: coe-x
    name: X
    sla:
      - {metric: on-time, target: 2, unit: days, direction: lower}
"""


def test_a_flow_item_edit_changes_only_that_field():
    import difflib

    chart = _chart(FLOW)
    chart.people[0].name = "Ann Lee"
    chart.people[0].skills = ["layout", "email", "a, b"]
    chart.coes[0].sla[0].unit = "weeks"
    text = patch_chart_text(FLOW, chart, [Change("people", "p-a", "p-a"), Change("coes", "coe-x", "coe-x")])
    changed = [line for line in difflib.ndiff(FLOW.splitlines(), text.splitlines()) if line[:1] in "+-"]
    assert changed == [
        "-   - {id: p-a, name: Ann, title: 'Manager, Web', team: t-a, fte: 1.0,",
        "+   - {id: p-a, name: Ann Lee, title: 'Manager, Web', team: t-a, fte: 1.0,",
        "-      skills: [layout, email]}   # keep me",
        '+      skills: [layout, email, "a, b"]}   # keep me',
        "-       - {metric: on-time, target: 2, unit: days, direction: lower}",
        "+       - {metric: on-time, target: 2, unit: weeks, direction: lower}",
    ]


def test_a_flow_item_field_added_and_removed():
    chart = _chart(FLOW)
    chart.people[0].title = ""
    chart.teams[0].lead = "p-a"
    text = patch_chart_text(FLOW, chart, [Change("people", "p-a", "p-a"), Change("teams", "t-a", "t-a")])
    assert "  - {id: t-a, name: A, lead: p-a}\n" in text
    assert "  - {id: p-a, name: Ann, team: t-a, fte: 1.0,\n" in text
