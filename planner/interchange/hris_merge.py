"""Merging HR records into a chart by employee id: only what the export changed changes.

Teams are found by department name (created when new), contractors' firms by
organization name (created as sub-contractors when new). People who are no
longer in the export are reported, and removed only when asked (``prune``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Chart, ChartInfo, Organization, Person, Team
from .hris import HR_PREFIX, HrRecord


@dataclass
class MergeResult:
    """The merged chart and what the merge did, for the command to report."""

    chart: Chart
    added: list[str] = field(default_factory=list)
    updated: dict[str, list[str]] = field(default_factory=dict)
    left: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    teams_added: list[str] = field(default_factory=list)
    orgs_added: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.teams_added or self.orgs_added)


def new_chart(name: str, today: dt.date | None = None) -> Chart:
    """An empty chart for a first import."""
    return Chart(chart=ChartInfo(name=name, as_of=today))


def merge_people(chart: Chart, records: list[HrRecord], present: set[str], prune: bool = False) -> MergeResult:
    """Merge ``records`` into ``chart`` (changed in place); ``present`` names the fields the export has."""
    result = MergeResult(chart)
    ids = {e.id for _, e in chart.iter_elements()}
    teams = _Finder(chart.teams, ids, "team-")
    orgs = _Finder(chart.orgs, ids, "org-")
    people = {p.id: p for p in chart.people}
    for record in records:
        team = teams.get(record.department, result.teams_added, lambda i, n: Team(id=i, name=n)) \
            if "department" in present else None
        if record.contractor and record.company:
            orgs.get(record.company, result.orgs_added,
                     lambda i, n: Organization(id=i, name=n, kind="subcontractor", services=["contract staff"]))
        wanted = _wanted(record, present, team)
        person = people.get(record.id)
        if person is None:
            wanted["notes"] = record.hr_line()
            chart.people.append(Person(id=record.id, **{k: v for k, v in wanted.items() if v is not None}))
            result.added.append(record.id)
            continue
        wanted["notes"] = _notes(person.notes, record.hr_line())
        changed = [k for k, v in wanted.items() if getattr(person, k) != v and not (k == "fte" and v is None)]
        for key in changed:
            setattr(person, key, wanted[key])
        if changed:
            result.updated[record.id] = changed
    exported = {r.id for r in records}
    result.left = [p.id for p in chart.people if p.id not in exported and _from_hr(p.notes)]
    if prune and result.left:
        gone = set(result.left)
        chart.people = [p for p in chart.people if p.id not in gone]
        result.removed = list(result.left)
    return result


def _wanted(record: HrRecord, present: set[str], team: str | None) -> dict:
    wanted: dict = {"name": record.name}
    if "title" in present:
        wanted["title"] = record.title
    if "department" in present:
        wanted["team"] = team
    if "manager" in present:
        wanted["reports_to"] = record.manager or None
    if "fte" in present and record.fte is not None:
        wanted["fte"] = record.fte
    return wanted


def _from_hr(notes: str) -> bool:
    return any(line.startswith(HR_PREFIX) for line in notes.splitlines())


def _notes(notes: str, hr_line: str) -> str:
    """The notes with their ``HR:`` line replaced (or added last); the rest kept as written."""
    lines = [line for line in notes.splitlines() if not line.startswith(HR_PREFIX)]
    return "\n".join([*lines, hr_line]) if lines else hr_line


class _Finder:
    """Elements of one section by name (case-insensitive), created with a fresh id when missing."""

    def __init__(self, section: list, ids: set[str], prefix: str):
        self.section, self.ids, self.prefix = section, ids, prefix
        self.by_name = {e.name.casefold(): e.id for e in section}

    def get(self, name: str, added: list[str], make) -> str | None:
        if not name:
            return None
        key = name.casefold()
        if key not in self.by_name:
            base = self.prefix + (re.sub(r"[^a-z0-9]+", "-", key).strip("-") or "x")
            ident, n = base[:110], 2
            while ident in self.ids:
                ident, n = f"{base[:110]}-{n}", n + 1
            self.ids.add(ident)
            self.section.append(make(ident, name))
            self.by_name[key] = ident
            added.append(ident)
        return self.by_name[key]
