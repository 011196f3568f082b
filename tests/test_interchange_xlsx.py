"""``--format xlsx``: real worksheets with headers, frozen panes and the diagrams' level colours."""

from __future__ import annotations

import io

import openpyxl

from planner.cli import cli
from planner.interchange.tables import Cell, Sheet, sheet_title
from planner.render.theme import level_color
from planner.store.xlsx import workbook_bytes


def book(result):
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))


def rgb(cell) -> str:
    return "#" + cell.fill.fgColor.rgb[-6:].lower()


def test_assess_one_sheet_per_model(runner, current_path):
    wb = book(runner.invoke(cli, ["assess", str(current_path), "--format", "xlsx"]))
    assert wb.sheetnames == ["Summary", "engagement", "dcg", "information", "coe", "lifecycle"]
    summary = wb["Summary"]
    assert [c.value for c in summary[1]] == ["model", "dimension", "level", "level name", "score"]
    assert summary.freeze_panes == "C2"
    first = summary[2]
    assert first[1].value == "(overall)" and first[2].value == 2
    assert rgb(first[2]) == level_color(2, 5)[0]
    statuses = {row[3].value for row in wb["engagement"].iter_rows(min_row=2)}
    assert {"met", "gap"} <= statuses


def test_roadmap_one_sheet_per_phase(runner, current_path):
    wb = book(runner.invoke(cli, ["roadmap", str(current_path), "--format", "xlsx"]))
    phases = [name for name in wb.sheetnames if name.startswith("Phase ")]
    assert wb.sheetnames == ["Phases", *phases, "Gaps"] and phases
    assert wb["Phases"].max_row == len(phases) + 1
    steps = sum(wb[p].max_row - 1 for p in phases)
    assert steps >= 1 and wb["Phase 1"]["A1"].value == "solution"


def test_diff_sheets(runner, current_path, future_path):
    result = runner.invoke(cli, ["diff", str(current_path), str(future_path), "--format", "xlsx"])
    assert result.exit_code == 1  # they differ, as diff(1) says
    wb = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    assert wb.sheetnames == ["Summary", "Elements", "Moves", "Relations", "Maturity"]
    assert wb["Moves"].max_row == 11
    assert any(row[0].value == "added" and row[2].value == "p-ingrid-solberg" for row in wb["Elements"].iter_rows())


def test_formula_like_text_stays_text():
    data = workbook_bytes([Sheet("t", ["name"], [["=HYPERLINK(\"http://x\")"], [Cell("=1+1", "#ffffff")]])])
    ws = openpyxl.load_workbook(io.BytesIO(data))["t"]
    assert ws["A2"].data_type == "s" and ws["A3"].data_type == "s"


def test_sheet_titles_are_made_safe_and_unique():
    taken: set[str] = set()
    assert sheet_title("a/b:c", taken) == "a b c"
    long = "x" * 40
    assert sheet_title(long, taken) == "x" * 31
    assert sheet_title(long, taken) == "x" * 27 + " (2)"
