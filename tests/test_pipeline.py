"""The pipeline: one chart loaded once, assessed once per model, the same results handed along.

The demo used to assess the shipped charts four times each (the assessment step,
the diff's maturity delta, the roadmap, the heat maps, and again for the report).
These tests count the calls into the engine, :func:`planner.maturity.assess_facts`.
"""

from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner

import planner.maturity as maturity
from planner.charts import shipped_chart
from planner.cli import cli
from planner.pipeline import Pipeline
from planner.store.library import builtin_models, load_model


@pytest.fixture
def engine_calls(monkeypatch):
    """(chart object, model id) -> how many times the engine assessed it; the charts are kept alive."""
    calls: Counter = Counter()
    charts: dict[int, object] = {}
    real = maturity.assess_facts

    def counting(facts, model, *args, **kwargs):
        charts[id(facts.chart)] = facts.chart  # held, so no id is reused by another chart
        calls[(id(facts.chart), model.id)] += 1
        return real(facts, model, *args, **kwargs)

    monkeypatch.setattr(maturity, "assess_facts", counting)
    calls.charts = charts  # type: ignore[attr-defined]
    return calls


def test_the_demo_assesses_each_chart_once_per_model(tmp_path, engine_calls, monkeypatch):
    loaded = {}
    import planner.cli.demo_cmd as demo_cmd

    real_load = demo_cmd.load_chart

    def remember(path):
        loaded[path] = real_load(path)
        return loaded[path]

    monkeypatch.setattr(demo_cmd, "load_chart", remember)
    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    repeated = {key: n for key, n in engine_calls.items() if n > 1}
    assert repeated == {}
    current, future = loaded[shipped_chart("current")], loaded[shipped_chart("future")]
    for chart in (current, future):
        assessed = [model for (chart_id, model), _ in engine_calls.items() if chart_id == id(chart)]
        assert sorted(assessed) == sorted(builtin_models())


def test_a_pipeline_hands_the_same_assessment_to_the_diff_the_roadmap_and_the_heat_map(engine_calls):
    current = Pipeline.load(shipped_chart("current"))
    future = Pipeline.load(shipped_chart("future"))
    first = current.assess("engagement")
    assert current.assess(load_model("engagement")) is first
    current.plan("engagement", "next")
    current.heat("engagement")
    result = current.diff(future, ["engagement"])
    assert current.assessments["engagement"] is first
    assert engine_calls[(id(current.chart), "engagement")] == 1
    assert engine_calls[(id(future.chart), "engagement")] == 1
    delta = result.maturity.models[0]
    assert (delta.old_level, delta.new_level) == (first.level, future.assess().level)


def test_the_diff_reuses_assessments_and_equals_a_diff_that_assesses(engine_calls):
    from planner.diff import diff

    current = Pipeline.load(shipped_chart("current"))
    future = Pipeline.load(shipped_chart("future"))
    models = [load_model(m) for m in ("engagement", "coe")]
    fresh = diff(current.chart, future.chart, maturity=models)
    before = sum(engine_calls.values())
    reused = diff(current.chart, future.chart, assessments=(current.assess_all(models), future.assess_all(models)))
    assert sum(engine_calls.values()) - before == 4  # the two pipelines' own assessments, nothing more
    assert reused.maturity.to_dict() == fresh.maturity.to_dict()
    again = current.diff(future, models)
    assert sum(engine_calls.values()) - before == 4
    assert again.maturity.to_dict() == fresh.maturity.to_dict()
