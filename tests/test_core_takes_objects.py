"""The core takes models and catalogs as objects: a name, a path or None passed by mistake is a TypeError
that names the store's loader, never an AttributeError deep in the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.diff import diff
from planner.maturity import Facts, analyze_structure, assess, assess_all
from planner.maturity.units import assess_units
from planner.maturity.vocab_usage import criteria_reading, vocabulary_usage
from planner.roadmap import plan
from planner.store import load_chart
from planner.store.library import load_models

WRONG_MODELS = ["engagement", Path("examples/custom-model.yaml"), None, 3]


@pytest.fixture(scope="module")
def chart():
    return load_chart(Path(__file__).parent / "fixtures" / "small.yaml")


@pytest.mark.parametrize("wrong", WRONG_MODELS, ids=repr)
def test_assess_names_the_loader_for_anything_but_a_model(chart, wrong):
    with pytest.raises(TypeError, match=r"assess\(\) takes a MaturityModel object.*planner\.store\.library\.load_model"):
        assess(chart, wrong)


def test_a_name_is_quoted_back_in_the_call_that_would_load_it(chart):
    with pytest.raises(TypeError, match=r"load_model\('engagement'\)"):
        assess(chart, "engagement")


@pytest.mark.parametrize("wrong", ["engagement", None, ["engagement"], [None]], ids=repr)
def test_assess_all_wants_a_list_of_models(chart, wrong):
    with pytest.raises(TypeError, match=r"assess_all\(\) takes a .*MaturityModel"):
        assess_all(chart, wrong)


def test_every_builtin_model_is_a_list_the_caller_loads(chart):
    with pytest.raises(TypeError, match=r"load_models\(\), which gives every built-in model"):
        assess_all(chart, None)
    with pytest.raises(TypeError):
        assess_all(chart)  # type: ignore[call-arg]  # no default: the core does not know which models ship
    assert list(assess_all(chart, load_models())) == [m.id for m in load_models()]


def test_assess_and_the_structure_take_a_chart_or_its_facts(chart, default_model):
    facts = Facts(chart)
    assert assess(chart_or_facts=facts, model=default_model).level == assess(chart, default_model).level
    assert analyze_structure(chart_or_facts=facts).to_dict() == analyze_structure(chart).to_dict()


def test_the_engine_refuses_a_diagrams_graph_and_says_to_pass_the_chart(chart, default_model):
    from planner.graph import build_graph

    with pytest.raises(TypeError, match=r"takes a Chart or its Facts, not ChartGraph: pass the chart itself"):
        assess(build_graph(chart), default_model)
    with pytest.raises(TypeError, match=r"not ChartGraph"):
        analyze_structure(build_graph(chart))


def test_plan_names_the_loaders_of_the_model_and_the_catalog(chart, default_model, catalog):
    with pytest.raises(TypeError, match=r"plan\(\) takes a MaturityModel object.*load_model\('engagement'\)"):
        plan(chart, "engagement", "next", catalog)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"plan\(\) takes a Catalog object, not None.*load_catalog\(\)"):
        plan(chart, default_model, "next", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"load_catalog\('my-catalog.yaml'\)"):
        plan(chart, default_model, "next", "my-catalog.yaml")  # type: ignore[arg-type]


@pytest.mark.parametrize("wrong", [True, "engagement", None, ["engagement"]], ids=repr)
def test_the_diff_delta_wants_model_objects(chart, wrong):
    with pytest.raises(TypeError, match=r"diff\(maturity=\.\.\.\) takes .*MaturityModel"):
        diff(chart, chart, maturity=wrong)


def test_the_unit_and_vocabulary_scans_want_model_objects(chart):
    with pytest.raises(TypeError, match=r"assess_units\(\) takes a MaturityModel object"):
        assess_units(chart, "lob", ["engagement"])
    with pytest.raises(TypeError, match=r"criteria_reading\(\) takes a list"):
        criteria_reading(["web"], models=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"vocabulary_usage\(\) takes a list"):
        vocabulary_usage(["channels"], None)  # type: ignore[arg-type]
