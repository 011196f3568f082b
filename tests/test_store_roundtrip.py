"""Canonical save: load, save, load gives an equal chart; saving twice gives identical bytes."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.model import Chart
from planner.store import load_chart, save_chart
from planner.store.emit import emit
from planner.store.located import parse_located
from planner.store.yaml12 import loads_fast
from planner.synthetic import synthetic_chart_data

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
scalars = st.none() | st.booleans() | st.integers(-10**12, 10**12) | texts | st.floats(allow_nan=False)
json_like = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)


@given(json_like)
@settings(max_examples=300, deadline=None)
def test_emitter_output_reads_back_identically_with_both_parsers(data):
    text = emit(data)
    assert _same(loads_fast(text), data), text
    assert _same(parse_located(text).data, data), text


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isinf(a) and a == b)
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b and type(a) is type(b)


@given(
    seed=st.integers(0, 10_000),
    size=st.integers(20, 150),
    words=st.lists(texts.filter(lambda s: s.strip()), min_size=1, max_size=8),
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_valid_charts_round_trip(tmp_path, seed, size, words):
    data = synthetic_chart_data(size, seed)
    for i, person in enumerate(data["people"]):  # hostile text where people type free text
        person["name"] = words[i % len(words)]
        person["skills"] = words[: i % 3]
    data["chart"]["description"] = "\n".join(words)
    chart = Chart.model_validate(data)
    path = tmp_path / f"chart-{seed}-{size}.yaml"
    save_chart(chart, path)
    first = path.read_bytes()
    again = load_chart(path)
    assert again == chart
    save_chart(again, path)
    assert path.read_bytes() == first


def test_shipped_style_header_comments_survive_a_save(tmp_path, small_chart_path):
    path = tmp_path / "c.yaml"
    path.write_text("# yaml-language-server: $schema=x.json\n# My chart\n" + small_chart_path.read_text())
    save_chart(load_chart(path), path)
    first_lines = path.read_text().splitlines()[:4]
    assert first_lines[:2] == ["# yaml-language-server: $schema=x.json", "# My chart"]
    assert first_lines[3] == "version: 1"


def test_canonical_text_is_short_and_hand_editable(tmp_path, small_chart_path):
    path = tmp_path / "c.yaml"
    save_chart(load_chart(small_chart_path), path)
    text = path.read_text()
    assert "fte: 1.0" not in text  # defaults are left out
    assert "channels: [email]" in text  # short word lists stay on one line
    assert "  - id: ann\n" in text
