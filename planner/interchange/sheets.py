"""Spreadsheet tables of an assessment, a roadmap and a diff, for ``--format xlsx``.

Level cells carry the diagrams' level colours (:func:`planner.render.theme.level_color`),
so a level 2 is the same orange in the heat map and in Excel. One sheet per
model (assessment) or per phase (roadmap), a summary sheet first.
"""

from __future__ import annotations

from ..render.theme import level_color
from .tables import Cell, Sheet

STATUS_FILLS = {"met": "#1a9850", "gap": "#d73027", "claimed": "#fee08b", "superseded": "#d9ead3"}
DIFF_FILLS = {"added": "#d9ead3", "removed": "#f4cccc", "changed": "#fff2cc", "renamed": "#d0e0e3"}


def level_cell(level: int | None, levels: int, text: str | None = None) -> Cell:
    fill, font = level_color(level, levels)
    return Cell(text if text is not None else level, fill, font, bold=True)


def assessment_sheets(results: dict) -> list[Sheet]:
    """Summary (model and dimension levels), then one sheet per model with every criterion."""
    summary = Sheet("Summary", ["model", "dimension", "level", "level name", "score"], freeze=2)
    sheets = [summary]
    for a in results.values():
        summary.rows.append([a.model_name, "(overall)", level_cell(a.level, a.max_level), a.level_name,
                             round(a.score, 2)])
        for dim, level in a.dimension_levels.items():
            summary.rows.append([a.model_name, a.dimension_names.get(dim, dim), level_cell(level, a.max_level),
                                 a.level_names.get(level, ""), round(a.dimension_scores.get(dim, 0.0), 2)])
        rows = []
        for r in a.results:
            fill = STATUS_FILLS.get(r.status)
            rows.append([r.criterion_id, level_cell(r.level, a.max_level), a.dimension_names.get(r.dimension, r.dimension),
                         Cell(r.status, fill, "white" if r.status in ("met", "gap") else None), round(r.score, 2),
                         r.statement, r.satisfied_by or "", "; ".join(f.message for f in r.findings[:3])])
        sheets.append(Sheet(a.model_id, ["criterion", "level", "dimension", "status", "score", "statement",
                                         "met by", "evidence"], rows, widths={5: 60.0, 7: 80.0}))
    return sheets


def roadmap_sheets(data: dict) -> list[Sheet]:
    """From :meth:`Roadmap.to_dict`: phases, one sheet per phase with its steps, the gaps."""
    levels = {p["phase"]: p for p in data.get("trajectory", [])}
    top = max([p["level"] for p in levels.values()] or [5])
    phases = Sheet("Phases", ["phase", "weeks", "start", "end", "cost", "effort (pw)", "level after"], freeze=1)
    sheets = [phases]
    steps = data.get("steps", [])
    for phase in data.get("phases", []):
        n = phase["number"]
        point = levels.get(n)
        phases.rows.append([n, f"{phase['start_week']:g}-{phase['end_week']:g}", phase.get("start_date") or "",
                            phase.get("end_date") or "", phase["cost"], phase["effort"],
                            level_cell(point["level"], max(top, 5), f"{point['level']} {point['level_name']}")
                            if point else ""])
        rows = [[s["id"], s["name"], s["sourcing"], s["start_week"], s["finish_week"], s.get("start_date") or "",
                 s.get("finish_date") or "", s["effort"], s["cost"], level_cell(s["stage"], 5),
                 ", ".join(s.get("closes", [])), ", ".join(s.get("after", []))]
                for s in steps if s["phase"] == n]
        sheets.append(Sheet(f"Phase {n}", ["solution", "name", "sourcing", "start week", "finish week", "start",
                                           "finish", "effort (pw)", "cost", "level", "closes", "after"], rows,
                            freeze=2))
    gaps = [[g["criterion"], level_cell(g["level"], 5), g["dimension"], g["statement"],
             ", ".join(g.get("closed_by", []))] for g in data.get("gaps", [])]
    sheets.append(Sheet("Gaps", ["criterion", "level", "dimension", "statement", "closed by"], gaps,
                        widths={3: 70.0}))
    return sheets


def diff_sheets(data: dict) -> list[Sheet]:
    """From :meth:`ChartDiff.to_dict`: counts by kind, every element change, moves, relations, maturity."""
    by_kind = data["summary"]["by_kind"]
    keys = ("added", "removed", "changed", "renamed")
    summary = Sheet("Summary", ["kind", *keys], [[k, *(v.get(c, 0) for c in keys)] for k, v in by_kind.items()])
    elements = Sheet("Elements", ["change", "kind", "id", "name", "field", "old", "new"], freeze=3)
    for change in ("added", "removed", "renamed"):
        for e in data.get(change, []):
            elements.rows.append([Cell(change, DIFF_FILLS[change]), e.get("kind", ""), e.get("id", e.get("new", "")),
                                  e.get("name", ""), "", e.get("old", ""), e.get("new", "")])
    for e in data.get("changed", []):
        for c in e.get("changes", []):
            elements.rows.append([Cell("changed", DIFF_FILLS["changed"]), e["kind"], e["id"], e["name"], c["path"],
                                  _text(c.get("old")), _text(c.get("new"))])
    moves = Sheet("Moves", ["kind", "id", "name", "field", "summary"],
                  [[m["kind"], m["id"], m["name"], m["field"], m["summary"]] for m in data.get("moves", [])], freeze=2)
    relations = Sheet("Relations", ["change", "source", "relation", "target"], freeze=1)
    for change in ("added", "removed"):
        relations.rows += [[Cell(change, DIFF_FILLS[change]), r["source"], r["relation"], r["target"]]
                           for r in data.get("relations", {}).get(change, [])]
    sheets = [summary, elements, moves, relations]
    if data.get("maturity"):
        sheets.append(_maturity(data["maturity"]))
    return sheets


def _maturity(maturity: dict) -> Sheet:
    sheet = Sheet("Maturity", ["model", "dimension", "old", "new"], freeze=2)
    for m in maturity["models"]:
        sheet.rows.append([m["name"], "(overall)", level_cell(m["level"]["old"], 5), level_cell(m["level"]["new"], 5)])
        sheet.rows += [[m["name"], d["name"], level_cell(d["old"], 5), level_cell(d["new"], 5)]
                       for d in m.get("dimensions", [])]
    return sheet


def _text(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)
