"""The JSON Schema of a chart file, for editors (yaml-language-server) and ``planner schema``."""

from __future__ import annotations

from typing import Any

from .chart import Chart

SCHEMA_ID = "https://capability-planner.example/schema/chart-1.json"


def chart_json_schema() -> dict[str, Any]:
    """The schema pydantic derives from :class:`Chart`, with draft and title set."""
    schema = Chart.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Capability-resource chart",
        **{k: v for k, v in schema.items() if k != "title"},
    }
