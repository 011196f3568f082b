"""The navigator's tree as pure data: groups by kind, children computed only when opened.

A chart of 100,000 elements cannot be mounted as one tree (measured: a 50,000
node Tree takes seconds), so the tree is lazy: the top level is one group per
kind with its count, and each group lists its children when it is expanded,
at most :data:`PAGE` of them (search finds the rest).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import get_args

from ...model import Chart, Element
from ...model.vocabulary import Area, OrgKind

PAGE = 400


@dataclass(frozen=True)
class Node:
    """A tree node: ``kind`` is group, element, answer, chart or more; ``key`` says which."""

    kind: str
    key: str
    label: str
    expandable: bool = False
    detail: str = ""


GROUPS = [
    ("teams", "Teams"), ("people", "People"), ("orgs", "Organizations"), ("systems", "Systems"),
    ("data", "Data sources"), ("capabilities", "Capabilities"), ("coes", "Centers of Excellence"),
    ("chains", "Value chains"), ("workflows", "Workflows"),
]


def element_node(element: Element) -> Node:
    expandable = any(True for _ in element.children())
    return Node("element", element.id, element.name, expandable, element.id)


def roots(chart: Chart) -> list[Node]:
    nodes = [Node("chart", "chart", f"Chart: {chart.chart.name}")]
    for section, title in GROUPS:
        count = len(getattr(chart, section))
        nodes.append(Node("group", section, f"{title} ({count})", count > 0))
    nodes.append(Node("group", "answers", f"Self-assessment answers ({len(chart.answers)})", bool(chart.answers)))
    return nodes


def children(chart: Chart, node: Node, people_by: str = "team") -> list[Node]:
    """The children of ``node``; ``people_by`` is ``team`` or ``reports`` (reporting line)."""
    kind, key = node.kind, node.key
    if kind == "element":
        element = next((e for _, e in chart.iter_elements() if e.id == key), None)
        found = list(element.children()) if element else []
        return [element_node(child) for _, _, child in found]
    if key == "answers":
        return [Node("answer", k, k, False, str(a.answer)) for k, a in sorted(chart.answers.items())]
    if key == "people":
        return _people_by_team(chart) if people_by == "team" else _reporting(chart, None)
    if key.startswith("team:"):
        team = key[5:] or None
        return _page([element_node(p) for p in chart.people if p.team == team])
    if key.startswith("reports:"):
        return _reporting(chart, key[8:])
    if key == "teams":
        return _teams(chart, None)
    if key.startswith("subteams:"):
        return _teams(chart, key[9:])
    if key == "orgs":
        return _by(chart.orgs, "kind", get_args(OrgKind), "orgkind")
    if key.startswith("orgkind:"):
        return _page([element_node(o) for o in chart.orgs if o.kind == key[8:]])
    if key == "capabilities":
        return _by(chart.capabilities, "area", get_args(Area), "area")
    if key.startswith("area:"):
        return _page([element_node(c) for c in chart.capabilities if c.area == key[5:]])
    return _page([element_node(e) for e in getattr(chart, key, [])])


def _page(nodes: list[Node]) -> list[Node]:
    if len(nodes) <= PAGE:
        return nodes
    rest = len(nodes) - PAGE
    return nodes[:PAGE] + [Node("more", "", f"... {rest} more: press / to search")]


def _by(elements: list, field: str, order: tuple, prefix: str) -> list[Node]:
    counts: dict[str, int] = defaultdict(int)
    for element in elements:
        counts[getattr(element, field)] += 1
    return [Node("group", f"{prefix}:{value}", f"{value} ({counts[value]})", True) for value in order if counts[value]]


def _people_by_team(chart: Chart) -> list[Node]:
    counts: dict[str | None, int] = defaultdict(int)
    for person in chart.people:
        counts[person.team] += 1
    names = {t.id: t.name for t in chart.teams}
    nodes = [Node("group", f"team:{t}", f"{names.get(t, t)} ({n})", True, t) for t, n in counts.items() if t]
    nodes.sort(key=lambda n: n.label.lower())
    if counts.get(None):
        nodes.append(Node("group", "team:", f"(no team) ({counts[None]})", True))
    return _page(nodes)


def _reporting(chart: Chart, manager: str | None) -> list[Node]:
    has_reports = {p.reports_to for p in chart.people if p.reports_to}
    nodes = []
    for person in chart.people:
        if person.reports_to == manager:
            nodes.append(Node("element", person.id, person.name, False, person.id))
            if person.id in has_reports:
                nodes.append(Node("group", f"reports:{person.id}", f"  reports of {person.name}", True))
    return _page(nodes)


def _teams(chart: Chart, parent: str | None) -> list[Node]:
    has_sub = {t.parent for t in chart.teams if t.parent}
    nodes = []
    for team in chart.teams:
        if team.parent == parent:
            nodes.append(element_node(team))
            if team.id in has_sub:
                nodes.append(Node("group", f"subteams:{team.id}", f"  teams in {team.name}", True))
    return _page(nodes)
