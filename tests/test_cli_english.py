"""The command line as a new user meets it: every problem at once, quiet pipes, counts in English,
``--lenient`` drawings and assessments, and a projected chart that keeps its comment and schema."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner.cli import cli
from planner.store.charts import SCHEMA_FILE
from planner.textfmt import count, join_names, number, plural

MIXED = """\
version: 1
chart: {name: Mixed operation, as_of: 2026-01-15}
teams:
  - {id: mkt, name: Marketing}
people:
  - {id: ann, name: Ann Lee, title: CMO, team: mkt}
  - {id: bob, name: Bob Stone, title: Web, team: mkk, fte: lots}
capabilities:
  - id: email
    name: Email
    area: delivery
    channels: [emial]
    practices: [mass_emial]
    accountable: ann
    responsible: [bobb]
    phases: {known: IV}
"""


@pytest.fixture
def mixed(tmp_path):
    path = tmp_path / "mixed.yaml"
    path.write_text(MIXED)
    return path


def test_check_reports_every_problem_of_an_element_with_a_type_error(runner, mixed):
    result = runner.invoke(cli, ["check", str(mixed)])
    assert result.exit_code == 1
    lines = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert lines == [
        "error: team of 'bob' names unknown team 'mkk'; did you mean 'mkt'?",
        "error: fte of 'bob': Input should be a valid number, unable to parse string as a number (got 'lots')",
        "warning: channel 'emial' of 'email' is not one the maturity rules know; did you mean 'email'?",
        "warning: practice 'mass_emial' of 'email' is not one the maturity rules know; did you mean 'mass_email'?",
        "error: responsible of 'email' names unknown person or team or org 'bobb'; did you mean 'bob'?",
        "error: known of 'email': Input should be 'I', 'II' or 'III' (got 'IV')",
    ]
    first = result.stdout.splitlines()[0]
    assert first.split(": ", 1)[0].rsplit(":", 2)[1:] == ["7", "50"]


def test_a_type_error_alone_is_not_doubled_by_the_partial_check(runner, tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text(MIXED.replace("team: mkk, fte: lots", "team: mkt, fte: lots").replace("[emial]", "[email]")
                    .replace("[mass_emial]", "[mass_email]").replace("[bobb]", "[bob]"))
    result = runner.invoke(cli, ["check", str(path)])
    assert len(result.stdout.splitlines()) == 2  # the two type errors, nothing invented


def test_models_piped_into_head_exits_quietly():
    done = subprocess.run(f"{sys.executable} -m planner models engagement | head -1", shell=True,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.strip() == "Consumer engagement maturity (engagement)"
    assert done.stderr == ""


def test_counts_read_as_english():
    assert count(1, "person") == "1 person"
    assert count(0.83, "person") == "0.83 people"
    assert count(2, "person") == "2 people"
    assert count(1, "element") == "1 element"
    assert count(28.6, "person-week", places=1) == "28.6 person-weeks"
    assert count(1250, "element") == "1,250 elements"
    assert number(3.0) == "3" and plural(1, "criterion") == "criterion" and plural(3, "capability") == "capabilities"


def test_level_lists_with_a_slash_in_a_name_use_semicolons(runner):
    assert join_names(["1 Tactical", "2 Aware"]) == "1 Tactical / 2 Aware"
    assert join_names(["1 Initial/ad hoc", "2 Managed"]) == "1 Initial/ad hoc; 2 Managed"
    result = runner.invoke(cli, ["models"])
    line = next(x for x in result.stdout.splitlines() if "levels: 1 Initial" in x)
    assert "; 2 Managed; 3 Predictive" in line


def test_check_says_1_element(runner, tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text("version: 1\nchart: {name: One}\nteams:\n  - {id: mkt, name: Marketing}\n")
    result = runner.invoke(cli, ["check", str(path)])
    assert "ok, 1 element\n" in result.stderr


def test_render_lenient_draws_the_sound_part_and_lists_the_errors(runner, mixed, tmp_path):
    out = tmp_path / "org.dot"
    refused = runner.invoke(cli, ["render", str(mixed), "--view", "org", "-o", str(out)])
    assert refused.exit_code == 2 and not out.exists()
    result = runner.invoke(cli, ["render", str(mixed), "--view", "org", "-o", str(out), "--lenient"])
    assert result.exit_code == 0, result.output
    assert "has 4 errors; left out what they break (--lenient)" in result.stderr
    assert "fte of 'bob'" in result.stderr
    text = out.read_text()
    assert "Ann Lee" in text and "Bob Stone" not in text


def test_assess_lenient_assesses_the_sound_part(runner, mixed):
    assert runner.invoke(cli, ["assess", str(mixed), "--model", "engagement"]).exit_code == 2
    result = runner.invoke(cli, ["assess", str(mixed), "--model", "engagement", "--lenient"])
    assert result.exit_code == 0, result.output
    assert "Maturity assessment: Mixed operation" in result.stdout
    assert "responsible of 'email'" in result.stderr


def test_projected_chart_keeps_the_comment_and_points_at_the_installed_schema(tmp_path, current_path):
    from planner.store import load_chart, read_chart
    from planner.store.charts import save_projection

    target = tmp_path / "future.yaml"
    save_projection(load_chart(current_path), target, current_path, "Projected by planner roadmap: level 3.")
    lines = target.read_text().splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    assert (target.parent / lines[0].split("$schema=", 1)[1]).resolve() == SCHEMA_FILE
    assert lines[1] == "# Harbor & Pine Outfitters - current-state capability-resource chart"
    assert lines[2] == "# Projected by planner roadmap: level 3."
    assert "example" not in lines[0]
    assert read_chart(target).ok
