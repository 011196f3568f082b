"""A diff as text lines for people: a ``git diff --stat``-like summary, then details by kind.

Pure: each line is a list of ``(text, style)`` segments. Style names are
:data:`STYLES`; a terminal front end maps them to colours, a pipe ignores them
(:func:`plain` joins the text). Values are shortened for reading; the JSON form
(``ChartDiff.to_dict``) keeps them whole.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..graph import HANDOFF
from ..model import ELEMENT_CLASSES
from .model import ChartDiff, FieldChange, Move

Line = list[tuple[str, str | None]]

STYLES = ("title", "heading", "add", "remove", "change", "move", "rename", "dim")
"""Style names used in segments: added green, removed red, changed/moved amber, rename cyan."""

BAR_WIDTH = 40
VALUE_WIDTH = 70
SECTION_TITLES = {kind: cls.TITLE for kind, cls in ELEMENT_CLASSES.items()}
"""Heading of each kind's changes (the model classes' ``TITLE``)."""


def plain(lines: list[Line]) -> str:
    """The text without styles, one line per line, ending with a newline."""
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)


def text_lines(d: ChartDiff, *, relations: bool = False, a_label: str = "a", b_label: str = "b") -> list[Line]:
    """Summary, moves, then added/removed/renamed/changed elements per kind, chart fields, maturity."""
    lines: list[Line] = [[(f"{a_label} -> {b_label}", "title")]]
    if d.equal:
        lines.append([("no differences", "dim")])
        return lines + _maturity(d)
    lines += stat_lines(d)
    lines += _moves(d)
    for kind in ELEMENT_CLASSES:
        lines += _kind_section(d, kind)
    lines += _handoffs(d)
    if relations:
        lines += _all_relations(d)
    lines += _chart(d)
    lines += _maturity(d)
    return lines


def stat_lines(d: ChartDiff) -> list[Line]:
    """One line per kind with a bar of ``+`` added, ``-`` removed, ``~`` changed, ``>`` renamed; then totals."""
    counts = d.counts_by_kind()
    if not counts:
        return [[(" (no element changed)", "dim")], _totals(d)]
    width = max(len(k) for k in counts)
    biggest = max(sum(c.values()) for c in counts.values())
    scale = min(1.0, BAR_WIDTH / biggest)
    lines = []
    for kind in sorted(counts, key=list(ELEMENT_CLASSES).index):
        c = counts[kind]
        line: Line = [(f" {kind:<{width}} | {sum(c.values()):>4} ", None)]
        for what, mark, style in (("added", "+", "add"), ("removed", "-", "remove"),
                                  ("changed", "~", "change"), ("renamed", ">", "rename")):
            if c[what]:
                line.append((mark * max(1, round(c[what] * scale)), style))
        lines.append(line)
    return lines + [_totals(d)]


def _totals(d: ChartDiff) -> Line:
    t = d.totals()
    parts = [f"{t['added']} added", f"{t['removed']} removed", f"{t['changed']} changed"]
    if t["renamed"]:
        parts.append(f"{t['renamed']} renamed")
    text = f" {sum(t[k] for k in ('added', 'removed', 'changed', 'renamed'))} elements: " + ", ".join(parts)
    text += f"; {t['moves']} moves; relations +{t['relations_added']} -{t['relations_removed']}"
    if t["chart_changes"]:
        text += f"; {t['chart_changes']} chart fields"
    return [(text, None)]


def _moves(d: ChartDiff) -> list[Line]:
    if not d.moves:
        return []
    lines: list[Line] = [[], [(f"Moves ({len(d.moves)})", "heading")]]
    for move in d.moves:
        lines.append([("  > ", "move"), (f"{move.kind:<11}", "dim"), (move.summary, None)])
    return lines


def _kind_section(d: ChartDiff, kind: str) -> list[Line]:
    added = [e for e in d.added if e.kind == kind]
    removed = [e for e in d.removed if e.kind == kind]
    renamed = [r for r in d.renamed if r.kind == kind]
    changed = [c for c in d.changed if c.kind == kind]
    if not (added or removed or renamed or changed):
        return []
    counts = [f"{len(x)} {w}" for x, w in ((added, "added"), (removed, "removed"),
                                             (renamed, "renamed"), (changed, "changed")) if x]
    lines: list[Line] = [[], [(f"{SECTION_TITLES.get(kind, kind)} ({', '.join(counts)})", "heading")]]
    ids = [e.id for e in added] + [e.id for e in removed] + [r.new_id for r in renamed] + [c.id for c in changed]
    width = min(28, max(len(i) for i in ids))
    for e in added:
        lines.append([("  + ", "add"), (f"{e.id:<{width}}  {e.name}", "add"), (_in(d, e.parent), "dim")])
    for e in removed:
        lines.append([("  - ", "remove"), (f"{e.id:<{width}}  {e.name}", "remove"), (_in(d, e.parent), "dim")])
    for r in renamed:
        lines.append([("  > ", "rename"), (f"{r.old_id} -> {r.new_id}", "rename"), (f"  {r.name} (id changed)", None)])
    moved = {(m.id, m.field): m for m in d.moves}
    for c in changed:
        lines.append([("  ~ ", "change"), (f"{c.id:<{width}}  {c.name}", "change")])
        for fc in c.changes:
            lines.append(_field_line(d, fc, moved.get((c.id, fc.path))))
    return lines


def _in(d: ChartDiff, parent: str | None) -> str:
    if not parent:
        return ""
    kind = d.kind_of(parent) or "element"
    return f"  (in {kind} {d.label(parent)})"


def _field_line(d: ChartDiff, fc: FieldChange, move: Move | None) -> Line:
    row = _row_line(d, fc)
    if row is not None:
        return row
    line: Line = [(f"      {fc.path}: ", "dim")]
    if fc.is_list and isinstance(fc.old, list) and isinstance(fc.new, list) and not fc.path.endswith("order"):
        ordered_only = not fc.added and not fc.removed
        if ordered_only:
            line.append((f"{_short(fc.old, fc.relation, d)} -> {_short(fc.new, fc.relation, d)} (order)", None))
        parts = [("+ " + _value(v, fc.relation, d), "add") for v in fc.added]
        parts += [("- " + _value(v, fc.relation, d), "remove") for v in fc.removed]
        for n, part in enumerate(parts):
            line += ([(", ", None)] if n else []) + [part]
    else:
        line += [(_short(fc.old, fc.relation, d), "remove"), (" -> ", None), (_short(fc.new, fc.relation, d), "add")]
    if move is not None:
        tag = move.sourcing or "move"
        line.append((f"  [{tag}]", "move"))
    return line


def _row_line(d: ChartDiff, fc: FieldChange) -> Line | None:
    """A record added to or removed from a list (an SLA row): ``sla: + name (target: 99.9, unit: %)``."""
    if not fc.path.endswith("]") or "[" not in fc.path:
        return None
    row = fc.new if fc.old is None else fc.old
    if not isinstance(row, dict) or (fc.old is not None and fc.new is not None):
        return None  # not one side a record and the other nothing
    field, key = fc.path[:-1].rsplit("[", 1)
    rest = {k: v for k, v in list(row.items())[1:] if v not in (None, "", [], {})}
    detail = _short(rest, None, d)[1:-1]
    sign, style = ("+", "add") if fc.old is None else ("-", "remove")
    return [(f"      {field}: ", "dim"), (f"{sign} {key}", style), (f" ({detail})" if detail else "", "dim")]


def _value(value: Any, relation: str | None, d: ChartDiff) -> str:
    if value is None:
        return "(none)"
    if value == "":
        return "(empty)"
    if relation and isinstance(value, str):
        return d.label(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v, None, d)}" for k, v in value.items()
                               if v not in (None, "", [], {})) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v, relation, d) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _short(value: Any, relation: str | None, d: ChartDiff) -> str:
    text = " ".join(_value(value, relation, d).split())
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


def _handoffs(d: ChartDiff) -> list[Line]:
    added = [r for r in d.relations_added if r.relation == HANDOFF]
    removed = [r for r in d.relations_removed if r.relation == HANDOFF]
    if not (added or removed):
        return []
    lines: list[Line] = [[], [(f"Hand-offs (+{len(added)} -{len(removed)})", "heading")]]
    for sign, style, rels in (("+", "add", added), ("-", "remove", removed)):
        for r in rels:
            lines.append([(f"  {sign} ", style), (f"{d.label(r.source)} -> {d.label(r.target)}", style),
                          (f"  (step {d.label(r.via)})" if r.via else "", "dim")])
    return lines


def _all_relations(d: ChartDiff) -> list[Line]:
    count = Counter(r.relation for r in (*d.relations_added, *d.relations_removed))
    if not count:
        return []
    lines: list[Line] = [[], [(f"Relations (+{len(d.relations_added)} -{len(d.relations_removed)})", "heading")]]
    for relation in sorted(count):
        for sign, style, rels in (("+", "add", d.relations_added), ("-", "remove", d.relations_removed)):
            for r in rels:
                if r.relation == relation:
                    via = f"  (via {r.via})" if r.via else ""
                    lines.append([(f"  {sign} {r.source} --{relation}--> {r.target}{via}", style)])
    return lines


def _chart(d: ChartDiff) -> list[Line]:
    if not d.chart_changes:
        return []
    lines: list[Line] = [[], [("Chart and self-assessment answers", "heading")]]
    for fc in d.chart_changes:
        lines.append(_field_line(d, fc, None))
    return lines


def _maturity(d: ChartDiff) -> list[Line]:
    if d.maturity is None or not d.maturity.models:
        return []
    lines: list[Line] = [[], [("Maturity", "heading")]]
    width = max(len(m.model_id) for m in d.maturity.models)
    for m in d.maturity.models:
        step = m.new_level - m.old_level
        style = "add" if step > 0 else "remove" if step < 0 else "dim"
        level = (f"level {m.old_level} {m.old_level_name} -> {m.new_level} {m.new_level_name}"
                 if step else f"level {m.new_level} {m.new_level_name} (unchanged)")
        if m.old_score != m.new_score:
            level += f", score {m.old_score:.2f} -> {m.new_score:.2f} of {m.max_level}"
        lines.append([(f"  {m.model_id:<{width}}  ", None), (level, style), (f"  {m.model_name}", "dim")])
        moved = [x for x in m.dimensions if x.old != x.new]
        if moved:
            lines.append([("      dimensions: ", "dim")] + _joined(
                [(f"{x.name} {x.old} -> {x.new}", "add" if x.new > x.old else "remove") for x in moved]))
        ids = max((len(c.criterion_id) for c in (*m.newly_met, *m.newly_lost)), default=0)
        for sign, style, items in (("+ met ", "add", m.newly_met), ("- lost", "remove", m.newly_lost)):
            for c in items:
                statement = c.statement if len(c.statement) <= VALUE_WIDTH else c.statement[: VALUE_WIDTH - 1] + "…"
                lines.append([(f"      {sign} ", style), (f"{c.criterion_id:<{ids}}", style), (f"  {statement}", "dim")])
    return lines


def _joined(parts: list[tuple[str, str | None]]) -> Line:
    line: Line = []
    for n, part in enumerate(parts):
        line += ([(", ", None)] if n else []) + [part]
    return line
