"""The RACI matrix derived from a chart: who is Accountable, Responsible, Consulted, Informed.

Rows are the capabilities, then the steps of each workflow; columns are the
people, teams and organizations that hold at least one letter (a 2,000-person
chart would otherwise give thousands of empty columns). Where the letters come
from:

- capability: A its ``accountable``; R its ``responsible`` and its contributing
  organizations (they do part of the work); C ``consulted``; I ``informed``.
- workflow step: R the performer (a system's owner, or a CoE's lead, when a
  system or a CoE performs it); I the receiver of the hand-off; A the accountable
  person of the capability the workflow carries out.

A party holding two letters in one row gets both (``A/R``). Every row must have
exactly one A: :meth:`RaciMatrix.problems` lists the rows that do not.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from ..model import Chart
from .tables import Cell, Sheet

LETTERS = "ARCI"
"""The letters, in the order they are shown when one party holds several."""

PARTY_KINDS = ("person", "team", "org")


@dataclass(frozen=True)
class Party:
    """A column: a person, team or organization."""

    id: str
    name: str
    kind: str


@dataclass
class RaciRow:
    """A row: a capability or a workflow step, with the letters per party id."""

    id: str
    name: str
    kind: str
    group: str
    cells: dict[str, str] = field(default_factory=dict)

    def add(self, party: str | None, letter: str) -> None:
        """Give ``party`` the letter (kept once, in A/R/C/I order)."""
        if not party:
            return
        held = set(self.cells.get(party, "").split("/")) - {""}
        held.add(letter)
        self.cells[party] = "/".join(ch for ch in LETTERS if ch in held)

    def accountable(self) -> list[str]:
        """The parties holding the A."""
        return [p for p, letters in self.cells.items() if "A" in letters.split("/")]


@dataclass
class RaciMatrix:
    """The whole matrix, columns in chart order (people, then teams, then organizations)."""

    title: str
    parties: list[Party]
    rows: list[RaciRow]

    def problems(self) -> list[str]:
        """One sentence per row that has no A or more than one."""
        found = []
        for row in self.rows:
            count = len(row.accountable())
            if count != 1:
                found.append(f"{row.kind} {row.id} ({row.name}) has {count} accountable parties, not exactly one")
        return found


def raci_matrix(chart: Chart, steps: bool = True) -> RaciMatrix:
    """Derive the matrix from ``chart``; ``steps=False`` keeps capabilities only."""
    rows = [_capability_row(cap) for cap in chart.capabilities]
    if steps:
        rows += _step_rows(chart)
    used = {party for row in rows for party in row.cells}
    parties = [Party(e.id, e.name, e.KIND) for section in ("people", "teams", "orgs")
               for e in getattr(chart, section) if e.id in used]
    return RaciMatrix(chart.chart.name, parties, rows)


def _capability_row(cap) -> RaciRow:
    row = RaciRow(cap.id, cap.name, "capability", cap.area)
    row.add(cap.accountable, "A")
    for letter, ids in (("R", cap.responsible), ("R", cap.contributors), ("C", cap.consulted),
                        ("I", cap.informed)):
        for party in ids:
            row.add(party, letter)
    return row


def _step_rows(chart: Chart) -> list[RaciRow]:
    accountable = {cap.id: cap.accountable for cap in chart.capabilities}
    stand_in = {s.id: s.owner for s in chart.systems} | {c.id: c.lead for c in chart.coes}
    rows = []
    for workflow in chart.workflows:
        owner = accountable.get(workflow.capability or "")
        for step in workflow.steps:
            row = RaciRow(step.id, step.name, "step", workflow.name)
            row.add(owner, "A")
            row.add(stand_in.get(step.by, step.by), "R")
            if step.to:
                row.add(stand_in.get(step.to, step.to), "I")
            rows.append(row)
    return rows


def raci_markdown(matrix: RaciMatrix) -> str:
    """A Markdown table: row name, then one column per party (names, ids in a legend below)."""
    head = ["", *(_md(p.name) for p in matrix.parties)]
    lines = [f"# RACI: {_md(matrix.title)}", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in matrix.rows:
        label = _md(row.name) if row.kind == "capability" else f"{_md(row.group)}: {_md(row.name)}"
        lines.append("| " + " | ".join([label, *(row.cells.get(p.id, "") for p in matrix.parties)]) + " |")
    lines += ["", "A accountable, R responsible, C consulted, I informed."]
    return "\n".join(lines) + "\n"


def raci_csv(matrix: RaciMatrix) -> str:
    """CSV: the first column the row's name, one column per person, team or organization."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", *(p.name for p in matrix.parties)])
    for row in matrix.rows:
        writer.writerow([row.name, *(row.cells.get(p.id, "") for p in matrix.parties)])
    return out.getvalue()


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


LETTER_FILLS = {"A": ("#1f4e79", "white"), "R": ("#9dc3e6", "black"), "C": ("#e2efda", "black"),
                "I": ("#f2f2f2", "black")}
"""Cell colours of the spreadsheet, by the strongest letter held."""


def raci_sheets(matrix: RaciMatrix) -> list[Sheet]:
    """The workbook: the matrix itself, the parties (id, name, kind), and the rows lacking one A."""
    header = ["row", "kind", "group", *(p.name for p in matrix.parties)]
    rows = []
    for row in matrix.rows:
        cells = []
        for party in matrix.parties:
            letters = row.cells.get(party.id, "")
            fill, font = LETTER_FILLS.get(letters[:1], (None, None))
            cells.append(Cell(letters, fill, font, bold=letters.startswith("A")) if letters else "")
        rows.append([row.name, row.kind, row.group, *cells])
    widths = dict.fromkeys(range(3, len(header)), 6.0)
    parties = Sheet("Parties", ["id", "name", "kind"], [[p.id, p.name, p.kind] for p in matrix.parties])
    problems = Sheet("Checks", ["problem"], [[text] for text in matrix.problems()] or [["every row has exactly one A"]])
    return [Sheet("RACI", header, rows, freeze=3, widths={0: 40.0, **widths}), parties, problems]
