"""The diff diagram: the union of two charts, coloured by what changed.

Added elements and relations are green, removed ones red and dashed, changed
elements amber, unchanged ones faded grey. Nested elements (workflow steps,
contracts) are folded into their parent, whose label counts them, and a hand-off
is drawn between the resources it connects; the references a hand-off already
shows (``performed_by``, ``hands_to``) and containment are not drawn twice.
When the union has more than ``max_nodes`` (60) elements, only added and removed
elements and the ends of changed relations are drawn one by one: changed elements
no changed relation touches are listed in one box per kind, unchanged ones counted
in one faded node per kind, and three or more like elements whose one change is
the same relation to the same element fold into one listed box with one ``×N`` edge.

Pure: returns DOT text; the store writes it (``planner.store.diagrams.draw("diff",
path, result, old, new)``, and :func:`planner.store.diagrams.write_diff_parts` the slides).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..graph import HANDOFF, PART_OF
from ..model import Chart
from .diff_nodes import _fans, _folded_label, _label, _node_attrs, _notes
from .dot import Block, font, text
from .draw import keyed, new_dot, title
from .legend import Legend, beside_title
from .registry import Diagram, register_diagram
from .theme import DEFAULT_THEME, KIND_PLURALS, MIN_FONT, RELATION_LABELS, Theme

DIFF_THEME = DEFAULT_THEME
"""The theme the diff draws with unless told otherwise: the default one, whose ``diff`` colors
(:data:`planner.render.theme.DIFF_COLORS`) already make changed elements amber."""

FILLS = DIFF_THEME.diff_fill
"""The default theme's element fills (:data:`planner.render.theme.DIFF_FILLS`)."""
DRAWN_RELATIONS = frozenset({"member_of", "reports_to", "accountable", "led_by", "owned_by", "provided_by",
                             "hosted_in", "feeds", PART_OF, "realizes", "delivers", HANDOFF, "next"})
"""Relations drawn: who belongs where and answers for what, who supplies and hosts, how data
and work flow. The many-valued references (RACI lists, systems used, contract coverage) stay
in the text report: drawn, they would hide the change in a thicket of lines."""
ROW = 6
"""Elements without a drawn relation are laid out in columns of this many, not one long column."""

GROUPS = (("People and teams", ("team", "person")), ("External organizations", ("org",)),
          ("Capabilities and workflows", ("capability", "workflow")), ("Systems and data", ("system", "data")),
          ("Centers of Excellence", ("coe", "chain")))
PARTS = {"people": GROUPS[0], "orgs": GROUPS[1], "capabilities": GROUPS[2], "systems": GROUPS[3], "coes": GROUPS[4]}
"""``diff -o FILE --split``: one diagram per group, what changed in it and the other ends of its changed relations."""
PART_LEGEND_BELOW = 12
"""A slide of a split diff drawing at most this many elements has its legend under the title."""
DEFAULT_MAX_NODES = 60
"""Above this many elements in the union, only what a change touches is drawn one by one."""


