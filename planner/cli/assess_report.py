"""Text and Markdown renderings of assessments: the consultant's report ``planner assess`` prints.

Pure string building; the command decides where the text goes.
"""

from __future__ import annotations

import textwrap

from ..maturity import Assessment, StructureReport
from ..maturity.facts import Facts

WRAP = 100


def _pct(x: float) -> str:
    return f"{round(x * 100):>3d}%"


def _clip(text: str, width: int = WRAP) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def summary_rows(results: dict[str, Assessment]) -> list[tuple[str, str, str, str]]:
    rows = []
    for a in results.values():
        n = len(a.gaps())
        nxt = f"{a.next_level} {a.level_names[a.next_level]} ({n} gap{'' if n == 1 else 's'})" if a.next_level else "top level reached"
        rows.append((a.model_id, a.model_name, f"{a.level} {a.level_name} (of {a.max_level})", nxt))
    return rows


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]], indent: str = "") -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = lambda cells: indent + "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return [line(headers), indent + "  ".join("-" * w for w in widths), *map(line, rows)]


def _gap_lines(a: Assessment, indent: str) -> list[str]:
    lines = []
    for gap in a.gaps():
        lines.append(f"{indent}- [{a.dimension_names.get(gap.dimension, gap.dimension)}] {gap.statement}")
        lines.append(f"{indent}  criterion {gap.criterion_id}, score {_pct(gap.score).strip()}")
        for finding in gap.findings:
            lines += textwrap.wrap(finding.message, WRAP, initial_indent=indent + "    ",
                                   subsequent_indent=indent + "      ", break_on_hyphens=False)
    return lines


def text_model(a: Assessment) -> list[str]:
    lines = [f"== {a.model_name} ({a.model_id}): level {a.level} of {a.max_level}, {a.level_name}"]
    if a.source:
        lines.append(_clip(f"   Source: {a.source}", 160))
    lines.append("   Level scores: " + "   ".join(f"{n} {a.level_names[n]} {_pct(s).strip()}" for n, s in a.level_scores.items()))
    lines.append("")
    rows = [(a.dimension_names[d], f"{lv} {a.level_names[lv]}") for d, lv in a.dimension_levels.items()]
    lines += _table(("Dimension", "Level"), rows, "   ")
    if a.capability_levels:
        low = sorted(a.capability_levels.items(), key=lambda kv: kv[1])
        counts = {n: sum(1 for _, lv in low if lv == n) for n in a.level_names}
        lines.append("   Capabilities by level: " + ", ".join(f"{n}: {c}" for n, c in counts.items() if c))
    lines.append("")
    if a.next_level:
        lines.append(f"   To reach level {a.next_level} {a.level_names[a.next_level]}, close these gaps:")
        lines += _gap_lines(a, "   ")
    else:
        lines.append("   Every criterion of every level is met.")
    met_next = [r for r in a.results if a.next_level and r.level == a.next_level and r.met]
    if met_next:
        lines.append(f"   Already in place for level {a.next_level}: "
                     + ", ".join(f"{r.criterion_id.rsplit('.', 1)[1]} ({r.satisfied_by})" for r in met_next))
    by_answer = [r.criterion_id for r in a.results if r.satisfied_by == "answer"]
    if by_answer:
        lines.append(_clip("   Met by attested answers: " + ", ".join(by_answer), 400))
    for note in a.notes:
        lines.append(f"   Note: {note}")
    return lines + [""]


def text_structure(s: StructureReport, facts: Facts) -> list[str]:
    lines = ["== Structure of the operation"]
    if s.silos:
        lines.append(f"   Information silos: {len(s.silos)} groups of data sources not linked to each other")
        for part in s.silos[:6]:
            lines.append(_clip("     - " + ", ".join(facts.names(part))))
    else:
        lines.append("   Information silos: none, the data sources form one linked whole")
    lines.append(f"   Single points of failure: {len(s.single_points_of_failure) or 'none'}")
    for f in s.single_points_of_failure[:6]:
        lines.append(_clip(f"     - {f.message}"))
    how = (f"estimated from {s.betweenness_sources} sampled sources of {s.work_nodes}" if s.betweenness_sampled
           else f"exact over {s.work_nodes} nodes")
    lines.append(f"   Bottlenecks (betweenness in the work network, {how}):")
    for node, score in s.bottlenecks:
        lines.append(f"     - {facts.name(node)} ({facts.kind(node)}): {score:.3f}")
    lines.append(f"   Workflow integrity: {len(s.missing_inputs)} missing inputs, {len(s.orphan_outputs)} orphan outputs")
    for f in (s.missing_inputs[:3] + s.orphan_outputs[:3]):
        lines.append(_clip(f"     - {f.message}"))
    lines.append(_clip(f"   Capabilities without systems: {len(s.capabilities_without_systems)}"
                       + (": " + ", ".join(facts.names(s.capabilities_without_systems[:6])) if s.capabilities_without_systems else "")))
    lines.append(_clip(f"   External organizations without SLA: {len(s.orgs_without_sla)}"
                       + (": " + ", ".join(facts.names(s.orgs_without_sla[:8])) if s.orgs_without_sla else "")))
    return lines + [""]


def text_report(title: str, results: dict[str, Assessment], structure: StructureReport | None, facts: Facts) -> str:
    lines = [title, ""]
    lines += _table(("Model", "Name", "Level reached", "Next level"), summary_rows(results))
    lines.append("")
    for a in results.values():
        lines += text_model(a)
    if structure is not None:
        lines += text_structure(structure, facts)
    return "\n".join(lines).rstrip() + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def md_report(title: str, results: dict[str, Assessment], structure: StructureReport | None, facts: Facts) -> str:
    out = [f"# {title}", "", "| Model | Level reached | Next level |", "|---|---|---|"]
    for model_id, name, level, nxt in summary_rows(results):
        out.append(f"| {name} (`{model_id}`) | {level} | {nxt} |")
    for a in results.values():
        out += ["", f"## {a.model_name}: level {a.level} of {a.max_level}, {a.level_name}", ""]
        if a.source:
            out += [f"*Source:* {a.source}", ""]
        out += ["| Dimension | Level |", "|---|---|"]
        out += [f"| {a.dimension_names[d]} | {lv} {a.level_names[lv]} |" for d, lv in a.dimension_levels.items()]
        out += ["", "| Level | Score |", "|---|---|"]
        out += [f"| {n} {a.level_names[n]} | {_pct(s).strip()} |" for n, s in a.level_scores.items()]
        if a.next_level:
            out += ["", f"### Gaps to level {a.next_level} {a.level_names[a.next_level]}", ""]
            for gap in a.gaps():
                out.append(f"- **{_md_escape(gap.statement)}** (`{gap.criterion_id}`)")
                out += [f"  - {_md_escape(f.message)}" for f in gap.findings]
        for note in a.notes:
            out.append(f"> Note: {note}")
    if structure is not None:
        out += ["", "## Structure of the operation", ""]
        for line in text_structure(structure, facts)[1:]:
            text = line.strip()
            if text:
                out.append(("  " + text) if text.startswith("- ") else "- " + _md_escape(text))
    return "\n".join(out).rstrip() + "\n"
