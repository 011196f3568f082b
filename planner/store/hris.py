"""Reading an HR system's CSV export and the column mapping file.

The export is UTF-8 with or without a byte order mark, delimited by commas,
semicolons or tabs (whichever the header line uses most). Rows are numbered as
a spreadsheet shows them (the header is row 1), which is how people find the
row a message names; a quoted field spanning lines counts as one row.
"""

from __future__ import annotations

import csv
import io
import os

import yaml

from ..errors import FileAccessError, PlannerError
from ..interchange.hris import CONTRACTOR_WORDS, EMPLOYEE_WORDS, FIELDS, HrMap, norm
from .decode import decode
from .limits import Limits, read_bytes

DELIMITERS = (",", ";", "\t")


def read_csv_rows(path: str | os.PathLike, limits: Limits | None = None) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the numbered non-empty rows of a delimited text file."""
    text = decode(read_bytes(path, limits), str(path))
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header:
            raise FileAccessError(str(path), "empty file: expected a header row")
        rows = [(n, values) for n, values in enumerate(reader, start=2) if any(v.strip() for v in values)]
    except csv.Error as exc:
        raise FileAccessError(str(path), f"not readable as CSV at line {reader.line_num}: {exc}") from exc
    return [h.strip() for h in header], rows


def load_hr_map(path: str | os.PathLike | None) -> HrMap:
    """The mapping file (YAML), or the defaults when there is none.

    ``columns:`` maps our fields to the export's header names; ``contractor:``
    and ``employee:`` add worker-type words; ``id_prefix:`` is put before every
    employee id (and manager id).
    """
    if path is None:
        return HrMap()
    text = decode(read_bytes(path), str(path))
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise PlannerError(f"{where}: error: YAML syntax: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise PlannerError(f"{path}:1:1: error: a mapping file is a mapping with columns:, contractor:, employee:")
    unknown = set(data) - {"columns", "contractor", "employee", "id_prefix"}
    columns = data.get("columns") or {}
    bad = unknown or (set(columns) - set(FIELDS) if isinstance(columns, dict) else {"columns"})
    if bad:
        raise PlannerError(f"{path}:1:1: error: unknown key(s) {', '.join(sorted(map(str, bad)))}; "
                           f"columns may map {', '.join(FIELDS)}")
    words = lambda key: frozenset(norm(str(w)) for w in data.get(key) or ())  # noqa: E731
    return HrMap({k: str(v) for k, v in columns.items()}, CONTRACTOR_WORDS | words("contractor"),
                 EMPLOYEE_WORDS | words("employee"), str(data.get("id_prefix") or ""))
