"""``planner git-diff`` as a git diff driver, in a throw-away repository."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo, *args: str) -> str:
    env_args = ["-c", "user.email=t@example.com", "-c", "user.name=Test", "-c", "core.pager=cat"]
    done = subprocess.run(["git", *env_args, *args], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def repo(tmp_path, small_chart_path):
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitattributes").write_text("*.yaml diff=planner\n", encoding="utf-8")
    driver = f"{sys.executable} -m planner git-diff --no-maturity"
    git(tmp_path, "config", "diff.planner.command", driver)
    shutil.copy(small_chart_path, tmp_path / "chart.yaml")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "current state")
    return tmp_path


def test_git_diff_shows_the_semantic_diff(repo):
    chart = repo / "chart.yaml"
    chart.write_text(chart.read_text().replace("team: mkt, reports_to: ann, fte: 0.5",
                                               "team: web, reports_to: ann, fte: 0.5"), encoding="utf-8")
    out = git(repo, "diff")
    assert "planner diff a/chart.yaml b/chart.yaml" in out
    assert "Cy Park (cy) changes team: Marketing (mkt) -> Web Operations (web)" in out
    assert "@@" not in out  # no line hunks


def test_reformatting_shows_no_difference(repo, small_chart_path):
    from planner.store import chart_to_text, load_chart

    (repo / "chart.yaml").write_text(chart_to_text(load_chart(small_chart_path)), encoding="utf-8")
    assert git(repo, "diff", "--stat")  # the bytes changed ...
    assert "no differences" in git(repo, "diff")  # ... the chart did not


def test_added_file_and_invalid_revision(repo, small_chart_path):
    shutil.copy(small_chart_path, repo / "other.yaml")
    git(repo, "add", "other.yaml")
    out = git(repo, "diff", "--cached")
    assert "planner diff a/other.yaml b/other.yaml" in out and "+ ann" in out
    git(repo, "commit", "-q", "-m", "two")
    (repo / "other.yaml").write_text("chart: [oops\n", encoding="utf-8")
    out = git(repo, "diff", "--", "other.yaml")  # git must not die on a broken revision
    assert "not a valid chart" in out and "+chart: [oops" in out
