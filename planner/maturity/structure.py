"""Structural analysis beside the maturity: silos, single points of failure, bottlenecks,
orphan outputs and missing inputs, capabilities without systems, organizations without SLA.

Everything is linear in the chart except betweenness centrality (bottlenecks), which is
O(V·E) exactly; on work networks above :data:`EXACT_LIMIT` nodes it is estimated from
a fixed-seed sample (seed 0) of about ``SAMPLE_BUDGET / (V + E)`` source nodes, at
least 8, and the report says so (``betweenness_sampled``, ``betweenness_sources``).

Only the subgraphs the analysis needs are built, straight from the chart: the data
sources linked by ``feeds`` (:attr:`Facts.data_components`) and the numbered work
network (:attr:`Facts.work`); never the full MultiDiGraph of ``build_graph``.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from itertools import compress

from ..model import Chart
from ..perf import paused_gc
from .assess import run_rule
from .facts import Facts
from .network import sample_sources
from .rules import Finding
from .rules.data import data_silos
from .rules.registry import Params
from .rules.structure import SpofParams, workflow_problems

EXACT_LIMIT = 1500
"""Largest work network (nodes) on which betweenness is computed exactly."""
SAMPLE_BUDGET = 400_000
"""Sampled betweenness visits about this many nodes and edges in total."""
RESOURCE_KINDS = {"person", "team", "org", "system", "coe"}


@dataclass
class StructureReport:
    """What the shape of the chart says, independent of any maturity model."""

    silos: list[list[str]] = field(default_factory=list)
    single_points_of_failure: list[Finding] = field(default_factory=list)
    bottlenecks: list[tuple[str, float]] = field(default_factory=list)
    betweenness_sampled: bool = False
    betweenness_sources: int = 0
    work_nodes: int = 0
    missing_inputs: list[Finding] = field(default_factory=list)
    orphan_outputs: list[Finding] = field(default_factory=list)
    capabilities_without_systems: list[str] = field(default_factory=list)
    orgs_without_sla: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "silos": self.silos,
            "single_points_of_failure": [f.to_dict() for f in self.single_points_of_failure],
            "bottlenecks": [{"id": i, "betweenness": round(b, 4)} for i, b in self.bottlenecks],
            "betweenness": {"sampled": self.betweenness_sampled, "sources": self.betweenness_sources,
                            "nodes": self.work_nodes},
            "missing_inputs": [f.to_dict() for f in self.missing_inputs],
            "orphan_outputs": [f.to_dict() for f in self.orphan_outputs],
            "capabilities_without_systems": self.capabilities_without_systems,
            "orgs_without_sla": self.orgs_without_sla,
        }


def analyze_structure(chart_or_facts: Chart | Facts, top: int = 5) -> StructureReport:
    """Structural findings for a chart, or for the :class:`Facts` of one (shared with the assessment)."""
    facts = Facts.of(chart_or_facts)
    with paused_gc():  # many small objects, no cycles: collections would cost more than the work
        return _analyze(facts, top)


def _analyze(facts: Facts, top: int) -> StructureReport:
    report = StructureReport()
    if facts.chart.data:
        report.silos = [sorted(part) for part in sorted(facts.data_components, key=len, reverse=True)]
        if len(report.silos) == 1:
            report.silos = []
    spof = _spof(facts)
    report.single_points_of_failure = spof.findings[1:]
    _bottlenecks(facts, report, top)
    _, missing, orphans = workflow_problems(facts)
    report.missing_inputs = [Finding(text, ids) for text, ids in missing]
    report.orphan_outputs = [Finding(text, ids) for text, ids in orphans]
    report.capabilities_without_systems = [c.id for c in facts.capabilities if not c.systems]
    report.orgs_without_sla = [o.id for o in facts.chart.orgs if not o.has_sla()]
    return report


def _spof(facts: Facts):
    """The rule with default parameters, shared with a model that asks for the same (``coe``)."""
    return run_rule(facts, "single_points_of_failure", SpofParams().model_dump())


def _bottlenecks(facts: Facts, report: StructureReport, top: int) -> None:
    """Resources with the highest betweenness in the work network: work funnels through them."""
    work = facts.work
    n, m = len(work), work.number_of_edges()
    report.work_nodes = n
    if n < 3:
        return
    k = None
    if n > EXACT_LIMIT:
        k = max(8, min(n, SAMPLE_BUDGET // (n + m)))
        report.betweenness_sampled, report.betweenness_sources = True, k
    else:
        report.betweenness_sources = n
    scores = work.betweenness(sample_sources(n, k, seed=0))
    report.bottlenecks = _highest(scores, work.nodes, facts.by_id, top)


def _highest(scores: list[float], nodes: list[str], by_id: dict, top: int) -> list[tuple[str, float]]:
    """The ``top`` resources of highest positive score, highest first (ties: the greater id first).

    The same as sorting every (score, id) pair of a resource and keeping the last
    ``top``, but only the highest pairs are drawn and looked up, more of them only
    when too few of those are resources. The highest ``want`` pairs are those of the
    ``want`` highest scores and of any score tied with the last of them: the scores
    are ranked alone (``heapq.nlargest`` over floats, in C) and pairs made for those
    few: 4 ms on a 100,000-element chart, where pairing all 45,000 nodes with their ids
    to rank the pairs took 14 ms.
    """
    def resource(node: str) -> bool:
        return getattr(by_id.get(node), "KIND", None) in RESOURCE_KINDS

    if top <= 0:  # ``ranked[-top:]`` then keeps every pair, or leaves out the lowest
        ranked = sorted((s, node) for s, node in zip(scores, nodes) if s > 0 and resource(node))
        return [(node, s) for s, node in reversed(ranked[-top:])]
    want = 4 * top + 16
    while True:
        best = _best_pairs(scores, nodes, want)
        found = [(node, s) for s, node in best if s > 0 and resource(node)][:top]
        if len(found) == top or want >= len(scores) or best[-1][0] <= 0:
            return found
        want *= 4


def _best_pairs(scores: list[float], nodes: list[str], want: int) -> list[tuple[float, str]]:
    """``heapq.nlargest(want, zip(scores, nodes))``, pairing only the nodes whose score can be among them."""
    if want <= 0:
        return []
    if want >= len(scores):
        return sorted(zip(scores, nodes), reverse=True)
    least = heapq.nlargest(want, scores)[-1]
    at = compress(range(len(scores)), map(least.__le__, scores))
    return sorted(((scores[i], nodes[i]) for i in at), reverse=True)[:want]


__all__ = ["Params", "StructureReport", "analyze_structure", "data_silos"]
