"""Messages the widgets send up to the app: small dataclasses, no behaviour.

Textual's ``Message`` initializes itself in ``__post_init__``, so a dataclass is enough.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from textual.message import Message

from .core.commands import Command
from .core.fields import FieldSpec

Reply = Callable[[Any], Any]
"""Called with what the user chose in the picker or form the request opened (None when cancelled)."""


@dataclass
class EditRequested(Message):
    """A widget wants an edit made; the app applies it through the undo stack."""

    command: Command


@dataclass
class Target(Message):
    """Something was chosen for the detail form: an element id, ``chart``, or ``answer:KEY``."""

    key: str


@dataclass
class JumpTo(Message):
    """Show this element in the navigator and the form (from search, problems, links)."""

    ident: str


@dataclass
class FieldCommitted(Message):
    """A field row produced a checked value (the form decides how to apply it)."""

    name: str
    value: Any


@dataclass
class ActionRequested(Message):
    """A button in a widget asks for an app action (``add_child``, ``delete``...)."""

    action: str
    argument: str = ""


@dataclass
class FieldLeft(Message):
    """Escape in a field of the form: the value is back, and focus goes to the navigator."""


@dataclass
class ReferenceWanted(Message):
    """A field row needs an element picked for ``spec`` (a reference): the app lists the candidates.

    ``exclude``: the element being edited (never its own reference); ``skip``: ids already linked.
    """

    spec: FieldSpec
    reply: Reply
    exclude: str | None = None
    skip: set[str] = field(default_factory=set)


@dataclass
class ChoiceWanted(Message):
    """A field row needs one of ``choices`` (value, label) picked, e.g. which link to remove."""

    title: str
    choices: list[tuple[str, str]]
    reply: Reply


@dataclass
class RecordWanted(Message):
    """A field row needs a nested record edited in a form (``existing`` None: a new one)."""

    model: type[BaseModel]
    existing: BaseModel | None
    reply: Reply


@dataclass
class ModelChosen(Message):
    """The live panel's selector changed: show the levels of this model (None: problems only)."""

    name: str | None
