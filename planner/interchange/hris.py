"""People from an HR system's export: columns mapped to fields, rows checked, merged into a chart.

Pure: the store reads the file into a header and numbered rows; this module
finds the columns, turns rows into :class:`HrRecord` objects (every bad row
located by row and column), and merges the records into a chart by employee
id. A merge changes only what the export changed and never touches what was
added by hand: capabilities, accountabilities, workflows, skills, FTE.

The model has no location or employer field on a person, so the import keeps
them in one line of the person's notes starting with ``HR:`` (rewritten on
every import, the rest of the notes kept). That line also marks the person as
coming from the HR system: only such people are reported as having left.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..errors import Problem

FIELDS = ("id", "name", "first_name", "last_name", "title", "department", "manager", "worker_type",
          "company", "location", "fte")

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("employee id", "employee number", "employee no", "emp id", "worker id", "person id", "personnel number",
           "id"),
    "name": ("display name", "full name", "preferred name", "employee name", "worker name", "name"),
    "first_name": ("first name", "given name", "preferred first name", "legal first name", "firstname"),
    "last_name": ("last name", "surname", "family name", "legal last name", "lastname"),
    "title": ("job title", "business title", "position title", "title", "position", "job"),
    "department": ("department", "department name", "dept", "team", "org unit", "organization unit",
                   "supervisory organization", "cost center name"),
    "manager": ("manager id", "manager employee id", "supervisor id", "reports to id", "reports to", "manager"),
    "worker_type": ("worker type", "employee type", "employment type", "worker category", "employee class"),
    "company": ("company", "contractor company", "vendor", "supplier", "agency", "staffing agency", "firm"),
    "location": ("location", "work location", "office", "site", "city"),
    "fte": ("fte", "full time equivalent"),
}
"""Header names of common HR exports per field, compared without case, spaces, ``_`` or ``-``."""

CONTRACTOR_WORDS = frozenset({"contractor", "contingent", "contingent worker", "consultant", "temp", "temporary",
                              "agency", "vendor", "freelance", "freelancer", "external", "c"})
EMPLOYEE_WORDS = frozenset({"employee", "regular", "permanent", "full time", "full-time", "part time", "part-time",
                            "fte", "intern", "fixed term", "e", ""})

HR_PREFIX = "HR: "


@dataclass(frozen=True)
class HrMap:
    """Which column holds which field, and which worker-type words mean contractor or employee."""

    columns: dict[str, str] = field(default_factory=dict)
    contractor: frozenset[str] = CONTRACTOR_WORDS
    employee: frozenset[str] = EMPLOYEE_WORDS
    id_prefix: str = ""


@dataclass(frozen=True)
class HrRecord:
    """One valid row of the export."""

    row: int
    id: str
    name: str
    title: str = ""
    department: str = ""
    manager: str = ""
    contractor: bool = False
    company: str = ""
    location: str = ""
    fte: float | None = None

    def hr_line(self) -> str:
        """The ``HR:`` line of the person's notes."""
        parts = [f"contractor with {self.company}" if self.contractor and self.company else
                 "contractor" if self.contractor else "employee"]
        if self.location:
            parts.append(f"location {self.location}")
        return HR_PREFIX + "; ".join(parts)


def norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().lower())


