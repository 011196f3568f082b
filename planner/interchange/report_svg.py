"""Small SVG pictures the HTML report draws itself: the roadmap's timeline.

Graphviz lays out graphs; a timeline is bars on a week axis, which is simpler
and crisper drawn directly. Text is escaped; nothing refers outside the file.
"""

from __future__ import annotations

from html import escape

from ..render.theme import level_color

ROW, LABEL_W, CHART_W, AXIS_H = 22, 300, 640, 40
PHASE_FILLS = ("#dbe9f6", "#fdf0d5")


def gantt_svg(roadmap) -> str:
    """The roadmap as a Gantt-like chart: one bar per step over weeks, phases as bands, level reached per phase."""
    steps = sorted(roadmap.steps, key=lambda s: (s.start_week, s.finish_week, s.name))
    end = max([roadmap.makespan, *(s.finish_week for s in steps), 1.0])
    scale = CHART_W / end
    height = AXIS_H + ROW * (len(steps) + 1) + 10
    width = LABEL_W + CHART_W + 20
    out = [f'<svg class="gantt" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
           f'aria-label="Roadmap timeline">']
    levels = {p.phase: p for p in roadmap.trajectory}
    for i, phase in enumerate(roadmap.phases):
        x0, x1 = LABEL_W + phase.start_week * scale, LABEL_W + min(phase.end_week, end) * scale
        out.append(f'<rect x="{x0:.1f}" y="0" width="{max(x1 - x0, 0):.1f}" height="{height}" '
                   f'fill="{PHASE_FILLS[i % 2]}"/>')
        point = levels.get(phase.number)
        label = f"Phase {phase.number}" + (f": level {point.level}" if point else "")
        fill = level_color(point.level)[0] if point else "#999"
        out.append(f'<rect x="{x0 + 2:.1f}" y="3" width="10" height="10" fill="{fill}"/>'
                   f'<text x="{x0 + 16:.1f}" y="12" font-size="11">{escape(label)}</text>')
    for week in range(0, int(end) + 1, max(1, int(end) // 13 or 1)):
        x = LABEL_W + week * scale
        out.append(f'<line x1="{x:.1f}" y1="{AXIS_H - 6}" x2="{x:.1f}" y2="{height}" stroke="#ccc"/>'
                   f'<text x="{x:.1f}" y="{AXIS_H - 10}" font-size="9" text-anchor="middle">wk {week}</text>')
    for row, step in enumerate(steps):
        y = AXIS_H + row * ROW
        x = LABEL_W + step.start_week * scale
        w = max((step.finish_week - step.start_week) * scale, 2)
        fill = level_color(step.stage)[0] if step.stage else "#888"
        name = step.name if len(step.name) <= 46 else step.name[:45] + "…"
        out.append(f'<text x="{LABEL_W - 6}" y="{y + 15}" font-size="11" text-anchor="end">{escape(name)}</text>'
                   f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{ROW - 8}" rx="3" fill="{fill}" '
                   f'stroke="#555" stroke-width="0.5"><title>{escape(step.name)}: weeks {step.start_week:g}-'
                   f'{step.finish_week:g}, {step.sourcing}</title></rect>')
    out.append("</svg>")
    return "".join(out)
