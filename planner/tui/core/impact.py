"""What a delete or a rename does to the references that name an element.

A delete shows the user every field that names the element (or one of its steps
or contracts) and then either clears those references, or points them at a
replacement. A reference that cannot be cleared (the performer of a step, a
value chain that would keep fewer than two CoEs) blocks the plain delete; the
user picks a replacement or cancels. Renames rewrite every reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from ...model import Chart, Element, redirect, ref_fields
from .commands import Command, DeleteElement, Macro, SetField
from .fields import FieldError, check_value


@dataclass(frozen=True)
class RefUse:
    """One reference to a doomed or renamed id: who holds it, in which field."""

    holder: BaseModel
    holder_label: str
    field: str
    target: str

    def describe(self) -> str:
        return f"{self.holder_label}.{self.field} -> {self.target}"


def holders(chart: Chart):
    """Every object that can hold references: elements (nested ones too) and answers."""
    for _, element in chart.iter_elements():
        yield element, f"{element.KIND} {element.id}"
    for key, answer in chart.answers.items():
        yield answer, f"answer {key}"


def references_to(chart: Chart, targets: set[str]) -> list[RefUse]:
    """Every reference naming one of ``targets``, in chart order (linear in the chart)."""
    uses = []
    for holder, label in holders(chart):
        for field in ref_fields(type(holder)):
            value = getattr(holder, field.name)
            if not value:
                continue
            for target in (value if field.many else (value,)):
                if target in targets:
                    uses.append(RefUse(holder, label, field.name, target))
    return uses


def doomed_ids(element: Element) -> set[str]:
    """The element's id and the ids of its steps or contracts, which go with it."""
    return {element.id, *(child.id for _, _, child in element.children())}


class Blocked(ValueError):
    """Some references cannot simply be cleared; the message lists them."""


def relink_commands(uses: list[RefUse], replacement: str | None) -> list[Command]:
    """Commands clearing (``replacement`` None) or redirecting each field that holds a use."""
    by_field: dict[tuple[int, str], list[RefUse]] = {}
    for use in uses:
        by_field.setdefault((id(use.holder), use.field), []).append(use)
    commands, blocked = [], []
    for group in by_field.values():
        holder, name = group[0].holder, group[0].field
        targets = {use.target for use in group}
        new = redirect(getattr(holder, name), targets, replacement)
        try:
            check_value(holder, name, new)
        except FieldError as exc:
            where = f"{group[0].holder_label}.{name}"
            blocked.append(f"{where} cannot be left empty" if new in (None, "", [])
                           else f"{where}: {exc}")
            continue
        commands.append(SetField(holder, name, new))
    if blocked:
        raise Blocked("; ".join(blocked))
    return commands


def delete_command(chart: Chart, element: Element, parent: Element | None, replacement: str | None = None) -> Macro:
    """Delete ``element`` and clear or redirect what referred to it, as one undo step."""
    doomed = doomed_ids(element)
    uses = [u for u in references_to(chart, doomed) if not _inside(u.holder, element)]
    steps = relink_commands(uses, replacement)
    verb = f"delete {element.KIND} {element.id}"
    delete = DeleteElement(element, parent)
    return Macro([*steps, delete], label=verb, lead=delete)  # shown after: the parent, or the restored element


def _inside(holder: BaseModel, element: Element) -> bool:
    return holder is element or any(holder is child for _, _, child in element.children())


def rename_command(chart: Chart, element: Element, new_id: str) -> Macro:
    """Change an id and every reference to it, as one undo step; raises FieldError for a bad id."""
    check_value(element, "id", new_id)
    uses = references_to(chart, {element.id})
    rename = SetField(element, "id", new_id)
    commands: list[Command] = [rename, *relink_commands(uses, new_id)]
    return Macro(commands, label=f"rename {element.id} to {new_id}", lead=rename)  # the form stays on the element
