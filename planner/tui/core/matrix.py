"""The capability-resource matrix as data: rows, column groups, cells, and the edits a key makes.

Rows are capabilities grouped by area; columns are the resources, grouped by
kind (people, teams, each kind of organization, systems by sourcing, data
sources). A cell holds the roles of a resource on a capability: ``A R C I`` for
people, teams and organizations (for an organization ``C`` is a contributor),
``use`` for systems and data. Every edit is an ordinary :class:`SetField` on the
capability, the very command the form makes, so undo and the patching save
treat it the same way. Pure: no Textual, no files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from ...model import Capability, Chart, Element
from ...model.vocabulary import Area, OrgKind, Sourcing
from .commands import Command, Macro, SetField

ROLE_FIELDS = {"a": "accountable", "r": "responsible", "c": "consulted", "i": "informed", "u": None}
ORG_FIELDS = {"r": "responsible", "c": "contributors"}
"""An organization is responsible for a capability, or contributes to it (its ``C``)."""
LIST_ROLES = (("R", "responsible"), ("C", "consulted"), ("I", "informed"), ("C", "contributors"))


@dataclass
class Group:
    """A column group (``people``, ``org:vendor``, ``system:rent``...), collapsible to one column."""

    key: str
    title: str
    members: list[Element]
    collapsed: bool = False


@dataclass
class Row:
    """A capability row, or an area header (``cap`` None) that collapses its area."""

    area: str
    cap: Capability | None = None
    count: int = 0


@dataclass
class Filters:
    """What the matrix shows: one area, one team's people (and that team), some column kinds, gap rows only."""

    area: str | None = None
    team: str | None = None
    kinds: set[str] = field(default_factory=set)
    gaps_only: bool = False

    def describe(self) -> str:
        parts = [f"area {self.area}"] if self.area else []
        parts += [f"team {self.team}"] if self.team else []
        parts += [f"kinds {', '.join(sorted(self.kinds))}"] if self.kinds else []
        parts += ["rows with maturity gaps"] if self.gaps_only else []
        return "; ".join(parts)


def column_groups(chart: Chart, filters: Filters, collapsed: set[str]) -> list[Group]:
    """The column groups in order, each with its members (empty groups left out)."""
    team = filters.team
    people = [p for p in chart.people if team is None or p.team == team]
    teams = [t for t in chart.teams if team is None or t.id == team or t.parent == team]
    groups = [Group("people", "People", people), Group("teams", "Teams", teams)]
    groups += [Group(f"org:{k}", k, [o for o in chart.orgs if o.kind == k]) for k in get_args(OrgKind)]
    groups += [Group(f"system:{s}", f"{s} systems", [x for x in chart.systems if x.sourcing == s])
               for s in get_args(Sourcing)]
    groups.append(Group("data", "Data", list(chart.data)))
    shown = [g for g in groups if g.members and (not filters.kinds or g.key.split(":")[0] in filters.kinds
                                                  or g.key in filters.kinds)]
    for g in shown:
        g.collapsed = g.key in collapsed
    return shown


def rows(chart: Chart, filters: Filters, collapsed: set[str], gap_caps: set[str]) -> list[Row]:
    """Area headers, each followed by its capabilities (unless collapsed)."""
    by_area: dict[str, list[Capability]] = {}
    for cap in chart.capabilities:
        if filters.area and cap.area != filters.area:
            continue
        if filters.gaps_only and cap.id not in gap_caps:
            continue
        by_area.setdefault(cap.area, []).append(cap)
    result = []
    for area in get_args(Area):
        caps = by_area.get(area, [])
        if not caps:
            continue
        result.append(Row(area, None, len(caps)))
        if f"area:{area}" not in collapsed:
            result += [Row(area, cap) for cap in caps]
    return result


def roles_of(cap: Capability) -> dict[str, str]:
    """Resource id -> its role letters on ``cap`` (``AR``, ``C``, ``use``)."""
    found: dict[str, str] = {}
    if cap.accountable:
        found[cap.accountable] = "A"
    for letter, name in LIST_ROLES:
        for ident in getattr(cap, name):
            if letter not in found.get(ident, ""):
                found[ident] = found.get(ident, "") + letter
    for ident in (*cap.systems, *cap.data):
        found[ident] = "use"
    return found


def cell_text(cap: Capability, element: Element, index: dict[str, str] | None = None) -> str:
    return (index if index is not None else roles_of(cap)).get(element.id, "")


class Refused(ValueError):
    """A key that makes no sense in this cell (an A for a team); the message says why."""


@dataclass
class Proposal:
    """The edit a key asks for, and the question to ask first (setting a new A over another one)."""

    command: Command | None
    question: str = ""


def role_edit(chart: Chart, cap: Capability, element: Element, key: str) -> Proposal:
    """The edit ``key`` (``a r c i u`` or ``space``) makes in the cell of ``cap`` and ``element``."""
    kind = element.KIND
    if key == "space":
        return Proposal(_clear(cap, element))
    if kind in ("system", "data"):
        if key not in ("u", "r"):
            raise Refused(f"a {_kind_name(kind)} is used by a capability: press u (or space to clear)")
        return Proposal(_toggle(cap, "systems" if kind == "system" else "data", element.id))
    if key == "u":
        raise Refused("u (uses) is for systems and data sources; people, teams and organizations take a, r, c, i")
    if key == "a":
        if kind != "person":
            raise Refused(f"the accountable must be one person, not a {_kind_name(kind)}")
        if cap.accountable == element.id:
            return Proposal(None)
        command = SetField(cap, "accountable", element.id, label=f"make {element.id} accountable for {cap.id}")
        if cap.accountable:
            old = chart_name(chart, cap.accountable)
            return Proposal(command, f"{old} is accountable for {cap.name}. Move the A to {element.name}?")
        return Proposal(command)
    name = ORG_FIELDS.get(key) if kind == "org" else ROLE_FIELDS.get(key)
    if name is None:
        raise Refused(f"an organization is responsible (r) or contributes (c); it is not {key.upper()}")
    return Proposal(_toggle(cap, name, element.id))


def _toggle(cap: Capability, name: str, ident: str) -> Command:
    values = list(getattr(cap, name))
    if ident in values:
        values.remove(ident)
        verb = "remove"
    else:
        values.append(ident)
        verb = "add"
    return SetField(cap, name, values, label=f"{verb} {ident} {'to' if verb == 'add' else 'from'} {name} of {cap.id}")


def _clear(cap: Capability, element: Element) -> Command | None:
    """Every role but the A (a capability keeps exactly one accountable: move it with ``a`` elsewhere)."""
    commands: list[Command] = []
    for name in ("responsible", "consulted", "informed", "contributors", "systems", "data"):
        values = getattr(cap, name)
        if element.id in values:
            commands.append(SetField(cap, name, [v for v in values if v != element.id]))
    if not commands:
        if cap.accountable == element.id:
            raise Refused(f"{cap.name} keeps exactly one accountable: press a on another person to move the A")
        return None
    return Macro(commands, label=f"clear the roles of {element.id} on {cap.id}")


def chart_name(chart: Chart, ident: str) -> str:
    for _, element in chart.iter_elements():
        if element.id == ident:
            return element.name
    return ident


def _kind_name(kind: str) -> str:
    return {"data": "data source", "org": "organization"}.get(kind, kind)
