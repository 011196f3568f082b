"""Roadmaps a strategist can present: every calibration chart reaches its next level on every built-in model.

The projected chart, once the listed attestations are made, assesses at the
target; applying any catalog solution to any chart leaves a valid chart or says
up front why it cannot apply; no catalog change names an id it did not create.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.errors import CycleError
from planner.maturity import assess
from planner.model import Answer
from planner.roadmap import Catalog, apply, plan
from planner.roadmap.changes import apply_changes, chart_data, validated
from planner.roadmap.errors import ProjectionError, TargetReachedError
from planner.roadmap.roles import Resolver
from planner.store import load_chart
from planner.store.library import load_catalog, load_model

ROOT = Path(__file__).resolve().parent.parent
CHARTS = sorted(p for p in (ROOT / "tests" / "calibration").glob("*.yaml") if p.name != "decisions.yaml") \
    + sorted((ROOT / "charts").glob("*.yaml"))
MODELS = ["engagement", "dcg", "information", "lifecycle", "coe"]


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: p.stem)
def test_every_chart_reaches_its_next_level_on_every_model_once_attested(path, catalog):
    chart = load_chart(path)
    for name in MODELS:
        model = load_model(name)
        try:
            roadmap = plan(chart, model, "next", catalog)
        except TargetReachedError:
            assert assess(chart, model).level == model.max_level  # only the top level has no next
            continue
        assert roadmap.steps or roadmap.attest, name
        future = apply(chart, roadmap)
        assert not any(a.get("answer") for a in chart_data(future).get("answers", {}).values()
                       if a not in chart_data(chart).get("answers", {}).values())  # the plan never attests
        answers = dict(future.answers)
        for item in roadmap.attest:
            assert item.who and item.evidence
            answers[item.criterion] = Answer(answer="yes", evidence=item.evidence, on=dt.date(2026, 1, 1))
        attested = future.model_copy(update={"answers": answers})
        assert assess(attested, model).level >= roadmap.target.level, (name, roadmap.trajectory[-1].unmet)


def _ids(value, out: set[str]) -> set[str]:
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, list):
        for v in value:
            _ids(v, out)
    elif isinstance(value, dict) and "match" not in value:
        for k, v in value.items():
            if k not in ("name", "title", "notes", "description", "metric", "unit", "direction", "inputs", "outputs",
                         "acceptable", "unacceptable", "skills", "practices", "channels", "kind", "category", "role",
                         "area", "services", "sourcing", "evidence", "per", "lob"):
                _ids(v, out)
    return out


def test_no_catalog_solution_names_a_chart_id_it_did_not_create():
    catalog = load_catalog()
    by_id = catalog.by_id()
    for solution in catalog.solutions:
        created = set(catalog.roles)
        todo, seen = [solution.id], set()
        while todo:
            sid = todo.pop()
            if sid in seen:
                continue
            seen.add(sid)
            changes = [by_id[sid].change] + [o.change for o in by_id[sid].options]
            for change in changes:
                for items in change.add.values():
                    for item in items:
                        created.add(item["id"])
                        created |= {c["id"] for c in item.get("steps", []) + item.get("contracts", [])}
            todo += by_id[sid].requires
        for change in [solution.change] + [o.change for o in solution.options]:
            named = set()
            for items in change.add.values():
                for item in items:
                    _ids({k: v for k, v in item.items() if k not in ("id", "steps", "contracts")}, named)
            for update in change.update:
                _ids(update.set, named)
                _ids(update.add, named)
            ids = {n for n in named if n.startswith(("p-", "sys-", "ds-", "cap-", "org-", "wf-", "ct-", "coe-", "team-"))}
            assert ids <= created, (solution.id, ids - created)


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: p.stem)
def test_any_solution_applies_to_any_chart_or_says_why_up_front(path):
    chart = load_chart(path)
    catalog = load_catalog()
    for solution in catalog.solutions:
        for option in solution.options:
            data = chart_data(chart)
            try:
                apply_changes(data, [solution.change, option.change], solution.id, option.systems_sourced_as(),
                              Resolver(catalog.roles))
            except ProjectionError as exc:
                assert "needs" in str(exc) and "which the chart does not have" in str(exc), str(exc)
                continue
            validated(data, solution.id)


def test_a_chart_led_by_a_cmo_gets_no_new_head_of_engagement(catalog):
    chart = load_chart(ROOT / "charts" / "harborpine-current.yaml")
    roadmap = plan(chart, load_model("engagement"), "next", catalog)
    assert "engagement-owner" not in {s.id for s in roadmap.steps}
    future = apply(chart, roadmap)
    assert "p-engagement-lead" not in {p.id for p in future.people}


def test_a_required_criterion_cycle_names_the_cycle():
    chart = load_chart(ROOT / "charts" / "harborpine-current.yaml")
    option = {"sourcing": "build", "effort": 2, "duration": 2, "cost": 1000}
    catalog = Catalog.model_validate({"catalog": {"name": "loop"}, "solutions": [
        {"id": "a", "name": "A", "options": [option], "requires_criteria": ["engagement.3.customer-value-reference"],
         "satisfies": ["engagement.3.loyalty-rewards", "engagement.3.customer-value-reference"]}]})
    with pytest.raises(CycleError) as info:
        plan(chart, load_model("engagement"), "next", catalog)
    assert info.value.cycle[0].startswith("a") and info.value.cycle[-1] == "a"


def test_effort_scales_with_the_operation_and_is_shown(catalog):
    small = load_chart(ROOT / "tests" / "calibration" / "eng1-corner-bakery.yaml")
    large = load_chart(ROOT / "tests" / "calibration" / "eng4-airline-loyalty.yaml")
    a = plan(small, load_model("coe"), "next", catalog)
    b = plan(large, load_model("coe"), "next", catalog)
    assert "people" in a.sized_for and "line" in a.sized_for and a.sized_for != b.sized_for
    shared = {s.id for s in a.steps} & {s.id for s in b.steps}
    for sid in shared:
        assert a.step(sid).effort <= b.step(sid).effort


def test_the_diagram_draws_attest_items_and_only_phases_with_work(catalog):
    from planner.render.roadmap_view import roadmap_to_dot

    chart = load_chart(ROOT / "charts" / "harborpine-current.yaml")
    roadmap = plan(chart, load_model("engagement"), "5", catalog)
    dot = roadmap_to_dot(roadmap)
    assert roadmap.attest and all(item.criterion in dot for item in roadmap.attest)
    empty = [p.number for p in roadmap.phases if not any(s.phase == p.number for s in roadmap.steps)]
    assert empty  # the last phase only sees work finish
    for number in empty:
        assert f"End of phase {number}" not in dot
    assert "Done" in dot and "does not reach" not in dot


def test_a_phase_box_says_how_far_the_work_started_in_it_runs(catalog):
    from planner.render.roadmap_view import roadmap_to_dot

    chart = load_chart(ROOT / "charts" / "harborpine-current.yaml")
    roadmap = plan(chart, load_model("engagement"), "next", catalog)
    dot = roadmap_to_dot(roadmap)
    for phase in roadmap.phases:
        finish = max((s.finish_week for s in roadmap.steps if s.phase == phase.number), default=0.0)
        said = f"work started here runs to week {finish:g}" in dot
        assert said == (finish > phase.end_week), phase
    assert "runs to week" in dot  # the shipped chart's marketing database runs past its phase


def test_every_phase_names_the_work_still_under_way_from_earlier_phases(catalog):
    """A phase where nothing starts still costs person-weeks: the report says whose."""
    from planner.roadmap.report import to_markdown, to_text

    chart = load_chart(ROOT / "charts" / "harborpine-current.yaml")
    roadmap = plan(chart, load_model("engagement"), "5", catalog)
    text, md = to_text(roadmap), to_markdown(roadmap)
    blocks = text.split("\nPhase ")[1:]
    for phase, block in zip(roadmap.phases, blocks, strict=True):
        running = [s.id for s in roadmap.steps if s.start_week < phase.start_week < s.finish_week]
        under_way = [line for line in block.splitlines() if "under way from earlier phases" in line]
        assert bool(under_way) == bool(running), phase.number
        for step_id in running:
            assert step_id in under_way[0]
    idle = [p for p in roadmap.phases if not any(s.phase == p.number for s in roadmap.steps)]
    assert idle and "No solution starts in this phase." in md
    assert "|---|---|---|---|---|---|---|\n\n" not in md  # no empty table


def test_the_solution_column_fits_the_longest_id(catalog):
    from planner.roadmap.report import to_text

    chart = load_chart(ROOT / "charts" / "harborpine-current.yaml")
    roadmap = plan(chart, load_model("engagement"), "5", catalog)
    assert max(len(s.id) for s in roadmap.steps) > 26  # enterprise-engagement-culture
    rows = [line for line in to_text(roadmap).splitlines() if line.startswith("  wk ")]

    def sourcing_column(line: str, step_id: str) -> int:
        after = line.index(f" {step_id} ") + len(step_id) + 1
        return after + len(line[after:]) - len(line[after:].lstrip())

    columns = {sourcing_column(line, s.id) for s in roadmap.steps for line in rows if f" {s.id} " in line}
    assert len(columns) == 1  # every sourcing word starts in the same column


def test_future_state_never_overwrites_its_input_without_force(tmp_path):
    from click.testing import CliRunner

    from planner.cli.app import cli

    path = tmp_path / "cur.yaml"
    text = (ROOT / "charts" / "harborpine-current.yaml").read_text()
    path.write_text(text)
    refused = CliRunner().invoke(cli, ["roadmap", str(path), "--future-state", str(path)])
    assert refused.exit_code == 2 and "--force" in refused.output and path.read_text() == text
    done = CliRunner().invoke(cli, ["roadmap", str(path), "--future-state", str(path), "--force"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "cur.yaml.bak").read_text() == text and path.read_text() != text


def test_the_custom_model_example_plans_real_work(catalog):
    chart = load_chart(ROOT / "charts" / "harborpine-current.yaml")
    roadmap = plan(chart, load_model(str(ROOT / "examples" / "custom-model.yaml")), 3, catalog)
    assert len(roadmap.steps) >= 3 and roadmap.makespan > 0
    assert roadmap.reached_once_attested
    coaching = next(a for a in roadmap.attest if a.criterion == "service-basics.3.coaching")
    assert "engagement-culture" in coaching.evidence  # prepared by a solution, attested by a person


@pytest.mark.parametrize("name, model", [("eng1-corner-bakery", "engagement"), ("coe3-insurance-services", "coe"),
                                         ("info5-policy-bank", "information")])
def test_the_command_plans_the_next_level_or_says_there_is_none(name, model):
    from click.testing import CliRunner

    from planner.cli.app import cli

    result = CliRunner().invoke(cli, ["roadmap", str(ROOT / "tests" / "calibration" / f"{name}.yaml"),
                                      "--model", model, "--target", "next"])
    assert result.exit_code == 0, result.output
    assert "no next level to plan" in result.output or "Projected: level" in result.output
