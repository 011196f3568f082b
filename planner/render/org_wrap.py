"""Wrapping a wide org chart: top-level departments over several rows.

An organization is wide and shallow: seven departments side by side under a CMO
make a 6:1 ribbon that no slide holds. The departments under the first team
that has several of them are split, in chart order, into rows of about equal
width (up to :data:`MAX_NODES` people); an invisible zero-size node between two rows sits below every lowest
node of the upper row and above every highest node of the lower one
(weight-0 edges, so they set ranks and pull nothing sideways). Widths and
heights are estimated from the reporting tree as ``dot`` will lay it out
(leaf reports stacked into columns), which is enough to choose the number of
rows; pure, no Graphviz.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from .dot import Block
from .draw import keyed

TARGET_ASPECT = 2.0
"""Rows are added until the estimated width:height is at most this (slides are 16:9)."""
MIN_DEPARTMENTS = 3
COLUMN_INCHES = 2.3
"""A column of person boxes: a node (about 1.8 in), the space between nodes, team box margins."""
RANK_INCHES = 0.85
"""A rank: a two-line node (about 0.5 in) and ``ranksep``."""
CLUSTER_INCHES = 0.5
"""The label and margins a nested team box adds to a department's height."""
COE_INCHES = 2.3
"""A Center of Excellence in its band beside the chart."""
LEGEND_INCHES = 5.5
"""The legend beside the chart: a table and a few kind samples."""
TITLE_INCHES = 1.0
MAX_ROWS = 6
MAX_NODES = 400
"""No wrapping above this many people in the departments: such a chart fits no slide in any
number of rows, and the rows' long reporting lines made ``dot`` 3 to 9 times slower
(2,000-element synthetic chart: 0.7 s in one row, 6.4 s in six)."""
EXACT_UP_TO = 40
"""Departments split exactly (dynamic programming) up to this many; greedily beyond."""


_LOOSE = object()
"""Stands for the people drawn directly in the wrapping team when rows are balanced."""


@dataclass
class Plan:
    """Where to wrap: the team whose child teams go in ``rows`` (team ids, first row first)."""

    level: Hashable
    rows: list[list[Hashable]]
    members: dict[Hashable, list[Hashable]] = field(default_factory=dict)
    """Department team id -> every node drawn inside its box (nested teams included)."""


def plan_rows(children: dict, clustered: set, edges: list[tuple[Hashable, Hashable, bool]],
              coes: int = 0, coes_per_row: int = 2) -> Plan | None:
    """Rows for the departments, or None when one row is narrow enough.

    ``children``: team id (None for the top) -> items drawn directly in it;
    ``edges``: (upper, lower, stacking) pairs of the vertical edges drawn;
    ``coes``: Centers of Excellence in the band beside the chart, one row of
    them; once wrapped, the band holds ``coes_per_row`` a row and the legend
    goes under it.
    """
    band = COE_INCHES * coes + 0.5 if coes else 0.0
    narrow = COE_INCHES * min(coes, coes_per_row) + 0.5 if coes else 0.0
    level = None
    while True:
        kids = children.get(level, [])
        teams = [k.id for k in kids if k.id in clustered]
        if len(teams) == 1 and len(kids) == 1:
            level = teams[0]
            continue
        break
    if len(teams) < MIN_DEPARTMENTS:
        return None
    members = {team: _members(team, children, clustered) for team in teams}
    if sum(map(len, members.values())) > MAX_NODES:
        return None
    sizes = {team: _size(members[team], edges) for team in teams}
    loose = [k.id for k in kids if k.id not in clustered]
    if loose:  # people directly in the wrapping team sit in the first row
        sizes[_LOOSE] = (_size(loose, edges)[0], 0.0)
    units = [_LOOSE, *teams] if loose else teams
    best: list[list] = []
    for count in range(1, min(len(teams), MAX_ROWS) + 1):
        rows = _partition(units, [sizes[u][0] for u in units], count)
        side = band + LEGEND_INCHES if count == 1 else max(narrow, LEGEND_INCHES)
        width = max(sum(sizes[u][0] for u in row) for row in rows) * COLUMN_INCHES + side
        height = TITLE_INCHES + RANK_INCHES * (1 + sum(max(sizes[u][1] for u in row) + 1 for row in rows))
        best = rows
        if width / height <= TARGET_ASPECT:
            break
    rows = [kept for row in best if (kept := [u for u in row if u is not _LOOSE])]
    if len(rows) < 2:
        return None
    return Plan(level, rows, members)


