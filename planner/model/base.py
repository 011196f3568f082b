"""Building blocks shared by every chart element: ids, references, the base class.

References are declared once, on the field, with :class:`Ref`. The reference
checker, the graph builder, the diff and the editor all read that declaration, so
a new relation is added in one place and every consumer follows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
"""An element id: letters, digits, ``_``, ``.`` and ``-``; starts with a letter or digit."""


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to other elements.

    ``kinds`` lists the element kinds the id may name; ``relation`` is the name of
    the graph edge drawn from the element holding the field to the referenced one.
    """

    kinds: tuple[str, ...]
    relation: str


def ref(*kinds: str, relation: str) -> Ref:
    return Ref(tuple(kinds), relation)


class Strict(BaseModel):
    """Base of every model in a chart file: unknown keys are errors, docstrings document fields."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        validate_assignment=True,
        str_strip_whitespace=True,
    )


class Element(Strict):
    """Anything in a chart with its own id: a node of the graph."""

    KIND: ClassVar[str] = "element"

    id: Id
    """Unique id across the whole chart; other elements refer to it."""
    name: str = Field(min_length=1)
    """Display name."""
    notes: str = ""
    """Free text: context, sources, caveats."""

    def children(self) -> Iterator[tuple[str, int, Element]]:
        """Nested elements (contracts of an organization, steps of a workflow)."""
        return iter(())


@dataclass(frozen=True)
class RefField:
    """A reference field of a model class, as found by :func:`ref_fields`."""

    name: str
    ref: Ref
    many: bool


_REF_CACHE: dict[type, tuple[RefField, ...]] = {}


def ref_fields(cls: type[BaseModel]) -> tuple[RefField, ...]:
    """The fields of ``cls`` declared with :class:`Ref`, cached per class."""
    cached = _REF_CACHE.get(cls)
    if cached is not None:
        return cached
    found = []
    for name, info in cls.model_fields.items():
        for meta in info.metadata:
            if isinstance(meta, Ref):
                origin = getattr(info.annotation, "__origin__", None)
                found.append(RefField(name, meta, origin is list))
    _REF_CACHE[cls] = tuple(found)
    return _REF_CACHE[cls]


def iter_refs(element: BaseModel) -> Iterator[tuple[RefField, int | None, str]]:
    """Yield (field, index in list or None, referenced id) for every set reference."""
    for field in ref_fields(type(element)):
        value: Any = getattr(element, field.name)
        if value is None:
            continue
        if field.many:
            for i, target in enumerate(value):
                yield field, i, target
        else:
            yield field, None, value
