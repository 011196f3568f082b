"""Editing actions: apply, undo and redo commands; add, duplicate, delete; search and pickers."""

from __future__ import annotations

from textual import work
from textual.widgets import Input

from ..model import ELEMENT_CLASSES, NESTING, Answer
from .core.commands import AddElement, Command, SetAnswer, SetField
from .core.factory import duplicate, id_prefix
from .core.fields import FieldError, format_value, parse_value
from .core.impact import Blocked, delete_command, doomed_ids, references_to
from .core.live import criteria_choices
from .core.session import CHILD_FIELD, SECTION_OF_KIND
from .screens.dialogs import delete_dialog
from .screens.form import NEW_ELEMENT_FIELDS, FormScreen, draft_of
from .screens.help import HelpScreen
from .screens.picker import PickerScreen
from .widgets.fields import TextRow

TREE_FIELDS = {"id", "name", "team", "reports_to", "parent", "area", "kind", *(n.field for n in NESTING.values())}
"""Fields whose change moves or relabels a node of the navigator."""

KIND_OF_SECTION = {section: kind for kind, section in SECTION_OF_KIND.items()}
KIND_NAMES = {kind: cls.NOUN for kind, cls in ELEMENT_CLASSES.items()}
"""How a sentence names each kind (the classes' ``NOUN``)."""


