"""The templates a new chart starts from, and how a few answers fill them in.

``planner new`` and the editor (opening a file that does not exist yet) start from
the same text, filled by the same code, so a chart begun either way reads the same.
The templates are package data (``planner/data/templates/*.yaml``): small, valid
charts with comments saying what to replace. They live here, in the store, because
both front ends use them and neither may import the other.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..textfmt import as_typed, count
from .charts import schema_modeline

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "data" / "templates"
TEMPLATES: dict[str, str] = {
    "small-brand": "a brand with a small marketing team, an agency and rented email and web platforms",
    "b2b": "business-to-business: demand generation, marketing automation and a sales team with a CRM",
    "retailer": "a retailer with stores and a web store: loyalty program, promotions, customer care",
    "outsourced": "an operation run mostly through partners: an agency, a BPO contact center, managed IT",
}
"""Template name -> what it starts from (``planner new --template NAME``)."""
DEFAULT_TEMPLATE = "small-brand"


@dataclass
class Answers:
    """What the questions found out; the defaults are what a non-interactive run uses."""

    name: str
    template: str = DEFAULT_TEMPLATE
    lobs: list[str] = field(default_factory=lambda: ["consumer"])
    size: int | None = None
    teams: list[str] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)


def name_from(path: Path) -> str:
    """``acme-outdoor.yaml`` -> ``Acme outdoor operation``; ``my-operation.yaml`` -> ``My operation``."""
    stem = re.sub(r"[-_]+", " ", path.stem).strip()
    name = stem[:1].upper() + stem[1:] if stem else "New"
    return name if name.lower().endswith("operation") else name + " operation"


def default_path() -> Path:
    """``my-operation.yaml`` in the current folder, numbered so that nothing is overwritten."""
    candidate, n = Path("my-operation.yaml"), 1
    while candidate.exists():
        n += 1
        candidate = Path(f"my-operation-{n}.yaml")
    return candidate


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _fresh_id(prefix: str, name: str, taken: set[str]) -> str:
    """``t-web-team``, or ``t-web-team-2`` when the template (or an earlier answer) has it."""
    base = f"{prefix}-{_slug(name)}"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    return ident


def fill(text: str, answers: Answers, path: Path) -> str:
    """The template's text with the answers in: names quoted as YAML strings, ids fresh."""
    taken = set(re.findall(r"\bid: ([\w.-]+)", text))
    lob = answers.lobs[0]
    teams = "".join(f"  - {{id: {_fresh_id('t', t, taken)}, name: {json.dumps(t)}, parent: t-marketing, "
                    f"lob: {json.dumps(lob)}}}\n" for t in answers.teams)
    systems = "".join(f"  - {{id: {_fresh_id('s', s, taken)}, name: {json.dumps(s)}, sourcing: buy}}\n"
                      for s in answers.systems)
    about = [f"About {count(answers.size, 'person')} in marketing, sales and service." if answers.size else "",
             f"Lines of business: {', '.join(answers.lobs)}."]
    text = text.replace("# yaml-language-server: $schema=__SCHEMA__\n", schema_modeline(path))
    text = text.replace("name: __NAME__", "name: " + json.dumps(answers.name))  # the chart's name, quoted
    for key, value in {"__NAME__": answers.name, "__TODAY__": dt.date.today().isoformat(),
                       "__FILE__": as_typed(path)}.items():  # in comments
        text = text.replace(key, value)
    text = text.replace("lob: __LOB__", f"lob: {json.dumps(lob)}")
    text = text.replace("description: __DESCRIPTION__", "description: " + json.dumps(" ".join(a for a in about if a)))
    text = text.replace("  # __TEAMS__\n", teams).replace("  # __SYSTEMS__\n", systems)
    return text


def template_text(name: str, answers: Answers, path: Path) -> str:
    """Template ``name`` read from the package data and filled with ``answers`` for the file ``path``."""
    return fill((TEMPLATES_DIR / f"{name}.yaml").read_text(encoding="utf-8"), answers, path)
