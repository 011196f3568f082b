"""The nodes of the diff diagram: their labels and colors, what changed in a few words,
and the folding of many like changes into one listed box (see :mod:`.diff_view`)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .dot import Html, cell, font, row, table, text
from .draw import keyed
from .theme import DEFAULT_THEME, KIND_PLURALS, MIN_FONT, Theme

FOLD_ROWS = 8
"""Rows of names in a box of changed elements before it adds a column."""
FAN_MIN = 3
"""Like elements whose one change is the same relation to the same element fold into one box from this many."""
WRAP = 24


def _label(element, node_id: str, state: str, notes: dict[str, str], theme: Theme) -> Html:
    color = theme.ink["faded"] if state == "unchanged" else theme.ink["text"]
    lines = [font(text(element.name, wrap=WRAP), bold=state != "unchanged", color=color)]
    note = state if state in ("added", "removed") else notes.get(node_id, "")
    if note:
        lines.append(font(text(note, wrap=WRAP + 8), size=MIN_FONT, color=theme.ink["muted"]))
    return Html("<BR/>".join(lines))


def _fans(edges: list[tuple], nodes: dict, status: dict[str, str]) -> dict[tuple, tuple[list[str], tuple]]:
    """Fold FAN_MIN or more same-kind, not added or removed elements whose one changed relation is
    the same (relation, change, other end) into one listed node with one counted edge: thirteen
    data sources that now feed the customer database make one arrow, not thirteen."""
    degree: Counter = Counter(end for tail, head, *_ in edges for end in (tail, head))
    groups: dict[tuple, list[str]] = {}
    for tail, head, relation, state, tag in edges:
        for end, other, side in ((tail, head, "tail"), (head, tail, "head")):
            if degree[end] == 1 and degree[other] > 1 and status[end] in ("changed", "unchanged"):
                groups.setdefault((nodes[end].KIND, status[end], other, relation, state, tag, side), []).append(end)
    fans = {}
    for (kind, _, other, relation, state, tag, side), members in groups.items():
        if len(members) >= FAN_MIN:
            key = keyed("fan", kind, other, relation, state, side)
            label = f"\u00d7{len(members)}" + (f" {tag}" if tag else "")
            edge = (key, other, relation, state, label) if side == "tail" else (other, key, relation, state, label)
            fans[key] = (members, edge)
    return fans


def _folded_label(kind: str, ids: list[str], nodes: dict, notes: dict[str, str], state: str = "changed",
                  theme: Theme = DEFAULT_THEME) -> Html:
    """``12 people changed`` over a list of names, each with what changed, in columns of FOLD_ROWS."""
    noun = KIND_PLURALS.get(kind, kind) if len(ids) > 1 else kind
    columns = -(-len(ids) // FOLD_ROWS)
    entries = [font(text(nodes[i].name, wrap=WRAP), size=9, bold=True)
               + (Html("<BR/>") + font(text(notes[i], wrap=WRAP + 8), size=MIN_FONT, color=theme.ink["muted"])
                  if notes.get(i) else "")
               for i in ids]
    rows = [font(f"{len(ids)} {noun} {state}", bold=True, color=theme.ink["text"])]
    body = [row(*(cell(entries[r * columns + c] if r * columns + c < len(entries) else "", align="left",
                       valign="top") for c in range(columns))) for r in range(-(-len(ids) // columns))]
    return table([row(cell(rows[0], colspan=columns, align="left")), *body], cellpadding=2, cellspacing=2)


def _notes(result, parent_of: dict[str, str]) -> dict[str, str]:
    """Node id -> what changed, in a few words: attributes, a rename, counts of nested elements."""
    bits: dict[str, list[str]] = {}
    for r in result.renamed:
        bits.setdefault(r.new_id, []).append(f"renamed from {r.old_id}")
    for change in result.changed:
        fields = [c.path.split("[")[0].split(".")[0] for c in change.changes]
        bits.setdefault(change.id, []).append(", ".join(dict.fromkeys(fields))[:60])
    nested: Counter = Counter()
    for items, word in ((result.added, "added"), (result.removed, "removed"), (result.changed, "changed")):
        for item in items:
            parent = parent_of.get(item.id)
            if parent is not None:
                nested[(parent, item.kind, word)] += 1
    for (parent, kind, word), n in sorted(nested.items()):
        bits.setdefault(parent, []).append(f"{n} {KIND_PLURALS.get(kind, kind) if n > 1 else kind} {word}")
    return {node: "; ".join(b for b in found if b) for node, found in bits.items()}


def _node_attrs(kind: str, state: str, theme: Theme) -> dict[str, Any]:
    attrs = theme.node(kind)
    styles = [s for s in str(attrs.get("style", "filled")).split(",") if s and s not in ("dashed", "bold")]
    if "filled" not in styles:
        styles.append("filled")
    if state == "removed":
        styles.append("dashed")
    attrs.update(style=",".join(styles), fillcolor=theme.diff_fill[state], color=theme.diff[state],
                 penwidth=2 if state in ("added", "changed", "removed") else 1)
    if state == "unchanged":
        attrs["fontcolor"] = theme.diff["unchanged"]
    return attrs
