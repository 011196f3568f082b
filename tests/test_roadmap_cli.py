"""planner roadmap: formats, the diagram, the future-state file, TaskJuggler, errors, the demo."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.cli import cli
from planner.store import read_chart

ROOT = Path(__file__).resolve().parents[1]


def run(runner, *args):
    return runner.invoke(cli, ["roadmap", *map(str, args)])


def test_text_is_the_default(runner, current_path):
    result = run(runner, current_path, "--target", "next")
    assert result.exit_code == 0, result.output
    assert "level 2 (Managed) -> level 3 (Predictive)" in result.output
    assert "Makespan" in result.output and "lower bound" in result.output


def test_json_and_markdown(runner, current_path):
    data = json.loads(run(runner, current_path, "--format", "json", "--capacity", "3", "--budget", "200000").output)
    assert data["target"]["level"] == 3 and data["reached"] is True
    assert data["constraints"]["capacity"] == 3
    assert data["makespan_weeks"] >= data["lower_bound_weeks"]["value"]
    assert {"id", "phase", "start_week", "sourcing", "closes"} <= set(data["steps"][0])
    md = run(runner, current_path, "--format", "md").output
    assert md.startswith("# Roadmap") and "| weeks | solution |" in md


def test_future_state_passes_check(runner, current_path, tmp_path):
    future = tmp_path / "future.yaml"
    result = run(runner, current_path, "--target", "4", "--future-state", future)
    assert result.exit_code == 0, result.output
    report = read_chart(future)
    assert report.ok, [p.format() for p in report.problems]
    assert report.chart.chart.state == "future"
    assert runner.invoke(cli, ["check", str(future)]).exit_code == 0


def test_dot_output_has_phases_and_sourcing(runner, current_path, tmp_path):
    out = tmp_path / "roadmap.dot"
    assert run(runner, current_path, "-o", out).exit_code == 0
    text = out.read_text()
    assert "Phase 1" in text and "Phase 2" in text
    assert "#c8e6c9" in text  # build fill
    assert "level 3: Predictive" in text


@pytest.mark.needs_dot
def test_png_diagram(runner, current_path, tmp_path):
    out = tmp_path / "roadmap.png"
    assert run(runner, current_path, "-o", out).exit_code == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(shutil.which("tj3") is None, reason="TaskJuggler tj3 is not installed (apt-get install -y tj3)")
@pytest.mark.parametrize("target", ["next", "4"])
def test_taskjuggler_accepts_the_export(runner, current_path, tmp_path, target):
    result = run(runner, current_path, "--target", target, "--format", "tjp")
    assert result.exit_code == 0
    project = tmp_path / "roadmap.tjp"
    project.write_text(result.output)
    done = subprocess.run(["tj3", "--no-color", str(project)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Error" not in done.stderr


def catalog_closing_nothing(folder) -> str:
    path = folder / "tiny.yaml"
    path.write_text("catalog: {name: tiny}\nsolutions:\n  - id: a\n    name: A\n"
                    "    options: [{sourcing: build, effort: 1, duration: 1, cost: 0}]\n"
                    "    satisfies: [engagement.3.loyalty-rewards]\n")
    return str(path)


def test_user_errors_exit_2_with_one_line(runner, current_path, tmp_path):
    for args, needle in [(("--target", "9"), "unknown target level"),
                         (("--model", "coe", "--catalog", catalog_closing_nothing(tmp_path)), "coe.2.workflow-integrity"),
                         (("--budget", "5000"), "the smallest budget per phase that works is"),
                         (("--catalog", tmp_path / "missing.yaml"), "no such file")]:
        result = run(runner, current_path, *args)
        assert result.exit_code == 2, args
        assert needle in result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize("args, needle", [
    (("--capacity", "nan"), "capacity must be a finite number"),
    (("--capacity", "inf"), "capacity must be a finite number"),
    (("--budget", "nan"), "budget must be a finite amount"),
    (("--budget", "inf"), "budget must be a finite amount"),
])
def test_constraints_out_of_range_exit_2_with_one_line(runner, current_path, args, needle):
    result = run(runner, current_path, *args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("planner: error: ")
    assert needle in result.output and "Traceback" not in result.output


def test_unknown_diagram_format_is_refused_before_planning(runner, current_path, tmp_path):
    result = run(runner, current_path, "-o", tmp_path / "roadmap.jpg")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"planner: error: {tmp_path / 'roadmap.jpg'}: unknown diagram format '.jpg'; use one of .svg, .png, .pdf, .dot"]
    assert not (tmp_path / "roadmap.jpg").exists()


@pytest.mark.parametrize("name", ["future.json", "future.txt", "future"])
def test_future_state_must_be_yaml(runner, current_path, tmp_path, name):
    result = run(runner, current_path, "--future-state", tmp_path / name)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and ".yaml or .yml" in lines[0] and "Roadmap" not in result.output
    assert not (tmp_path / name).exists()
    assert run(runner, current_path, "--future-state", tmp_path / "future.yml").exit_code == 0


@pytest.mark.parametrize("target", ["1", "2", "ad hoc", "Managed", "data=2"])
def test_target_at_or_below_the_current_level_has_nothing_to_do(runner, current_path, target):
    result = run(runner, current_path, "--target", target)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "is at or below it: nothing to do" in lines[0]
    assert "already at" in lines[0] and "Phase" not in result.output


def test_bad_catalog_is_located(runner, current_path, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("catalog: {name: x}\nsolutions:\n  - id: a\n    name: A\n    requires: [nope]\n"
                   "    options: [{sourcing: build, effort: 1, duration: 1}]\n")
    result = run(runner, current_path, "--catalog", bad)
    assert result.exit_code == 2
    assert f"{bad}:5:" in result.output and "nope" in result.output


def test_cycle_is_listed(runner, current_path, tmp_path):
    looped = tmp_path / "loop.yaml"
    looped.write_text("catalog: {name: x}\nsolutions:\n"
                      "  - {id: a, name: A, requires: [b], satisfies: [engagement.3.loyalty-rewards],"
                      " options: [{sourcing: build, effort: 1, duration: 1}]}\n"
                      "  - {id: b, name: B, requires: [a], options: [{sourcing: build, effort: 1, duration: 1}]}\n")
    result = run(runner, current_path, "--catalog", looped)
    assert result.exit_code == 2
    assert "a -> b -> a" in result.output or "b -> a -> b" in result.output


def test_custom_catalog_example(runner, current_path):
    result = run(runner, current_path, "--catalog", ROOT / "examples" / "custom-catalog.yaml", "--format", "json")
    data = json.loads(result.output)
    assert [s["id"] for s in data["steps"]] == ["rewards-refresh", "value-and-playbooks"]
    assert data["reached"] is True


def test_demo_writes_the_roadmap(runner, tmp_path):
    result = runner.invoke(cli, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Roadmap to the next engagement level" in result.output
    folder = tmp_path / "roadmap"
    assert (folder / "roadmap.md").exists() and (folder / "roadmap.tjp").exists()
    assert read_chart(folder / "projected-future.yaml").ok


def test_demo_step_falls_back_to_dot_when_graphviz_fails(tmp_path, monkeypatch, current_path, future_path):
    import graphviz

    from planner.cli import roadmap_cmd
    from planner.cli.demo_cmd import Demo

    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(["dot"])

    monkeypatch.setattr(graphviz, "pipe", missing)
    monkeypatch.setattr(graphviz, "render", missing)
    demo = Demo(tmp_path, current_path, future_path, read_chart(current_path).chart, read_chart(future_path).chart)
    roadmap_cmd.step_roadmap(demo)
    assert tmp_path / "roadmap" / "roadmap.dot" in demo.written
    assert not (tmp_path / "roadmap" / "roadmap.svg").exists()
    assert "write_atomic" not in getattr(roadmap_cmd, "__all__", ())  # no re-export of a store function
