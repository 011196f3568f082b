"""The maturity delta: levels per model and dimension, criteria newly met and lost."""

from __future__ import annotations

import pytest

from planner.diff import diff
from planner.store import load_chart
from planner.store.library import builtin_models, load_model, load_models

maturity = pytest.importorskip("planner.maturity", reason="the maturity engine is not in this checkout")


def test_delta_of_the_shipped_charts(current_path, future_path):
    a, b = load_chart(current_path), load_chart(future_path)
    delta = diff(a, b, maturity=load_models()).maturity
    ids = [m.model_id for m in delta.models]
    assert ids == builtin_models()
    for m in delta.models:
        old, new = maturity.assess(a, load_model(m.model_id)), maturity.assess(b, load_model(m.model_id))
        assert (m.old_level, m.new_level) == (old.level, new.level)
        assert {d.dimension: (d.old, d.new) for d in m.dimensions} == {
            k: (old.dimension_levels[k], new.dimension_levels[k]) for k in new.dimension_levels}
        met_before = {r.criterion_id for r in old.results if r.met}
        met_after = {r.criterion_id for r in new.results if r.met}
        assert {c.criterion_id for c in m.newly_met} == met_after - met_before
        assert {c.criterion_id for c in m.newly_lost} == met_before - met_after


def test_going_backwards_loses_criteria(current_path, future_path):
    a, b = load_chart(current_path), load_chart(future_path)
    forward = diff(a, b, maturity=[load_model("engagement")]).maturity.models[0]
    backward = diff(b, a, maturity=[load_model("engagement")]).maturity.models[0]
    assert forward.newly_met and backward.newly_lost == forward.newly_met
    assert (backward.old_level, backward.new_level) == (forward.new_level, forward.old_level)


def test_no_delta_unless_asked(current_path):
    chart = load_chart(current_path)
    assert diff(chart, chart).maturity is None
    same = diff(chart, chart, maturity=load_models()).maturity
    assert not any(m.changed for m in same.models)


def test_json_and_text(runner, current_path, future_path):
    import json

    from planner.cli import cli

    data = json.loads(runner.invoke(cli, ["diff", str(current_path), str(future_path), "--format", "json"]).output)
    first = data["maturity"]["models"][0]
    assert set(first) == {"model", "name", "level", "score", "dimensions", "newly_met", "newly_lost"}
    assert first["score"]["old"] < first["score"]["new"] and first["score"]["of"] == 5
    assert {"old_score", "new_score"} <= set(first["dimensions"][0])
    text = runner.invoke(cli, ["diff", str(current_path), str(future_path)]).output
    assert "\nMaturity\n" in text and "+ met" in text
    assert f"score {first['score']['old']:.2f} -> {first['score']['new']:.2f} of 5" in text


def test_maturity_parameter_is_explicit(current_path):
    chart = load_chart(current_path)
    assert diff(chart, chart, maturity=False).maturity is None
    every = diff(chart, chart, maturity=load_models()).maturity
    assert [m.model_id for m in every.models] == builtin_models()
    model = load_model("coe")
    chosen = diff(chart, chart, maturity=[model, load_model("engagement")]).maturity
    assert [m.model_id for m in chosen.models] == ["coe", "engagement"]
    assert diff(chart, chart, maturity=[]).maturity.models == ()
    for magic in ("builtin", "engagement", None):
        with pytest.raises(TypeError, match="True"):
            diff(chart, chart, maturity=magic)
