"""The editing core without Textual: commands, undo/redo, impact of deletes, saving, recovery."""

from __future__ import annotations

import pytest

from planner.model import Answer, Person, Step
from planner.store import load_chart
from planner.store.library import builtin_models, load_model
from planner.tui.core import AddElement, ExternalChange, Session, SetAnswer, SetField
from planner.tui.core.factory import duplicate, new_element
from planner.tui.core.fields import FieldError, field_specs, parse_value
from planner.tui.core.impact import Blocked, delete_command, references_to, rename_command
from planner.tui.core.recovery import discard_recovery, find_recovery, recover, write_recovery


def test_edit_undo_redo_and_modified_marker(chart_file):
    session = Session.open(chart_file)
    bob = session.get("bob")
    assert not session.modified
    session.apply(SetField(bob, "name", "Robert Stone"))
    assert session.modified and bob.name == "Robert Stone"
    session.undo()
    assert bob.name == "Bob Stone" and not session.modified
    session.redo()
    assert bob.name == "Robert Stone"


def test_add_person_make_accountable_save_reload(chart_file):
    session = Session.open(chart_file)
    dee = new_element("person", "dee", "Dee Xu", team="mkt")
    session.apply(AddElement(dee))
    session.apply(SetField(session.get("webpub"), "accountable", "dee"))
    outcome = session.save()
    assert outcome.patched
    again = load_chart(chart_file)
    assert again.capabilities[1].accountable == "dee"
    assert again.people[-1] == dee
    assert not session.modified


def test_invalid_value_is_refused_with_reason(chart_file):
    session = Session.open(chart_file)
    cy = session.get("cy")
    spec = {s.name: s for s in field_specs(Person)}
    with pytest.raises(FieldError, match="less than or equal"):
        parse_value(cy, spec["fte"], "3")
    with pytest.raises(FieldError, match="number"):
        parse_value(cy, spec["fte"], "half")
    with pytest.raises(FieldError, match="ids use"):
        parse_value(cy, spec["id"], "no spaces allowed")
    assert parse_value(cy, spec["fte"], "0.8") == 0.8
    assert cy.fte == 0.5  # checking never changes the element


def test_delete_shows_and_clears_references_and_undo_restores(chart_file):
    session = Session.open(chart_file)
    agency = session.get("agency")
    uses = references_to(session.chart, {"agency"})
    assert {u.describe() for u in uses} >= {"capability email.contributors -> agency", "system cms.provider -> agency"}
    with pytest.raises(Blocked, match=r"step design\.by cannot be left empty"):
        delete_command(session.chart, agency, None)
    command = delete_command(session.chart, agency, None, replacement="bpo")
    session.apply(command)
    assert session.get("agency") is None and session.get("design").by == "bpo"
    session.undo()
    assert session.get("agency") is agency and session.get("design").by == "agency"
    assert session.get("cms").provider == "agency"


def test_rename_rewrites_references(chart_file):
    session = Session.open(chart_file)
    session.apply(rename_command(session.chart, session.get("cy"), "cy.park"))
    assert session.get("email").accountable == "cy.park" and session.get("cy") is None
    session.save()
    text = chart_file.read_text()
    assert "accountable: cy.park" in text and "{id: cy.park, name: Cy Park" in text


def test_duplicate_gets_fresh_ids_for_steps(chart_file):
    session = Session.open(chart_file)
    copy = duplicate(session.get("launch"), lambda i: i in session.where)
    session.apply(AddElement(copy))
    assert copy.id == "launch-copy" and [s.id for s in copy.steps] == ["brief-copy", "design-copy", "send-copy"]
    session.save()
    assert load_chart(chart_file).workflows[1].steps[0].id == "brief-copy"


def test_steps_answers_and_sla_rows(chart_file):
    session = Session.open(chart_file)
    launch = session.get("launch")
    session.apply(AddElement(Step(id="qa", name="QA", by="bob", to="cy", outputs=["checked email"]), parent=launch))
    coe = session.get("coe-mkt")
    session.apply(SetField(coe, "sla", [*coe.sla, {"metric": "campaign cycle", "target": 10, "unit": "days",
                                                    "direction": "lower"}]))
    session.apply(SetAnswer("dcg.delivery.tactical", Answer(answer=True, evidence="calendar", by="ann")))
    session.save()
    chart = load_chart(chart_file)
    assert chart.workflows[0].steps[-1].id == "qa"
    assert chart.coes[1].sla[0].metric == "campaign cycle"
    assert chart.answers["dcg.delivery.tactical"].evidence == "calendar"


def test_external_change_is_detected(chart_file):
    session = Session.open(chart_file)
    session.apply(SetField(session.get("bob"), "title", "Head of Web"))
    chart_file.write_text(chart_file.read_text() + "# edited elsewhere\n")
    with pytest.raises(ExternalChange):
        session.save()
    session.save(force=True)
    assert "Head of Web" in chart_file.read_text()


def test_recovery_after_a_crash(chart_file):
    session = Session.open(chart_file)
    session.apply(SetField(session.get("bob"), "title", "Head of Web"))
    session.apply(AddElement(new_element("org", "acme", "Acme Print", kind="vendor")))
    write_recovery(session)
    del session  # the editor died without saving
    fresh = Session.open(chart_file)
    found = find_recovery(chart_file)
    assert found is not None and found.base_matches
    restored = recover(fresh, found)
    assert restored.get("bob").title == "Head of Web" and restored.get("acme") is not None
    assert restored.modified
    outcome = restored.save()
    assert outcome.patched
    discard_recovery(chart_file)
    assert find_recovery(chart_file) is None
    assert "Head of Web" in chart_file.read_text()


def test_new_chart_from_template(tmp_path):
    session = Session.open(tmp_path / "fresh-ops.yaml")
    assert not session.modified and session.new_file and session.chart.chart.name == "Fresh ops operation"
    session.apply(AddElement(new_element("team", "mkt-new", "Marketing")))
    session.save()
    text = (tmp_path / "fresh-ops.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=")  # planner new's template, comments kept
    assert "mkt-new" in [t.id for t in load_chart(tmp_path / "fresh-ops.yaml").teams]


def test_the_answer_picker_lists_every_answerable_criterion_of_the_builtin_models():
    from planner.tui.core.live import criteria_choices

    choices = dict(criteria_choices())
    expected = {c.id for name in builtin_models() for c in load_model(name).criteria if c.spec.required}
    assert set(choices) == expected and len(expected) > 100
    assert "engagement.4.front-office-culture" in choices and "engagement.1.uniform-treatment" not in choices
    assert "Do all customer-facing staff" in choices["engagement.4.front-office-culture"]
