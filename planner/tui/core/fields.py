"""What the detail form shows for each field of a model, and how typed text becomes a value.

Everything comes from the pydantic model: the field's annotation decides the
widget kind, ``Literal`` values give the choices, :class:`~planner.model.Ref`
gives the kinds a reference may pick, and the attribute docstring is the help.
Values are checked by assigning them to a shallow copy of the object
(``validate_assignment``), so the editor refuses exactly what the file loader
would refuse, with pydantic's reason reworded for a person.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from ...model import field_description, ref_fields
from ...model.vocabulary import CAPABILITY_WORDS

LONG_TEXT = {"notes", "description", "evidence"}


@dataclass(frozen=True)
class FieldSpec:
    """One editable field: how to show it, what it may hold, what it means."""

    name: str
    kind: str
    """text, longtext, int, float, date, bool, choice, ref, refs, words, phases, models, model, children, answer."""
    help: str
    optional: bool = False
    choices: tuple[str, ...] = ()
    ref_kinds: tuple[str, ...] = ()
    model: type[BaseModel] | None = None
    required: bool = False
    vocabulary: tuple[tuple[str, str], ...] = ()
    """Known words and their meanings for a field of an open vocabulary (a capability's practices and
    channels): the editor offers them in a picker, and other words stay allowed."""

    @property
    def label(self) -> str:
        return self.name.replace("_", " ")


class FieldError(ValueError):
    """Typed text that cannot become the field's value; the message says why."""


@cache
def field_specs(cls: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """Specs of every field of ``cls`` in declaration order."""
    refs = {f.name: f for f in ref_fields(cls)}
    specs = []
    for name, info in cls.model_fields.items():
        help_text = (field_description(cls, name) or "").strip()
        required = info.is_required()
        if name in refs:
            ref = refs[name]
            kind = "refs" if ref.many else "ref"
            specs.append(FieldSpec(name, kind, help_text, not required, ref_kinds=ref.ref.kinds, required=required))
            continue
        spec = _spec(name, info.annotation, help_text, required)
        if getattr(cls, "KIND", None) == "capability" and name in CAPABILITY_WORDS:
            spec = replace(spec, vocabulary=tuple(sorted(CAPABILITY_WORDS[name].items())))
        specs.append(spec)
    return tuple(specs)


def _spec(name: str, annotation: Any, help_text: str, required: bool) -> FieldSpec:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    optional = type(None) in typing.get_args(annotation)
    base = args[0] if optional and len(args) == 1 else annotation
    origin = typing.get_origin(base)
    if name == "answer":
        return FieldSpec(name, "answer", help_text, required=required)
    if origin is Literal:
        return FieldSpec(name, "choice", help_text, optional, tuple(map(str, typing.get_args(base))), required=required)
    if origin is dict:
        return FieldSpec(name, "phases", help_text, required=required)
    if origin is list:
        item = typing.get_args(base)[0]
        item = typing.get_args(item)[0] if typing.get_origin(item) is typing.Annotated else item
        if isinstance(item, type) and issubclass(item, BaseModel):
            kind = "children" if "id" in item.model_fields else "models"
            return FieldSpec(name, kind, help_text, model=item, required=required)
        return FieldSpec(name, "words", help_text, required=required)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return FieldSpec(name, "model", help_text, optional, model=base, required=required)
    kinds = {int: "int", float: "float", dt.date: "date", bool: "bool"}
    kind = kinds.get(base, "longtext" if name in LONG_TEXT else "text")
    return FieldSpec(name, kind, help_text, optional, required=required)


def format_value(spec: FieldSpec, value: Any) -> str:
    """The text an input shows for a value (the inverse of :func:`parse_value`)."""
    if value is None:
        return ""
    if spec.kind in ("words", "refs"):
        return ", ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(value)
    return str(value)


def parse_value(obj: BaseModel, spec: FieldSpec, text: str) -> Any:
    """The value typed ``text`` stands for, validated against ``obj``; raises :class:`FieldError`."""
    text = text.strip()
    if spec.kind in ("words", "refs"):
        value: Any = [part.strip() for part in text.split(",") if part.strip()]
    elif text == "" and spec.optional:
        value = None
    elif spec.kind == "int":
        value = _number(text, int)
    elif spec.kind == "float":
        value = _number(text, float)
    elif spec.kind == "date":
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            raise FieldError("a date is written YYYY-MM-DD, e.g. 2026-03-31") from None
    elif spec.kind == "answer":
        value = _answer(text)
    else:
        value = text
    return check_value(obj, spec.name, value)


def check_value(obj: BaseModel, name: str, value: Any) -> Any:
    """``value`` as the model stores it, or :class:`FieldError` with the model's reason."""
    trial = obj.model_copy()
    try:
        setattr(trial, name, value)
    except ValidationError as exc:
        raise FieldError(reason(exc)) from None
    return getattr(trial, name)


def reason(exc: ValidationError) -> str:
    """Pydantic's first message, in words for the person typing."""
    error = exc.errors(include_url=False)[0]
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        if pattern.startswith("^[a-z0-9]"):
            return "use lower-case words, digits and underscores (direct_mail)"
        return "ids use letters, digits, '_', '.' and '-', starting with a letter or digit"
    if error["type"] == "string_too_short":
        return "must not be empty"
    if error["type"] == "literal_error":
        return message.replace("Input should be", "choose")
    return message


def _number(text: str, kind: type) -> Any:
    try:
        return kind(text.replace("_", ""))
    except ValueError:
        raise FieldError(f"expected {'a whole number' if kind is int else 'a number'}, got {text!r}") from None


def _answer(text: str) -> Any:
    lowered = text.lower()
    if lowered in ("true", "yes", "y"):
        return True
    if lowered in ("false", "no", "n"):
        return False
    try:
        number = float(text)
    except ValueError:
        if not text:
            raise FieldError("give true/false, a number from 0 to 1, or a label of the model's scale") from None
        return text
    if not 0 <= number <= 1:
        raise FieldError("a numeric answer is between 0 and 1")
    return number
