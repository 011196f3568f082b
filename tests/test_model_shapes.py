"""Maturity models of any published shape: answer sets, continuous scores, groups, level 0.

The converted OWASP SAMM 2 model (examples/samm/) is scored by the engine and, here,
independently by SAMM's published rule: a stream scores the sum of its three
answers (0, 0.25, 0.5 or 1 each; unanswered counts 0; a higher level counts
whether or not the lower ones are answered), a practice the mean of its two
streams, a business function the mean of its practices.
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest
import yaml

from planner.cli import cli
from planner.maturity import assess
from planner.model import Chart
from planner.store.library import load_model

ROOT = Path(__file__).resolve().parent.parent
SAMM = ROOT / "examples" / "samm" / "samm.yaml"
SAMM_DATA = yaml.safe_load(SAMM.read_text(encoding="utf-8"))
QUESTIONS = [(n, c) for n, level in enumerate(SAMM_DATA["levels"], 1) for c in level["criteria"]]


def published_scores(answers: dict[str, str]) -> dict[str, float]:
    """SAMM's rule, written from its documentation, on the raw model data (not the engine's structures)."""
    sets = SAMM_DATA["answer_sets"]
    stream = {}
    for n, c in QUESTIONS:
        label = answers.get(f"samm.{n}.{c['id']}")
        stream[c["dimension"]] = stream.get(c["dimension"], 0.0) + (sets[c["answers"]][label] if label else 0.0)
    parent = {d["id"]: d.get("parent") for d in SAMM_DATA["dimensions"]}
    practice: dict[str, list[float]] = {}
    for s, v in stream.items():
        practice.setdefault(parent[s], []).append(v)
    practice_score = {p: sum(v) / len(v) for p, v in practice.items()}
    function: dict[str, list[float]] = {}
    for p, v in practice_score.items():
        function.setdefault(parent[p], []).append(v)
    function_score = {f: sum(v) / len(v) for f, v in function.items()}
    overall = sum(function_score.values()) / len(function_score)
    return {**stream, **practice_score, **function_score, "": overall}


def combinations() -> list[dict[str, str]]:
    """24 answer sets: none, all top, all lowest-yes, partial, higher levels without lower ones, random."""
    sets = SAMM_DATA["answer_sets"]
    labels = {f"samm.{n}.{c['id']}": list(sets[c["answers"]]) for n, c in QUESTIONS}
    combos = [{}, {k: v[-1] for k, v in labels.items()}, {k: v[1] for k, v in labels.items()},
              {k: v[0] for k, v in labels.items()},
              {k: v[-1] for k, v in labels.items() if k.startswith("samm.3.")},  # level 3 without 1 and 2
              {k: v[2] for k, v in labels.items() if not k.startswith("samm.1.")}]
    rng = random.Random(11)
    while len(combos) < 24:
        share = rng.random()
        combos.append({k: rng.choice(v) for k, v in labels.items() if rng.random() < share})
    return combos


@pytest.mark.parametrize("answers", combinations(), ids=lambda a: f"{len(a)}-answers")
def test_samm_scores_equal_the_published_rule(answers):
    chart = Chart.model_validate({"chart": {"name": "x"}, "answers": {k: {"answer": v} for k, v in answers.items()}})
    result = assess(chart, load_model(SAMM))
    expected = published_scores(answers)
    for dim, value in expected.items():
        got = result.score if dim == "" else result.dimension_scores[dim]
        assert got == pytest.approx(value, abs=1e-3), dim
    # continuous levels: a practice at 2.75 holds level 2; level 0 when below 1
    for dim, value in result.dimension_scores.items():
        assert result.dimension_levels[dim] == max(0, min(3, int(value + 1e-9)))
    assert result.scoring == "continuous" and result.level_names[0] == "No practice"


def test_partial_credit_is_kept_where_a_threshold_would_round_it():
    key = "samm.1.g-sm-a"
    half = next(label for label, v in SAMM_DATA["answer_sets"]["n"].items() if v == 0.5)
    chart = Chart.model_validate({"chart": {"name": "x"}, "answers": {key: {"answer": half}}})
    result = assess(chart, load_model(SAMM))
    assert result.dimension_scores["g-sm-a"] == pytest.approx(0.5)
    assert result.result(key).credit == pytest.approx(0.5) and not result.result(key).met


def test_json_carries_level_and_score_of_every_dimension_and_group(runner):
    result = runner.invoke(cli, ["assess", str(ROOT / "examples" / "samm" / "chart.yaml"), "--model", str(SAMM),
                                 "--format", "json", "--no-structure"])
    assert result.exit_code == 0, result.output
    model = yaml.safe_load(result.output)["models"]["samm"]
    assert set(model["dimension_scores"]) == set(model["dimension_levels"]) == {d["id"] for d in SAMM_DATA["dimensions"]}
    assert model["dimension_groups"]["g-sm-a"] == "g-sm" and model["dimension_groups"]["g-sm"] == "governance"
    text = runner.invoke(cli, ["assess", str(ROOT / "examples" / "samm" / "chart.yaml"), "--model", str(SAMM),
                               "--no-structure"]).output
    assert " of 3" in text and "(continuous)" in text


def test_staged_models_carry_a_score_too(current_path):
    from planner.store import load_chart

    result = assess(load_chart(current_path), load_model("engagement"))
    assert result.level <= result.score < result.level + 1
    for dim, level in result.dimension_levels.items():
        assert level <= result.dimension_scores[dim] < level + 1


BASE = textwrap.dedent("""\
    id: shapes
    name: Shapes
    answer_sets:
      k: {'No': 0, 'Some': 0.5, 'All': 1}
    dimensions:
      - {id: top, name: Top}
      - {id: part, name: Part, parent: top}
    levels:
      - name: One
        criteria:
          - {id: a, dimension: part, statement: A., question: A?, answers: k}
      - name: Two
        criteria:
          - {id: b, dimension: part, statement: B., question: B?, answers: k}
    """)


def _model(tmp_path, text):
    path = tmp_path / "m.yaml"
    path.write_text(text)
    return path


def test_an_answer_outside_its_set_is_located_in_the_chart(runner, tmp_path):
    model = _model(tmp_path, BASE)
    chart = tmp_path / "c.yaml"
    chart.write_text("chart: {name: X}\nanswers:\n  shapes.1.a: {answer: Most, evidence: seen}\n")
    result = runner.invoke(cli, ["assess", str(chart), "--model", str(model)])
    assert result.exit_code == 1
    assert f"{chart}:3:" in result.stderr and "answer set k" in result.stderr and "'Most'" in result.stderr
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize("change, message", [
    (("answers: k}\n  - name: Two", "answers: q}\n  - name: Two"), "answer set 'q' is not defined"),
    (("{id: top, name: Top}", "{id: top, name: Top, parent: part}"), "groups form a cycle"),
    (("dimension: part, statement: A.", "dimension: top, statement: A."), "is a group"),
])
def test_model_mistakes_are_located_errors_exit_1(runner, tmp_path, change, message):
    assert change[0] in BASE
    model = _model(tmp_path, BASE.replace(*change))
    chart = tmp_path / "c.yaml"
    chart.write_text("chart: {name: X}\n")
    result = runner.invoke(cli, ["assess", str(chart), "--model", str(model)])
    assert result.exit_code == 1, result.output
    assert f"{model}:" in result.stderr and message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_level_zero_when_the_first_level_has_a_gap(tmp_path):
    staged = BASE.replace("name: Shapes\n", "name: Shapes\nlevel_zero: {name: Nothing yet}\n")
    model = load_model(_model(tmp_path, staged))
    none = assess(Chart.model_validate({"chart": {"name": "x"}}), model)
    assert none.level == 0 and none.level_name == "Nothing yet" and none.next_level == 1
    some = assess(Chart.model_validate({"chart": {"name": "x"}, "answers": {
        "shapes.1.a": {"answer": "All", "evidence": "e"}}}), model)
    assert some.level == 1 and [g.criterion_id for g in some.gaps()] == ["shapes.2.b"]


def test_questions_of_one_criterion_score_their_weighted_mean(tmp_path):
    text = BASE.replace("{id: b, dimension: part, statement: B., question: B?, answers: k}",
                        "{id: b, dimension: part, statement: B., question: B?, answers: k, "
                        "questions: [{id: x, text: X?}, {id: y, text: Y?, weight: 3}]}")
    model = load_model(_model(tmp_path, text))
    chart = Chart.model_validate({"chart": {"name": "x"}, "answers": {
        "shapes.2.b#x": {"answer": "All", "evidence": "e"}, "shapes.2.b#y": {"answer": "Some", "evidence": "e"}}})
    result = assess(chart, model)
    assert result.result("shapes.2.b").credit == pytest.approx((1 * 1 + 0.5 * 3) / 4)
    assert not result.notes  # '#question' keys are known answer keys


def test_a_projected_phase_shows_the_score_it_reaches(current_path, catalog):
    from planner.roadmap import plan
    from planner.store import load_chart

    chart = load_chart(current_path)
    roadmap = plan(chart, load_model("engagement"), "next", catalog)
    today = assess(chart, load_model("engagement"))
    assert roadmap.trajectory[0].score == today.score
    assert roadmap.trajectory[-1].score > today.score and roadmap.trajectory[-1].level == today.level + 1
    from planner.roadmap.report import to_text

    assert f"score {roadmap.trajectory[-1].score:.2f}" in to_text(roadmap)
