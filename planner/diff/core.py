"""``diff(a, b) -> ChartDiff``: what changes from one chart to another, keyed by ids.

Linear in the size of the charts with a small constant: elements present on
both sides are first compared as Python objects (a dictionary comparison), and
only the few that differ are dumped and compared attribute by attribute.
Relations are compared only for elements that changed, were added or removed,
because every relation is defined by exactly one element (see :mod:`.index`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from ..model import ELEMENT_CLASSES, Chart, ref_fields
from ..perf import paused_gc
from .index import Entry, Side, held_relations, index
from .model import ChartDiff, ElementChange, ElementInfo, FieldChange, Relation, Rename
from .moves import describer, find_moves
from .renames import find_renames
from .values import ORDERED_CHILDREN, compare, content

if TYPE_CHECKING:  # the maturity engine is imported only when a delta is asked for
    from ..maturity import Assessment, MaturityModel

KIND_ORDER = {kind: n for n, kind in enumerate(ELEMENT_CLASSES)}
PARENT_PATH = "part of"
"""Attribute path used when a nested element (step, contract) changes container."""


def diff(a: Chart, b: Chart, *, renames: bool = True,
         maturity: Literal[False] | Sequence[MaturityModel] = False,
         assessments: tuple[Mapping[str, Assessment], Mapping[str, Assessment]] | None = None) -> ChartDiff:
    """The difference from ``a`` (old) to ``b`` (new).

    ``renames`` detects ids that changed while the content stayed the same.
    ``maturity`` adds the maturity delta (``ChartDiff.maturity``): ``False``, none;
    a sequence of :class:`~planner.maturity.MaturityModel` objects, those, in that
    order (every built-in model is ``planner.store.library.load_models()``; a name,
    a path or ``True`` raises :class:`TypeError`). The delta imports
    :mod:`planner.maturity` only when asked for.
    ``assessments``: ``(old, new)``, model id -> assessment of ``a`` and of ``b``
    already made (by :class:`planner.pipeline.Pipeline`); the delta reuses them
    instead of assessing again, and, with ``maturity`` False, is made of the models
    both hold.
    """
    models = _maturity_models(maturity)
    with paused_gc():  # 2.2 s with the collector, 0.3 s without, on the benchmark
        return _diff(a, b, renames, models, assessments)


def _maturity_models(maturity: object) -> list | None:
    """The models to assess: None for no delta, else the list of model objects (checked)."""
    if maturity is False:
        return None
    if isinstance(maturity, (bool, str, bytes)) or not isinstance(maturity, Sequence):
        what = repr(maturity) if maturity is None or isinstance(maturity, (bool, str, bytes)) else type(maturity).__name__
        raise TypeError(f"diff(maturity=...) takes False or a list of MaturityModel objects, not {what}: for every "
                        "built-in model (what True meant when the diff read files) pass "
                        "planner.store.library.load_models()")
    from ..maturity.load import require_models  # noqa: PLC0415  (a delta is asked for: the engine is needed)

    return require_models(maturity, "diff(maturity=...)")


def _diff(a: Chart, b: Chart, renames: bool, models: list | None, assessments=None) -> ChartDiff:
    old, new = index(a), index(b)
    ea, eb = old.elements, new.elements
    removed = [i for i, e in ea.items() if type(eb.get(i)) is not type(e)]
    added = [i for i, e in eb.items() if type(ea.get(i)) is not type(e)]
    renamed = find_renames(old, new, removed, added) if renames else {}
    taken = set(renamed.values())
    removed = [i for i in removed if i not in renamed]
    added = [i for i in added if i not in taken]
    changed = _changed(old, new, set(removed) | set(added), renamed)
    rel_added, rel_removed = _relations(old, new, removed, added, changed, renamed)
    org_kind = _org_kind
    moves = find_moves(changed, describer(old, org_kind), describer(new, org_kind))
    result = ChartDiff(
        a_name=a.chart.name,
        b_name=b.chart.name,
        added=_sorted(_info(new[i]) for i in added),
        removed=_sorted(_info(old[i]) for i in removed),
        changed=_sorted(changed),
        renamed=tuple(sorted((Rename(o, n, _kind(new[n]), new[n].element.name) for o, n in renamed.items()),
                             key=lambda r: (KIND_ORDER.get(r.kind, 99), r.new_id))),
        relations_added=tuple(sorted(rel_added)),
        relations_removed=tuple(sorted(rel_removed)),
        moves=tuple(sorted(moves, key=lambda m: (KIND_ORDER.get(m.kind, 99), m.id))),
        chart_changes=tuple(_chart_changes(a, b, renamed)),
    )
    names = _names(result, old, new)
    delta = None
    if models is not None or assessments is not None:
        from .maturity_delta import maturity_delta

        delta = maturity_delta(a, b, models, assessments)
    return ChartDiff(**{**result.__dict__, "names": names, "maturity": delta})


def _kind(entry: Entry) -> str:
    return entry.element.KIND


def _org_kind(element) -> str | None:
    return getattr(element, "kind", None) if element.KIND == "org" else None


def _info(entry: Entry) -> ElementInfo:
    return ElementInfo(entry.element.id, _kind(entry), entry.element.name, entry.parent)


def _sorted(items: Iterable) -> tuple:
    return tuple(sorted(items, key=lambda x: (KIND_ORDER.get(x.kind, 99), x.id)))


def _changed(old: Side, new: Side, skip: set[str], renamed: dict[str, str]) -> list[ElementChange]:
    """Elements on both sides whose content differs; the fast object comparison filters first."""
    found = []
    elements_b, parents_a, parents_b = new.elements, old.parents, new.parents
    for element_id, element_a in old.elements.items():
        element_b = elements_b.get(element_id)
        if element_b is None or element_id in skip:
            continue
        parent_a = parents_a.get(element_id)
        if parent_a is not None:
            parent_a = renamed.get(parent_a, parent_a)
        if element_a.__dict__ == element_b.__dict__ and parent_a == parents_b.get(element_id):
            continue
        changes = _element_changes(old[element_id], new[element_id], renamed)
        if changes:
            found.append(ElementChange(element_id, element_b.KIND, element_b.name, tuple(changes)))
    return found


def _element_changes(ea: Entry, eb: Entry, renamed: dict[str, str]) -> list[FieldChange]:
    kind = _kind(eb)
    relations = {f.name: f.ref.relation for f in ref_fields(type(eb.element))}
    changes = [FieldChange(path, was, now, relations.get(path))
               for path, was, now in compare(content(ea.element, renamed), content(eb.element), kind)]
    parent_a = ea.parent if ea.parent is None else renamed.get(ea.parent, ea.parent)
    if parent_a != eb.parent:
        changes.append(FieldChange(PARENT_PATH, parent_a, eb.parent, "part_of"))
    for field in (f for k, f in ORDERED_CHILDREN if k == kind):
        ids_a = [renamed.get(c.id, c.id) for c in getattr(ea.element, field)]
        ids_b = [c.id for c in getattr(eb.element, field)]
        common = set(ids_a) & set(ids_b)
        seq_a, seq_b = [i for i in ids_a if i in common], [i for i in ids_b if i in common]
        if seq_a != seq_b:
            changes.append(FieldChange(f"{field} order", seq_a, seq_b))
    return changes


def _relations(old, new, removed, added, changed, renamed) -> tuple[list[Relation], list[Relation]]:
    """Relations added and removed, looking only at the elements that define them and changed."""
    ids = [c.id for c in changed]
    held_a = Counter(r for i in [*removed, *ids, *renamed] for r in held_relations(old[i], renamed))
    held_b = Counter(r for i in [*added, *ids, *renamed.values()] for r in held_relations(new[i]))
    return list((held_b - held_a).elements()), list((held_a - held_b).elements())


def _chart_side(chart: Chart, renamed: dict[str, str] | None = None) -> dict:
    """Chart metadata and answers as comparable content; answers become rows keyed by criterion."""
    m = renamed or {}
    answers = [{"criterion": key, **value.model_dump(mode="json")} for key, value in sorted(chart.answers.items())]
    for answer in answers:
        answer["by"] = m.get(answer["by"], answer["by"])
    return {"version": chart.version, "chart": chart.chart.model_dump(mode="json"), "answers": answers}


def _chart_changes(a: Chart, b: Chart, renamed: dict[str, str]) -> list[FieldChange]:
    return [FieldChange(path, was, now, "attested_by" if path.endswith("].by") else None)
            for path, was, now in compare(_chart_side(a, renamed), _chart_side(b), "chart")]


def _names(result: ChartDiff, old: Side, new: Side) -> dict[str, tuple[str, str]]:
    """Kind and name of every id the diff mentions, so reports need not look at the charts."""
    ids: set[str] = set()
    infos: tuple[ElementInfo | ElementChange, ...] = (*result.added, *result.removed, *result.changed)
    for info in infos:
        ids.add(info.id)
        ids.add(getattr(info, "parent", None) or info.id)
    for r in result.renamed:
        ids.update((r.old_id, r.new_id))
    for rel in (*result.relations_added, *result.relations_removed):
        ids.update(x for x in (rel.source, rel.target, rel.via) if x)
    for move in result.moves:
        ids.update((move.old, move.new))
    for change in result.changed:
        for fc in change.changes:
            if fc.relation:
                for value in (fc.old, fc.new):
                    ids.update(value if isinstance(value, list) else [value] if value else [])
    names = {}
    for element_id in ids:
        entry = new.get(element_id) or old.get(element_id)
        if entry is not None:
            names[element_id] = (_kind(entry), entry.element.name)
    return names
