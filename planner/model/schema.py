"""JSON Schemas of the planner's files, for editors (yaml-language-server) and validators."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .chart import Chart

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://capability-planner.example/schema/chart-1.json"


def json_schema(model: type[BaseModel], schema_id: str, title: str, description: str | None = None) -> dict[str, Any]:
    """The schema pydantic derives from ``model``, with draft, id, title (and description) set."""
    schema = model.model_json_schema(mode="validation")
    head: dict[str, Any] = {"$schema": DRAFT, "$id": schema_id, "title": title}
    if description:
        head["description"] = description
    return {**head, **{k: v for k, v in schema.items() if k not in head}}


def chart_json_schema() -> dict[str, Any]:
    """The JSON Schema of a chart file (``planner schema``, ``planner/data/chart.schema.json``)."""
    return json_schema(Chart, SCHEMA_ID, "Capability-resource chart")