def diff_to_dot(result, old: Chart, new: Chart, *, theme: Theme = DIFF_THEME,
                max_nodes: int = DEFAULT_MAX_NODES, heading: str | None = None,
                part: str | tuple[str, tuple[str, ...]] | None = None) -> str:
    """DOT text of the union of ``old`` and ``new`` coloured by ``result`` (a ChartDiff).

    ``part`` (a key of :data:`PARTS`, or a key and the ids of some of its elements): only
    the elements of that group that changed, with the other ends of their changed relations.
    """
    nodes, parent_of = _union(result, old, new)
    status = _status(result, nodes, parent_of)
    edges = _edges(result, parent_of, nodes)
    note = None
    if part is not None:
        nodes, edges, note = _cut(nodes, edges, status, part)
    collapse = len(nodes) > max_nodes or part is not None  # a slide lists what no changed relation touches
    fans = _fans(edges, nodes, status) if collapse else {}
    fanned = {member: key for key, (members, _) in fans.items() for member in members}
    edges = [e for e in edges if e[0] not in fanned and e[1] not in fanned] + [fan for _, fan in fans.values()]
    touched = {end for tail, head, *_ in edges for end in (tail, head)}
    dot = new_dot(theme, rankdir="LR", newrank="true", nodesep="0.25", ranksep="1.1")
    drawing = _Drawing(nodes, status, _notes(result, parent_of), fans, fanned, touched, collapse, theme)
    for group, kinds in GROUPS:
        if any(nodes[n].KIND in kinds for n in nodes):
            with dot.cluster(font(group, bold=True), style="rounded", color=theme.ink["rule"],
                             fontcolor=theme.ink["muted"]) as box:
                drawing.group(box, kinds)
    for tail, head, _relation, state, tag in edges:
        color = theme.diff[state]
        dot.edge(tail, head, text(tag) if tag else None, color=color, fontcolor=color,
                 style="dashed" if state == "removed" else "solid", penwidth=2 if state == "added" else 1.4,
                 fontsize=MIN_FONT)
    legend = _legend(theme, drawing, note)
    if heading is None:
        same = result.a_name == result.b_name
        heading = (f"{new.chart.name}: {old.chart.state} \u2192 {new.chart.state} state" if same
                   else f"{result.a_name} \u2192 {result.b_name}")
    totals = result.totals()
    subtitle = (f"{totals['added']} added, {totals['removed']} removed, {totals['changed']} changed, "
                f"{totals['renamed']} renamed; {totals['moves']} moves")
    # a slide of a few elements is narrower than its title and legend side by side: the legend goes under it
    below = part is not None and len(nodes) <= PART_LEGEND_BELOW
    dot.attrs("graph", label=beside_title(title(heading, subtitle), legend, theme, below=below), labelloc="t")
    return dot.source()


def _cut(nodes: dict, edges: list, status: dict[str, str],
         part: str | tuple[str, tuple[str, ...]]) -> tuple[dict, list, str]:
    """The changed elements of one group (some of them, when ids are given) and the other ends of
    their changed relations, with the note that says so."""
    shown, ids = (part, ()) if isinstance(part, str) else part
    kinds = PARTS[shown][1]
    own = {n for n, e in nodes.items() if e.KIND in kinds and status[n] != "unchanged"}
    whole = not ids or set(ids) >= own
    own &= set(ids or own)
    edges = [e for e in edges if e[0] in own or e[1] in own]
    keep = own | {end for e in edges for end in e[:2]}
    some = f"{PARTS[shown][0]} only" if whole else f"Some of the {PARTS[shown][0].lower()}"
    return ({n: e for n, e in nodes.items() if n in keep}, edges,
            f"{some}, with the other ends of their changed relations.")


@dataclass
class _Drawing:
    """What drawing each group's box needs, and what it set aside (hidden and folded elements)."""

    nodes: dict
    status: dict[str, str]
    notes: dict
    fans: dict
    fanned: dict
    touched: set[str]
    collapse: bool
    theme: Theme
    hidden: Counter = field(default_factory=Counter)
    folded: dict[str, list[str]] = field(default_factory=dict)

    def group(self, box: Block, kinds: tuple[str, ...]) -> None:
        """One group's box: folded fans, its elements (or their counts), then one box per kind of the rest."""
        nodes, status, theme = self.nodes, self.status, self.theme
        loose = []
        for key, (fan_members, _) in self.fans.items():
            first = fan_members[0]
            if nodes[first].KIND in kinds:
                box.node(key, _folded_label(nodes[first].KIND, fan_members, nodes, self.notes, status[first], theme),
                         **{**_node_attrs(nodes[first].KIND, status[first], theme),
                            "shape": "box", "peripheries": 2, "margin": "0.1,0.06"})
        for node_id in (n for n in nodes if nodes[n].KIND in kinds and n not in self.fanned):
            element = nodes[node_id]
            if self.collapse and node_id not in self.touched and status[node_id] in ("unchanged", "changed"):
                if status[node_id] == "unchanged":
                    self.hidden[element.KIND] += 1
                else:
                    self.folded.setdefault(element.KIND, []).append(node_id)
                continue
            box.node(node_id, _label(element, node_id, status[node_id], self.notes, theme),
                     **_node_attrs(element.KIND, status[node_id], theme))
            if node_id not in self.touched:
                loose.append(node_id)
        for kind in kinds:
            if self.folded.get(kind):
                loose.append(keyed("changed", kind))
                box.node(loose[-1], _folded_label(kind, self.folded[kind], nodes, self.notes, theme=theme),
                         shape="box", style="rounded,filled", fillcolor=theme.diff_fill["changed"],
                         color=theme.diff["changed"], penwidth=2, peripheries=2, margin="0.1,0.06")
        for upper, lower in zip(loose, loose[ROW:]):
            box.edge(upper, lower, style="invis")
        for kind in kinds:
            if self.hidden[kind]:
                noun = KIND_PLURALS.get(kind, kind) if self.hidden[kind] > 1 else kind
                box.node(keyed("unchanged", kind), f"{self.hidden[kind]:,} unchanged {noun}",
                         **_node_attrs(kind, "unchanged", theme), peripheries=2)


