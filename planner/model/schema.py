"""JSON Schemas of the planner's files, for editors (yaml-language-server) and validators.

The chart schema carries the vocabulary so that an editor completes words and shows
what each means while the user types: every closed enumeration (area, data kind,
organization kind, sourcing, role, phase, stage, CoE scope...) gets a description per
value, and the open vocabularies (a capability's practices and channels) offer their
known words the same way without refusing others. Descriptions go in both
``enumDescriptions`` and ``markdownEnumDescriptions``, the keywords VS Code's YAML
extension reads for completion and hover; validators ignore them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .chart import Chart
from .vocabulary import CAPABILITY_WORDS, CLOSED_MEANINGS, PHASES

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
    """The JSON Schema of a chart file (``planner schema``, ``planner/data/chart.schema.json``).

    Lifecycle phases also get one ``properties`` entry each (same stage enum as
    ``additionalProperties``, so validation is unchanged): editors complete mapping
    keys from ``properties``, not from ``propertyNames``.
    """
    schema = json_schema(Chart, SCHEMA_ID, "Capability-resource chart")
    describe_enums(schema)
    capability = schema["$defs"]["Capability"]["properties"]
    for field, meanings in CAPABILITY_WORDS.items():
        capability[field]["items"] = open_words(capability[field]["items"], meanings)
    phases = capability["phases"]
    phases["properties"] = {p: {**phases["additionalProperties"], "description": m} for p, m in PHASES.items()}
    return schema


def enum_descriptions(words: list[str], meanings: dict[str, str]) -> dict[str, Any]:
    """The editor keywords that describe each value of an ``enum``, in the enum's order."""
    texts = [meanings[w] for w in words]
    return {"enumDescriptions": texts, "markdownEnumDescriptions": texts}


def describe_enums(node: Any) -> None:
    """Add per-value descriptions, in place, to every enum that is exactly one of the closed vocabularies."""
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list):
            meanings = next((m for m in CLOSED_MEANINGS if set(m) == set(values)), None)
            if meanings is not None:
                node.update(enum_descriptions(values, meanings))
        for value in node.values():
            describe_enums(value)
    elif isinstance(node, list):
        for value in node:
            describe_enums(value)


def open_words(item: dict[str, Any], meanings: dict[str, str]) -> dict[str, Any]:
    """An item of an open vocabulary: one of the known words (completed, described) or any other word.

    ``anyOf`` keeps unknown words valid (``planner check`` warns about them), while
    the first branch gives the editor the words to complete with their meanings.
    """
    words = sorted(meanings)
    known = {"type": "string", "enum": words, **enum_descriptions(words, meanings)}
    return {"anyOf": [known, dict(item)]}
