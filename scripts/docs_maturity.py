"""The generated parts of docs/maturity.md and tests/calibration/LEVELS.md (``make docs``).

Blocks between ``<!-- gen:NAME:begin -->`` and ``<!-- gen:NAME:end -->`` are
rewritten from the code and the model files: the rule library, the criteria of the
built-in models with their kinds and ladders, the evidence each practice word needs,
and the calibration table (intended against assessed). ``tests/test_docs_maturity.py``
fails when a block is stale, so the documentation cannot drift from the product.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "maturity.md"


def rules_block() -> str:
    from planner.maturity import RULES

    lines = ["| rule | what it checks | parameters | with nothing to judge |", "|---|---|---|---|"]
    for name in sorted(RULES):
        rule = RULES[name]
        params = ", ".join(f"`{p}`" for p in rule.params.model_fields) or "none"
        lines.append(f"| `{name}` | {rule.summary} | {params} | {EMPTY_POLICY.get(name, 'gap')} |")
    return "\n".join(lines)


EMPTY_POLICY = {
    "lob_integration": "n/a (fewer than two lines of business)",
    "external_sla": "n/a (no external party in scope)",
    "workflow_integrity": "n/a (no workflows; documenting them is judged elsewhere)",
    "span_of_control": "n/a (no reporting lines)",
    "single_points_of_failure": "n/a (no people)",
    "data_stewardship": "n/a (no data sources)",
    "system_owners": "n/a (no systems)",
    "coe_sla": "n/a with `all_coes` (no CoE), else gap",
    "coe_complete": "n/a with `all_coes` (no CoE), else gap",
    "any_of": "n/a when no alternative applies",
    "all_of": "n/a when no part applies",
}
"""How each rule treats an empty scope (see docs: "Not applicable is not a gap")."""


def criteria_block() -> str:
    from planner.store.library import builtin_models, load_model

    out = []
    for name in builtin_models():
        m = load_model(name)
        out += [f"### `{m.id}`: {m.name}", "", f"Source: {' '.join(m.source.split())}", ""]
        for n, level in enumerate(m.levels, 1):
            items = []
            for c in level.criteria:
                full = f"{m.id}.{n}.{c.id}"
                extra = " (limitation)" if c.kind == "limitation" else ""
                if c.superseded_by:
                    extra += " superseded by " + ", ".join(f"`{m.full_id(r)}`" for r in c.superseded_by)
                if c.aliases:
                    extra += " (formerly " + ", ".join(f"`{a}`" for a in c.aliases) + ")"
                how = c.rule or "answer"
                items.append(f"`{full}` [{how}]{extra}")
            out.append(f"- {n} {level.name}: " + "; ".join(items))
        out.append("")
    return "\n".join(out).rstrip()


def evidence_block() -> str:
    from planner.maturity.evidence import BACKING, describe

    lines = ["| practice | counts when the same capability has |", "|---|---|"]
    lines += [f"| `{word}` | {describe(word).removeprefix('needs ')} |" for word in sorted(BACKING)]
    return "\n".join(lines)


def calibration_block() -> str:
    from scripts import calibration

    return calibration.table(calibration.rows())


BLOCKS = {"rules": rules_block, "criteria": criteria_block, "evidence": evidence_block,
          "calibration": calibration_block}


def render(doc: str) -> str:
    """``doc`` with every generated block rewritten."""
    for name, make in BLOCKS.items():
        begin, end = f"<!-- gen:{name}:begin -->", f"<!-- gen:{name}:end -->"
        if begin not in doc:
            continue
        start, stop = doc.index(begin) + len(begin), doc.index(end)
        doc = doc[:start] + "\n" + make() + "\n" + doc[stop:]
    return doc


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from scripts import levels_brief

    DOC.write_text(render(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    levels_brief.OUT.write_text(levels_brief.render(), encoding="utf-8")
    print("wrote docs/maturity.md and tests/calibration/LEVELS.md")
