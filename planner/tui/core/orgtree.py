"""The org tree as data: people under their managers, grouped by the team at the top of each line.

Each reporting line starts under the header of its top person's team; a
person in another team than that header says so. Beside each person: the
number of direct reports (span of control, flagged past the maturity rule's
limit), the capabilities they alone carry (single point of failure past the
rule's limit), and the firm of a contractor when the title names one.
Moving a person or a whole subtree is one :class:`SetField` (``reports_to`` or
``team``), the command the form makes; pure, no Textual.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ...model import Chart, Element, Person
from .commands import Command, SetField

MAX_DIRECT = 10
"""Direct reports past which a span of control is flagged (the maturity rule's default)."""
MAX_SOLE = 2
"""Capabilities carried alone past which a person is a single point of failure (the rule's default)."""
EXTERNAL = re.compile(r"contractor|consultant|outsourc|freelanc|vendor|agency|\bbpo\b|\btemp\b")
MARKS = re.compile(r"[(@]| at | from ")
"""How a title names the firm of an outsourced person: "Agent (CallWorks)", "Designer @ Bright Creative"."""


@dataclass
class Line:
    """One line of the tree: a team header (``person`` None) or a person at ``depth``."""

    team: Element | None
    person: Person | None = None
    depth: int = 0
    reports: int = 0
    alone: int = 0
    firm: str = ""
    folded: bool = False


def tree_lines(chart: Chart, folded: set[str]) -> list[Line]:
    """The reporting forest; a team header opens wherever a person's team differs from their manager's."""
    ids = {p.id for p in chart.people}
    reports: dict[str | None, list[Person]] = defaultdict(list)
    for person in chart.people:
        manager = person.reports_to if person.reports_to in ids and person.reports_to != person.id else None
        reports[manager].append(person)
    roots = _tops(chart, reports)
    alone, firms = sole_carriers(chart), firms_of(chart)
    teams = {t.id: t for t in chart.teams}
    lines: list[Line] = []
    seen: set[str] = set()
    shown_teams: set[str | None] = set()

    def group(people: list[Person], depth: int, header: str | bool | None) -> None:
        by_team: dict[str | None, list[Person]] = {}
        for person in people:
            if person.id not in seen:
                by_team.setdefault(person.team, []).append(person)
        for team, members in by_team.items():
            inner = depth
            if team != header:
                lines.append(Line(teams.get(team) if team else None, depth=depth, firm="" if team in teams or team is None
                                  else f"unknown team {team}"))
                shown_teams.add(team)
                inner = depth + 1
            for person in members:
                one(person, inner)

    def one(person: Person, depth: int) -> None:
        seen.add(person.id)
        below = reports.get(person.id, [])
        lines.append(Line(None, person, depth, len(below), len(alone.get(person.id, ())), firms.get(person.id, ""),
                          person.id in folded and bool(below)))
        if below and person.id not in folded:
            group(below, depth + 1, person.team)

    group(roots, 0, False)
    lines += [Line(team, depth=0) for team in chart.teams if team.id not in shown_teams]  # empty teams: paste targets
    return lines


def _tops(chart: Chart, reports) -> list[Person]:
    """People reporting to no one, then one person of each reporting cycle (the check reports those)."""
    tops = list(reports[None])
    reached: set[str] = set()

    def reach(ident: str) -> None:
        stack = [ident]
        while stack:
            current = stack.pop()
            if current not in reached:
                reached.add(current)
                stack += [p.id for p in reports.get(current, [])]

    for person in tops:
        reach(person.id)
    for person in chart.people:
        if person.id not in reached:
            tops.append(person)
            reach(person.id)
    return tops


def sole_carriers(chart: Chart) -> dict[str, list[str]]:
    """Person id -> capabilities they are accountable for with nobody else responsible (as the maturity rule)."""
    alone: dict[str, list[str]] = defaultdict(list)
    for cap in chart.capabilities:
        if cap.accountable and all(r == cap.accountable for r in cap.responsible):
            alone[cap.accountable].append(cap.id)
    return alone


def firms_of(chart: Chart) -> dict[str, str]:
    """Person id -> the organization a contractor's title names ("Agent (CallWorks)"), or "contractor"."""
    names = {o.name.casefold(): o.name for o in chart.orgs} | {o.id.casefold(): o.name for o in chart.orgs}
    found = {}
    for person in chart.people:
        text = person.title.casefold()
        external = EXTERNAL.search(text) is not None
        if not external and MARKS.search(text) is None:
            continue  # only titles that may name a firm are searched: ten thousand people stay fast
        firm = next((name for key, name in names.items() if len(key) > 2 and key in text), "")
        if firm or external:
            found[person.id] = firm or "contractor"
    return found


def descendants(chart: Chart, person_id: str) -> set[str]:
    below: dict[str, list[str]] = defaultdict(list)
    for p in chart.people:
        if p.reports_to:
            below[p.reports_to].append(p.id)
    found, stack = set(), [person_id]
    while stack:
        for child in below.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def move_command(chart: Chart, person: Person, target: Element | None) -> Command:
    """Move ``person`` (with everyone under them) under ``target``: a person becomes the manager,
    a team becomes the person's team; None makes them a top of the chart. Raises ValueError when
    the move would make a reporting cycle."""
    if target is None:
        if person.reports_to is None:
            raise ValueError(f"{person.name} already reports to no one")
        return SetField(person, "reports_to", None, label=f"move {person.id} to the top")
    if target.KIND == "team":
        if person.team == target.id:
            raise ValueError(f"{person.name} is already in {target.name}")
        return SetField(person, "team", target.id, label=f"move {person.id} to team {target.id}")
    if target.id == person.id or target.id in descendants(chart, person.id):
        raise ValueError(f"{target.name} reports to {person.name}: moving {person.name} under them would make a loop")
    if person.reports_to == target.id:
        raise ValueError(f"{person.name} already reports to {target.name}")
    return SetField(person, "reports_to", target.id, label=f"move {person.id} under {target.id}")

