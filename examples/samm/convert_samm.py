"""Convert the OWASP SAMM 2 model files into a planner maturity model (``samm.yaml`` beside this file).

Usage: ``python examples/samm/convert_samm.py PATH/TO/owaspsamm-core/model [OUT.yaml]``

SAMM publishes its model as one YAML file per element: business functions hold
security practices, each practice two streams (A and B), each stream one activity
per maturity level (1 to 3), each activity one question whose answers come from a
named answer set (scores 0, 0.25, 0.5, 1). SAMM scores a stream as the sum of its
three answers, a practice as the mean of its two streams, a business function as
the mean of its practices; a higher level counts whether or not the lower ones are
answered. That maps onto our model format as:

- business functions, practices and streams -> dimensions grouped by ``parent``
  (practices and functions aggregate their children by ``mean``);
- each question -> a criterion of its level on its stream's dimension, answered by a
  person (``evidence: answer``) on its own ``answer_sets`` entry, SAMM's quality
  criteria kept as ``checks``;
- ``scoring: continuous``: a stream's score sums its levels' answers, and each level
  counts on its own; ``level_zero`` names the state before level 1.

The converted model (CC BY-SA 4.0, like SAMM) is committed as ``samm.yaml``; this
script documents how it was made and remakes it from a newer SAMM release.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml


def _load(folder: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))]


def _label(text) -> str:
    """An answer's text; PyYAML reads SAMM's ``No`` as YAML 1.1's false, so it is turned back into words."""
    if isinstance(text, bool):
        return "Yes" if text else "No"
    return " ".join(str(text).split())


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def convert(model_dir: Path) -> dict:
    """The planner model (as plain data) from SAMM's model folder."""
    functions = {f["id"]: f for f in _load(model_dir / "business_functions")}
    practices = {p["id"]: p for p in _load(model_dir / "security_practices")}
    streams = {s["id"]: s for s in _load(model_dir / "streams")}
    levels = {m["id"]: m for m in _load(model_dir / "maturity_levels")}
    practice_levels = {p["id"]: p for p in _load(model_dir / "practice_levels")}
    activities = {a["id"]: a for a in _load(model_dir / "activities")}
    answer_files = sorted((model_dir / "answer_sets").glob("*.yml"))
    answer_sets = {}
    set_name = {}
    for path in answer_files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        name = path.stem.lower()
        answer_sets[name] = {_label(v["text"]): float(v["value"]) for v in sorted(data["values"], key=lambda v: v["order"])}
        set_name[data["id"]] = name

    def practice_slug(p: dict) -> str:
        return _slug(functions[p["function"]]["name"][0] + "-" + p["shortName"])

    dimensions = []
    for f in sorted(functions.values(), key=lambda f: f["order"]):
        dimensions.append({"id": _slug(f["name"]), "name": f["name"], "aggregate": "mean",
                           "summary": " ".join(str(f.get("description", "")).split())[:300]})
        for p in sorted((p for p in practices.values() if p["function"] == f["id"]), key=lambda p: p["order"]):
            dimensions.append({"id": practice_slug(p), "name": p["name"], "parent": _slug(f["name"]), "aggregate": "mean"})
            for s in sorted((s for s in streams.values() if s["practice"] == p["id"]), key=lambda s: s["order"]):
                dimensions.append({"id": f"{practice_slug(p)}-{s['letter'].lower()}",
                                   "name": f"{p['name']}: {s['name']}", "parent": practice_slug(p)})
    by_level: dict[int, list[dict]] = {1: [], 2: [], 3: []}
    for q in _load(model_dir / "questions"):
        activity = activities[q["activity"]]
        stream = streams[activity["stream"]]
        practice = practices[stream["practice"]]
        number = levels[practice_levels[activity["level"]]["maturityLevel"]]["number"]
        stream_id = f"{practice_slug(practice)}-{stream['letter'].lower()}"
        by_level[number].append({
            "id": stream_id, "dimension": stream_id, "statement": " ".join(str(activity["title"]).split()),
            "question": " ".join(str(q["text"]).split()), "evidence": "answer", "answers": set_name[q["answerSet"]],
            "checks": [" ".join(str(c).split()) for c in q.get("quality", []) or []],
            "source": f"OWASP SAMM 2, {practice['name']}, stream {stream['letter']}, level {number}",
        })
    order = [d["id"] for d in dimensions]
    return {
        "id": "samm",
        "name": "OWASP SAMM 2 (converted)",
        "source": "OWASP Software Assurance Maturity Model (SAMM) v2, model files of owaspsamm/core; "
                  "CC BY-SA 4.0. Converted by examples/samm/convert_samm.py.",
        "summary": "Five business functions, fifteen security practices, two streams each, three maturity levels.",
        "scoring": "continuous",
        "aggregate": "mean",
        "evidence_required": False,
        "threshold": 1.0,
        "level_zero": {"name": "No practice", "summary": "Nothing of the stream is in place."},
        "answer_sets": answer_sets,
        "dimensions": dimensions,
        "levels": [{"name": levels_by_number(levels, n)["name"], "summary": levels_by_number(levels, n)["summary"],
                    "criteria": sorted(by_level[n], key=lambda c: order.index(c["id"]))} for n in (1, 2, 3)],
    }


def levels_by_number(levels: dict, number: int) -> dict:
    found = next(m for m in levels.values() if m["number"] == number)
    text = " ".join(str(found.get("description", "")).split())
    return {"name": f"Level {number}", "summary": text}


if __name__ == "__main__":
    source = Path(sys.argv[1])
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("samm.yaml")
    header = ("# yaml-language-server: $schema=../../planner/data/maturity-model.schema.json\n"
              "# OWASP SAMM 2 as a planner maturity model, made by convert_samm.py from SAMM's model files.\n"
              "# Licensed CC BY-SA 4.0, as SAMM is (https://owaspsamm.org).\n")
    out.write_text(header + yaml.safe_dump(convert(source), sort_keys=False, allow_unicode=True, width=100),
                   encoding="utf-8")
    print(f"wrote {out}")
