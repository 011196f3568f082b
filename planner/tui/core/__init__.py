"""The editing core: pure Python over the chart model, no Textual."""

from .commands import AddElement, Command, DeleteElement, Macro, SetAnswer, SetField
from .fields import FieldError, FieldSpec, field_specs, format_value, parse_value
from .session import ExternalChange, Session
from .stack import CommandStack

__all__ = [
    "AddElement",
    "Command",
    "CommandStack",
    "DeleteElement",
    "ExternalChange",
    "FieldError",
    "FieldSpec",
    "Macro",
    "Session",
    "SetAnswer",
    "SetField",
    "field_specs",
    "format_value",
    "parse_value",
]
