"""``planner assess`` and ``planner models``: formats, exit codes, located errors, the schema file."""

from __future__ import annotations

import json
from pathlib import Path

from planner.cli import cli
from planner.maturity.spec import model_json_schema
from planner.store.library import builtin_models

ROOT = Path(__file__).parent.parent


def test_assess_text_reads_like_an_assessment(runner, current_path):
    result = runner.invoke(cli, ["assess", str(current_path)])
    assert result.exit_code == 0, result.output
    out = result.output
    for model_id in builtin_models():
        assert f"({model_id}): level" in out
    assert "To reach level 3 Predictive, close these gaps (every gap at level 3 or below):" in out
    assert "engagement.3." in out and "accountable:" in out
    assert "Customer data and insight" in out
    assert "Structure of the operation" in out and "Bottlenecks" in out


def test_assess_json_has_the_documented_shape(runner, current_path, future_path):
    result = runner.invoke(cli, ["assess", str(future_path), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) == {"chart", "levels", "models", "structure"}
    assert data["levels"] == {m: data["models"][m]["level"] for m in builtin_models()}
    assert all(isinstance(v, int) for v in data["levels"].values())
    eng = data["models"]["engagement"]
    assert {"level", "level_name", "next_level", "dimension_levels", "capability_levels", "level_scores",
            "gaps", "criteria"} <= set(eng)
    crit = eng["criteria"][0]
    assert {"id", "level", "dimension", "status", "kind", "met", "score", "satisfied_by", "findings", "claims"} <= set(crit)
    assert eng["gaps"] == [c["id"] for c in eng["criteria"]
                           if c["status"] in ("gap", "claimed") and c["level"] <= (eng["next_level"] or 0)]
    assert {"sampled", "sources", "nodes"} == set(data["structure"]["betweenness"])


def test_assess_markdown_and_one_model(runner, current_path):
    result = runner.invoke(cli, ["assess", str(current_path), "--model", "engagement", "--format", "md", "--no-structure"])
    assert result.exit_code == 0
    assert result.output.startswith("# Maturity assessment")
    assert "| Customer data and insight | 2 Managed |" in result.output
    assert "(`dcg`)" not in result.output and "(`engagement`)" in result.output
    assert "## Structure" not in result.output


def test_assess_with_custom_model_file(runner, current_path):
    result = runner.invoke(cli, ["assess", str(current_path), "--model", str(ROOT / "examples" / "custom-model.yaml"),
                                 "--format", "json", "--no-structure"])
    assert result.exit_code == 0
    assert list(json.loads(result.output)["levels"]) == ["service-basics"]


def test_mistake_in_model_file_gives_located_error_and_exit_1(runner, current_path, tmp_path):
    text = (ROOT / "examples" / "custom-model.yaml").read_text().replace("rule: external_sla", "rule: external_slas")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    result = runner.invoke(cli, ["assess", str(current_path), "--model", str(bad)])
    assert result.exit_code == 1  # a located mistake in the input, as `check` reports them
    line = next(text for text in result.output.splitlines() if "error" in text)
    assert line.startswith(f"{bad}:") and "service-basics.2.vendor-sla" in line and "external_sla" in line
    assert "Traceback" not in result.output


def test_unknown_model_name_exits_2(runner, current_path):
    result = runner.invoke(cli, ["assess", str(current_path), "--model", "nope"])
    assert result.exit_code == 2 and "unknown maturity model 'nope'" in result.output


def test_models_lists_levels_and_criteria(runner):
    result = runner.invoke(cli, ["models"])
    assert result.exit_code == 0
    assert "Initial / ad hoc; 2 Managed; 3 Predictive; 4 Adaptive; 5 Anticipative" in result.output  # a "/" in a name
    detail = runner.invoke(cli, ["models", "dcg"])
    assert "dcg.3.syndication-partners" in detail.output
    rules = runner.invoke(cli, ["models", "--rules"])
    assert "single_points_of_failure" in rules.output and "params:" in rules.output


def test_schema_file_matches_the_model():
    shipped = json.loads((ROOT / "planner" / "data" / "maturity-model.schema.json").read_text())
    assert shipped == model_json_schema()