class EditActions:
    """Mixin of :class:`~planner.tui.app.EditorApp`: everything that changes the chart."""

    async def apply_command(self, command: Command) -> bool:
        if self.session is None or self.session.read_only:
            self.notify(self.session.read_only if self.session else "not loaded", severity="error", markup=False)
            return False
        await self.wait_for_save()
        try:
            self.session.apply(command)
        except (FieldError, ValueError) as exc:
            self.notify(str(exc), title="Refused", severity="error", markup=False)
            return False
        await self.after_change(command)
        return True

    async def after_change(self, command: Command | None) -> None:
        self.edited()  # first: the live panel's worker starts before the screen is rebuilt
        if self.views.name:  # a chart view is shown: it redraws; the forms catch up when it closes
            await self.views.changed(command)
            return
        if _changes_tree(command):
            self.navigator.rebuild()
        key = self.form.key
        if command is not None and command.focus and command.focus != key:
            await self.go_to(command.focus)
        elif key is not None and key not in ("chart",) and not key.startswith("answer:") and self.session.get(key) is None:
            await self.form.show(None)
        elif isinstance(command, SetField) and command.name != "id":
            if command.obj is self.form.obj:
                await self.form.refresh_field(command.name)  # one row, not the whole form
        else:
            await self.form.show(key)

    async def action_undo(self) -> None:
        await self.wait_for_save()
        command = self.session.undo() if self.session else None
        if command is None:
            self.notify("Nothing to undo.")
            return
        await self.after_change(command)
        self.notify(f"Undone: {command.label}", timeout=2, markup=False)

    async def action_redo(self) -> None:
        await self.wait_for_save()
        command = self.session.redo() if self.session else None
        if command is None:
            self.notify("Nothing to redo.")
            return
        await self.after_change(command)
        self.notify(f"Redone: {command.label}", timeout=2, markup=False)

    async def flush_pending_edit(self) -> None:
        """Commit what is typed in the focused field (before a save or quit)."""
        focused = self.focused
        if not isinstance(focused, Input):
            return
        row = next((a for a in focused.ancestors if isinstance(a, TextRow)), None)
        if row is None or self.form not in row.ancestors or focused.value == format_value(row.spec, row.value):
            return
        try:
            value = parse_value(row.obj, row.spec, focused.value)
        except FieldError as exc:
            row.refuse(str(exc))
            return
        if value != row.value:
            await self.apply_command(self.form.command_for(row.spec.name, value))

    # --- add, duplicate, delete ---------------------------------------------------------

    def current_kind(self) -> str | None:
        node = self.navigator.cursor_node
        data = node.data if node else None
        if data is None:
            return None
        if data.kind == "group":
            section = data.key.split(":")[0]
            section = {"team": "people", "reports": "people", "subteams": "teams", "orgkind": "orgs",
                       "area": "capabilities"}.get(section, section)
            return "answer" if section == "answers" else KIND_OF_SECTION.get(section)
        if data.kind == "answer":
            return "answer"
        if data.kind == "element":
            element = self.session.get(data.key)
            return element.KIND if element else None
        return None

    def action_add(self) -> None:
        kind = self.current_kind()
        if kind in (None, "step", "contract"):
            kinds = [(k, f"{name}") for k, name in KIND_NAMES.items() if k not in ("step", "contract")]
            self.push_screen(PickerScreen("Add what?", kinds + [("answer", "self-assessment answer")]),
                             lambda k: k and self.call_later(self.run_action, f"add_kind('{k}')"))
            return
        self.action_add_kind(kind)

    def action_add_kind(self, kind: str, parent=None) -> None:
        if kind == "answer":
            self.action_add_answer()
            return
        from ..model import ELEMENT_CLASSES

        preset = self._preset(kind)
        draft = draft_of(ELEMENT_CLASSES[kind], id="", name="", **preset)
        fields = ["id", "name", *self._required(kind), *NEW_ELEMENT_FIELDS.get(kind, [])]
        siblings = self.session.list_of(draft, parent)
        prefix = id_prefix([s.id for s in siblings], parent.id if parent is not None else None)
        screen = FormScreen(f"New {KIND_NAMES[kind]}", draft, fields, new_element=True, id_prefix=prefix)
        self.push_screen(screen, lambda element: element and self.call_later(
            self.apply_command, AddElement(element, parent, self._position(element, parent))))

    def _position(self, element, parent) -> int | None:
        """After the last sibling of the same team, area or kind (the end of the section otherwise)."""
        field = {"person": "team", "capability": "area", "org": "kind"}.get(element.KIND)
        value = getattr(element, field, None) if field else None
        if not value:
            return None
        items = self.session.list_of(element, parent)
        last = max((n for n, item in enumerate(items) if getattr(item, field, None) == value), default=None)
        return None if last is None else last + 1

    def _required(self, kind: str) -> list[str]:
        from .core.factory import required_fields

        return required_fields(kind)

    def _preset(self, kind: str) -> dict:
        """Pre-fill from the group the cursor is in (the team, the area, the organization kind)."""
        node = self.navigator.cursor_node
        key = node.data.key if node and node.data else ""
        element = self.session.get(key) if node and node.data and node.data.kind == "element" else None
        if element is not None and kind == element.KIND:  # next to a sibling: same team, area or kind
            field = {"person": "team", "capability": "area", "org": "kind", "team": "parent"}.get(kind)
            return {field: getattr(element, field)} if field else {}
        prefix, _, value = key.partition(":")
        return {("team", "person"): {"team": value or None}, ("area", "capability"): {"area": value},
                ("orgkind", "org"): {"kind": value}}.get((prefix, kind), {}) if value else {}

    def action_add_child(self) -> None:
        obj = self.form.obj
        if obj is None or not hasattr(obj, "KIND"):
            self.notify("Select a workflow (to add a step) or an organization (to add a contract).")
            return
        where = self.session.where.get(obj.id)
        parent = where.parent if where and where.parent else obj
        child = next((n.child_kind for n in NESTING.values() if n.parent_kind == parent.KIND), None)
        if child is None:
            self.notify("Only workflows have steps and organizations contracts.")
            return
        self.action_add_kind(child, parent)

    def action_add_answer(self) -> None:
        choices = [(c, label) for c, label in criteria_choices() if c not in self.session.chart.answers]
        self.push_screen(PickerScreen("Answer which criterion?", choices, allow_new=True), self._answer_for)

    def _answer_for(self, key: str | None) -> None:
        if not key:
            return
        screen = FormScreen(f"Answer to {key}", draft_of(Answer, answer="yes"))
        self.push_screen(screen, lambda answer: answer and self.call_later(self._set_answer, key, answer))

    async def _set_answer(self, key: str, answer: Answer) -> None:
        if await self.apply_command(SetAnswer(key, answer)):
            await self.go_to(f"answer:{key}")

    async def action_duplicate(self) -> None:
        obj = self.form.obj
        if obj is None or not hasattr(obj, "KIND"):
            self.notify("Select an element to duplicate.")
            return
        where = self.session.where[obj.id]
        copy = duplicate(obj, lambda i: i in self.session.where)
        items = self.session.list_of(obj, where.parent)
        index = next(i for i, item in enumerate(items) if item is obj) + 1
        await self.apply_command(AddElement(copy, where.parent, index, label=f"duplicate {obj.id}"))

    def action_delete(self) -> None:
        if self.form.key is None or self.form.obj is None or self.form.key == "chart":
            self.notify("Select an element to delete.")
            return
        self._delete_flow(self.form.key)

    @work(exclusive=True, group="flow")
    async def _delete_flow(self, key: str) -> None:
        session = self.session
        if key.startswith("answer:"):
            await self.apply_command(SetAnswer(key[7:], None))
            return
        element = session.get(key)
        parent = session.where[key].parent
        inside = {id(element), *(id(c) for _, _, c in element.children())}
        uses = [u for u in references_to(session.chart, doomed_ids(element)) if id(u.holder) not in inside]
        blocked = ""
        try:
            delete_command(session.chart, element, parent)
        except Blocked as exc:
            blocked = str(exc)
        label = f"{KIND_NAMES.get(element.KIND, element.KIND)} {element.id} ({element.name})"
        answer = await self.ask(delete_dialog(label, [u.describe() for u in uses], blocked))
        replacement = None
        if answer == "reassign":
            doomed = doomed_ids(element)
            choices = [(w.element.id, f"{w.element.name} [{w.element.id}]") for w in session.where.values()
                       if w.element.KIND == element.KIND and w.element.id not in doomed]
            replacement = await self.ask(PickerScreen(f"Reassign references of {element.id} to", choices))
            if not replacement:
                return
        elif answer != "unlink":
            return
        try:
            await self.apply_command(delete_command(session.chart, element, parent, replacement))
        except Blocked as exc:
            self.notify(str(exc), title="Not deleted", severity="error", markup=False)

    # --- finding things -----------------------------------------------------------------

    def action_search(self) -> None:
        if self.session is None:
            return
        choices = [(ident, candidate_label(w.element)) for ident, w in self.session.where.items()]
        self.push_screen(PickerScreen("Search elements (id, name or kind)", choices),
                         lambda ident: ident and self.call_later(self.go_to, ident))

    def pick_reference(self, spec, callback, exclude: str | None = None, skip: set | None = None) -> None:
        kinds = set(spec.ref_kinds)
        skip = skip or set()
        choices = [(ident, candidate_label(w.element)) for ident, w in self.session.where.items()
                   if w.element.KIND in kinds and ident != exclude and ident not in skip]
        title = f"Pick {spec.label} ({' or '.join(sorted(kinds))})"
        self.push_screen(PickerScreen(title, choices), callback)

    def pick_from(self, title: str, choices: list[tuple[str, str]], callback) -> None:
        self.push_screen(PickerScreen(title, choices), callback)

    def edit_model(self, model, existing, callback) -> None:
        self.push_screen(FormScreen(f"{model.__name__}", draft_of(model, existing)), callback)

    async def action_show_chart(self) -> None:
        await self.go_to("chart")

    def action_toggle_people(self) -> None:
        self.navigator.people_by = "reports" if self.navigator.people_by == "team" else "team"
        self.navigator.rebuild()
        self.notify(f"People by {'reporting line' if self.navigator.people_by == 'reports' else 'team'}.", timeout=2)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def child_field(self, kind: str) -> str:
        return CHILD_FIELD[kind][1]


def candidate_label(element) -> str:
    """What a picker shows and filters on: name, kind and id, and a telling detail (title, kind, area)."""
    extra = getattr(element, "title", "") or getattr(element, "category", "") or ""
    for field in ("kind", "area"):
        value = getattr(element, field, None)
        if isinstance(value, str):
            extra = value
    return f"{element.name}  [{element.KIND} {element.id}]" + (f"  {extra}" if extra else "")


def _changes_tree(command) -> bool:
    """Whether the navigator must be rebuilt after ``command`` (most field edits leave it as it is)."""
    from .core.commands import SetField

    return not isinstance(command, SetField) or command.name in TREE_FIELDS or not hasattr(command.obj, "KIND")
