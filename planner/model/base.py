"""Building blocks shared by every chart element: ids, references, the base class.

References are declared once, on the field, with :class:`Ref`. The reference
checker, the graph builder, the diff and the editor all read that declaration, so
a new relation is added in one place and every consumer follows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import to_jsonable_python

from .docs import document_fields

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


def empty(factory: Callable[[], Any]) -> Any:
    """A field's empty default (``[]``, ``{}``, a model's defaults), made by ``factory`` each time it is needed.

    pydantic deep-copies a mutable default (``= []``) every time it fills one in:
    38,000 copies, about 15% of the validation time of a 100,000-element chart. A
    factory makes the same fresh value without the copy; the JSON Schema still
    shows the value as ``"default"``, exactly as it did for ``= []``.
    """
    return Field(default_factory=factory, json_schema_extra={"default": to_jsonable_python(factory())})


class Strict(BaseModel):
    """Base of every model in a chart file: unknown keys are errors, docstrings document fields.

    The docstrings are read when a description is asked for (:mod:`planner.model.docs`),
    not by pydantic at every import.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=document_fields,
        validate_assignment=True,
        str_strip_whitespace=True,
    )


class Element(Strict):
    """Anything in a chart with its own id: a node of the graph.

    The class says how people name its kind, once, for every front end and report:
    ``LABEL`` (a legend entry, "Workflow step"), ``NOUN`` (in a sentence, "step"),
    ``PLURAL`` (a count, "3 steps") and ``TITLE`` (a heading, "Workflow steps").
    ``CHILDREN`` names the field holding nested elements (an organization's
    contracts, a workflow's steps); :data:`planner.model.NESTING` is the table of them.
    """

    KIND: ClassVar[str] = "element"
    LABEL: ClassVar[str] = "Element"
    NOUN: ClassVar[str] = "element"
    PLURAL: ClassVar[str] = "elements"
    TITLE: ClassVar[str] = "Elements"
    CHILDREN: ClassVar[str] = ""
    """The field holding nested elements; empty for a kind that holds none."""

    id: Id
    """Unique id across the whole chart; other elements refer to it."""
    name: str = Field(min_length=1)
    """Display name."""
    notes: str = ""
    """Free text: context, sources, caveats."""

    def children(self) -> Iterator[tuple[str, int, Element]]:
        """Nested elements (contracts of an organization, steps of a workflow): (field, index, element)."""
        field = self.CHILDREN
        if not field:
            return iter(())
        return ((field, i, child) for i, child in enumerate(getattr(self, field)))


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


def redirect(value: Any, targets: Collection[str], replacement: str | None) -> Any:
    """A reference field's value with the ids in ``targets`` pointed at ``replacement`` (None drops them).

    A list keeps its order and loses repeats; a single reference becomes ``replacement``
    when it names a target. The one rule for every relink: the roadmap's removals
    (``replaced_by``) and the editor's delete-with-replacement and rename.
    """
    if isinstance(value, list):
        moved: list[str] = []
        for target in value:
            target = replacement if target in targets else target
            if target is not None and target not in moved:
                moved.append(target)
        return moved
    return replacement if value in targets else value
