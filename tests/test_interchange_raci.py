"""The RACI matrix: derived from the chart, exactly one A a row, Markdown / CSV / Excel."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from planner.cli import cli
from planner.interchange.raci import raci_csv, raci_markdown, raci_matrix
from planner.model import Chart
from planner.store import load_chart

SMALL = {"chart": {"name": "t"}, "teams": [{"id": "mkt", "name": "Marketing"}],
         "people": [{"id": "ann", "name": "Ann", "team": "mkt"}, {"id": "cy", "name": "Cy", "reports_to": "ann"}],
         "orgs": [{"id": "ag", "name": "Agency", "kind": "agency"}],
         "systems": [{"id": "esp", "name": "ESP", "owner": "cy"}],
         "capabilities": [{"id": "email", "name": "Email", "area": "delivery", "accountable": "cy",
                           "responsible": ["cy", "mkt"], "consulted": ["ann"], "contributors": ["ag"]}],
         "workflows": [{"id": "wf", "name": "Launch", "capability": "email", "steps": [
             {"id": "s1", "name": "Brief", "by": "ann", "to": "ag"},
             {"id": "s2", "name": "Send", "by": "esp"}]}]}


def test_letters_come_from_the_chart():
    matrix = raci_matrix(Chart.model_validate(SMALL))
    rows = {row.id: row.cells for row in matrix.rows}
    assert rows["email"] == {"cy": "A/R", "mkt": "R", "ann": "C", "ag": "R"}
    assert rows["s1"] == {"cy": "A", "ann": "R", "ag": "I"}
    assert rows["s2"] == {"cy": "A/R"}, "a system's step is done by the system's owner"
    assert [p.id for p in matrix.parties] == ["ann", "cy", "mkt", "ag"]
    assert matrix.problems() == []


def test_a_step_of_a_workflow_without_capability_has_no_a():
    data = {**SMALL, "workflows": [{"id": "wf", "name": "Loose", "steps": [{"id": "s1", "name": "Do", "by": "ann"}]}]}
    problems = raci_matrix(Chart.model_validate(data)).problems()
    assert len(problems) == 1 and "s1" in problems[0] and "0 accountable" in problems[0]


def test_shipped_chart_has_one_a_per_capability(current_path, future_path):
    for path in (current_path, future_path):
        chart = load_chart(path)
        matrix = raci_matrix(chart)
        caps = [row for row in matrix.rows if row.kind == "capability"]
        assert len(caps) == len(chart.capabilities)
        assert all(len(row.accountable()) == 1 for row in matrix.rows)
        assert matrix.problems() == []


def test_csv_first_column_is_the_row_name(current_path):
    matrix = raci_matrix(load_chart(current_path))
    table = list(csv.reader(io.StringIO(raci_csv(matrix))))
    assert table[0] == ["name", *(p.name for p in matrix.parties)]
    assert [r[0] for r in table[1:]] == [row.name for row in matrix.rows]
    assert all(sum(cell.split("/").count("A") for cell in r[1:]) == 1 for r in table[1:])


def test_markdown_escapes_pipes():
    data = {**SMALL, "people": [{"id": "ann", "name": "Ann | Lee", "team": "mkt"}, SMALL["people"][1]]}
    text = raci_markdown(raci_matrix(Chart.model_validate(data)))
    assert "Ann \\| Lee" in text
    header = text.splitlines()[2]
    assert header.count(" | ") == len(raci_matrix(Chart.model_validate(data)).parties)


def test_cli_xlsx_has_the_expected_sheets(runner, current_path, tmp_path):
    out = tmp_path / "raci.xlsx"
    result = runner.invoke(cli, ["raci", str(current_path), "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["RACI", "Parties", "Checks"]
    sheet = book["RACI"]
    assert sheet.freeze_panes == "D2"
    assert [c.value for c in sheet[1]][:3] == ["row", "kind", "group"]
    letters = [[c.value or "" for c in row[3:]] for row in sheet.iter_rows(min_row=2)]
    assert all(sum(v.split("/").count("A") for v in row) == 1 for row in letters)
    a_cell = next(c for row in sheet.iter_rows(min_row=2) for c in row[3:] if (c.value or "").startswith("A"))
    assert a_cell.fill.fgColor.rgb.endswith("1F4E79")


def test_cli_xlsx_needs_an_output(runner, current_path):
    result = runner.invoke(cli, ["raci", str(current_path), "--format", "xlsx"])
    assert result.exit_code == 2 and "-o FILE.xlsx" in result.output


def test_cli_exit_1_when_a_row_lacks_an_a(runner, tmp_path):
    from planner.store import save_chart

    data = {**SMALL, "workflows": [{"id": "wf", "name": "Loose", "steps": [{"id": "s1", "name": "Do", "by": "ann"}]}]}
    path = tmp_path / "c.yaml"
    save_chart(Chart.model_validate(data), path)
    result = runner.invoke(cli, ["raci", str(path), "--format", "csv"])
    assert result.exit_code == 1
    assert "warning: step s1" in result.output


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_cli_writes_a_file(runner, current_path, tmp_path, fmt):
    out = tmp_path / f"raci.{fmt}"
    result = runner.invoke(cli, ["raci", str(current_path), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("module", ["planner.interchange", "planner.interchange.report_html", "planner.store.xlsx",
                                    "planner.store.archimate", "planner.render.mermaid"])
def test_interchange_core_loads_no_front_end(module):
    import subprocess
    import sys

    code = (f"import sys, importlib; importlib.import_module({module!r}); "
            "print(','.join(m for m in ('click', 'textual', 'graphviz', 'planner.cli', 'planner.tui') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
