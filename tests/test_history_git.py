"""History from git: a chart evolving over ten commits, with an invalid commit, a syntax error and a rename.

Each step's expected levels and criteria are computed independently, by
assessing the same text directly; the steps are also chosen so that some
changes are known by name (the mobile channel gains McKnight's multichannel
criterion; the calibration charts carry their intended engagement levels).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from planner.cli import cli
from planner.history import summarize
from planner.store import parse_chart
from planner.store.git_history import chart_history
from planner.store.library import builtin_models, load_model

HERE = Path(__file__).parent
SMALL = (HERE / "fixtures" / "small.yaml").read_text(encoding="utf-8")
ENG2 = (HERE / "calibration" / "eng2-regional-retailer.yaml").read_text(encoding="utf-8")
ENG3 = (HERE / "calibration" / "eng3-credit-union.yaml").read_text(encoding="utf-8")
MOBILE = SMALL.replace("channels: [email]", "channels: [email, mobile]")
DANGLING = MOBILE.replace("accountable: cy", "accountable: cyy")
MODELS = [load_model(m) for m in builtin_models()]

STEPS = [  # (file name, text or None for a pure rename, commit subject)
    ("small.yaml", SMALL, "first chart"),
    ("small.yaml", MOBILE, "email goes mobile"),
    ("small.yaml", DANGLING, "typo in the accountable"),
    ("small.yaml", "# fixed\n" + MOBILE, "fix the typo"),
    ("chart.yaml", None, "rename the chart"),
    ("chart.yaml", SMALL, "mobile dropped"),
    ("chart.yaml", ENG2, "regional retailer"),
    ("chart.yaml", ENG3, "credit union"),
    ("chart.yaml", ENG3 + "\n  broken: [\n", "half-saved file"),
    ("chart.yaml", ENG3.replace("Lakeshore Members Credit Union, marketing", "Lakeshore CU marketing"), "rename op"),
]


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def build_repo(repo: Path) -> None:
    """Ten commits of one chart, one a day from 2026-01-01, renamed at the fifth."""
    git(repo, "init", "-q", "-b", "main")
    current = None
    for day, (name, content, subject) in enumerate(STEPS, start=1):
        if content is None:
            git(repo, "mv", current, name)
        else:
            (repo / name).write_text(content, encoding="utf-8")
            git(repo, "add", name)
        current = name
        git(repo, "commit", "-q", "-m", subject, date=f"2026-01-{day:02d}T12:00:00+00:00")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("history")
    build_repo(folder)
    return folder


@pytest.fixture(scope="module")
def table(repo):
    return chart_history(repo / "chart.yaml", MODELS, workers=1)


def expected_states():
    """Per step, the model states of its text assessed directly (None where it is not a valid chart)."""
    found, text = [], None
    for _, content, _ in STEPS:
        text = text if content is None else content
        report = parse_chart(text)
        found.append(summarize(report.chart, MODELS) if report.ok else None)
    return found


def test_every_commit_is_a_row_oldest_first_across_the_rename(table):
    assert [r.revision.subject for r in table.rows] == [s for *_, s in STEPS]
    assert [r.revision.path for r in table.rows] == [name for name, *_ in STEPS]
    assert [r.revision.date.day for r in table.rows] == list(range(1, 11))
    assert table.rows[4].renamed_from == "small.yaml"
    assert all(r.renamed_from is None for i, r in enumerate(table.rows) if i != 4)


def test_invalid_commits_are_gaps_with_their_reason(table):
    gaps = [i for i, r in enumerate(table.rows) if not r.ok]
    assert gaps == [2, 8]
    dangling, syntax = table.rows[2], table.rows[8]
    assert dangling.states == {} and dangling.changes == []
    assert dangling.error.startswith(f"small.yaml@{dangling.revision.short}:")
    assert "'cyy'" in dangling.error and "did you mean 'cy'" in dangling.error
    assert syntax.error.startswith(f"chart.yaml@{syntax.revision.short}:")
    assert "error:" in syntax.error


def test_levels_match_a_direct_assessment_of_each_step(table):
    for row, expected in zip(table.rows, expected_states()):
        if expected is None:
            assert not row.ok
            continue
        assert {k: s.level for k, s in row.states.items()} == {k: s.level for k, s in expected.items()}
        assert {k: dict(s.dimensions) for k, s in row.states.items()} == \
               {k: dict(s.dimensions) for k, s in expected.items()}
        assert {k: s.met for k, s in row.states.items()} == {k: s.met for k, s in expected.items()}


def test_calibration_steps_reach_their_intended_engagement_levels(table):
    assert [table.rows[i].level("engagement") for i in (6, 7, 9)] == [2, 3, 3]
    assert table.rows[0].level("engagement") == 1


def test_criteria_gained_and_lost_per_step(table):
    expected = expected_states()
    rows = table.rows
    assert rows[0].first and rows[0].changes == []
    assert rows[1].gained() == ["dcg.2.multichannel-mobile"] and rows[1].lost() == []
    assert rows[3].changes == []  # compared with the last valid step (1), across the gap: nothing new
    assert rows[4].changes == []  # a pure rename
    assert rows[5].gained() == [] and rows[5].lost() == ["dcg.2.multichannel-mobile"]
    for before, i in ((5, 6), (6, 7), (7, 9)):  # step 9 is compared with step 7, across the gap at 8
        old, new = expected[before], expected[i]
        for model in new:
            assert rows[i].gained(model) == sorted(new[model].met - old[model].met)
            assert rows[i].lost(model) == sorted(old[model].met - new[model].met)
    assert "engagement.3.cross-lob-view" in rows[7].gained("engagement")
    assert rows[9].changes == []  # renaming the operation changes no verdict


def test_one_assessment_per_blob(repo):
    cache: dict = {}
    chart_history(repo / "chart.yaml", MODELS, workers=1, cache=cache)
    # ten commits: two invalid, a pure rename (the blob before it) and a revert to the first text
    assert len([v for v in cache.values() if not isinstance(v, str)]) == 6
    assert len(cache) == 8


def test_since_keeps_later_commits(repo):
    import datetime as dt

    later = chart_history(repo / "chart.yaml", MODELS, since=dt.date(2026, 1, 7), workers=1)
    assert [r.revision.subject for r in later.rows] == [s for *_, s in STEPS[6:]]


def test_workers_give_the_same_table(repo, table):
    import planner.store.git_history as gh

    old, gh.PARALLEL_FROM = gh.PARALLEL_FROM, 2
    try:
        parallel = chart_history(repo / "chart.yaml", MODELS, workers=2)
    finally:
        gh.PARALLEL_FROM = old
    assert parallel.to_dict() == table.to_dict()


def test_cli_text_and_json(runner, repo):
    result = runner.invoke(cli, ["history", str(repo / "chart.yaml"), "--model", "dcg"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("History of chart.yaml: 10 commits, 2026-01-01 .. 2026-01-10; 2 without a valid chart")
    assert any(line.strip() == "+ dcg.2.multichannel-mobile" for line in lines)
    assert any(line.strip() == "- dcg.2.multichannel-mobile" for line in lines)
    assert any(line.strip() == "> renamed from small.yaml" for line in lines)
    assert sum("(no valid chart)" in line for line in lines) == 2
    engagement = runner.invoke(cli, ["history", str(repo / "chart.yaml"), "--model", "engagement"]).output
    moves = [line.strip() for line in engagement.splitlines() if line.strip().startswith("=")]
    assert moves[0].startswith("= engagement 1 -> 2 Managed; approach 1 -> 2")
    assert moves[1].startswith("= engagement 2 -> 3 Predictive")
    data = json.loads(runner.invoke(cli, ["history", str(repo / "chart.yaml"), "--format", "json"]).output)
    assert [r["valid"] for r in data["revisions"]].count(False) == 2
    assert data["revisions"][7]["models"]["engagement"]["level"] == 3


def test_cli_outside_a_repository_is_one_line(runner, tmp_path):
    chart = tmp_path / "x.yaml"
    chart.write_text(SMALL, encoding="utf-8")
    result = runner.invoke(cli, ["history", str(chart)])
    assert result.exit_code == 2
    assert "not in a git repository" in result.output and "Traceback" not in result.output


def test_uncommitted_file_is_one_line(runner, repo):
    (repo / "new.yaml").write_text(SMALL, encoding="utf-8")
    result = runner.invoke(cli, ["history", str(repo / "new.yaml")])
    assert result.exit_code == 2 and "knows no commit of this file" in result.output


@pytest.mark.needs_dot
def test_html_report_includes_the_trend_and_the_unit_matrix(runner, repo, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["report", str(repo / "chart.yaml"), "-o", str(out), "--no-roadmap"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<figcaption>Maturity over time</figcaption>" in html
    assert "<figcaption>Maturity per line of business</figcaption>" in html  # the credit union: cards, mortgages
    assert "mortgages" in html


@pytest.mark.needs_dot
def test_trend_diagram_is_drawn(runner, repo, tmp_path):
    out = tmp_path / "trend.svg"
    result = runner.invoke(cli, ["history", str(repo / "chart.yaml"), "--model", "engagement", "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8").replace("&#45;", "-")
    assert "Maturity over time: chart.yaml" in svg and "2 commit(s) without a valid chart" in svg
    assert "no valid chart on 2026-01-03" in svg and "no valid chart on 2026-01-09" in svg
    assert "Consumer engagement maturity (engagement)" in svg
    import re

    ticks = re.findall(r">(2026-01-\d\d)</text>", svg)  # the time axis: midnights a whole number of days apart
    assert ticks == ["2026-01-02", "2026-01-04", "2026-01-06", "2026-01-08", "2026-01-10"]
