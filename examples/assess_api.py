"""Assess the shipped current chart with the Python API: levels, dimensions, gaps, JSON.

Run from the repository: ``.venv/bin/python examples/assess_api.py [CHART]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from planner.charts import shipped_chart
from planner.maturity import analyze_structure, assess, assess_all
from planner.store import load_chart, load_model, load_models

chart_path = Path(sys.argv[1]) if len(sys.argv) > 1 else shipped_chart("current")
chart = load_chart(chart_path)  # the engine takes the chart (or its Facts) and model objects

# Every built-in model at once: rules shared between models run once.
for model_id, result in assess_all(chart, load_models()).items():
    dims = ", ".join(f"{d}={lv}" for d, lv in result.dimension_levels.items())
    print(f"{model_id:<12} level {result.level} {result.level_name:<32} {dims}")

# One model in detail: what stands between the chart and the next level.
engagement = assess(chart, load_model("engagement"))
print(f"\nGaps to engagement level {engagement.next_level}:")
for gap in engagement.gaps():
    print(f"- {gap.criterion_id}: {gap.statement}")
    for finding in gap.findings[:2]:
        print(f"    {finding.message[:110]}  {list(finding.elements)[:3]}")

# A custom model from a file, and the structural analysis beside the maturity.
custom = load_model(Path(__file__).with_name("custom-model.yaml"))
print(f"\n{custom.name}: level {assess(chart, custom).level} of {custom.max_level}")
structure = analyze_structure(chart)
print(f"Silos: {len(structure.silos)}, orgs without SLA: {len(structure.orgs_without_sla)}")

# JSON-ready, the shape documented in docs/maturity.md.
print(json.dumps(engagement.to_dict())[:200], "...")
