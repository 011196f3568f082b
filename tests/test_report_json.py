"""The JSON report's writer must write exactly what ``json.dumps(report, indent=2)`` writes.

:func:`planner.maturity.report_json.dumps_indented` replaces the standard library
for speed only; here both write the shipped charts' reports and random documents
holding every kind of value ``json`` accepts (escapes, non-ASCII text, NaN and
infinities, huge integers, subclasses, tuples, keys ``json`` converts), and both
refuse what ``json`` refuses with the same error.
"""

from __future__ import annotations

import enum
import json
import math
import random
from collections import OrderedDict

import pytest

from planner.maturity import analyze_structure, assess_all
from planner.maturity.facts import Facts
from planner.maturity.report import json_report
from planner.maturity.report_json import dumps_indented
from planner.store import load_chart
from planner.store.library import load_models


class Level(enum.IntEnum):
    TWO = 2


class Word(enum.StrEnum):
    YES = "yes"


SCALARS = ["", "plain", 'quote " and \\ backslash', "tab\tnew\nline\x00\x1f", "café ☕ 𝄞", "\u2028", 0, -7,
           10**40, 1.5, -0.0, 1e-300, 1e300, math.inf, -math.inf, math.nan, True, False, None, Level.TWO,
           Word.YES]
KEYS = ["a", "", "é", 'k"ey', 3, 2.5, True, None]


def _document(rng: random.Random, depth: int = 0):
    roll = rng.random()
    if depth > 4 or roll < 0.45:
        return rng.choice(SCALARS)
    size = rng.choice([0, 1, 2, 5])
    if roll < 0.65:
        return [_document(rng, depth + 1) for _ in range(size)]
    if roll < 0.72:
        return tuple(_document(rng, depth + 1) for _ in range(size))
    keys = KEYS if rng.random() < 0.2 else KEYS[:4]
    kind = OrderedDict if rng.random() < 0.1 else dict
    return kind((rng.choice(keys), _document(rng, depth + 1)) for _ in range(size))


def test_the_shipped_charts_reports_are_written_as_json_writes_them(current_path, future_path):
    models = load_models()
    for path in (current_path, future_path):
        facts = Facts(load_chart(path))
        report = json_report(path, facts, assess_all(facts, models), analyze_structure(facts))
        written = dumps_indented(report)
        assert written == json.dumps(report, indent=2)
        assert json.loads(written)["chart"]["path"] == str(path)


def test_random_documents_are_written_as_json_writes_them():
    for seed in range(300):
        doc = _document(random.Random(seed))
        assert dumps_indented(doc) == json.dumps(doc, indent=2), f"seed {seed}"


@pytest.mark.parametrize("bad", [{"a": {1, 2}}, [object()], {("t", "u"): 1}])
def test_what_json_refuses_is_refused_with_its_own_error(bad):
    with pytest.raises(TypeError) as stdlib:
        json.dumps(bad, indent=2)
    with pytest.raises(TypeError) as ours:
        dumps_indented(bad)
    assert str(ours.value) == str(stdlib.value)


def test_a_cycle_is_refused_as_json_refuses_it():
    loop: list = []
    loop.append({"again": loop})
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented(loop)
