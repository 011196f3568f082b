"""Field descriptions of the chart models, read from their attribute docstrings only when asked for.

Every field of a chart model is documented by the string written under it. pydantic
can read those strings itself (``use_attribute_docstrings``), but it does so for
every class at every import, by finding and parsing the class's source: 70-100 ms
of every command, ``planner check`` included, for texts that only the JSON Schema
(``planner schema``) and the editor's field help show. Here the same texts, read by
the same pydantic function, once per class and only for those two.

The chart models name :func:`document_fields` as their ``json_schema_extra``, so
pydantic's own schema generation asks for the descriptions, and
:func:`field_description` gives the editor the text pydantic would have put in
``FieldInfo.description``.
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any

from pydantic import BaseModel


def document_fields(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    """Give each property of ``cls``'s JSON Schema its description, as ``use_attribute_docstrings`` did.

    pydantic drops a key beside a ``$ref`` that repeats the referenced schema's
    (``chart: ChartInfo`` documented with ChartInfo's own docstring); so does this.
    """
    properties = schema.get("properties", {})
    for name, info in cls.model_fields.items():
        prop = properties.get(info.alias or name)
        text = None if info.description is not None else field_description(cls, name)
        if prop is None or text is None or "description" in prop:
            continue
        if "$ref" in prop and text == _model_description(info.annotation):
            continue
        prop["description"] = text


def field_description(cls: type[BaseModel], name: str) -> str | None:
    """The description of field ``name`` of ``cls``: set on the field, or its attribute docstring.

    Attribute docstrings count for the models documented by :func:`document_fields`
    only, the way ``use_attribute_docstrings`` counts them for the models that set it.
    """
    info = cls.model_fields[name]
    if info.description is not None or cls.model_config.get("json_schema_extra") is not document_fields:
        return info.description
    owner = next((k for k in cls.__mro__ if name in vars(k).get("__annotations__", {})), None)
    return _class_docs(owner).get(name) if owner is not None else None


@cache
def _class_docs(cls: type) -> dict[str, str]:
    """Attribute name -> docstring, for the attributes annotated in ``cls``'s own body."""
    from pydantic._internal._docs_extraction import extract_docstrings_from_cls  # noqa: PLC0415

    return extract_docstrings_from_cls(cls, use_inspect=True)


def _model_description(annotation: Any) -> str | None:
    """The description pydantic gives a model's own schema: its class docstring, cleaned."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation.__doc__:
        return inspect.cleandoc(annotation.__doc__)
    return None
