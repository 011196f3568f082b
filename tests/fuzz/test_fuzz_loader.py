"""Fuzz: the loader refuses any text, bytes, model or catalog with PlannerErrors only, each one located line.

In the normal suite the examples are a fixed set (derandomized), bounded to
well under a minute; ``make fuzz`` runs FUZZ_CASES random ones per test.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from charts import base_texts, budget, chart_text, mutated_text
from planner.errors import PlannerError
from planner.maturity.spec import MaturityModel
from planner.roadmap.catalog import Catalog
from planner.store import chart_to_text, load_yaml_model, parse_chart, read_chart
from planner.store.decode import normalize_newlines
from planner.store.roundtrip import dump

DATA = Path(__file__).resolve().parents[2] / "planner" / "data"


def assert_located(report, text: str) -> None:
    """Every problem: a line and column inside the text, and one line when printed."""
    last = normalize_newlines(text).count("\n") + 1
    for problem in report.problems:
        assert 1 <= problem.line <= last and problem.col >= 1, problem
        assert "\n" not in problem.format() and "\r" not in problem.format(), problem


@budget(600)
@given(st.one_of(mutated_text(), chart_text(), st.text(max_size=300)))
def test_any_text_gives_located_one_line_problems(text):
    report = parse_chart(text, "fuzz.yaml")
    assert_located(report, text)
    if report.ok:  # a valid chart saves canonically and reads back the same
        again = parse_chart(chart_to_text(report.chart), "again.yaml")
        assert again.ok, again.problems
        assert dump(again.chart) == dump(report.chart)


@budget(300)
@given(st.one_of(st.binary(max_size=200), mutated_text().map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.sampled_from(base_texts()).map(lambda t: t.encode("utf-16"))))
def test_any_bytes_in_a_file_are_read_or_refused_in_one_line(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(raw)
        try:
            report = read_chart(path)
        except PlannerError as exc:
            assert "\n" not in str(exc)
            return
        assert all(p.line >= 1 for p in report.problems)


def _load(text: str, cls, check=None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_yaml_model(path, cls, check)
        except PlannerError as exc:
            for problem in getattr(exc, "problems", []):
                assert problem.line >= 1 and "\n" not in problem.format(), problem


@budget(150)
@given(mutated_text(((DATA / "models" / "coe.yaml").read_text(encoding="utf-8"),)))
def test_any_model_file_loads_or_is_refused_with_planner_errors(text):
    from planner.maturity.load import check_model

    _load(text, MaturityModel, check_model)


@budget(100)
@given(mutated_text(((DATA / "catalog.yaml").read_text(encoding="utf-8")[:6000].rsplit("\n  - id:", 1)[0] + "\n",)))
def test_any_catalog_file_loads_or_is_refused_with_planner_errors(text):
    from planner.cli.catalog_checks import checked, known_criteria

    criteria = known_criteria("engagement")
    _load(text, Catalog, lambda catalog: checked(catalog, criteria))
