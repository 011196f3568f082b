"""The calibration suite: realistic charts written blind assess at their stated levels.

Each chart in tests/calibration/ was written from the published level descriptions
and the chart documentation only (tests/calibration/README.md) and says at its top
which level it should reach. Where the rules and a chart disagree and the published
description sides with the rules, tests/calibration/decisions.yaml records the
accepted level and why; nothing else may differ. The table in docs/maturity.md is
generated from this run (``make docs``) and must match it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.maturity import assess_all  # noqa: E402
from planner.maturity.facts import Facts  # noqa: E402
from planner.store import load_chart  # noqa: E402
from planner.store.library import builtin_models, load_model  # noqa: E402
from scripts import calibration, levels_brief  # noqa: E402

CHARTS = calibration.chart_paths()
DECISIONS = {(d["chart"], d["model"]): d for d in
             yaml.safe_load((calibration.CHARTS / "decisions.yaml").read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def assessed():
    """(chart name, model) -> Assessment, for every expectation of every chart."""
    found = {}
    for path in CHARTS:
        wanted = calibration.expectations(path)
        results = assess_all(Facts(load_chart(path)), [load_model(m) for m in wanted])
        found.update(((path.name, m), results[m]) for m in wanted)
    return found


def test_the_suite_covers_every_level_of_every_builtin_model():
    covered = {(m, lv) for path in CHARTS for m, lv in calibration.expectations(path).items()}
    for name in builtin_models():
        model = load_model(name)
        missing = [n for n in range(1, model.max_level + 1) if (name, n) not in covered]
        assert not missing, f"no calibration chart intends {name} level(s) {missing}"
    assert len(CHARTS) >= 15


@pytest.mark.parametrize("path", CHARTS, ids=[p.stem for p in CHARTS])
def test_chart_assesses_at_its_stated_level(path, assessed):
    for model, intended in calibration.expectations(path).items():
        decision = DECISIONS.get((path.name, model))
        if decision is not None:
            assert decision["intended"] == intended, f"{path.name}: decisions.yaml quotes a stale intended level"
        wanted = decision["accepted"] if decision else intended
        got = assessed[(path.name, model)]
        gaps = [g.criterion_id for g in got.gaps()]
        assert got.level == wanted, f"{path.name} on {model}: {got.level}, expected {wanted}; gaps {gaps}"


def test_every_decision_names_a_real_disagreement(assessed):
    for (chart, model), d in DECISIONS.items():
        assert d["accepted"] != d["intended"] and d["reason"].strip()
        assert assessed[(chart, model)].level == d["accepted"]


def test_docs_table_is_generated_from_this_run():
    doc = calibration.DOC.read_text(encoding="utf-8")
    start = doc.index(calibration.BEGIN) + len(calibration.BEGIN)
    assert doc[start:doc.index(calibration.END)].strip() == calibration.table(calibration.rows()).strip(), \
        "docs/maturity.md's calibration table is stale: run `make docs`"


def test_levels_brief_is_up_to_date():
    assert levels_brief.OUT.read_text(encoding="utf-8") == levels_brief.render(), "run `make docs`"
