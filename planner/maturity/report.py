"""Assessments as text, Markdown and JSON: the consultant's report ``planner assess`` prints.

Pure string building beside its siblings :mod:`planner.roadmap.report` and
:mod:`planner.diff.report`; the command line and the editor decide where the text
goes. The structure section is built once and rendered either way in
:mod:`.report_structure`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..textfmt import md_escape
from .assess import Assessment
from .facts import Facts
from .report_structure import WRAP, Section, md_structure, structure_sections, text_structure, wrap
from .report_structure import clip as _clip
from .structure import StructureReport


def report_title(info) -> str:
    """``Maturity assessment: NAME (STATE state, as of DATE)`` from a chart's ``chart:`` header."""
    when = f", as of {info.as_of}" if info.as_of else ""
    return f"Maturity assessment: {info.name} ({info.state} state{when})"


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


def score_text(score: float, top: int) -> str:
    """``2.75 of 3``: a continuous score as reports show it."""
    return f"{score:.2f}".rstrip("0").rstrip(".") + f" of {top}"


def summary_rows(results: dict[str, Assessment]) -> list[tuple[str, str, str, str, str]]:
    """(model id, name, level reached, score, next level and its gap count) per model."""
    rows = []
    for a in results.values():
        n = len(a.gaps())
        nxt = (f"{a.next_level} {a.level_names[a.next_level]} ({n} gap{'' if n == 1 else 's'})" if a.next_level
               else "top level reached")
        rows.append((a.model_id, a.model_name, f"{a.level} {a.level_name} (of {a.max_level})",
                     score_text(a.score, a.max_level), nxt))
    return rows


def dimension_rows(a: Assessment) -> list[tuple[int, str, str, str]]:
    """(group depth, name, level, score) per dimension, each group before its parts."""
    parents, rows = a.dimension_parents, []
    order = list(a.dimension_levels)

    def depth(d: str) -> int:
        n, seen = 0, {d}
        while parents.get(d) and parents[d] not in seen:
            d = parents[d]
            seen.add(d)
            n += 1
        return n

    def visit(parent: str | None) -> None:
        for d in order:
            if parents.get(d) == parent:
                level = a.dimension_levels[d]
                rows.append((depth(d), a.dimension_names[d], f"{level} {a.level_names.get(level, '')}".rstrip(),
                             score_text(a.dimension_scores.get(d, float(level)), a.max_level)))
                visit(d)

    visit(None)
    return rows


def _table(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], indent: str = "") -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: tuple[str, ...]) -> str:
        return indent + "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    return [line(headers), indent + "  ".join("-" * w for w in widths), *map(line, rows)]


# -- models ------------------------------------------------------------------------


STATUS_WORDS = {"met": "met", "superseded": "met (superseded)", "gap": "gap", "claimed": "gap, claimed not evidenced",
                "n/a": "n/a", "limitation": "limitation"}
"""How each criterion status reads in a report."""


def _gap_lines(a: Assessment, indent: str, width: int | None = WRAP) -> list[str]:
    lines = []
    for gap in a.gaps():
        lines.append(f"{indent}- [level {gap.level}, {a.dimension_names.get(gap.dimension, gap.dimension)}] {gap.statement}")
        lines.append(f"{indent}  criterion {gap.criterion_id}, {STATUS_WORDS[gap.status]}, score {_pct(gap.score)}")
        for finding in gap.findings:
            lines += wrap(finding.message, width, indent + "    ", indent + "      ")
    return lines


def _sentences(statements: Sequence[str]) -> str:
    """Statements run together as sentences ("... pervasive. All customers ..."), not joined by "; " after a full stop."""
    return " ".join(s if s.endswith((".", "!", "?")) else s + "." for s in statements)


def not_applicable(a: Assessment) -> list[tuple[str, str]]:
    """(criterion id, why) for the criteria that do not apply to the chart."""
    return [(r.criterion_id, r.findings[0].message.removeprefix("n/a: ") if r.findings else "")
            for r in a.results if r.status == "n/a"]


def limitations(a: Assessment, level: int) -> list[str]:
    """Statements of the limitations that describe ``level`` (never required, never gaps)."""
    return [r.statement for r in a.results if r.level == level and r.status == "limitation"]


