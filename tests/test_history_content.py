"""History assesses a revision again only when what the engine reads changed, and keeps verdicts on disk.

The content key leaves out element names and notes and the ``chart:`` heading;
the first tests check the premise on real charts (scrambling those fields changes
no verdict), so a rule that starts reading a name fails here, not in a user's
history. The cache tests run ``chart_history`` twice and count assessments.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from planner.history import summarize
from planner.history.content import ContentKeys
from planner.store import parse_chart
from planner.store.emit import emit
from planner.store.git_history import chart_history
from planner.store.library import builtin_models, load_model
from planner.store.yaml12 import loads_fast

HERE = Path(__file__).parent
CHARTS = [p for p in sorted((HERE / "calibration").glob("*.yaml")) if p.stem != "decisions"] + [HERE / "fixtures" / "small.yaml"]
MODELS = [load_model(m) for m in builtin_models()]


def _scrambled(value, n=[0]):  # noqa: B006  (a counter shared by the calls: every name different)
    if isinstance(value, list):
        return [_scrambled(v) for v in value]
    if isinstance(value, dict):
        out = {k: _scrambled(v) for k, v in value.items()}
        if "id" in value:
            n[0] += 1
            out["name"] = f"Zz {n[0]} " + str(value.get("name", ""))[::-1]
            out["notes"] = f"scrambled note {n[0]}"
        return out
    return value


def _parse(text: str):
    report = parse_chart(text)
    assert report.ok, report.errors
    return report.chart


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: p.stem)
def test_names_notes_and_heading_change_no_verdict(path):
    data = loads_fast(path.read_text(encoding="utf-8"))
    if not any(isinstance(v, list) and v for v in data.values()):
        pytest.skip("no elements")
    other = {k: _scrambled(v) if k not in ("chart", "answers", "targets") else v for k, v in data.items()}
    other["chart"] = {**data["chart"], "name": "Another operation", "description": "reworded", "owner": "someone"}
    before, after = summarize(_parse(emit(data)), MODELS), summarize(_parse(emit(other)), MODELS)
    for key in before:
        assert before[key].to_dict() == after[key].to_dict(), key


def test_keys_ignore_presentation_and_see_evidence():
    data = loads_fast((HERE / "fixtures" / "small.yaml").read_text(encoding="utf-8"))
    keys = ContentKeys()
    base = keys.key(data)
    renamed = {**data, "chart": {**data["chart"], "name": "Renamed"},
               "capabilities": [{**c, "name": c["name"] + " (new)", "notes": "x"} for c in data["capabilities"]]}
    assert keys.key(renamed) == base
    assert keys.key(dict(reversed(list(data.items())))) == base  # the order of the top-level keys
    cap = data["capabilities"][0]
    moved = {**data, "capabilities": [{**cap, "channels": [*cap.get("channels", []), "mobile"]},
                                      *data["capabilities"][1:]]}
    assert keys.key(moved) != base
    assert keys.key({**data, "answers": {"dcg.2.x": {"answer": "yes"}}}) != base
    assert ContentKeys().key(renamed) == base  # the same key from a fresh reader


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.fixture()
def repo(tmp_path):
    """Four commits: a chart, a capability renamed, a comment added, a channel added (two contents)."""
    small = (HERE / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    steps = [small, small.replace("name: Email campaigns", "name: Email programmes", 1),
             "# reviewed\n" + small.replace("name: Email campaigns", "name: Email programmes", 1),
             small.replace("channels: [email]", "channels: [email, mobile]")]
    assert steps[1] != small and steps[3] != small
    git(tmp_path, "init", "-q", "-b", "main")
    for n, text in enumerate(steps):
        (tmp_path / "chart.yaml").write_text(text, encoding="utf-8")
        git(tmp_path, "add", "chart.yaml")
        git(tmp_path, "commit", "-q", "-m", f"step {n}")
    return tmp_path


@pytest.fixture()
def counted(monkeypatch):
    import planner.store.git_history as gh

    calls: list[int] = []

    def counting(chart, models):
        calls.append(1)
        return summarize(chart, models)

    monkeypatch.setattr(gh, "summarize", counting)
    return calls


def test_an_unchanged_content_is_assessed_once(repo, counted):
    table = chart_history(repo / "chart.yaml", MODELS, workers=1, on_disk=False)
    assert len(counted) == 2  # four blobs, two contents as the engine reads them
    assert [r.level("dcg") for r in table.rows][:3] == [table.rows[0].level("dcg")] * 3
    assert table.rows[3].gained() == ["dcg.2.multichannel-mobile"]


def test_a_second_run_reads_the_verdicts_from_the_git_folder(repo, counted):
    first = chart_history(repo / "chart.yaml", MODELS, workers=1)
    files = sorted(p.name for p in (repo / ".git" / "planner-cache" / "history").iterdir())
    assert files == sorted(f"{m.id}.json" for m in MODELS)
    assert len(counted) == 2
    second = chart_history(repo / "chart.yaml", MODELS, workers=1)
    assert len(counted) == 2  # nothing assessed again
    assert second.to_dict() == first.to_dict()
    for a, b in zip(first.rows, second.rows):
        for key in a.states:
            assert dict(a.states[key].statements) == dict(b.states[key].statements)
            assert dict(a.states[key].level_names) == dict(b.states[key].level_names)


def test_a_damaged_or_foreign_cache_is_ignored(repo, counted):
    chart_history(repo / "chart.yaml", MODELS, workers=1)
    folder = repo / ".git" / "planner-cache" / "history"
    (folder / "dcg.json").write_text("{not json", encoding="utf-8")
    engagement = json.loads((folder / "engagement.json").read_text(encoding="utf-8"))
    for record in engagement["blobs"].values():
        record["level"] = "high"
    (folder / "engagement.json").write_text(json.dumps(engagement), encoding="utf-8")
    lifecycle = json.loads((folder / "lifecycle.json").read_text(encoding="utf-8"))
    lifecycle["fingerprint"] = "an older planner"
    (folder / "lifecycle.json").write_text(json.dumps(lifecycle), encoding="utf-8")
    again = chart_history(repo / "chart.yaml", MODELS, workers=1)
    assert len(counted) == 4  # assessed again, all of it
    assert again.rows[3].gained("dcg") == ["dcg.2.multichannel-mobile"]
    assert json.loads((folder / "dcg.json").read_text(encoding="utf-8"))["model"] == "dcg"  # rewritten whole


def test_no_cache_reads_and_writes_nothing(repo, runner, counted):
    from planner.cli import cli

    result = runner.invoke(cli, ["history", str(repo / "chart.yaml"), "--no-cache", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert not (repo / ".git" / "planner-cache").exists()
    chart_history(repo / "chart.yaml", MODELS, workers=1)
    runner.invoke(cli, ["history", str(repo / "chart.yaml"), "--no-cache", "--workers", "1"])
    assert len(counted) == 6
