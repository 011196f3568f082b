"""Importing people from an HR export: columns, bad rows located, re-import changes only what changed."""

from __future__ import annotations

import pytest

from planner.cli import cli
from planner.diff import diff
from planner.store import load_chart, save_chart
from planner.synthetic_hr import HEADER, hr_export_text, hr_rows

SMALL_ROWS = [
    ["E1", "Ann", "Lee", "CMO", "Marketing", "", "Employee", "", "Boston"],
    ["E2", "Cy", "Park", "Email Specialist", "Marketing", "E1", "Employee", "", "Boston"],
    ["E3", "Dee", "Roe", "Copywriter", "Creative", "E1", "Contractor", "Bright Staffing", "Remote"],
]


def write(path, rows, delimiter=",", bom=False, header=None):
    text = hr_export_text(rows=rows, delimiter=delimiter, header=header)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def run(runner, *args):
    return runner.invoke(cli, ["import", "hris", *map(str, args)])


@pytest.mark.parametrize("delimiter,bom", [(",", False), (";", True), ("\t", False)])
def test_delimiters_and_bom(runner, tmp_path, delimiter, bom):
    src = write(tmp_path / "hr.csv", SMALL_ROWS, delimiter, bom)
    chart_path = tmp_path / "chart.yaml"
    result = run(runner, src, "--into", chart_path)
    assert result.exit_code == 0, result.output
    chart = load_chart(chart_path)
    people = {p.id: p for p in chart.people}
    assert people["E2"].reports_to == "E1" and people["E2"].title == "Email Specialist"
    assert people["E1"].name == "Ann Lee"
    teams = {t.id: t.name for t in chart.teams}
    assert teams[people["E3"].team] == "Creative"
    assert [o.name for o in chart.orgs] == ["Bright Staffing"] and chart.orgs[0].kind == "subcontractor"
    assert "contractor with Bright Staffing" in people["E3"].notes and "location Remote" in people["E3"].notes


def test_every_bad_row_is_located_and_nothing_is_written(runner, tmp_path):
    rows = [*SMALL_ROWS,
            ["E2", "Dup", "Licate", "X", "Marketing", "E1", "Employee", "", ""],      # row 5: duplicate id
            ["E5", "No", "Boss", "X", "Marketing", "E99", "Employee", "", ""],        # row 6: unknown manager
            ["E6", "Loop", "A", "X", "Marketing", "E7", "Employee", "", ""],          # rows 7, 8: a cycle
            ["E7", "Loop", "B", "X", "Marketing", "E6", "Employee", "", ""],
            ["E8", "Odd", "Type", "X", "Marketing", "E1", "Seasonal", "", ""]]        # row 9: unknown worker type
    src = write(tmp_path / "hr.csv", rows)
    chart_path = tmp_path / "chart.yaml"
    assert run(runner, write(tmp_path / "ok.csv", SMALL_ROWS), "--into", chart_path).exit_code == 0
    before = chart_path.read_bytes()
    result = run(runner, src, "--into", chart_path)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if ": error: " in line]
    where = [line.split(": error: ")[0] for line in lines]
    assert where == [f"{src}:5:1", f"{src}:6:6", f"{src}:7:6", f"{src}:8:6", f"{src}:9:7"]
    assert "duplicate employee id 'E2': already on row 3" in lines[0]
    assert "manager 'E99'" in lines[1] and "reporting cycle: E6 -> E7 -> E6" in lines[2]
    assert chart_path.read_bytes() == before


def test_missing_columns_are_named(runner, tmp_path):
    src = tmp_path / "hr.csv"
    src.write_text("Badge,Title\n1,CMO\n", encoding="utf-8")
    result = run(runner, src)
    assert result.exit_code == 2 and f"{src}:1:1: error: no employee id column" in result.output


def test_mapping_file(runner, tmp_path):
    src = tmp_path / "hr.csv"
    src.write_text("Badge;Who;Role;Unit;Boss;Kind\n1;Ann Lee;CMO;Marketing;;Staff\n2;Cy Park;Analyst;Marketing;1;"
                   "Staff\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: {id: Badge, name: Who, title: Role, department: Unit, manager: Boss, "
                       "worker_type: Kind}\nemployee: [staff]\nid_prefix: e\n", encoding="utf-8")
    out = tmp_path / "chart.yaml"
    result = run(runner, src, "--map", mapping, "--into", out)
    assert result.exit_code == 0, result.output
    people = {p.id: p for p in load_chart(out).people}
    assert people["e2"].reports_to == "e1" and people["e2"].name == "Cy Park"


