"""The calibration table: every chart of tests/calibration/ assessed on the models it names.

Each chart's header holds ``# expect: MODEL=LEVEL ...`` (written blind, from the
published level descriptions). ``python scripts/calibration.py`` prints intended
against assessed as Markdown; ``make docs`` (scripts/docs_maturity.py) puts the
table into docs/maturity.md, and the test suite fails when the file and the run
disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHARTS = ROOT / "tests" / "calibration"
DOC = ROOT / "docs" / "maturity.md"
BEGIN, END = "<!-- gen:calibration:begin -->", "<!-- gen:calibration:end -->"
EXPECT = re.compile(r"^#\s*expect:\s*(.+)$", re.M)
NOT_CHARTS = {"decisions.yaml"}


def chart_paths() -> list[Path]:
    """The calibration charts, by name (every YAML file of the folder but the decisions)."""
    return sorted(p for p in CHARTS.glob("*.yaml") if p.name not in NOT_CHARTS)


def expectations(path: Path) -> dict[str, int]:
    """``{model: level}`` from the chart's ``# expect:`` line."""
    head = path.read_text(encoding="utf-8")[:4000]
    found = EXPECT.search(head)
    if not found:
        raise ValueError(f"{path.name}: no '# expect: model=level' line in the header")
    return {k: int(v) for k, v in (pair.split("=") for pair in found.group(1).split())}


def rows() -> list[tuple[str, str, int, int]]:
    """(chart, model, intended, assessed) for every expectation of every calibration chart."""
    from planner.maturity import assess_all
    from planner.maturity.facts import Facts
    from planner.store import load_chart
    from planner.store.library import load_model

    out = []
    for path in chart_paths():
        wanted = expectations(path)
        facts = Facts(load_chart(path))
        got = assess_all(facts, [load_model(m) for m in wanted])
        out += [(path.name, m, level, got[m].level) for m, level in wanted.items()]
    return out


def decisions() -> dict[tuple[str, str], dict]:
    """(chart, model) -> the recorded decision where rules and chart disagree (tests/calibration/decisions.yaml)."""
    import yaml

    found = yaml.safe_load((CHARTS / "decisions.yaml").read_text(encoding="utf-8")) or []
    return {(d["chart"], d["model"]): d for d in found}


def table(found: list[tuple[str, str, int, int]]) -> str:
    """Intended against assessed, with the decision where they differ."""
    decided = decisions()
    lines = ["| chart | model | intended | assessed | decision |", "|---|---|---|---|---|"]
    for c, m, i, a in found:
        d = decided.get((c, m))
        note = f"accepted {d['accepted']}: " + " ".join(d["reason"].split()) if d else ("" if i == a else "differs")
        lines.append(f"| `{c}` | {m} | {i} | {a} | {note} |")
    agree = sum(1 for *_, i, a in found if i == a)
    lines += ["", f"{agree} of {len(found)} intended levels reached exactly; "
                  f"{len(decided)} differ by a recorded decision."]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    print(table(rows()))
