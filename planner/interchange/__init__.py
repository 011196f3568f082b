"""Exchange with the tools users already know: RACI matrices, ArchiMate models, HR rows, tables.

Pure transformations only: a chart in, plain data out (or rows in, a chart
out). Reading and writing the files (CSV, XML, XLSX, HTML) is the store's job.
"""

from .raci import Party, RaciMatrix, RaciRow, raci_csv, raci_markdown, raci_matrix, raci_sheets
from .tables import Cell, Sheet

__all__ = ["Cell", "Party", "RaciMatrix", "RaciRow", "Sheet", "raci_csv", "raci_markdown", "raci_matrix", "raci_sheets"]
