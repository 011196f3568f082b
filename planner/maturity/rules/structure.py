"""Rules about the shape of the operation: workflow integrity, single points of failure, spans of control."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, cast

from ...textfmt import count
from ..facts import Facts
from ..network import cut_vertices
from .registry import Finding, Params, RuleResult, listing_names, not_applicable, rule, share

INPUTS, OUTPUTS = attrgetter("inputs"), attrgetter("outputs")

if TYPE_CHECKING:  # imported where a networkx graph is asked for: the rules never need it
    from collections.abc import Iterable

    import networkx as nx


def work_adjacency(facts: Facts) -> dict[str, set[str]]:
    """The undirected network of who works with what, as adjacency sets (see
    :mod:`planner.maturity.network`): capabilities to their people, teams,
    organizations and systems; performers to receivers of hand-offs; people in it
    to their team. The engine itself reads the numbered :attr:`Facts.work`.
    """
    return facts.work.as_sets()


def work_graph(facts: Facts) -> nx.Graph:
    """The work network as a networkx graph, for callers who want one; see :func:`work_adjacency`."""
    import networkx as nx  # noqa: PLC0415 - see the imports

    return nx.Graph(cast("dict[str, Iterable[str]]", work_adjacency(facts)))  # sets are the lists networkx reads


def articulation_points(adj: dict[str, set[str]]) -> list[str]:
    """Cut vertices of an undirected graph given as adjacency sets, O(V + E).

    Numbers the nodes and runs :func:`planner.maturity.network.cut_vertices`.
    """
    nodes = list(adj)
    index = {n: i for i, n in enumerate(nodes)}
    for near in adj.values():
        for n in near:
            if n not in index:
                index[n] = len(nodes)
                nodes.append(n)
    numbered = [[index[x] for x in adj.get(n, ())] for n in nodes]
    return [nodes[i] for i in cut_vertices(numbered)]


def workflow_problems(facts: Facts) -> tuple[int, list[tuple[str, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]]]:
    """(steps checked, missing inputs, orphan outputs): artifacts nobody produces or nobody uses.

    Computed once per chart: the rule and the structural analysis both read it.
    """
    cached = facts.rule_cache.get(("workflow_problems", ""))
    if cached is None:
        cached = facts.rule_cache[("workflow_problems", "")] = _workflow_problems(facts)
    return cached


def _workflow_problems(facts: Facts) -> tuple[int, list[tuple[str, tuple[str, ...]]], list[tuple[str, tuple[str, ...]]]]:
    """Steps are read one by one only in a workflow that two set tests find amiss: every artifact
    consumed is available, every one produced is used or delivered. A sound workflow costs two
    passes in C over its steps (12,500 steps: 4 ms instead of 9)."""
    steps = 0
    missing: list[tuple[str, tuple[str, ...]]] = []
    orphans: list[tuple[str, tuple[str, ...]]] = []
    for wf in facts.chart.workflows:
        ins, outs = list(map(INPUTS, wf.steps)), list(map(OUTPUTS, wf.steps))
        produced, consumed = set().union(*outs), set().union(*ins)
        available = produced.union(wf.inputs)
        steps += len(wf.steps)
        if not available.issuperset(consumed) or not consumed.union(wf.outputs).issuperset(produced):
            for s, inputs, outputs in zip(wf.steps, ins, outs):
                for artifact in inputs:
                    if artifact not in available:
                        missing.append((f"'{artifact}' consumed by {s.name} ({facts.name(s.by)}) in {wf.name} is produced "
                                        "by no step and is not a workflow input", (wf.id, s.id, s.by)))
                for artifact in outputs:
                    if artifact not in consumed and artifact not in wf.outputs:
                        orphans.append((f"'{artifact}' produced by {s.name} ({facts.name(s.by)}) in {wf.name} is used by "
                                        "no step and is not a workflow output", (wf.id, s.id, s.by)))
        for artifact in wf.outputs:
            if artifact not in produced:
                missing.append((f"{wf.name} promises '{artifact}' but no step produces it", (wf.id,)))
    return steps, missing, orphans


@rule("workflow_integrity")
def workflow_integrity(facts: Facts, p: Params) -> RuleResult:
    """Workflow integrity: every consumed artifact is produced, every output consumed."""
    if not facts.chart.workflows:
        return not_applicable("no workflows in the chart, so no hand-offs to check (documented hand-offs are judged elsewhere)")
    steps, missing, orphans = workflow_problems(facts)
    bad = len(missing) + len(orphans)
    findings = [Finding(f"{count(len(facts.chart.workflows), 'workflow')}, {count(steps, 'step')}: "
                        f"{count(len(missing), 'missing input')}, {count(len(orphans), 'orphan output')}")]
    findings += [Finding("missing input: " + text, ids) for text, ids in missing[:5]]
    findings += [Finding("orphan output: " + text, ids) for text, ids in orphans[:5]]
    if bad > 10:
        findings.append(Finding(f"and {bad - 10} more"))
    return RuleResult(not bad, 1.0 if not bad else round(share(max(0, steps - bad), steps), 3), findings)


class SpofParams(Params):
    max_sole_capabilities: int = 2
    """A person who alone carries more capabilities than this is a single point of failure."""
    articulation: bool = True
    """Also flag people whose absence cuts more than ``max_sole_capabilities`` capabilities off the rest of the
    work network (articulation points, once teams and systems hanging on one person are set aside)."""


@rule("single_points_of_failure", SpofParams)
def single_points_of_failure(facts: Facts, p: SpofParams) -> RuleResult:
    """Single points of failure: one person alone carrying several capabilities, or holding the work network together."""
    if not facts.chart.people:
        return not_applicable("no people in the chart")
    findings, flagged = [], set()
    for person, caps in facts.carried_by.items():
        if len(caps) > p.max_sole_capabilities:
            flagged.add(person)
            findings.append(Finding(f"{facts.name(person)} alone carries {len(caps)} capabilities: "
                                    + listing_names(facts, caps, 4), (person, *caps[:19])))
    if p.articulation:
        work = facts.work
        staff = facts.team_of  # every person's id
        # the same tolerance as for sole carriers: losing one person may cut off at most that many capabilities
        # (anchors None: the chart's capabilities, weighed by the numbers the network gave them)
        cut = sorted(n for n in work.essential_cut_vertices(None, p.max_sole_capabilities + 1)
                     if n in staff and n not in flagged)
        for person in cut[:8]:
            hanging = sorted(c for c in work.neighbours(person) if work.degree(c) == 1 and facts.kind(c) == "capability")
            why = (f"the only link of {listing_names(facts, hanging, 3)}" if hanging
                   else "the only link between parts of the work network")
            findings.append(Finding(f"{facts.name(person)} is {why}", (person, *hanging[:19])))
        if len(cut) > 8:
            findings.append(Finding(f"and {len(cut) - 8} more people who hold the work network together"))
        flagged.update(cut)
    people = len(facts.chart.people)
    head = Finding(f"{count(len(flagged), 'single point')} of failure among {count(people, 'person')}")
    return RuleResult(not flagged, round(share(people - len(flagged), people), 3), [head, *findings])


class SpanParams(Params):
    max_direct: int = 10
    """Most direct reports a manager should have."""


@rule("span_of_control", SpanParams)
def span_of_control(facts: Facts, p: SpanParams) -> RuleResult:
    """Span of control: no manager has more direct reports than ``max_direct``."""
    reports = facts.direct_reports
    if not reports:
        return not_applicable(f"no reporting lines among the {len(facts.chart.people)} people in the chart")
    widest = max(reports.values(), default=0)  # in C: most charts have no span too wide, and no manager is read
    wide = sorted(((n, m) for m, n in reports.items() if n > p.max_direct), reverse=True) if widest > p.max_direct else []
    findings = [Finding(f"{len(reports)} managers; widest span {widest} direct reports")]
    for n, manager in wide[:6]:
        findings.append(Finding(f"{facts.name(manager)} has {n} direct reports (more than {p.max_direct})", (manager,)))
    if len(wide) > 6:
        findings.append(Finding(f"and {len(wide) - 6} more managers over {p.max_direct}"))
    return RuleResult(not wide, round(share(len(reports) - len(wide), len(reports)), 3), findings)
