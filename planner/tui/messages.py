"""Messages the widgets send up to the app: small dataclasses, no behaviour.

Textual's ``Message`` initializes itself in ``__post_init__``, so a dataclass is enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from .core.commands import Command


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