def test_mapping_file_with_an_unknown_field(runner, tmp_path):
    src = write(tmp_path / "hr.csv", SMALL_ROWS)
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: {salary: Pay}\n", encoding="utf-8")
    result = run(runner, src, "--map", mapping)
    assert result.exit_code == 2 and "unknown key(s) salary" in result.output


def test_reimport_changes_only_what_changed_and_keeps_hand_edits(runner, tmp_path):
    rows = hr_rows(2000)
    src = write(tmp_path / "hr.csv", rows)
    chart_path = tmp_path / "chart.yaml"
    result = run(runner, src, "--into", chart_path)
    assert result.exit_code == 0, result.output
    assert "2000 people added" in result.output
    chart = load_chart(chart_path)
    assert len(chart.people) == 2000
    # by hand: a capability with its accountabilities, skills on a person
    from planner.model import Capability

    chart.capabilities.append(Capability(id="cap-email", name="Email", area="delivery", accountable="E10001",
                                         responsible=["E10002"]))
    chart.people[5].skills = ["sql"]
    save_chart(chart, chart_path)
    edited = load_chart(chart_path)
    # in the HR system: one promotion, one transfer, one hire, one leaver
    rows = [list(r) for r in rows]
    rows[10][3] = "Senior Analyst"
    rows[20][4] = "Loyalty" if rows[20][4] != "Loyalty" else "Brand Marketing"
    rows.append(["E99999", "New", "Hire", "Analyst", "Loyalty", "E10000", "Employee", "", "Boston"])
    leaver = rows.pop(1999)[0]
    write(src, rows)
    result = run(runner, src, "--into", chart_path)
    assert result.exit_code == 0, result.output
    assert "1 people are no longer in the export" in result.output and leaver in result.output
    after = load_chart(chart_path)
    d = diff(edited, after, maturity=False)
    assert sorted(e.id for e in d.added) == ["E99999"]
    assert not d.removed
    assert sorted(c.id for c in d.changed) == sorted([rows[10][0], rows[20][0]])
    assert after.capabilities[0].accountable == "E10001" and after.people[5].skills == ["sql"]
    # --prune removes the leaver
    result = run(runner, src, "--into", chart_path, "--prune")
    assert result.exit_code == 0 and leaver not in {p.id for p in load_chart(chart_path).people}


def test_prune_refuses_to_break_an_accountability(runner, tmp_path):
    src = write(tmp_path / "hr.csv", SMALL_ROWS)
    chart_path = tmp_path / "chart.yaml"
    run(runner, src, "--into", chart_path)
    chart = load_chart(chart_path)
    from planner.model import Capability

    chart.capabilities.append(Capability(id="cap", name="Email", area="delivery", accountable="E3"))
    save_chart(chart, chart_path)
    before = chart_path.read_bytes()
    write(src, SMALL_ROWS[:2])
    result = run(runner, src, "--into", chart_path, "--prune")
    assert result.exit_code == 2 and "nothing written" in result.output
    assert chart_path.read_bytes() == before


def test_without_into_the_chart_is_printed(runner, tmp_path):
    result = run(runner, write(tmp_path / "hr.csv", SMALL_ROWS))
    assert result.exit_code == 0 and "people:" in result.output and "id: E2" in result.output


def test_generator_shape():
    rows = hr_rows(200)
    assert len(rows) == 200 and len(rows[0]) == len(HEADER)
    ids = {r[0] for r in rows}
    assert all(r[5] in ids for r in rows[1:]) and rows[0][5] == ""


def test_dry_run_writes_nothing(runner, tmp_path):
    src = write(tmp_path / "hr.csv", SMALL_ROWS)
    out = tmp_path / "chart.yaml"
    result = run(runner, src, "--into", out, "--dry-run")
    assert result.exit_code == 0 and "3 people added" in result.output and not out.exists()


def test_utf16_export_is_refused_by_name(runner, tmp_path):
    src = tmp_path / "hr.csv"
    src.write_bytes(hr_export_text(rows=SMALL_ROWS).encode("utf-16"))
    result = run(runner, src)
    assert result.exit_code == 2 and "not UTF-8 text: it is UTF-16" in result.output