def _legend(theme: Theme, drawing: _Drawing, note: str | None) -> Legend:
    """The four element states, the two relation states, and notes on what was folded or hidden."""
    legend = Legend()
    for state, meaning in (("added", "added"), ("removed", "removed (dashed)"), ("changed", "changed"),
                           ("unchanged", "unchanged")):
        legend.swatch(theme.diff_fill[state], f"{meaning} element")
    legend.lines += [(theme.diff["added"], "solid", "relation added"),
                     (theme.diff["removed"], "dashed", "relation removed")]
    if drawing.folded:
        legend.notes.append("Changed elements no changed relation touches are listed in one box per kind.")
    if drawing.hidden:
        legend.notes.append("Unchanged elements no change touches are collapsed into one node per kind.")
    legend.notes.append("Steps and contracts are counted on their workflow or organization.")
    if note is not None:
        legend.notes.insert(0, note)
    return legend


def _union(result, old: Chart, new: Chart):
    """Top-level elements of both charts by (new) id, and nested id -> parent id."""
    renamed = {r.old_id: r.new_id for r in result.renamed}
    nodes: dict[str, Any] = {}
    parent_of: dict[str, str] = {}
    for chart, mapping in ((new, {}), (old, renamed)):
        for loc, element in chart.iter_elements():
            own = mapping.get(element.id, element.id)
            if len(loc) > 2:
                parent = getattr(chart, str(loc[0]))[loc[1]].id
                parent_of.setdefault(own, mapping.get(parent, parent))
            else:
                nodes.setdefault(own, element)
    return nodes, parent_of


def _status(result, nodes: dict, parent_of: dict[str, str]) -> dict[str, str]:
    status = dict.fromkeys(nodes, "unchanged")
    for items, state in ((result.changed, "changed"), (result.added, "added"), (result.removed, "removed")):
        for item in items:
            target = parent_of.get(item.id, item.id)
            if target in status and (target == item.id or status[target] == "unchanged"):
                status[target] = state if target == item.id else "changed"
    for r in result.renamed:
        status[r.new_id] = "changed"
    return status


def _edges(result, parent_of: dict[str, str], nodes: dict) -> list[tuple[str, str, str, str, str]]:
    """(tail, head, relation, added|removed, tag) for drawn relations, nested ends moved to their parent."""
    found: dict[tuple, str] = {}
    moved = {(m.id, m.relation) for m in result.moves}
    for relations, state in ((result.relations_added, "added"), (result.relations_removed, "removed")):
        for r in relations:
            if r.relation not in DRAWN_RELATIONS:
                continue
            tail, head = parent_of.get(r.source, r.source), parent_of.get(r.target, r.target)
            if tail == head or tail not in nodes or head not in nodes:
                continue
            tag = RELATION_LABELS.get(r.relation, r.relation.replace("_", " ")) if (r.source, r.relation) in moved else ""
            if r.relation == HANDOFF and r.via:
                tag = result.names.get(r.via, ("", r.via))[1]
            found.setdefault((tail, head, r.relation, state, tag), state)
    return list(found)


register_diagram(Diagram("diff", "What changed between two charts", diff_to_dot))
