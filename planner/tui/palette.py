"""The command palette (ctrl+p): every action of the editor, named in words.

A person looks for "Add a CoE" or "move this step up", not ``add_kind('coe')``:
each entry is a title, a line saying what it does and which key does the same,
and the action it runs (never shown).
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    title: str
    help: str
    action: str


PALETTE: tuple[Entry, ...] = (
    Entry("Save", "Write the chart to its file, rewriting only what was edited (ctrl+s)", "save"),
    Entry("Undo", "Take back the last edit (ctrl+z)", "undo"),
    Entry("Redo", "Make the last undone edit again (ctrl+y)", "redo"),
    Entry("Search", "Find an element by name, id or kind (/ or ctrl+f)", "search"),
    Entry("Add", "Add an element of the kind selected in the navigator (a or ctrl+n)", "add"),
    Entry("Add a person", "A member of staff, in a team", "add_kind('person')"),
    Entry("Add an organization", "A vendor, agency, BPO or other outside organization", "add_kind('org')"),
    Entry("Add a team", "A team, possibly under another team", "add_kind('team')"),
    Entry("Add a capability", "Something the operation can do, with who is accountable", "add_kind('capability')"),
    Entry("Add a system", "A tool or platform the operation runs on", "add_kind('system')"),
    Entry("Add a data source", "Data the operation holds or rents", "add_kind('data')"),
    Entry("Add a workflow", "A sequence of steps and their hand-offs", "add_kind('workflow')"),
    Entry("Add a CoE", "A Center of Excellence with its scope and SLAs", "add_kind('coe')"),
    Entry("Add a value chain", "Capabilities in the order value flows through them", "add_kind('chain')"),
    Entry("Add a step", "A step at the end of the selected workflow", "add_child"),
    Entry("Move the step up", "The selected workflow step one place earlier (shift+up or K)", "move_step(-1)"),
    Entry("Move the step down", "The selected workflow step one place later (shift+down or J)", "move_step(1)"),
    Entry("Answer a criterion", "A self-assessment answer the maturity models read", "add_answer"),
    Entry("Duplicate", "A copy of the selected element, with a new id (ctrl+d)", "duplicate"),
    Entry("Delete", "Delete the selected element, showing what refers to it (delete)", "delete"),
    Entry("Chart details", "The chart's name, state, date and owner", "show_chart"),
    Entry("People by team or by reporting line", "Switch how the navigator groups people (t)", "toggle_people"),
    Entry("Matrix", "Capabilities down, people, teams, vendors, systems and data across (f5)", "view('matrix')"),
    Entry("Org tree", "Teams and reporting lines; cut and paste people (f6)", "view('org')"),
    Entry("Workflow lanes", "A workflow's steps in lanes by performer (f7)", "view('lanes')"),
    Entry("Assess", "The maturity report of the chart as it is now (f2)", "assess"),
    Entry("Roadmap", "Preview the roadmap to a target level (f3)", "roadmap"),
    Entry("Export a diagram", "Write a diagram view to an SVG, PNG, PDF or DOT file (f4)", "export"),
    Entry("Help", "What the editor is for, and every key (? or f1)", "help"),
    Entry("Quit", "Leave the editor; asks when there are unsaved changes (ctrl+q)", "quit"),
)
