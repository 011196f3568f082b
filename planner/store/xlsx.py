"""Excel workbooks from :class:`~planner.interchange.tables.Sheet` tables, written with openpyxl.

openpyxl is the well-kept library for real ``.xlsx`` files (styles, frozen
panes, column widths) without Excel installed. The file is written to memory
first and then replaced atomically, like every other file the planner writes.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..interchange.tables import Cell, Sheet, sheet_title
from .atomic import write_atomic

HEADER_FILL = "#dde3ea"
MAX_WIDTH = 60


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    """The ``.xlsx`` file holding ``sheets`` in order, as bytes."""
    book = Workbook()
    if book.active is not None:
        book.remove(book.active)
    taken: set[str] = set()
    for sheet in sheets:
        _fill(book.create_sheet(sheet_title(sheet.title, taken)), sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def save_workbook(sheets: list[Sheet], path: str | os.PathLike) -> Path:
    """Write ``sheets`` to ``path`` atomically."""
    return write_atomic(path, workbook_bytes(sheets))


def _fill(ws, sheet: Sheet) -> None:
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor=_argb(HEADER_FILL))
    ws.append(sheet.header)
    for cell in ws[1]:
        cell.font, cell.fill = bold, head_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = [len(str(h)) for h in sheet.header]
    for r, row in enumerate(sheet.rows, start=2):
        for c, value in enumerate(row, start=1):
            plain = value.value if isinstance(value, Cell) else value
            cell = ws.cell(row=r, column=c, value=plain)
            if isinstance(plain, str) and plain.startswith("="):
                cell.data_type = "s"  # user text is never a formula
            if isinstance(value, Cell):
                _style(cell, value)
            if c > len(widths):
                widths.append(0)
            widths[c - 1] = max(widths[c - 1], len(str(plain)) if plain is not None else 0)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = sheet.widths.get(c - 1, min(max(width + 2, 6), MAX_WIDTH))
    ws.freeze_panes = ws.cell(row=2, column=sheet.freeze + 1)
    if sheet.rows:
        ws.auto_filter.ref = ws.dimensions


def _style(cell, value: Cell) -> None:
    if value.fill:
        cell.fill = PatternFill("solid", fgColor=_argb(value.fill))
    if value.font or value.bold:
        cell.font = Font(bold=value.bold, color=_argb(value.font) if value.font else None)
    cell.alignment = Alignment(horizontal="center" if isinstance(value.value, (int, float)) or
                               (isinstance(value.value, str) and len(value.value) <= 3) else None)


def _argb(colour: str) -> str:
    """``#rrggbb`` or white/black as the opaque ARGB openpyxl stores."""
    named = {"white": "FFFFFF", "black": "000000"}
    return "FF" + named.get(colour, colour.lstrip("#")).upper()

