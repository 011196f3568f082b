"""``planner diff A B``: summary and details, JSON, colour, exit codes as diff(1)."""

from __future__ import annotations

import json
import re
import shutil

from planner.cli import cli

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def future_copy(small_chart_path, tmp_path, *edits: tuple[str, str]):
    text = small_chart_path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "future.yaml"
    path.write_text(text, encoding="utf-8")
    return path


MOVE_CY = ("team: mkt, reports_to: ann, fte: 0.5", "team: web, reports_to: ann, fte: 0.5")


def test_equal_charts_exit_0(runner, small_chart_path, tmp_path):
    copy = tmp_path / "same.yaml"
    shutil.copy(small_chart_path, copy)
    result = runner.invoke(cli, ["diff", str(small_chart_path), str(copy)])
    assert result.exit_code == 0, result.output
    assert "no differences" in result.output


def test_different_charts_exit_1_with_summary_then_details(runner, small_chart_path, tmp_path):
    b = future_copy(small_chart_path, tmp_path, MOVE_CY, ("title: CMO", "title: Chief Marketing Officer"))
    result = runner.invoke(cli, ["diff", str(small_chart_path), str(b), "--no-maturity"])
    assert result.exit_code == 1, result.output
    out = result.output
    assert re.search(r"^ person\s+\|\s+2 ~~$", out, re.M)
    assert "2 elements: 0 added, 0 removed, 2 changed; 1 moves" in out
    assert "Cy Park (cy) changes team: Marketing (mkt) -> Web Operations (web)" in out
    assert "title: CMO -> Chief Marketing Officer" in out
    assert out.index("Moves (1)") < out.index("People (2 changed)")
    assert not ANSI.search(out), "piped output is plain"


def test_color_on_request(runner, small_chart_path, tmp_path):
    b = future_copy(small_chart_path, tmp_path, MOVE_CY)
    result = runner.invoke(cli, ["diff", str(small_chart_path), str(b), "--color", "always"])
    assert ANSI.search(result.output)


def test_json_shape(runner, small_chart_path, tmp_path):
    b = future_copy(small_chart_path, tmp_path, MOVE_CY, ("  - {id: bpo, name: CallWorks, kind: bpo}\n", ""))
    result = runner.invoke(cli, ["diff", str(small_chart_path), str(b), "--format", "json", "--no-maturity"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert {"format", "a", "b", "a_path", "b_path", "equal", "summary", "added", "removed", "changed",
            "renamed", "moves", "relations", "chart", "maturity", "names"} <= set(data)
    assert data["removed"] == [{"id": "bpo", "kind": "org", "name": "CallWorks"}]
    assert data["changed"][0] == {"id": "cy", "kind": "person", "name": "Cy Park", "changes": [
        {"path": "team", "old": "mkt", "new": "web", "relation": "member_of"}]}
    assert data["summary"]["totals"]["moves"] == 1
    assert {"source": "cy", "relation": "member_of", "target": "web"} in data["relations"]["added"]


def test_no_renames_flag(runner, small_chart_path, tmp_path):
    text = small_chart_path.read_text(encoding="utf-8").replace("coe-web", "coe-webops")
    b = tmp_path / "renamed.yaml"
    b.write_text(text, encoding="utf-8")
    with_renames = runner.invoke(cli, ["diff", str(small_chart_path), str(b), "--no-maturity"])
    assert "coe-web -> coe-webops" in with_renames.output
    without = runner.invoke(cli, ["diff", str(small_chart_path), str(b), "--no-renames", "--no-maturity"])
    assert "+ coe-webops" in without.output and "- coe-web " in without.output
    assert with_renames.exit_code == without.exit_code == 1


def test_relations_listing(runner, small_chart_path, tmp_path):
    b = future_copy(small_chart_path, tmp_path, MOVE_CY)
    result = runner.invoke(cli, ["diff", str(small_chart_path), str(b), "--relations", "--no-maturity"])
    assert "+ cy --member_of--> web" in result.output and "- cy --member_of--> mkt" in result.output


def test_errors_exit_2_without_traceback(runner, small_chart_path, tmp_path):
    missing = runner.invoke(cli, ["diff", str(small_chart_path), str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    broken = future_copy(small_chart_path, tmp_path, ("accountable: bob", "accountable: nobody"))
    invalid = runner.invoke(cli, ["diff", str(small_chart_path), str(broken)])
    assert invalid.exit_code == 2 and "nobody" in invalid.output
    bad_out = runner.invoke(cli, ["diff", str(small_chart_path), str(small_chart_path), "-o", "x.txt"])
    assert bad_out.exit_code == 2
    # the render package's format check, word for word, as `planner render -o` and `planner roadmap -o` say it
    assert bad_out.output.strip().splitlines() == [
        "planner: error: x.txt: unknown diagram format '.txt'; use one of .svg, .png, .pdf, .dot"]
    for result in (missing, invalid, bad_out):
        assert "Traceback" not in result.output


def test_shipped_current_versus_future(runner, current_path, future_path):
    result = runner.invoke(cli, ["diff", str(current_path), str(future_path)])
    assert result.exit_code == 1, result.output
    out = result.output
    assert "changes team" in out and "changes accountable owner" in out
    assert re.search(r"hand-off \w+ moves from staff .* to BPO provider .*\(outsourced\)", out)


def test_diff_commands_share_one_colour_helper_and_the_render_format_check():
    from planner.cli import diff_cmd, git_diff_cmd

    assert not hasattr(diff_cmd, "DIAGRAM_SUFFIXES") and not hasattr(git_diff_cmd, "_force")
    assert git_diff_cmd.color_flag is diff_cmd.color_flag
    assert [diff_cmd.color_flag(c) for c in ("always", "never", "auto")] == [True, False, None]
    assert not hasattr(diff_cmd, "_maturity_models")
