"""Finding things: search, and the pickers and sub-forms the field rows ask for.

A field row that needs an element (a reference) or a nested record (a
contract's terms, an SLA) posts a message up; the app answers through these,
so no widget reaches into the session to list candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..core.fields import FieldSpec
from ..screens.form import FormScreen, draft_of
from ..screens.picker import PickerScreen

if TYPE_CHECKING:
    from ..app import EditorApp


class Pickers:
    """Search (/), reference pickers, and the form for a nested record."""

    def __init__(self, app: EditorApp) -> None:
        self.app = app

    def search(self) -> None:
        session = self.app.session
        if session is None:
            return
        choices = [(ident, candidate_label(w.element)) for ident, w in session.where.items()]
        self.app.push_screen(PickerScreen("Search elements (id, name or kind)", choices),
                             self._go)

    def _go(self, ident: str | None) -> None:
        if ident:
            self.app.call_later(self.app.go_to, ident)

    def pick_reference(self, spec: FieldSpec, callback: Callable[[str | None], Any], exclude: str | None = None,
                       skip: set[str] | None = None) -> None:
        """Elements of the kinds ``spec`` may refer to, except ``exclude`` (itself) and ``skip`` (already there)."""
        session = self.app.session
        if session is None:
            return
        kinds = set(spec.ref_kinds)
        skip = skip or set()
        choices = [(ident, candidate_label(w.element)) for ident, w in session.where.items()
                   if w.element.KIND in kinds and ident != exclude and ident not in skip]
        title = f"Pick {spec.label} ({' or '.join(sorted(kinds))})"
        self.app.push_screen(PickerScreen(title, choices), callback)

    def pick_from(self, title: str, choices: list[tuple[str, str]], callback: Callable[[str | None], Any]) -> None:
        self.app.push_screen(PickerScreen(title, choices), callback)

    def edit_model(self, model: type[BaseModel], existing: BaseModel | None,
                   callback: Callable[[Any], Any]) -> None:
        """A form for one nested record (new when ``existing`` is None); ``callback`` gets it, or None."""
        self.app.push_screen(FormScreen(f"{model.__name__}", draft_of(model, existing)), callback)


def candidate_label(element: Any) -> str:
    """What a picker shows and filters on: name, kind and id, and a telling detail (title, kind, area)."""
    extra = getattr(element, "title", "") or getattr(element, "category", "") or ""
    for field in ("kind", "area"):
        value = getattr(element, field, None)
        if isinstance(value, str):
            extra = value
    return f"{element.name}  [{element.KIND} {element.id}]" + (f"  {extra}" if extra else "")