def find_columns(header: list[str], hrmap: HrMap, path: str) -> tuple[dict[str, int], list[Problem]]:
    """Field -> column index; a mapped column that is missing, or no id or name column, is a problem."""
    index = {norm(h): i for i, h in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    problems = []
    for fld in FIELDS:
        wanted = hrmap.columns.get(fld)
        if wanted is not None:
            if norm(wanted) in index:
                found[fld] = index[norm(wanted)]
            else:
                problems.append(Problem(f"column {wanted!r} (mapped to {fld}) is not in the header; "
                                        f"columns: {', '.join(header)}", "hr-column", path=path, line=1, col=1))
            continue
        for candidate in DEFAULT_COLUMNS[fld]:
            if candidate in index and index[candidate] not in found.values():
                found[fld] = index[candidate]
                break
    if "id" not in found and not problems:
        problems.append(Problem("no employee id column (map one with 'id:' in the mapping file)", "hr-column",
                                path=path, line=1, col=1))
    if "name" not in found and not {"first_name", "last_name"} <= set(found) and not problems:
        problems.append(Problem("no name column: need a display name or first and last name (map them in the "
                                "mapping file)", "hr-column", path=path, line=1, col=1))
    return found, problems


ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def parse_rows(rows: list[tuple[int, list[str]]], columns: dict[str, int], hrmap: HrMap,
               path: str) -> tuple[list[HrRecord], list[Problem]]:
    """Every row as a record; every bad row as a located problem (row number, 1-based column)."""
    records, problems = [], []
    seen: dict[str, int] = {}

    def bad(row: int, fld: str, message: str) -> None:
        problems.append(Problem(message, "hr-row", path=path, line=row, col=columns.get(fld, 0) + 1))

    def cell(values: list[str], fld: str) -> str:
        return values[columns[fld]].strip() if fld in columns and columns[fld] < len(values) else ""

    for row, values in rows:
        get = functools.partial(cell, values)
        raw_id = get("id")
        ident = hrmap.id_prefix + raw_id if raw_id else ""
        name = get("name") or " ".join(p for p in (get("first_name"), get("last_name")) if p)
        if not raw_id:
            bad(row, "id", "empty employee id")
            continue
        if not ID_OK.match(ident) or len(ident) > 120:
            bad(row, "id", f"employee id {raw_id!r} is not a usable id (letters, digits, _ . - ; set id_prefix "
                           f"in the mapping file when ids start with another character)")
            continue
        if ident in seen:
            bad(row, "id", f"duplicate employee id {raw_id!r}: already on row {seen[ident]}")
            continue
        seen[ident] = row
        if not name:
            bad(row, "name" if "name" in columns else "first_name", f"employee {raw_id!r} has no name")
            continue
        kind = norm(get("worker_type"))
        if kind not in hrmap.contractor and kind not in hrmap.employee:
            bad(row, "worker_type", f"unknown worker type {get('worker_type')!r}: not an employee or contractor word "
                                    f"(add it under contractor: or employee: in the mapping file)")
            continue
        fte = _fte(get("fte"))
        if fte is False:
            bad(row, "fte", f"FTE {get('fte')!r} is not a number between 0 and 1.5")
            continue
        manager = get("manager")
        records.append(HrRecord(row, ident, name, get("title"), get("department"),
                                hrmap.id_prefix + manager if manager else "", kind in hrmap.contractor,
                                get("company"), get("location"), fte))
    return records, problems


def _fte(text: str) -> float | bool | None:
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return False
    return value if 0 < value <= 1.5 else False


def check_managers(records: list[HrRecord], known: set[str], columns: dict[str, int], path: str) -> list[Problem]:
    """Unknown managers (neither in the export nor already in the chart) and reporting cycles."""
    col = columns.get("manager", 0) + 1
    ids = {r.id for r in records}
    problems = [Problem(f"manager {r.manager!r} of {r.id!r} is neither in the export nor in the chart",
                        "hr-manager", path=path, line=r.row, col=col)
                for r in records if r.manager and r.manager not in ids and r.manager not in known]
    boss = {r.id: r.manager for r in records if r.manager in ids}
    rows = {r.id: r.row for r in records}
    done: set[str] = set()
    for start in boss:
        path_ids, here = [], start
        while here in boss and here not in done and here not in path_ids:
            path_ids.append(here)
            here = boss[here]
        if here in path_ids:
            cycle = path_ids[path_ids.index(here):]
            for member in cycle:
                problems.append(Problem(f"reporting cycle: {' -> '.join(cycle + [cycle[0]])}", "hr-cycle",
                                        path=path, line=rows[member], col=col))
        done.update(path_ids)
    return sorted(problems, key=lambda p: (p.line or 0, p.col or 0))


def check_ids(records: list[HrRecord], kinds: dict[str, str], columns: dict[str, int], path: str) -> list[Problem]:
    """An employee id that the chart already uses for something other than a person."""
    col = columns.get("id", 0) + 1
    return [Problem(f"employee id {r.id!r} is already the id of a {kinds[r.id]} in the chart (set id_prefix in "
                    f"the mapping file)", "hr-id", path=path, line=r.row, col=col)
            for r in records if kinds.get(r.id, "person") != "person"]
