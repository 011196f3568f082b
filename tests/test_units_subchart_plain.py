"""A unit's sub-chart, assembled level by level with set operations, against a plain walk of the definition.

The plain walk below follows each reference one at a time, as the module's
docstring describes a unit; the fast assembly (planner/maturity/unit_chart.py)
must give the same elements, in the same order, pruned the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.maturity.unit_chart import PRUNED_KINDS, ChartIndex, scope_capabilities, unit_chart, units_of
from planner.maturity.units import Unit
from planner.model import SECTIONS, Chart, iter_refs
from planner.store import load_chart

CALIBRATION = Path(__file__).parent / "calibration"
CHARTS = [CALIBRATION / "held-info2-wholesaler.yaml", CALIBRATION / "coe4-retail-bank.yaml",
          CALIBRATION / "eng3-credit-union.yaml", CALIBRATION / "coe5-outsourced-network.yaml",
          Path(__file__).parents[1] / "charts" / "harborpine-current.yaml"]


def _references(element) -> list[tuple[str, str]]:
    """(field, id) of every reference of ``element`` and its nested elements."""
    found = [(f.name, t) for f, _, t in iter_refs(element)]
    for _, _, child in element.children():
        found += _references(child)
    return found


def _may_pull(element, field: str, unit: Unit) -> bool:
    if element.KIND in PRUNED_KINDS:
        return False
    return field != "feeds" or unit.kind != "lob" or element.lob in ("", unit.id)


def plain_ids(chart: Chart, unit: Unit, shared: bool) -> set[str]:
    """The ids of a unit's sub-chart: its scope, then every reference and feeder followed one at a time."""
    by_id = {e.id: e for name in SECTIONS for e in getattr(chart, name)}
    caps = scope_capabilities(chart, unit, shared)
    ids = set(caps) | {w.id for w in chart.workflows if w.capability in caps}
    ids |= {c.id for c in chart.coes if any(x in caps for x in c.capabilities)}
    ids |= {a.by for a in chart.answers.values() if a.by}
    if unit.kind == "lob":
        ids |= {d.id for d in chart.data if d.lob == unit.id}
    todo = [i for i in ids if i in by_id]
    while todo:
        current = by_id[todo.pop()]
        pulled = [(f, t) for f, t in _references(current)]
        pulled += [("feeds", d.id) for d in chart.data if current.id in d.feeds]  # its feeders, by the same rule
        for field, target in pulled:
            other = by_id.get(target)
            if target not in ids and other is not None and _may_pull(other, field, unit):
                ids.add(target)
                todo.append(target)
    coes = {c.id for c in chart.coes if c.id in ids}
    return ids | {v.id for v in chart.chains if sum(x in coes for x in v.coes) >= 2}


def _cases():
    for path in CHARTS:
        chart = load_chart(path)
        for unit in units_of(chart, "lob") + units_of(chart, "team"):
            yield pytest.param(path, unit, id=f"{path.stem}-{unit.kind}-{unit.id}")


@pytest.mark.parametrize(("path", "unit"), list(_cases()))
def test_sub_chart_matches_the_plain_walk(path, unit):
    assert_same_as_plain(load_chart(path), unit)


def assert_same_as_plain(chart: Chart, unit: Unit, references: bool = True) -> None:
    index = ChartIndex(chart)
    for shared in (True, False):
        sub = unit_chart(chart, unit, shared, index)
        ids = plain_ids(chart, unit, shared)
        for name in SECTIONS:
            expected = [e for e in getattr(chart, name) if e.id in ids]
            assert [e.id for e in getattr(sub, name)] == [e.id for e in expected], (name, shared)
            for element, original in zip(getattr(sub, name), expected) if references else ():
                kept = [(f, t) for f, t in _references(element)]
                assert kept == [(f, t) for f, t in _references(original) if t in ids]


def test_references_to_what_the_chart_lacks_or_a_reference_never_pulls_are_left_out():
    """A chart read with --lenient keeps references to the elements it left out: the sub-chart drops them."""
    chart = Chart.model_validate({
        "chart": {"name": "Loose ends"},
        "teams": [{"id": "t", "name": "T", "lob": "a", "parent": "gone"}],
        "people": [{"id": "p", "name": "P", "team": "t", "reports_to": "c"},
                   {"id": "q", "name": "Q", "team": "missing"}],
        "capabilities": [{"id": "c", "name": "C", "area": "delivery", "accountable": "p", "responsible": ["q"],
                          "lob": ["a"]}],
    })
    assert_same_as_plain(chart, Unit("lob", "a", "a"))
    sub = unit_chart(chart, Unit("lob", "a", "a"))
    assert (sub.teams[0].parent, sub.people[0].reports_to, sub.people[1].team) == (None, "c", None)


def test_an_element_referring_to_another_line_is_pruned_and_the_rest_kept_as_is():
    """The chart's own objects are shared where nothing is left out; a copy only where a reference is dropped."""
    chart = Chart.model_validate({
        "chart": {"name": "Lines"},
        "teams": [{"id": "t", "name": "T", "lob": "a"}],
        "people": [{"id": "p", "name": "P", "team": "t"}],
        "capabilities": [{"id": "c", "name": "C", "area": "delivery", "accountable": "p", "lob": ["a"],
                          "data": ["d"]},
                         {"id": "c2", "name": "C2", "area": "delivery", "accountable": "p", "lob": ["b"]}],
        "data": [{"id": "d", "name": "D", "kind": "analytic_data_mart", "lob": "a", "feeds": ["e"]},
                 {"id": "e", "name": "E", "kind": "analytic_data_mart", "lob": "b"}],
        "coes": [{"id": "x", "name": "X", "lead": "p", "capabilities": ["c", "c2"]}],
    })
    sub = unit_chart(chart, Unit("lob", "a", "a"))
    assert [d.id for d in sub.data] == ["d"] and sub.data[0].feeds == []
    assert sub.coes[0].capabilities == ["c"]
    assert sub.people[0] is chart.people[0] and sub.teams[0] is chart.teams[0]


def test_a_chart_read_leniently_with_a_repeated_id_and_a_missing_author():
    """Two people share an id and an answer names an author the chart lacks: the same elements as the plain
    walk over ids. (Which of the two people's references count is left as it was: the last one's.)"""
    chart = Chart.model_validate({
        "chart": {"name": "Repeats"},
        "teams": [{"id": "t", "name": "T", "lob": "a"}, {"id": "u", "name": "U", "lob": "b"}],
        "people": [{"id": "p", "name": "P", "team": "t"}, {"id": "p", "name": "P again", "team": "u"},
                   {"id": "q", "name": "Q", "team": "u", "reports_to": "ghost"}],
        "capabilities": [{"id": "c", "name": "C", "area": "delivery", "accountable": "p", "responsible": ["q"]}],
        "answers": {"engagement.2.basic-loyalty": {"answer": "yes", "by": "ghost"}},
    })
    for unit in units_of(chart, "lob") + units_of(chart, "team"):
        assert_same_as_plain(chart, unit, references=False)
    assert [p.name for p in unit_chart(chart, Unit("lob", "b", "b")).people] == ["P", "P again", "Q"]
