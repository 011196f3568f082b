"""The structure section of the assessment report: one description, two renderings.

The section is built once from the :class:`StructureReport` fields
(:func:`structure_sections`) and rendered as text or Markdown, never by reworking
one rendering into the other; :mod:`.report` puts it after the models.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..textfmt import count, md_escape
from .facts import Facts
from .structure import StructureReport

WRAP = 100
"""Width of the text report: longer lines are clipped with ``...``."""


def clip(text: str, width: int = WRAP) -> str:
    """``text`` cut to ``width`` characters, ending ``...`` when cut."""
    return text if len(text) <= width else text[: width - 3] + "..."


def wrap(text: str, width: int | None, first: str, rest: str) -> list[str]:
    """Wrapped lines; a word longer than the width is cut rather than searched for breaks (linear time).
    ``width=None``: one line, for a reader that wraps to its own width (the editor's report pane)."""
    if width is None:
        return [first + text]
    if len(text) > 20 * width:
        text = text[: 20 * width - 3] + "..."
    words = text.split(" ")
    if words == text.split() and max(map(len, words)) <= width - max(len(first), len(rest)):
        return _fill(words, width, first, rest)
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)


def _fill(words: list[str], width: int, first: str, rest: str) -> list[str]:
    """textwrap's greedy layout for words joined by single spaces, none longer than a line.

    Such text is most findings; textwrap would split it into words and spaces
    again and weigh each: 35 ms for the 3,000 findings of a 100,000-element
    chart, against a third of that here. ``tests/test_report_wrap.py`` compares
    the two on random text.
    """
    lines: list[str] = []
    line: list[str] = []
    indent, room, used = first, width - len(first), -1
    for word in words:
        if used + 1 + len(word) > room:
            lines.append(indent + " ".join(line))
            indent, room, line, used = rest, width - len(rest), [], -1
        line.append(word)
        used += 1 + len(word)
    lines.append(indent + " ".join(line))
    return lines


@dataclass
class Section:
    """One part of the structural analysis: ``heading: summary`` and the items under it."""

    heading: str
    summary: str
    items: list[str] = field(default_factory=list)


def _count_and_names(ids: list[str], facts: Facts, most: int) -> str:
    if not ids:
        return "none"
    return f"{len(ids)}: " + ", ".join(facts.names(ids[:most])) + (f" and {len(ids) - most} more" if len(ids) > most else "")


def structure_sections(s: StructureReport, facts: Facts) -> list[Section]:
    """The structure section from the report's fields; an empty list reads "none", never an empty heading."""
    if s.silos:
        silos = Section("Information silos", f"{len(s.silos)} groups of data sources not linked to each other",
                        [", ".join(facts.names(part)) for part in s.silos[:6]])
    else:
        silos = Section("Information silos", "none, the data sources form one linked whole")
    how = (f"estimated from {s.betweenness_sources} sampled sources of {s.work_nodes}" if s.betweenness_sampled
           else f"exact over {s.work_nodes} nodes")
    flows = s.missing_inputs[:3] + s.orphan_outputs[:3]
    return [
        silos,
        Section("Single points of failure", str(len(s.single_points_of_failure) or "none"),
                [f.message for f in s.single_points_of_failure[:6]]),
        Section(f"Bottlenecks (betweenness in the work network, {how})", "" if s.bottlenecks else "none",
                [f"{facts.name(node)} ({facts.kind(node)}): {score:.3f}" for node, score in s.bottlenecks]),
        Section("Workflow integrity",
                f"{count(len(s.missing_inputs), 'missing input')}, {count(len(s.orphan_outputs), 'orphan output')}",
                [f.message for f in flows]),
        Section("Capabilities without systems", _count_and_names(s.capabilities_without_systems, facts, 6)),
        Section("External organizations without SLA", _count_and_names(s.orgs_without_sla, facts, 8)),
    ]


def text_structure(s: StructureReport, facts: Facts) -> list[str]:
    lines = ["== Structure of the operation"]
    for sec in structure_sections(s, facts):
        lines.append(clip(f"   {sec.heading}: {sec.summary}".rstrip()))
        lines += [clip(f"     - {item}") for item in sec.items]
    return lines + [""]


def md_structure(s: StructureReport, facts: Facts) -> list[str]:
    out = ["## Structure of the operation", ""]
    for sec in structure_sections(s, facts):
        out.append(f"- {md_escape(sec.heading)}: {md_escape(sec.summary)}".rstrip())
        out += [f"  - {md_escape(item)}" for item in sec.items]
    return out


__all__ = ["WRAP", "Section", "clip", "md_structure", "structure_sections", "text_structure", "wrap"]
