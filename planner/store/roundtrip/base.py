"""The vocabulary of the comment-preserving save: what changed, when to give up, normalized data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...model import SECTIONS, Answer, ChartInfo

ORDER = ("version", "chart", *SECTIONS, "answers")
"""Top-level keys in the order a new section is placed."""


@dataclass(frozen=True)
class Change:
    """One changed unit: an element of a list section, the ``chart`` block, or an answer.

    ``old`` is its id (answer key) in the file, None for a new one; ``new`` its id
    in the chart now, None once deleted. ``version`` and ``chart`` use None for both.
    """

    section: str
    old: str | None = None
    new: str | None = None


class PatchError(Exception):
    """The text cannot be patched safely; the caller saves canonically instead."""


def dump(obj: Any) -> Any:
    """The normalized data of a model object, as a canonical save writes it."""
    return obj.model_dump(mode="json", exclude_defaults=True)


def _normalize(section: str, raw: Any) -> Any:
    """Raw data read from the file, normalized like :func:`dump` (defaults left out)."""
    try:
        if section == "chart":
            return dump(ChartInfo.model_validate(raw))
        if section == "answers":
            return {key: dump(Answer.model_validate(value)) for key, value in (raw or {}).items()}
        if section in SECTIONS:
            return dump(SECTIONS[section].model_validate(raw))
    except Exception as exc:  # invalid in the file: let the caller replace it whole
        raise _Replace() from exc
    return raw



class _Replace(Exception):
    """Raised inside the patcher: the caller replaces the whole value instead."""
