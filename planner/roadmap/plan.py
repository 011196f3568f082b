"""``plan(chart, model, target, catalog, constraints) -> Roadmap``: the roadmap to a maturity target.

Pure: the chart, the model and the catalog come in as objects (read by
:mod:`planner.store.library`), the roadmap comes out as data. A caller that has already
assessed the chart on the model passes that assessment, and it is not made again
(:class:`planner.pipeline.Pipeline` does). Steps: assess the chart; list the unmet criteria up to the target;
choose the solutions; schedule them; project the chart phase by phase and assess
each projection, which gives the maturity trajectory and proves the plan.
"""

from __future__ import annotations

from dataclasses import replace

from ..maturity.load import require_model
from ..maturity.spec import MaturityModel
from ..model import Chart
from .attest import attest_items, attestable
from .catalog import Catalog
from .changes import chart_data, matching_ids
from .errors import BudgetTooSmallError, ConstraintError
from .files import require_catalog
from .fit import describe_size, fitted, operation_size
from .model import Constraints, Gap, Roadmap, Target
from .project import trajectory
from .sequence import plan_gaps
from .target import check_above, describe_target, parse_target


def plan(
    chart: Chart,
    model: MaturityModel,
    target: str | int | Target,
    catalog: Catalog,
    constraints: Constraints | None = None,
    *,
    assessment=None,
) -> Roadmap:
    """The roadmap from ``chart`` to ``target`` on ``model``'s scale.

    ``target``: a level number, a level name, ``next``, or per dimension
    ``data=4,programs=adaptive``. Raises :class:`TargetReachedError` when the chart
    already holds the target, :class:`UnreachableTargetError` when a rule-only
    criterion has no solution (one that accepts an answer becomes an attest-or-act
    item, ``Roadmap.attest``), :class:`~planner.errors.CycleError` listing a
    prerequisite cycle, :class:`ConstraintError` when a solution cannot fit.
    ``assessment``: ``chart`` already assessed on ``model``, reused as it is.
    ``model`` and ``catalog`` are objects: a name or a path raises :class:`TypeError`.
    """
    from ..maturity import assess

    model = require_model(model, "plan()")
    size = operation_size(chart)
    catalog = fitted(require_catalog(catalog, "plan()"), model, size)
    constraints = constraints or Constraints()
    if assessment is None or assessment.model_id != model.id:
        assessment = assess(chart, model)  # a Chart is enough: building the graph cost 5x the assessment
    goal = parse_target(target, model, assessment.level)
    check_above(goal, assessment, model)
    gaps = unmet(assessment, goal, catalog)
    met = {r.criterion_id for r in assessment.results if r.met}
    judged = {r.criterion_id for r in assessment.results}
    present = in_place(chart, catalog, met, judged)
    start = constraints.start or chart.chart.as_of
    target_name = describe_target(goal, model)
    answerable = attestable(assessment, catalog)  # a person's part: listed, never scheduled
    closable = [g for g in gaps if g.criterion not in answerable]
    seq = _sequenced(closable, catalog, constraints, met | set(answerable), present, judged, target_name, start)
    roadmap = Roadmap(
        chart=chart.chart.name, model=model.id, model_name=model.name, target=goal, target_name=target_name,
        current_level=assessment.level, current_level_name=assessment.level_name, currency=catalog.catalog.currency,
        constraints=constraints, gaps=gaps, steps=seq.steps, phases=seq.phases, makespan=seq.makespan,
        lower_bound=seq.lower_bound, warnings=seq.warnings, sized_for=describe_size(size),
        roles=catalog.roles, rules={c.id: (c.rule, c.params) for c in model.criteria if c.rule},
    )
    roadmap.warnings += _foreign_requirements(catalog, roadmap, judged)
    roadmap.warnings += _currency_note(chart.chart.currency, catalog.catalog.currency)
    roadmap.trajectory = trajectory(chart, roadmap, model, today=assessment)
    left = set(roadmap.trajectory[-1].unmet) if roadmap.trajectory else set()
    roadmap.attest = attest_items(gaps, answerable, catalog, seq.steps, left, assessment, chart, model)
    pending = {g.criterion for g in roadmap.attest}
    for criterion in (c for c in sorted(left) if c not in pending):
        closers = ", ".join(s.id for s in roadmap.steps if criterion in s.closes) or "no solution"
        roadmap.warnings.append(f"the projected chart still misses {criterion}, which {closers} should close: "
                                f"check the catalog's change for it")
    return roadmap


