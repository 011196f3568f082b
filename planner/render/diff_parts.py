"""``diff -o FILE --split``: the diff diagram as slides, one per group of elements that changed.

A group too big for one slide is cut into pieces of about :data:`PART_NODES` elements
(the busiest first, so that an element and its neighbours share a slide); then each
piece is laid out and measured against the slide rule (:mod:`.slide`), and one that
is still too wide or too small is halved until it fits.
"""

from __future__ import annotations

from collections import Counter

from ..model import Chart
from .diff_view import PARTS, _edges, _status, _union, diff_to_dot

Part = tuple[str, tuple[str, ...]]
"""One slide of a split diff: a group of :data:`PARTS` and the ids of its changed elements drawn there."""


def fitted_parts(result, old: Chart, new: Chart, fit: bool = True) -> list[tuple[Part, str]]:
    """One slide per group that changed, (part, label) each; the store writes them as ``NAME-1.svg``...

    A group too big for one slide is cut in pieces (:func:`diff_parts`); with ``fit``, a
    piece laid out wider or smaller than the slide rule allows (:mod:`.slide`) is halved
    until it fits (a ``.dot`` file is not laid out, so it is not fitted).
    """
    slides = diff_parts(result, old, new)
    return _fitted(result, old, new, slides) if fit else slides


def diff_parts(result, old: Chart, new: Chart) -> list[tuple[Part, str]]:
    """(part, label) of the groups where something changed, for one slide each.

    A group whose changes touch more than :data:`PART_NODES` elements is drawn over
    several slides ("People and teams, 1 of 2").
    """
    nodes, parent_of = _union(result, old, new)
    status = _status(result, nodes, parent_of)
    edges = _edges(result, parent_of, nodes)
    found: list[Part] = []
    for key, (_, kinds) in PARTS.items():
        found += [(key, tuple(piece)) for piece in
                  _pieces([n for n, e in nodes.items() if e.KIND in kinds and status[n] != "unchanged"], edges)]
    return _labelled(found)


def _labelled(parts: list[Part]) -> list[tuple[Part, str]]:
    per_group = Counter(group for group, _ in parts)
    seen: Counter = Counter()
    found = []
    for group, ids in parts:
        seen[group] += 1
        label = PARTS[group][0] + (f", {seen[group]} of {per_group[group]}" if per_group[group] > 1 else "")
        found.append(((group, ids), label))
    return found


def _fitted(result, old: Chart, new: Chart, slides: list[tuple[Part, str]]) -> list[tuple[Part, str]]:
    """Halve each piece that Graphviz lays out beyond the slide rule, until it fits or holds one element."""
    from .output import render_bytes
    from .slide import measure

    queue, done = [part for part, _ in slides], []
    while queue:
        group, ids = queue.pop(0)
        fit = measure(render_bytes(diff_to_dot(result, old, new, part=(group, ids)), "svg")) if len(ids) > 1 else None
        if fit is None or fit.ok:
            done.append((group, ids))
            continue
        half = (len(ids) + 1) // 2
        queue[:0] = [(group, ids[:half]), (group, ids[half:])]
    return _labelled(done)


PART_NODES = 18
"""Elements drawn on one slide of a split diff, the other ends of their relations included: a group
with more is cut into pieces (a part of 40 people with their links was 9 px text on a 1920 px slide)."""


def _pieces(own: list[str], edges: list[tuple]) -> list[list[str]]:
    """``own`` cut into runs whose elements and other ends number at most PART_NODES; [] when empty.

    Elements no changed relation touches are listed in one box: they go in the first piece and count once.
    """
    ends: dict[str, set[str]] = {}
    for tail, head, *_ in edges:
        ends.setdefault(tail, set()).add(head)
        ends.setdefault(head, set()).add(tail)
    linked = [n for n in own if n in ends]
    loose = [n for n in own if n not in ends]
    pieces: list[list[str]] = []
    drawn: set[str] = {"loose"} if loose else set()
    current: list[str] = list(loose)
    for node in sorted(linked, key=lambda n: -len(ends[n])):  # the busiest first: their neighbours join them
        more = ({node} | ends[node]) - drawn
        if current and len(drawn) + len(more) > PART_NODES:
            pieces.append(current)
            current, drawn = [], set()
            more = {node} | ends[node]
        current.append(node)
        drawn |= more
    if current:
        pieces.append(current)
    return pieces
