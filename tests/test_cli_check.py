"""``planner check`` and ``planner schema`` through click's test runner: output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from planner.cli import cli

BROKEN = """\
chart:
  name: Broken
teams:
  - {id: mkt, name: Marketing}
people:
  - {id: ann, name: Ann, team: mkt}
  - {id: ann, name: Twin, team: mkt}
  - {id: bob, name: Bob, team: mkk}
"""


def test_valid_chart_exits_0(runner, small_chart_path):
    result = runner.invoke(cli, ["check", str(small_chart_path)])
    assert result.exit_code == 0, result.output
    assert "ok, 21 elements" in result.output


def test_problems_exit_1_one_located_line_each(runner, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{path}:7:6: error: duplicate id 'ann': already used by the person at people.0",
        f"{path}:8:32: error: team of 'bob' names unknown team 'mkk'; did you mean 'mkt'?",
    ]


def test_json_format_gives_the_same_problems_as_data(runner, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN)
    result = runner.invoke(cli, ["check", "--format", "json", str(path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False
    problems = data["files"][0]["problems"]
    assert [(p["line"], p["col"], p["code"], p["id"]) for p in problems] == [
        (7, 6, "duplicate-id", "ann"),
        (8, 32, "dangling-reference", "mkk"),
    ]


def test_several_files_in_one_run(runner, tmp_path, small_chart_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text(BROKEN)
    result = runner.invoke(cli, ["check", str(small_chart_path), str(bad)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2


def test_missing_file_exits_2_with_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["check", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{tmp_path / 'nope.yaml'}: error: no such file"


def test_usage_error_exits_2(runner):
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_warnings_pass_unless_strict(runner, tmp_path, small_chart_path):
    path = tmp_path / "w.yaml"
    path.write_text(small_chart_path.read_text().replace("channels: [email]", "channels: [emial]"))
    assert runner.invoke(cli, ["check", str(path)]).exit_code == 0
    strict = runner.invoke(cli, ["check", "--strict", str(path)])
    assert strict.exit_code == 1
    assert "warning: channel 'emial'" in strict.stdout and "did you mean 'email'?" in strict.stdout


def test_installed_command_never_prints_a_traceback(tmp_path):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    result = subprocess.run([sys.executable, "-m", "planner", "check", str(path)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not UTF-8" in result.stderr


def test_schema_is_json_schema_of_a_chart(runner):
    result = runner.invoke(cli, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"chart", "people", "capabilities", "coes"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False
    person = schema["$defs"]["Person"]
    assert person["properties"]["reports_to"]["description"].startswith("The person's manager")


def test_shipped_schema_file_is_current(runner):
    from pathlib import Path

    shipped = Path(__file__).parents[1] / "planner" / "data" / "chart.schema.json"
    assert json.loads(shipped.read_text()) == json.loads(runner.invoke(cli, ["schema"]).stdout), "run: make schema"


def test_shipped_chart_broken_four_ways_gives_four_located_lines(runner, tmp_path, current_path):
    text = current_path.read_text()
    edits = [
        ("people:\n", "people:\n  - {id: p-elena-marsh, name: Elena Twin}\n"),  # duplicate id
        ("reports_to: p-nadia-brooks, skills: [purchase", "reports_to: p-nadia-brook, skills: [purchase"),  # dangling
        ("    lead: p-julian-park\n", "    lead: p-julian-park\n    lead: p-elena-marsh\n"),  # duplicate key
        ("    name: Web store\n", '    name: "Web store\n'),  # YAML syntax: unclosed quote
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "broken.yaml"
    path.write_text(text)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 4, result.stdout
    codes = ["duplicate id 'p-elena-marsh'", "names unknown person 'p-nadia-brook'; did you mean 'p-nadia-brooks'?",
             "duplicate key 'lead'", "YAML syntax"]
    assert all(line.startswith(f"{path}:") and ": error: " in line for line in lines)
    for expected in codes:
        assert sum(expected in line for line in lines) == 1, (expected, lines)


def test_os_errors_in_commands_are_one_line_exit_2(runner, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(cli, ["demo", "--out", str(blocker / "out")])
    assert result.exit_code == 2
    assert result.stderr.startswith("planner: error: ") and len(result.stderr.splitlines()) == 1
