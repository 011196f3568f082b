"""The editing core: pure Python over the chart model, no Textual."""

from .commands import Command, Macro, SetField, SetAnswer, AddElement, DeleteElement
from .fields import FieldError, FieldSpec, field_specs, format_value, parse_value
from .session import ExternalChange, Session
from .stack import CommandStack

__all__ = [
    "Command", "Macro", "SetField", "SetAnswer", "AddElement", "DeleteElement", "FieldError", "FieldSpec",
    "field_specs", "format_value", "parse_value", "ExternalChange", "Session", "CommandStack",
]