def draw_rows(block: Block, plan: Plan, edges: Iterable[tuple[Hashable, Hashable, bool]]) -> None:
    """Inside the wrapping team's box: one invisible spacer between each pair of rows.

    Only each upper department's deepest node points at the spacer, and the spacer
    only at the lower departments' heads: an edge from every lowest node would
    cross ranks through virtual nodes and made ``dot`` 40 times slower on 2,000 people.
    """
    pairs = [(a, b) for a, b, _ in edges]
    for number, (upper, lower) in enumerate(zip(plan.rows, plan.rows[1:])):
        spacer = keyed("org-row", number)
        block.node(spacer, "", shape="point", style="invis", width=0, height=0)
        for team in upper:
            if plan.members[team]:  # a department without people has no deepest node
                block.edge(_deepest(plan.members[team], pairs), spacer, style="invis", weight=0)
        for team in lower:
            for node in _heads(plan.members[team], pairs):
                block.edge(spacer, node, style="invis", weight=0)


def _members(team, children: dict, clustered: set) -> list:
    found = []
    for kid in children.get(team, []):
        if kid.id in clustered:
            found += _members(kid.id, children, clustered)
        else:
            found.append(kid.id)
    return found


def _heads(members: list, pairs: list[tuple]) -> list:
    """Members no drawn edge from another member reaches: the top of the department."""
    inside = set(members)
    reached = {b for a, b in pairs if a in inside and b in inside}
    return [m for m in members if m not in reached]


def _deepest(members: list, pairs: list[tuple]):
    """The member at the end of the longest chain of drawn edges (the lowest rank ``dot`` gives)."""
    inside = set(members)
    below: dict = {}
    for a, b in pairs:
        if a in inside and b in inside:
            below.setdefault(a, []).append(b)
    depth = dict.fromkeys(_heads(members, pairs) or members[:1], 0)
    frontier = list(depth)
    while frontier:  # longest path by relaxation; the drawn edges run downwards, so it ends
        following = []
        for node in frontier:
            for lower in below.get(node, ()):
                if depth.get(lower, -1) < depth[node] + 1 and depth[node] < len(members):
                    depth[lower] = depth[node] + 1
                    following.append(lower)
        frontier = following
    return max(depth, key=lambda node: depth[node])


def _size(members: list, edges: list[tuple[Hashable, Hashable, bool]]) -> tuple[float, float]:
    """(columns, ranks) a department takes: the reporting forest with stacked leaves as chains."""
    inside = set(members)
    parent: dict = {}
    for upper, lower, stacking in edges:
        if upper in inside and lower in inside and (stacking or lower not in parent):
            parent[lower] = upper
    kids: dict = {}
    for node, up in parent.items():
        kids.setdefault(up, []).append(node)
    width: dict = {}
    depth: dict = {}

    def measure(node, seen=()):
        if node in width:
            return
        below = [k for k in kids.get(node, []) if k not in seen]
        for k in below:
            measure(k, (*seen, node))
        width[node] = max(1, sum(width[k] for k in below))
        depth[node] = 1 + max((depth[k] for k in below), default=0)

    roots = [m for m in members if m not in parent] or members[:1]
    for root in roots:
        measure(root)
    return float(sum(width[r] for r in roots)), max((depth[r] for r in roots), default=0) + CLUSTER_INCHES / RANK_INCHES


def _partition(items: list, weights: list[float], count: int) -> list[list]:
    """Split ``items`` in order into ``count`` runs minimizing the heaviest run (small n: exact)."""
    n = len(items)
    if n > EXACT_UP_TO:
        return _greedy(items, weights, count)
    prefix = [0.0]
    for w in weights:
        prefix.append(prefix[-1] + w)
    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(count + 1)]
    cut = [[0] * (n + 1) for _ in range(count + 1)]
    cost[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(1, n + 1):
            for i in range(k - 1, j):
                value = max(cost[k - 1][i], prefix[j] - prefix[i])
                if value < cost[k][j]:
                    cost[k][j], cut[k][j] = value, i
    rows, j = [], n
    for k in range(count, 0, -1):
        i = cut[k][j]
        rows.append(items[i:j])
        j = i
    return [row for row in reversed(rows) if row]


def _greedy(items: list, weights: list[float], count: int) -> list[list]:
    """Fill rows in order up to an equal share of the total width."""
    share = sum(weights) / count
    rows: list[list] = [[]]
    filled = 0.0
    for item, weight in zip(items, weights):
        if rows[-1] and filled + weight / 2 > share and len(rows) < count:
            rows.append([])
            filled = 0.0
        rows[-1].append(item)
        filled += weight
    return rows
