"""The comment-preserving save: only edited elements change, everything else stays byte for byte."""

from __future__ import annotations

import difflib

import pytest

from planner.model import Answer, Organization, Person, Step
from planner.store import parse_chart
from planner.store.roundtrip import Change, PatchError, patch_chart_text, save_preserving

COMMENTED = """\
# Hand-written chart: keep this header.
version: 1
chart:
  name: Commented operation   # trailing comment on the name
  as_of: 2026-01-15

# --- teams ---------------------------------------------------------
teams:
  - {id: mkt, name: Marketing}   # the only team

people:
  # Leadership first.
  - id: ann
    name: Ann Lee      # CMO
    title: CMO
    team: mkt
  - id: bob            # web
    name: "Bob Stone"
    team: mkt
    reports_to: ann
    notes: |
      Runs the web site.
      Likes YAML.

orgs:
  - id: agency
    name: Bright Creative
    kind: agency
    contracts:
      - id: agency-msa
        name: Creative services
        sla:
          - {metric: brief-to-draft, target: 5, unit: days, direction: lower}

capabilities:
  - id: web
    name: Web publishing
    area: creation
    channels: [web]   # more later
    accountable: bob

workflows:
  - id: launch
    name: Launch
    steps:
      - {id: brief, name: Write brief, by: ann, to: agency, outputs: [creative brief]}
      # the agency designs
      - {id: design, name: Design, by: agency, to: ann, outputs: [creative]}
"""


def diff(a: str, b: str) -> list[str]:
    return [line for line in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.fixture
def chart():
    report = parse_chart(COMMENTED)
    assert report.ok, report.problems
    return report.chart


def test_field_edit_changes_one_line(chart):
    chart.people[1].title = "Head of Web"
    new = patch_chart_text(COMMENTED, chart, [Change("people", "bob", "bob")])
    assert diff(COMMENTED, new) == ["+    title: Head of Web"]


def test_comments_quotes_and_block_scalars_survive_many_edits(chart):
    chart.people.append(Person(id="dee", name="Dee Xu", team="mkt"))
    chart.orgs.append(Organization(id="acme", name="Acme Print", kind="vendor"))
    chart.capabilities[0].accountable = "dee"
    chart.workflows[0].steps.append(Step(id="print", name="Print", by="ann", to="acme", outputs=["mailer"]))
    chart.chart.owner = "Ops"
    chart.answers = {"dcg.1.calendar": Answer(answer=True, evidence="calendar doc")}
    changes = [Change("people", None, "dee"), Change("orgs", None, "acme"), Change("capabilities", "web", "web"),
               Change("workflows", "launch", "launch"), Change("chart"), Change("answers")]
    new = patch_chart_text(COMMENTED, chart, changes)
    removed = [line for line in diff(COMMENTED, new) if line.startswith("-")]
    assert removed == ["-    accountable: bob"]
    for comment in ("# Hand-written chart", "# trailing comment on the name", "# the only team",
                    "# Leadership first.", "# CMO", "# web", "# more later", "# the agency designs"):
        assert comment in new
    assert '"Bob Stone"' in new and "Likes YAML." in new
    assert "  - {id: dee, name: Dee Xu, team: mkt}" not in new  # neighbours are block style
    assert "      - {id: print, name: Print, by: ann, to: acme, outputs: [mailer]}" in new
    assert parse_chart(new).chart == chart


def test_delete_and_rename(chart):
    del chart.people[0]
    chart.capabilities[0].accountable = "bob"
    chart.workflows[0].steps[0].by = "bob"
    chart.people[0].reports_to = None
    new = patch_chart_text(COMMENTED, chart, [Change("people", "ann", None), Change("people", "bob", "bob"),
                                              Change("workflows", "launch", "launch")])
    assert "Ann Lee" not in new and "# Leadership first." in new
    chart.people[0].id = "robert"
    chart.capabilities[0].accountable = "robert"
    chart.workflows[0].steps[0].by = "robert"
    newer = patch_chart_text(new, chart, [Change("people", "bob", "robert"), Change("capabilities", "web", "web"),
                                          Change("workflows", "launch", "launch")])
    assert "  - id: robert            # web" in newer


def test_missing_element_fails_so_the_caller_falls_back(chart, tmp_path):
    with pytest.raises(PatchError):
        patch_chart_text(COMMENTED, chart, [Change("people", "zed", "zed")])
    path = tmp_path / "c.yaml"
    path.write_text(COMMENTED)
    outcome = save_preserving(path, chart, COMMENTED, [Change("people", "zed", "zed")])
    assert not outcome.patched and "zed" in outcome.reason
    assert path.read_text().startswith("# Hand-written chart: keep this header.")
    assert parse_chart(path.read_text()).chart == chart


def test_new_section_goes_in_canonical_place(chart):
    from planner.model import System

    chart.systems.append(System(id="cms", name="Web CMS"))
    new = patch_chart_text(COMMENTED, chart, [Change("systems", None, "cms")])
    assert new.index("systems:") > new.index("orgs:") and new.index("systems:") < new.index("capabilities:")
    assert parse_chart(new).chart == chart


def test_unicode_columns(chart):
    text = COMMENTED.replace("name: Ann Lee      # CMO", "name: Ännä Lée      # CMO")
    chart = parse_chart(text).chart
    chart.people[0].title = "Chief Marketing Officer"
    new = patch_chart_text(text, chart, [Change("people", "ann", "ann")])
    assert diff(text, new) == ["-    title: CMO", "+    title: Chief Marketing Officer"]


def test_a_flow_list_that_grows_stays_a_flow_list_with_its_comment(chart):
    chart.capabilities[0].channels = ["web", "email", "social_media", "mobile", "call_center", "retail"]
    new = patch_chart_text(COMMENTED, chart, [Change("capabilities", "web", "web")])
    assert diff(COMMENTED, new) == ["-    channels: [web]   # more later",
                                    "+    channels: [web, email, social_media, mobile, call_center, retail]   # more later"]
    assert parse_chart(new).chart.capabilities[0].channels == chart.capabilities[0].channels


def test_a_flow_list_too_long_for_a_line_wraps_under_its_bracket(chart):
    chart.capabilities[0].channels = ["web", "email", "social_media", "mobile", "call_center", "retail",
                                      "direct_mail", "events", "field_sales", "print", "search", "display"]
    new = patch_chart_text(COMMENTED, chart, [Change("capabilities", "web", "web")])
    assert diff(COMMENTED, new) == [
        "-    channels: [web]   # more later",
        "+    channels: [web, email, social_media, mobile, call_center, retail, direct_mail, events, field_sales, print, search,",
        "+               display]   # more later"]
    loaded = parse_chart(new)
    assert loaded.ok, loaded.problems
    assert loaded.chart.capabilities[0].channels == chart.capabilities[0].channels


def test_flow_sequence_wraps_at_the_width_and_refuses_what_flow_cannot_hold():
    from planner.store.emit import flow_sequence

    assert flow_sequence([], 4) == "[]"
    assert flow_sequence(["a", "b"], 4) == "[a, b]"
    text = flow_sequence([f"word{n}" for n in range(30)], 10, width=40)
    rows = text.splitlines()
    assert len(rows) > 1 and 10 + len(rows[0]) <= 40 and all(len(r) <= 40 for r in rows[1:])
    assert all(r.startswith(" " * 11) and r[11] != " " for r in rows[1:])
    assert text.replace("\n", " ").split() == ["[word0,", *[f"word{n}," for n in range(1, 29)], "word29]"]
    assert flow_sequence(["has: colon"], 0) is None and flow_sequence([{"id": "x"}], 0) is None
