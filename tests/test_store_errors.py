"""Every kind of chart error is reported once, at its exact line and column, naming the id."""

from __future__ import annotations

import textwrap

import pytest

from planner.errors import ChartError
from planner.store import load_chart, parse_chart

HEAD = "chart:\n  name: Test\n"  # lines 1-2


def problems_of(body: str):
    report = parse_chart(HEAD + textwrap.dedent(body), "c.yaml")
    return [(p.line, p.col, p.code, p.id) for p in report.problems], report


def test_valid_chart_has_no_problems(small_chart_path):
    chart = load_chart(small_chart_path)
    assert chart.chart.name == "Small test operation"
    assert chart.counts()["person"] == 3


@pytest.mark.parametrize(
    "body, expected",
    [
        (  # duplicate id: reported at the second id key
            """\
            people:
              - {id: ann, name: Ann}
              - id: ann
                name: Ann again
            """,
            [(5, 5, "duplicate-id", "ann")],
        ),
        (  # dangling reference: at the value
            """\
            teams:
              - {id: mkt, name: Marketing}
            people:
              - id: ann
                name: Ann
                team: mkkt
            """,
            [(8, 11, "dangling-reference", "mkkt")],
        ),
        (  # duplicate key: at the second key
            """\
            people:
              - id: ann
                name: Ann
                name: Anne
            """,
            [(6, 5, "duplicate-key", "name")],
        ),
        (  # unknown field: at the key
            """\
            people:
              - id: ann
                name: Ann
                titel: CMO
            """,
            [(6, 5, "unknown-field", "ann")],
        ),
        (  # wrong type: at the value
            """\
            people:
              - id: ann
                name: Ann
                fte: lots
            """,
            [(6, 10, "type", "ann")],
        ),
        (  # missing required field: at the item
            """\
            people:
              - id: ann
                title: CMO
            """,
            [(4, 5, "missing", "ann")],
        ),
        (  # no accountable
            """\
            capabilities:
              - id: email
                name: Email
                area: delivery
            """,
            [(4, 5, "no-accountable", "email")],
        ),
        (  # two accountables
            """\
            people:
              - {id: a, name: A}
              - {id: b, name: B}
            capabilities:
              - id: email
                name: Email
                area: delivery
                accountable: [a, b]
            """,
            [(10, 18, "type", "email")],
        ),
        (  # reporting-line cycle: at the first member's reports_to
            """\
            people:
              - {id: a, name: A, reports_to: b}
              - {id: b, name: B, reports_to: a}
            """,
            [(4, 34, "cycle", "a")],
        ),
        (  # wrong kind of element referenced
            """\
            teams:
              - {id: mkt, name: Marketing}
            people:
              - {id: ann, name: Ann, reports_to: mkt}
            """,
            [(6, 38, "wrong-kind", "mkt")],
        ),
        (  # YAML syntax: an unclosed quote, pointed at where it opens
            """\
            people:
              - id: ann
                name: "Ann
            """,
            [(5, 11, "yaml-syntax", None)],
        ),
    ],
)
def test_error_kind_is_located(body, expected):
    found, _ = problems_of(body)
    assert [f for f in found if f[2] != "unknown-word"] == expected


def test_messages_name_the_id_and_suggest_the_closest():
    _, report = problems_of(
        """\
        teams:
          - {id: marketing, name: Marketing}
        people:
          - {id: ann, name: Ann, team: marketting}
        """
    )
    (problem,) = report.problems
    assert "'ann'" in problem.message and "'marketting'" in problem.message
    assert "did you mean 'marketing'?" in problem.message
    assert problem.format().startswith("c.yaml:6:")


def test_unknown_field_suggests_the_field():
    _, report = problems_of("people:\n  - {id: ann, name: Ann, titel: CMO}\n")
    assert "did you mean 'title'?" in report.problems[0].message


def test_all_problems_are_reported_in_one_run_despite_a_syntax_error():
    found, _ = problems_of(
        """\
        teams:
          - {id: mkt, name: Marketing}
        people:
          - id: ann
            name: Ann
            team: mkt
          - id: ann
            name: Twin
          - id: bob
            name: "Bob
          - id: cy
            name: Cy
            team: nowhere
            team: mkt
        capabilities:
          - id: email
            name: Email
            area: delivery
            accountable: bob
        """
    )
    codes = sorted(code for _, _, code, _ in found)
    assert codes == ["dangling-reference", "duplicate-id", "duplicate-key", "yaml-syntax"]
    # 'bob' lives in the broken item: the capability's reference to him is not called dangling
    assert all(ident != "bob" for *_, ident in found)


def test_yaml_12_semantics_keep_strings_as_written():
    _, report = problems_of("people:\n  - {id: ann, name: NO, title: 12:30, skills: [yes, off]}\n")
    person = report.chart.people[0]
    assert (person.name, person.title, person.skills) == ("NO", "12:30", ["yes", "off"])


def test_yaml_12_numbers_are_numbers_in_both_parsers():
    found, _ = problems_of("people:\n  - {id: ann, name: Ann, skills: [0755, 1.10]}\n")
    assert [code for *_, code, _ in found] == ["type", "type"]  # 755 and 1.1 are not skill words


def test_load_chart_raises_with_every_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + "people:\n  - {id: a, name: A, team: x}\n  - {id: a, name: B}\n")
    with pytest.raises(ChartError) as caught:
        load_chart(path)
    assert len(caught.value.problems) == 2
    assert all(p.path == str(path) for p in caught.value.problems)


def test_a_file_that_is_not_a_mapping():
    report = parse_chart("- just\n- a list\n", "c.yaml")
    assert report.chart is None
    assert "must be a mapping" in report.problems[0].message


def test_duplicate_section_is_reported_and_the_first_kept():
    found, report = problems_of("people:\n  - {id: a, name: A}\npeople:\n  - {id: b, name: B}\n")
    assert found == [(5, 1, "duplicate-key", "people")]
    assert [p.id for p in report.chart.people] == ["a"]


def test_a_chart_written_as_one_flow_mapping_is_located_too():
    text = "{chart: {name: T}, people: [{id: a, name: A, team: nope}]}\n"
    (problem,) = parse_chart(text, "c.yaml").problems
    assert (problem.line, problem.col, problem.code) == (1, text.index("nope") + 1, "dangling-reference")


def test_a_duplicate_of_an_invalid_item_is_reported_in_the_same_run():
    found, _ = problems_of("people:\n  - {id: ann, name: Ann, colour: red}\n  - {id: ann, name: Twin}\n")
    assert [(line, code) for line, _, code, _ in found] == [(4, "unknown-field"), (5, "duplicate-id")]


def test_a_model_file_the_fast_parser_refuses_but_yaml_allows_still_loads(tmp_path):
    from pydantic import BaseModel

    from planner.store import load_yaml_model

    class Doc(BaseModel):
        name: str
        when: str

    path = tmp_path / "doc.yaml"
    path.write_text("name: x\nwhen: !!str 2025-01-01\n")
    assert load_yaml_model(path, Doc).when == "2025-01-01"