def _sequenced(closable, catalog, constraints, met, present, judged, target_name, start):
    """:func:`plan_gaps`; when the budget per phase is too small, the error names the smallest that works."""
    try:
        return plan_gaps(closable, catalog, constraints, met, present, judged, target_name, start)
    except ConstraintError as exc:
        if constraints.budget is None:
            raise
        smallest = smallest_budget(closable, catalog, constraints, met, present, judged, target_name, start)
        if smallest is None:
            raise
        raise BudgetTooSmallError(exc.solution, exc.reason, constraints.budget, smallest, catalog.catalog.currency) \
            from None


def smallest_budget(closable, catalog, constraints, met, present, judged, target_name, start) -> float | None:
    """The least budget per phase under which a plan exists: feasibility changes only at option costs."""
    costs = sorted({o.cost for s in catalog.solutions for o in s.options if o.cost > constraints.budget})
    lo, hi, found = 0, len(costs) - 1, None
    while lo <= hi:
        mid = (lo + hi) // 2
        try:
            plan_gaps(closable, catalog, replace(constraints, budget=costs[mid]), met, present, judged, target_name,
                      start)
            found, hi = costs[mid], mid - 1
        except ConstraintError:
            lo = mid + 1
    return found


def unmet(assessment, goal: Target, catalog: Catalog) -> list[Gap]:
    """The gaps up to the target, with the solutions that close each.

    Read from :meth:`Assessment.gaps`, the one gap list ``assess`` and the editor show
    too, so all three name the same criteria in the same order (lowest level first,
    then the model's order).
    """
    closers = catalog.closers()
    return [
        Gap(r.criterion_id, r.level, r.dimension, r.statement, tuple(s.id for s in closers.get(r.criterion_id, ())),
            r.question)
        for r in assessment.gaps(assessment.max_level)
        if r.level <= goal.wanted(r.dimension)
    ]


def in_place(chart: Chart, catalog: Catalog, met: set[str], judged: set[str]) -> set[str]:
    """Solutions the chart already has: its core element (``present_when``) and every criterion it closes met.

    A chart with a marketing database that integrates too little still gets the
    marketing-database work (its change then extends the database it has); one
    without the core element gets the solution unless the model judges nothing
    it closes and the element exists.
    """
    data = None
    present = set()
    for solution in catalog.solutions:
        mine = [c for c in solution.satisfies if c in judged]
        if solution.present_when is not None:
            data = data or chart_data(chart)
            if matching_ids(data, solution.present_when) and all(c in met for c in mine):
                present.add(solution.id)
            continue
        if mine and all(c in met for c in mine):
            present.add(solution.id)
    return present


def _foreign_requirements(catalog: Catalog, roadmap: Roadmap, judged: set[str]) -> list[str]:
    by_id = catalog.by_id()
    notes = []
    for step in roadmap.steps:
        foreign = [c for c in by_id[step.id].requires_criteria if c not in judged]
        if foreign:
            notes.append(f"{step.id} requires {', '.join(foreign)}, which the {roadmap.model} model cannot judge: "
                         f"assumed to hold")
    return notes


def _currency_note(chart_currency: str, catalog_currency: str) -> list[str]:
    """Costs come from the catalog, in its currency: a chart kept in another one is told, never converted
    (no exchange rate is the planner's to choose)."""
    if chart_currency.upper() == catalog_currency.upper():
        return []
    return [f"costs are in {catalog_currency}, the solution catalog's currency, not the chart's {chart_currency}: "
            f"convert them, or plan with a catalog priced in {chart_currency} (--catalog)"]

