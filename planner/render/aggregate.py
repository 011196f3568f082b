"""Large charts: replace elements by groups with counts until a view is drawable.

Each element kind has a ladder of ever coarser groups: a person's team, then the
team's ancestors up to the top, then "all people"; a capability's area; a
system's sourcing; a data source's kind; an organization's kind. Starting from
the finest rung, the kind with the most groups climbs one rung at a time until
the view holds at most ``target`` nodes. Groups of one stay the element itself,
so the odd CoE or data silo keeps its name. Linear in the size of the scene.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..graph import ChartGraph
from .theme import KIND_PLURALS

GroupKeys = Callable[[ChartGraph, str, dict], "list[tuple[str, str]] | None"]
"""A view's override: node -> its ladder of (group key, group label), finest first."""

DEFAULT_TARGET = 250
"""Nodes an aggregated view aims for: readable, and ``dot`` lays it out in well under a second."""


class _TeamLadder:
    """Ancestors of each team from the deepest level of the tree up to the root."""

    def __init__(self, graph: ChartGraph):
        self.graph = graph
        self.chain: dict[str, list[str]] = {}
        self.depth = 0
        self._ladders: dict[tuple, list[tuple[str, str]]] = {}

    def path(self, team: str) -> list[str]:
        """Root-first list of the team's ancestors, ending with the team."""
        found = self.chain.get(team)
        if found is None:
            path, seen, current = [], set(), team
            while current and current in self.graph and current not in seen:
                seen.add(current)
                path.append(current)
                current = self.graph.nodes[current]["element"].parent
            found = self.chain[team] = path[::-1]
            self.depth = max(self.depth, len(found))
        return found

    def ladder(self, team: str | None, plural: str, max_depth: int) -> list[tuple[str, str]]:
        """Cached per team: 60,000 people share 3,000 ladders."""
        key = (team, plural, max_depth)
        found = self._ladders.get(key)
        if found is None:
            found = self._ladders[key] = self._ladder(team, plural, max_depth)
        return found

    def shared(self, key: tuple, make: Callable[[], list[tuple[str, str]]]) -> list[tuple[str, str]]:
        """One ladder object per key, so that grouping counts distinct ladders, not elements."""
        found = self._ladders.get(key)
        if found is None:
            found = self._ladders[key] = make()
        return found

    def _ladder(self, team: str | None, plural: str, max_depth: int) -> list[tuple[str, str]]:
        if not team or team not in self.graph:
            return [(f"no-team:{plural}", f"{plural.capitalize()} without a team")] * (max_depth + 1)
        path = self.path(team)
        rungs = []
        for depth in range(max_depth, 0, -1):
            ancestor = path[min(depth, len(path)) - 1]
            rungs.append((f"team:{ancestor}", self.graph.nodes[ancestor]["label"]))
        return rungs + [(f"all:{plural}", f"All {plural}")]


def default_ladder(graph: ChartGraph, node: str, data: dict, teams: _TeamLadder,
                   max_depth: int) -> list[tuple[str, str]]:
    """The built-in ladder of ``node``; see the module docstring."""
    kind, element = data["kind"], data["element"]
    plural = KIND_PLURALS.get(kind, kind)
    everything = (f"all:{plural}", f"All {plural}")
    if kind == "person":
        return teams.ladder(element.team, plural, max_depth)
    if kind == "team":
        return teams.ladder(node, plural, max_depth)
    attribute = _GROUPED_BY.get(kind)
    if attribute:
        value = getattr(element, attribute, None) or "other"
        if kind == "workflow" and value in graph:
            value = graph.nodes[value]["element"].area
        return teams.shared((kind, value), lambda: [
            (f"{attribute}:{value}", f"{str(value).replace('_', ' ').capitalize()} {plural}"), everything])
    return teams.shared((kind,), lambda: [everything])


_GROUPED_BY = {"capability": "area", "system": "sourcing", "data": "kind", "org": "kind",
               "coe": "scope", "workflow": "capability"}
"""The attribute whose value groups the elements of a kind (a workflow: its capability's area)."""


def aggregate_map(graph: ChartGraph, nodes: dict[str, dict], target: int = DEFAULT_TARGET,
                  group_keys: GroupKeys | None = None) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(element id -> group id, group id -> (kind, label)) bringing ``nodes`` down to about ``target``."""
    teams = _TeamLadder(graph)
    placed = {node if d["kind"] == "team" else d["element"].team
              for node, d in nodes.items() if d["kind"] in ("person", "team")}
    for team in placed:  # 60,000 people sit in 3,000 teams: each path is walked once
        if team in graph:
            teams.path(team)
    max_depth = max(teams.depth, 1)
    ladders: dict[str, list[tuple[str, str]]] = {}
    by_kind: dict[str, list[str]] = {}
    of_team: dict[str | None, list[tuple[str, str]]] = {}  # a person's ladder is their team's
    people = KIND_PLURALS.get("person", "person")
    for node, data in nodes.items():
        kind = data["kind"]
        ladder = group_keys(graph, node, data) if group_keys else None
        if not ladder and kind == "person":
            team = data["element"].team
            ladder = of_team.get(team) or of_team.setdefault(team, teams.ladder(team, people, max_depth))
        ladders[node] = ladder or default_ladder(graph, node, data, teams, max_depth)
        by_kind.setdefault(_family(kind), []).append(node)
    rung = dict.fromkeys(by_kind, 0)
    # ladders are shared (every person of a team holds the same list): count groups over the distinct ones
    distinct = {kind: list({id(ladders[n]): ladders[n] for n in members}.values()) for kind, members in by_kind.items()}

    def groups(kind: str, level: int) -> int:
        return len({ladder[min(level, len(ladder) - 1)][0] for ladder in distinct[kind]})

    top = {kind: max(len(ladder) for ladder in found) - 1 for kind, found in distinct.items()}
    counts = {kind: groups(kind, 0) for kind in by_kind}
    while sum(counts.values()) > target:
        climbable = [k for k in by_kind if rung[k] < top[k]]
        if not climbable:
            break
        kind = max(climbable, key=lambda k: counts[k])
        rung[kind] += 1
        counts[kind] = groups(kind, rung[kind])
    return _assign(nodes, ladders, rung)


def _family(kind: str) -> str:
    """People and teams climb the team ladder together, so a team group holds its people."""
    return "team" if kind == "person" else kind


def _assign(nodes: dict[str, dict], ladders: dict, rung: dict[str, int]):
    """Group ids by key; people and their teams share ``team:`` keys, so a team absorbs its people."""
    step = {kind: rung[_family(kind)] for kind in {d["kind"] for d in nodes.values()}}
    chosen = {n: ladder[min(step[d["kind"]], len(ladder) - 1)] for n, d in nodes.items() for ladder in (ladders[n],)}
    sizes = Counter(key for key, _ in chosen.values())
    rep: dict[str, str] = {}
    labels: dict[str, tuple[str, str]] = {}
    for node, (key, label) in chosen.items():
        if sizes[key] == 1:
            continue
        group = f"agg:{key}"
        rep[node] = group
        kind = nodes[node]["kind"]
        if group not in labels or kind == "team":
            labels[group] = (kind, label)
    return rep, labels


def describe(items, before: int) -> str:
    """The sentence a view's title carries once it is aggregated."""
    groups = sum(1 for item in items.values() if item.aggregate)
    return (f"Aggregated: {before:,} elements shown as {len(items):,} nodes ({groups:,} groups with counts). "
            "Use --focus ID --depth N or --only KIND to see individual elements.")
