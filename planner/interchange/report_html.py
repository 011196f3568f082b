"""The HTML report a strategist can mail: one file, inline SVG and CSS, nothing fetched at view time.

Pure: the command gathers the assessments, the diagrams (SVG text), the
roadmap and the diff; this module lays them out. Every piece of chart text is
escaped; the diagrams are Graphviz's own SVG with the XML prologue removed.
The page is readable on a laptop (a column of 1,100 pixels at most) and prints
on A4 or Letter (sections start on a new page, diagrams shrink to the width).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from ..render.theme import level_color
from .report_svg import gantt_svg

CSS = """
:root{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;font-size:15px}
body{margin:0;background:#f4f5f7}
main{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff}
h1{font-size:26px;margin:0 0 4px} h2{font-size:20px;border-bottom:2px solid #1f4e79;padding-bottom:4px;margin-top:36px}
h3{font-size:16px;margin:20px 0 6px} .meta{color:#666;margin:0 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:150px;flex:1}
.card b{display:block;font-size:13px;color:#555;font-weight:600}
.lvl{display:inline-block;border-radius:4px;padding:1px 8px;font-weight:700;margin-top:4px;white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef2f6} td.num{text-align:center;width:170px;white-space:nowrap}
ul.gaps{margin:4px 0 10px 0;padding-left:20px;font-size:14px} ul.gaps li{margin-bottom:6px}
.finding{color:#555;font-size:12.5px}
figure{margin:12px 0 24px} figcaption{font-weight:600;margin-bottom:6px}
figure svg{max-width:100%;height:auto}
pre.diff{font-size:12px;background:#fafafa;border:1px solid #ddd;padding:8px;white-space:pre-wrap}
.add{color:#1a7f37}.remove{color:#c62828}.change,.move{color:#9a6700}.rename{color:#0a6e8a}.title,.heading{font-weight:700}
.dim{color:#888} nav a{margin-right:14px;color:#1f4e79}
@media print{body{background:#fff} main{max-width:none;padding:0} nav{display:none}
 section{break-before:page} section:first-of-type{break-before:auto}
 figure,table,li{break-inside:avoid} a{color:inherit;text-decoration:none}}
@page{margin:14mm}
"""


@dataclass
class ReportInput:
    """What the report shows; ``views`` are (caption, SVG text) pairs."""

    title: str
    subtitle: str
    assessments: dict = field(default_factory=dict)
    views: list[tuple[str, str]] = field(default_factory=list)
    roadmap: object | None = None
    diff_lines: list | None = None
    diff_label: str = ""
    diff_svg: str | None = None
    notes: list[str] = field(default_factory=list)


def report_html(data: ReportInput) -> str:
    """The whole page."""
    parts = [f"<h1>{escape(data.title)}</h1><p class='meta'>{escape(data.subtitle)}</p>", _nav(data),
             *(f"<p class='meta'>{escape(n)}</p>" for n in data.notes), _summary(data.assessments),
             _assessment(data.assessments), _views(data.views)]
    if data.roadmap is not None:
        parts.append(_roadmap(data.roadmap))
    if data.diff_lines is not None:
        parts.append(_diff(data))
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{escape(data.title)}</title><style>{CSS}</style></head><body><main>"
            + "".join(parts) + "</main></body></html>\n")


def _nav(data: ReportInput) -> str:
    links = [("assessment", "Assessment"), ("views", "Diagrams")]
    links += [("roadmap", "Roadmap")] if data.roadmap is not None else []
    links += [("diff", "Changes")] if data.diff_lines is not None else []
    return "<nav>" + "".join(f"<a href='#{i}'>{t}</a>" for i, t in links) + "</nav>"


def _badge(level: int, name: str, levels: int) -> str:
    fill, font = level_color(level, levels)
    return f"<span class='lvl' style='background:{fill};color:{font}'>{level} {escape(name)}</span>"


def _summary(assessments: dict) -> str:
    cards = "".join(f"<div class='card'><b>{escape(a.model_name)}</b>{_badge(a.level, a.level_name, a.max_level)}"
                    f"</div>" for a in assessments.values())
    return f"<div class='cards'>{cards}</div>"


def _assessment(assessments: dict) -> str:
    out = ["<section id='assessment'><h2>Assessment</h2>"]
    for a in assessments.values():
        out.append(f"<h3>{escape(a.model_name)}: {_badge(a.level, a.level_name, a.max_level)}</h3>")
        if a.source:
            out.append(f"<p class='meta'>{escape(a.source)}</p>")
        rows = "".join(f"<tr><td>{escape(a.dimension_names.get(d, d))}</td><td class='num'>"
                       f"{_badge(lv, a.level_names.get(lv, ''), a.max_level) if lv else '-'}</td></tr>"
                       for d, lv in a.dimension_levels.items())
        out.append(f"<table><tr><th>dimension</th><th>level</th></tr>{rows}</table>")
        out.append(_gaps(a))
        out.append(_evidence(a))
    return "".join(out) + "</section>"


def _gaps(a) -> str:
    gaps = a.gaps()
    if not gaps:
        return "<p>No gaps at or below the next level.</p>"
    items = []
    for g in gaps:
        findings = "".join(f"<div class='finding'>{escape(f.message)}</div>" for f in g.findings[:3])
        items.append(f"<li><b>{escape(a.dimension_names.get(g.dimension, g.dimension))}</b>: {escape(g.statement)} "
                     f"<span class='dim'>({escape(g.criterion_id)}, level {g.level}, score {g.score:.0%})</span>"
                     f"{findings}</li>")
    return f"<p><b>Gaps to level {a.next_level or a.level}</b></p><ul class='gaps'>{''.join(items)}</ul>"


def _evidence(a) -> str:
    met = [r for r in a.results if r.status == "met"]
    if not met:
        return ""
    rows = "".join(f"<tr><td>{escape(r.criterion_id)}</td><td>{r.level}</td><td>{escape(r.statement)}</td>"
                   f"<td>{escape(r.satisfied_by or '')}</td><td>{escape(r.findings[0].message if r.findings else '')}"
                   f"</td></tr>" for r in met)
    return (f"<p><b>Evidence of the criteria met ({len(met)})</b></p><table><tr><th>criterion</th><th>level</th>"
            f"<th>statement</th><th>by</th><th>evidence</th></tr>{rows}</table>")


def inline_svg(svg: str) -> str:
    """Graphviz's SVG made fit for inlining: no XML prologue, doctype, comments or namespace URLs."""
    svg = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r'\s(xmlns(:\w+)?|xlink:href)="[^"]*"', "", svg)
    svg = re.sub(r'(<svg[^>]*?)\swidth="[^"]*"\s+height="[^"]*"', r"\1", svg, count=1)
    return svg.strip()


def _views(views: list[tuple[str, str]]) -> str:
    figures = "".join(f"<figure><figcaption>{escape(caption)}</figcaption>{inline_svg(svg)}</figure>"
                      for caption, svg in views)
    return f"<section id='views'><h2>Diagrams</h2>{figures or '<p>No diagrams (Graphviz is not installed).</p>'}" \
           f"</section>"


def _roadmap(r) -> str:
    head = (f"<section id='roadmap'><h2>Roadmap: {escape(r.model_name)}, level {r.current_level} "
            f"{escape(r.current_level_name)} to {escape(r.target_name)}</h2>"
            f"<p>{len(r.steps)} solutions in {len(r.phases)} phases, {r.makespan:g} weeks "
            f"(lower bound {r.lower_bound.value:g}), {r.total_cost:,.0f} {escape(r.currency)}.</p>")
    rows = "".join(f"<tr><td>{s.phase}</td><td>{escape(s.name)}</td><td>{escape(s.sourcing)}</td>"
                   f"<td>{s.start_week:g}-{s.finish_week:g}</td><td>{s.effort:g}</td><td>{s.cost:,.0f}</td></tr>"
                   for s in sorted(r.steps, key=lambda s: (s.phase, s.start_week)))
    table = (f"<table><tr><th>phase</th><th>solution</th><th>sourcing</th><th>weeks</th><th>effort (pw)</th>"
             f"<th>cost</th></tr>{rows}</table>")
    return head + f"<figure><figcaption>Timeline</figcaption>{gantt_svg(r)}</figure>" + table + "</section>"


def _diff(data: ReportInput) -> str:
    text = "\n".join("".join(f"<span class='{s}'>{escape(t)}</span>" if s else escape(t) for t, s in line)
                     for line in data.diff_lines)
    figure = f"<figure><figcaption>Union of both charts</figcaption>{inline_svg(data.diff_svg)}</figure>" \
        if data.diff_svg else ""
    return f"<section id='diff'><h2>Changes: {escape(data.diff_label)}</h2>{figure}<pre class='diff'>{text}</pre></section>"