def text_model(a: Assessment, width: int | None = WRAP) -> list[str]:
    score = f", score {score_text(a.score, a.max_level)}" + (" (continuous)" if a.scoring == "continuous" else "")
    lines = [f"== {a.model_name} ({a.model_id}): level {a.level} of {a.max_level}, {a.level_name}{score}"]
    if a.source:
        lines.append(_clip(f"   Source: {a.source}", 160))
    lines.append("   Level scores: " + "   ".join(f"{n} {a.level_names[n]} {_pct(s)}" for n, s in a.level_scores.items()))
    lines.append("")
    lines += _table(("Dimension", "Level", "Score"),
                    [("  " * depth + name, level, score) for depth, name, level, score in dimension_rows(a)], "   ")
    tally = Counter(a.capability_levels.values())  # one pass, not one per level (38,000 steps at 100k)
    shown = ", ".join(f"{n}: {tally[n]}" for n in a.level_names if tally[n]) or "none"
    lines.append(f"   Capabilities by the highest level they evidence: {shown}; not assessed: {a.not_assessed}")
    described = limitations(a, a.level)
    if described:
        lines.append(_clip(f"   Level {a.level} also describes (limitations, never required): " + _sentences(described), 400))
    lines.append("")
    if a.next_level:
        lines.append(f"   To reach level {a.next_level} {a.level_names[a.next_level]}, close these gaps "
                     f"(every gap at level {a.next_level} or below):")
        lines += _gap_lines(a, "   ", width)
    else:
        lines.append("   Every required criterion of every level is met.")
    met_next = [r for r in a.results if a.next_level and r.level == a.next_level and r.met]
    if met_next:
        lines.append(f"   Already in place for level {a.next_level}: "
                     + ", ".join(f"{r.criterion_id.rsplit('.', 1)[1]} ({r.satisfied_by})" for r in met_next))
    for cid, why in not_applicable(a):
        lines += wrap(f"n/a: {cid}: {why}", width, "   ", "      ")
    by_answer = [r.criterion_id for r in a.results if r.satisfied_by == "answer"]
    if by_answer:
        lines.append(_clip("   Met by attested answers: " + ", ".join(by_answer), 400))
    for note in a.notes:
        lines.append(f"   Note: {note}")
    return lines + [""]


def md_model(a: Assessment) -> list[str]:
    out = ["", f"## {a.model_name}: level {a.level} of {a.max_level}, {a.level_name}, "
                f"score {score_text(a.score, a.max_level)}", ""]
    if a.source:
        out += [f"*Source:* {a.source}", ""]
    out += ["| Dimension | Level | Score |", "|---|---|---|"]
    out += [f"| {'&nbsp;&nbsp;' * depth}{md_escape(name)} | {md_escape(level)} | {score} |"
            for depth, name, level, score in dimension_rows(a)]
    out += ["", "| Level | Score |", "|---|---|"]
    out += [f"| {n} {md_escape(a.level_names[n])} | {_pct(s)} |" for n, s in a.level_scores.items()]
    if a.next_level:
        out += ["", f"### Gaps to level {a.next_level} {a.level_names[a.next_level]} (at or below it)", ""]
        for gap in a.gaps():
            out.append(f"- **{md_escape(gap.statement)}** (`{gap.criterion_id}`, level {gap.level}, "
                       f"{STATUS_WORDS[gap.status]})")
            out += [f"  - {md_escape(f.message)}" for f in gap.findings]
    na = not_applicable(a)
    if na:
        out += ["", "### Not applicable", ""] + [f"- `{cid}`: {md_escape(why)}" for cid, why in na]
    described = limitations(a, a.level)
    if described:
        out += ["", f"### Level {a.level} also describes (limitations, never required)", ""]
        out += [f"- {md_escape(text)}" for text in described]
    for note in a.notes:
        out.append(f"> Note: {note}")
    return out


# -- whole reports -------------------------------------------------------------------


def _needs_facts(structure: StructureReport | None, facts: Facts | None) -> None:
    if structure is not None and facts is None:
        raise TypeError("a report with the structure section needs the chart's facts (to name elements)")


def text_report(title: str, results: dict[str, Assessment], structure: StructureReport | None = None,
                facts: Facts | None = None, width: int | None = WRAP) -> str:
    """The plain-text report: summary table, one section per model, then the structure (when given).
    ``width``: where findings wrap (None: not at all)."""
    _needs_facts(structure, facts)
    lines = [title, ""]
    lines += _table(("Model", "Name", "Level reached", "Score", "Next level"), summary_rows(results))
    lines.append("")
    for a in results.values():
        lines += text_model(a, width)
    if structure is not None and facts is not None:  # facts is there: checked above
        lines += text_structure(structure, facts)
    return "\n".join(lines).rstrip() + "\n"


def md_report(title: str, results: dict[str, Assessment], structure: StructureReport | None = None,
              facts: Facts | None = None) -> str:
    """The same report in Markdown."""
    _needs_facts(structure, facts)
    out = [f"# {md_escape(title)}", "", "| Model | Level reached | Score | Next level |", "|---|---|---|---|"]
    for model_id, name, level, score, nxt in summary_rows(results):
        out.append(f"| {md_escape(name)} (`{model_id}`) | {md_escape(level)} | {score} | {md_escape(nxt)} |")
    for a in results.values():
        out += md_model(a)
    if structure is not None and facts is not None:  # facts is there: checked above
        out += [""] + md_structure(structure, facts)
    return "\n".join(out).rstrip() + "\n"


def json_report(chart_path: Path | str, facts: Facts, results: dict[str, Assessment],
                structure: StructureReport | None) -> dict:
    """The documented JSON shape (docs/maturity.md): chart, levels per model, full assessments, structure."""
    info = facts.chart.chart
    return {
        "chart": {"path": str(chart_path), "name": info.name, "state": info.state,
                  "as_of": str(info.as_of) if info.as_of else None, "elements": facts.chart.size()},
        "levels": {m: a.level for m, a in results.items()},
        "models": {m: a.to_dict() for m, a in results.items()},
        "structure": structure.to_dict() if structure is not None else None,
    }


__all__ = ["Section", "json_report", "md_report", "report_title", "structure_sections", "summary_rows",
           "text_model", "text_report", "text_structure"]
