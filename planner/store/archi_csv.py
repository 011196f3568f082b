"""Archi's three CSV files: ``elements.csv``, ``relations.csv``, ``properties.csv``.

The columns are the ones Archi writes and reads (``ID, Type, Name,
Documentation, Specialization``; relations add ``Source, Target``; properties
are ``ID, Key, Value``). Archi names relationship types with a
``Relationship`` suffix (``AssignmentRelationship``) and puts the model itself
on the first element row as ``ArchimateModel``. Files are written UTF-8 with a
byte order mark (what Excel needs to show accents) and every field quoted, as
Archi does; reading takes commas, semicolons or tabs, with or without a mark.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import FileAccessError
from ..interchange.archimate import AElement, AModel, ARelation
from .atomic import write_atomic
from .hris import read_csv_rows

ELEMENT_COLUMNS = ["ID", "Type", "Name", "Documentation", "Specialization"]
RELATION_COLUMNS = ["ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization"]
PROPERTY_COLUMNS = ["ID", "Key", "Value"]
FILES = ("elements.csv", "relations.csv", "properties.csv")


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def save_archi_csv(model: AModel, folder: str | os.PathLike) -> list[Path]:
    """Write the three files into ``folder`` (created when missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    elements = [[model.id, "ArchimateModel", model.name, model.documentation, ""]]
    elements += [[e.id, e.type, e.name, e.documentation, ""] for e in model.elements]
    relations = [[r.id, r.type + "Relationship", r.name, "", r.source, r.target, ""] for r in model.relations]
    items: list[AElement | ARelation] = [*model.elements, *model.relations]
    properties = [[item.id, key, value] for item in items for key, value in item.properties]
    return [write_atomic(folder / FILES[0], _csv(ELEMENT_COLUMNS, elements)),
            write_atomic(folder / FILES[1], _csv(RELATION_COLUMNS, relations)),
            write_atomic(folder / FILES[2], _csv(PROPERTY_COLUMNS, properties))]


@dataclass
class ArchiRows:
    """The three files as records with their file and row, for located messages."""

    elements: list[tuple[str, int, dict[str, str]]]
    relations: list[tuple[str, int, dict[str, str]]]
    properties: list[tuple[str, int, dict[str, str]]]


def read_archi_csv(folder: str | os.PathLike) -> ArchiRows:
    """Read ``elements.csv`` (required), ``relations.csv`` and ``properties.csv`` (optional).

    A file prefix such as Archi's ``MyModel-elements.csv`` is found too.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileAccessError(str(folder), "not a folder: give the folder holding elements.csv")
    found = []
    for name in FILES:
        matches = sorted(folder.glob(f"*{name}"))
        if not matches and name == "elements.csv":
            raise FileAccessError(str(folder), "no elements.csv in this folder")
        found.append(_records(matches[0]) if matches else [])
    return ArchiRows(*found)


def _records(path: Path) -> list[tuple[str, int, dict[str, str]]]:
    header, rows = read_csv_rows(path)
    keys = [h.strip().lower() for h in header]
    return [(str(path), n, {k: (values[i] if i < len(values) else "") for i, k in enumerate(keys)})
            for n, values in rows]
