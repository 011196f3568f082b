"""The work network of a big chart built as flat arrays (CSR), with numpy.

The same network as :func:`.network_build.numbered`, to the order of every
neighbour list, built with a handful of passes done in C instead of a Python
loop per link. The links are listed in the order the plain construction appends
them (a capability and each of its references, hand-offs, people and their
team), each link as two directed entries, and a stable sort by the entry's
first node groups them into neighbour lists without changing their order.

The ids are numbered at their first appearance (:func:`_numbered`): the
capabilities with their references, the hand-offs, then the teams not met so
far; the links met twice (a reference named twice by one capability, a hand-off
repeated, a membership that is also a hand-off) are kept at their first appearance.

Measured on a 100,000-element chart (45,000 nodes, 82,000 links): about a third of
the time of the list construction, which appends to 45,000 lists one link at a time.
Most of what is left is looking ids up in dictionaries, so each id is looked up as
few times as can be: numbers are read through the first positions (:class:`Where`)
rather than written back over every id, and the members' teams are told apart among
themselves before the few distinct ones are looked up among the nodes (0.76 of the
CPU time of writing the numbers back and looking every member's team up, side by side
in one process, median of 12).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import compress, count
from operator import truth
from typing import TYPE_CHECKING

import numpy as np

from .network_arrays import ascending

if TYPE_CHECKING:
    from ..model import Chart

Flat = tuple[list[str], "Where", np.ndarray, np.ndarray, list[int]]


def flat_network(chart: Chart, team_of: Mapping[str, str | None]) -> Flat | None:
    """(node ids, where each id is, indptr, indices, the capabilities' numbers): node ``v``'s neighbours are
    ``indices[indptr[v]:indptr[v+1]]``.

    ``None`` for the charts :func:`.network_build.numbered` leaves to the general
    path (duplicate capability ids, a capability referenced as a resource or taking
    part in a hand-off, a person who is their own team, a team that is a capability).
    """
    seq, heads, ends = _references(chart)
    nodes, where, numbers, (members, teams_n) = _numbered(seq + ends, team_of)
    seq_n, ends_n = numbers[:len(seq)], numbers[len(seq):]
    heads_n = np.fromiter(heads, dtype=np.intp, count=len(heads))
    if not _valid(len(nodes), seq_n, heads_n, ends_n, (members, teams_n)):
        return None
    links = _links(len(nodes), seq_n, heads_n, ends_n, (members, teams_n))
    indptr, indices = _grouped(len(nodes), *links)
    return nodes, where, indptr, indices, seq_n[heads_n].tolist()


class Where:
    """Where an id is in the network: ``where[id]`` is its node number, ``where.get(id)`` None when absent.

    The numbering pass keeps each id's first position in the list of ids it read
    and a table from positions to numbers; a number is looked up through both when
    asked for (the rules ask for a few dozen). Writing every number back into the
    dictionary was one more pass over 45,000 ids, about a tenth of the construction.
    """

    __slots__ = ("_number", "_position")

    def __init__(self, position: dict[str, int], number: np.ndarray):
        self._position = position
        self._number = number

    def get(self, element_id: str) -> int | None:
        p = self._position.get(element_id)
        return None if p is None else int(self._number[p])

    def __getitem__(self, element_id: str) -> int:
        return int(self._number[self._position[element_id]])


def _numbered(ids: list[str], team_of: Mapping[str, str | None]
              ) -> tuple[list[str], Where, np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """(node ids, where each is, the number of each of ``ids``, (members, their teams' numbers)).

    Numbers follow first appearance: ``ids``, then the teams of the people among them
    not met so far. One pass in C (``setdefault`` with a running count) gives every id
    the position where it first appears; numpy turns positions into numbers. Every
    id is looked up once (the lookups are most of the construction's time: the ids
    of a loaded chart are separate string objects, each a trip to memory), and only
    the distinct teams are looked up among the 45,000 nodes (:func:`_teams`).
    """
    position: dict[str, int] = {}
    first = np.fromiter(map(position.setdefault, ids, count()), dtype=np.intp, count=len(ids))
    nodes = list(compress(ids, (first == np.arange(first.size)).tolist()))  # each id where it first appears
    members, member_team, teams = _teams(nodes, team_of)
    at = np.fromiter(map(position.setdefault, teams, count(len(ids))), dtype=np.intp, count=len(teams))
    first = np.concatenate([first, at])
    seen = _firsts(first)  # in node order, then the teams new so far
    nodes += map(teams.__getitem__, (seen[len(nodes):] - len(ids)).tolist())
    rank = np.empty(len(first), dtype=np.intp)
    rank[seen] = np.arange(seen.size)
    numbers = rank[first]
    return nodes, Where(position, rank), numbers[:len(ids)], (members, numbers[len(ids):][member_team])


def _teams(nodes: list[str], team_of: Mapping[str, str | None]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(the members among ``nodes``, each one's team as a position in the third, the distinct teams).

    Teams come in order of first appearance. Each node's team (None but for people
    with a team) is told apart in a dictionary of its own: 29,000 members on a
    100,000-element chart but 3,000 distinct teams, a dictionary small enough to
    stay in cache. Only the distinct values are then tested for naming a team (not
    None nor empty), where testing every member's took two passes over 29,000
    strings (together, about a tenth of the construction).
    """
    first: dict[str | None, int] = {}
    which = np.fromiter(map(first.setdefault, map(team_of.get, nodes), count()), dtype=np.intp, count=len(nodes))
    values = list(first)  # None, "" and team ids, in order of first appearance
    place = np.empty(len(nodes), dtype=np.intp)
    place[_firsts(which)] = np.arange(len(values))
    value = place[which]  # each node's team, as a position in ``values``
    named = np.fromiter(map(truth, values), dtype=np.bool_, count=len(values))
    members = np.flatnonzero(named[value])
    among_named = np.cumsum(named) - 1
    teams: list[str] = list(compress(values, named.tolist()))  # type: ignore[arg-type]  # None and "" are left out
    return members, among_named[value[members]], teams


def _firsts(first: np.ndarray) -> np.ndarray:
    """The positions where an id first appears: those that hold their own position."""
    return np.flatnonzero(first == np.arange(first.size))


def _references(chart: Chart) -> tuple[list[str], list[int], list[str]]:
    """(each capability's id followed by its references, the capabilities' positions in it, hand-off
    ends in pairs): every id the network holds but the teams, in the order they first appear."""
    seq: list[str] = []
    heads: list[int] = []
    head, tail, mark = seq.append, seq.extend, heads.append
    for cap in chart.capabilities:
        mark(len(seq))
        head(cap.id)
        if cap.accountable:
            head(cap.accountable)
        tail(cap.responsible)
        tail(cap.contributors)
        tail(cap.systems)
    ends: list[str] = []
    for wf in chart.workflows:
        for s in wf.steps:
            if s.to and s.by != s.to:
                ends += (s.by, s.to)
    return seq, heads, ends


def _valid(n: int, seq: np.ndarray, heads: np.ndarray, ends: np.ndarray, teams: tuple[np.ndarray, np.ndarray]) -> bool:
    """Whether the capabilities' ids are distinct and none is a resource, a performer or a team, and
    nobody is their own team: checked on the numbers (an id's number is the same wherever it appears)."""
    is_cap = np.zeros(n, dtype=np.bool_)
    is_cap[seq[heads]] = True
    person, team = teams
    return (int(np.count_nonzero(is_cap)) == heads.size  # a repeated capability id shares a number
            and int(np.count_nonzero(is_cap[seq])) == heads.size  # each capability once: as its own head
            and not is_cap[ends].any() and not is_cap[team].any() and not np.any(person == team))


def _links(n: int, seq: np.ndarray, heads: np.ndarray, ends: np.ndarray,
           teams: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Every link once, as (one end, other end), in the order the plain construction appends them."""
    is_ref = np.ones(seq.size, dtype=np.bool_)
    is_ref[heads] = False
    cap = np.repeat(seq[heads], np.diff(heads, append=seq.size) - 1)
    ref = seq[is_ref]
    keep = _first(cap * n + ref)  # a capability's references are deduplicated
    cap, ref = cap[keep], ref[keep]
    by, to = ends[0::2], ends[1::2]
    pair = np.minimum(by, to) * n + np.maximum(by, to)
    keep = _first(pair)  # a hand-off between the same two counts once
    by, to, pair = by[keep], to[keep], pair[keep]
    person, team = teams
    keep = ~np.isin(np.minimum(person, team) * n + np.maximum(person, team), pair)  # already linked
    person, team = person[keep], team[keep]
    return np.concatenate([cap, by, person]), np.concatenate([ref, to, team])


def _first(key: np.ndarray) -> np.ndarray:
    """Mask of each key's first occurrence."""
    _, first = np.unique(key, return_index=True)
    keep = np.zeros(key.size, dtype=np.bool_)
    keep[first] = True
    return keep


def _grouped(n: int, one: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(indptr, indices): each link entered at both ends, in link order (a stable sort by the first end)."""
    src = np.stack([one, other], axis=1).ravel()
    dst = np.stack([other, one], axis=1).ravel()
    indices = dst[ascending(src, n)]
    indptr = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    return indptr, indices
