"""One row per field of the detail form and of the dialogs' forms: which row fits which field.

The rows live in three modules by what they edit: typed values and choices
(:mod:`.field_row`), references (:mod:`.reference_rows`), structured values
(:mod:`.record_rows`); an open vocabulary's words in :mod:`.words`. The form
that shows them imports only this module, and hands each row what it needs:
the object, the field, and where referenced ids are looked up (attributes down);
the rows post their values and requests up as messages.
"""

from __future__ import annotations

from pydantic import BaseModel

from ..core.fields import FieldSpec
from .field_row import ChoiceRow, FieldInput, FieldRow, Names, TextRow
from .record_rows import ChildrenRow, ModelRow, ModelsRow, PhasesRow, child_label, summary
from .reference_rows import RefRow, RefsRow, element_label
from .words import WordsRow

__all__ = ["ROWS", "ChildrenRow", "ChoiceRow", "FieldInput", "FieldRow", "ModelRow", "ModelsRow", "Names",
           "PhasesRow", "RefRow", "RefsRow", "TextRow", "WordsRow", "child_label", "element_label", "make_row",
           "summary"]

ROWS: dict[str, type[FieldRow]] = {
    "ref": RefRow, "refs": RefsRow, "choice": ChoiceRow, "phases": PhasesRow, "models": ModelsRow,
    "model": ModelRow, "children": ChildrenRow}
"""The row for each field kind (:class:`~planner.tui.core.fields.FieldSpec`); text otherwise."""


def make_row(obj: BaseModel, spec: FieldSpec, names: Names | None = None) -> FieldRow:
    """The row for ``spec`` of ``obj``; ``names`` (the session) names the elements a reference shows."""
    if spec.vocabulary:
        return WordsRow(obj, spec, names)
    return ROWS.get(spec.kind, TextRow)(obj, spec, names)
