"""Adding elements and answers: what to add is guessed from where the cursor is, then asked in a form.

The new element is pre-filled from the group the cursor is in (the team, the
area, the organization kind), given an id prefix that follows its siblings',
and placed after the last sibling of the same team, area or kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ...model import ELEMENT_CLASSES, NESTING, Answer, Element
from ..core.commands import AddElement, SetAnswer
from ..core.factory import id_prefix, required_fields
from ..core.live import criteria_choices
from ..core.session import SECTION_OF_KIND
from ..screens.form import NEW_ELEMENT_FIELDS, FormScreen, draft_of
from ..screens.picker import PickerScreen
from .editing import KIND_NAMES, EditController

if TYPE_CHECKING:
    from ..app import EditorApp

KIND_OF_SECTION = {section: kind for kind, section in SECTION_OF_KIND.items()}
GROUP_SECTION = {"team": "people", "reports": "people", "subteams": "teams", "orgkind": "orgs", "area": "capabilities"}
"""The navigator's group keys (``team:web``) and the section whose elements they hold."""


class AddController:
    """The Add action (a), add a child (step, contract), answer a criterion."""

    def __init__(self, app: EditorApp, editing: EditController) -> None:
        self.app = app
        self.editing = editing

    def current_kind(self) -> str | None:
        """The kind the navigator's cursor is on (its group's kind on a group), ``answer`` on answers."""
        node = self.app.navigator.cursor_node
        data = node.data if node else None
        if data is None:
            return None
        if data.kind == "group":
            section = data.key.split(":")[0]
            section = GROUP_SECTION.get(section, section)
            return "answer" if section == "answers" else KIND_OF_SECTION.get(section)
        if data.kind == "answer":
            return "answer"
        session = self.app.session
        if data.kind == "element" and session is not None:
            element = session.get(data.key)
            return element.KIND if element else None
        return None

    def add(self) -> None:
        kind = self.current_kind()
        if kind in (None, "step", "contract"):
            kinds = [(k, f"{name}") for k, name in KIND_NAMES.items() if k not in ("step", "contract")]
            self.app.push_screen(PickerScreen("Add what?", kinds + [("answer", "self-assessment answer")]),
                                 self._add_picked)
            return
        self.add_kind(kind)

    def _add_picked(self, kind: str | None) -> None:
        if kind:
            self.app.call_later(self.app.run_action, f"add_kind('{kind}')")

    def add_kind(self, kind: str, parent: Element | None = None) -> None:
        session = self.app.session
        if session is None:
            return
        if kind == "answer":
            self.add_answer()
            return
        draft = draft_of(ELEMENT_CLASSES[kind], id="", name="", **self._preset(kind))
        fields = ["id", "name", *required_fields(kind), *NEW_ELEMENT_FIELDS.get(kind, [])]
        siblings = session.list_of(cast(Element, draft), parent)
        prefix = id_prefix([s.id for s in siblings], parent.id if parent is not None else None)
        screen = FormScreen(f"New {KIND_NAMES[kind]}", draft, fields, new_element=True, id_prefix=prefix, ids=session)
        self.app.push_screen(screen, lambda element: self._add(element, parent) if element else None)

    def _add(self, element: Any, parent: Element | None) -> None:
        self.app.call_later(self.editing.apply, AddElement(element, parent, self._position(element, parent)))

    def _position(self, element: Element, parent: Element | None) -> int | None:
        """After the last sibling of the same team, area or kind (the end of the section otherwise)."""
        field = {"person": "team", "capability": "area", "org": "kind"}.get(element.KIND)
        value = getattr(element, field, None) if field else None
        session = self.app.session
        if not value or session is None:
            return None
        items = session.list_of(element, parent)
        last = max((n for n, item in enumerate(items) if getattr(item, field or "", None) == value), default=None)
        return None if last is None else last + 1

    def _preset(self, kind: str) -> dict[str, Any]:
        """Pre-fill from the group the cursor is in (the team, the area, the organization kind)."""
        node = self.app.navigator.cursor_node
        session = self.app.session
        key = node.data.key if node and node.data else ""
        element = session.get(key) if session and node and node.data and node.data.kind == "element" else None
        if element is not None and kind == element.KIND:  # next to a sibling: same team, area or kind
            field = {"person": "team", "capability": "area", "org": "kind", "team": "parent"}.get(kind)
            return {field: getattr(element, field)} if field else {}
        prefix, _, value = key.partition(":")
        by_group: dict[tuple[str, str], dict[str, Any]] = {
            ("team", "person"): {"team": value or None}, ("area", "capability"): {"area": value},
            ("orgkind", "org"): {"kind": value}}
        return by_group.get((prefix, kind), {}) if value else {}

    def add_child(self) -> None:
        obj, session = self.app.form.obj, self.app.session
        if obj is None or not hasattr(obj, "KIND") or session is None:
            self.app.notify("Select a workflow (to add a step) or an organization (to add a contract).")
            return
        where = session.where.get(obj.id)
        parent = where.parent if where and where.parent else obj
        child = next((n.child_kind for n in NESTING.values() if n.parent_kind == parent.KIND), None)
        if child is None:
            self.app.notify("Only workflows have steps and organizations contracts.")
            return
        self.add_kind(child, parent)

    def add_answer(self) -> None:
        """The criteria of the built-in models not answered yet; a criterion id may also be typed."""
        session = self.app.session
        answered = session.chart.answers if session is not None else {}
        choices = [(c, label) for c, label in criteria_choices() if c not in answered]
        self.app.push_screen(PickerScreen("Answer which criterion?", choices, allow_new=True), self._answer_for)

    def _answer_for(self, key: str | None) -> None:
        if not key:
            return
        screen = FormScreen(f"Answer to {key}", draft_of(Answer, answer="yes"))
        self.app.push_screen(screen, lambda answer: self._answered(key, answer))

    def _answered(self, key: str, answer: Any) -> None:
        if answer:
            self.app.call_later(self._set_answer, key, answer)

    async def _set_answer(self, key: str, answer: Answer) -> None:
        if await self.editing.apply(SetAnswer(key, answer)):
            await self.app.go_to(f"answer:{key}")
