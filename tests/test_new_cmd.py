"""``planner new``: a valid first chart, from questions at a terminal or from a template."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner.cli import cli
from planner.store import parse_chart, read_chart
from planner.store.charts import SCHEMA_FILE
from planner.store.templates import TEMPLATES, Answers, fill, name_from


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_template_writes_a_valid_chart_without_warnings(runner, tmp_path, template):
    path = tmp_path / f"{template}.yaml"
    result = runner.invoke(cli, ["new", str(path), "--template", template])
    assert result.exit_code == 0, result.output
    report = read_chart(path)
    assert report.ok and not report.problems, [p.format() for p in report.problems]
    assert report.chart.size() > 15 and report.chart.capabilities and report.chart.workflows


def test_modeline_points_at_the_installed_schema(runner, tmp_path):
    path = tmp_path / "sub" / "ops.yaml"
    path.parent.mkdir()
    assert runner.invoke(cli, ["new", str(path), "--template", "b2b"]).exit_code == 0
    first = path.read_text().splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == SCHEMA_FILE and target.is_file()


def test_not_a_terminal_asks_nothing_and_writes_the_default_template(tmp_path):
    path = tmp_path / "acme-outdoor.yaml"
    done = subprocess.run([sys.executable, "-m", "planner", "new", str(path)], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "?" not in done.stdout.splitlines()[0]  # no question was printed
    chart = read_chart(path).chart
    assert chart.chart.name == "Acme outdoor operation"
    assert "template: small brand" in path.read_text()


def test_an_existing_file_is_not_replaced_without_force(runner, tmp_path):
    path = tmp_path / "ops.yaml"
    path.write_text("keep me\n")
    result = runner.invoke(cli, ["new", str(path), "--template", "b2b"])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert path.read_text() == "keep me\n"
    assert runner.invoke(cli, ["new", str(path), "--template", "b2b", "--force"]).exit_code == 0


def test_answers_go_into_the_chart(monkeypatch, runner, tmp_path):
    monkeypatch.setattr("planner.cli.new_cmd.interactive", lambda: True)
    path = tmp_path / "ops.yaml"
    answers = "\n".join(["Acme: Outdoor # Co", "retailer", "consumer, trade", "25", "Social Media, Web Team",
                         "Shopify Plus, Klaviyo", ""])
    result = runner.invoke(cli, ["new", str(path)], input=answers)
    assert result.exit_code == 0, result.output
    chart = read_chart(path).chart
    assert chart.chart.name == "Acme: Outdoor # Co"
    assert {"Social Media", "Web Team"} <= {t.name for t in chart.teams}
    assert {t.lob for t in chart.teams} == {"consumer"}
    assert {"Shopify Plus", "Klaviyo"} <= {s.name for s in chart.systems}
    assert "25 people" in chart.chart.description and "consumer, trade" in chart.chart.description
    assert any(c.id == "cap-loyalty" for c in chart.capabilities)  # the retailer template


def test_answered_names_that_clash_with_template_ids_get_fresh_ids():
    from planner.store.templates import TEMPLATES_DIR

    text = fill((TEMPLATES_DIR / "small-brand.yaml").read_text(), Answers("X", teams=["Marketing", "Marketing"],
                systems=["Web store"]), __import__("pathlib").Path("x.yaml"))
    report = parse_chart(text)
    assert report.ok, [p.format() for p in report.problems]
    assert {"t-marketing-2", "t-marketing-3"} <= {t.id for t in report.chart.teams}


def test_names_from_file_names():
    from pathlib import Path

    assert name_from(Path("acme-outdoor.yaml")) == "Acme outdoor operation"
    assert name_from(Path("my-operation.yaml")) == "My operation"
