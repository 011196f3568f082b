"""The structure section of the assessment report: one description, two renderings.

The section is built once from the :class:`StructureReport` fields
(:func:`structure_sections`) and rendered as text or Markdown, never by reworking
one rendering into the other; :mod:`.report` puts it after the models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..textfmt import count, md_escape
from .facts import Facts
from .structure import StructureReport

WRAP = 100
"""Width of the text report: longer lines are clipped with ``...``."""


def clip(text: str, width: int = WRAP) -> str:
    """``text`` cut to ``width`` characters, ending ``...`` when cut."""
    return text if len(text) <= width else text[: width - 3] + "..."


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


__all__ = ["WRAP", "Section", "clip", "md_structure", "structure_sections", "text_structure"]
