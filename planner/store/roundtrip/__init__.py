"""Comment-preserving saves: rewrite only the parts of a chart file that changed.

A ruamel.yaml round trip keeps comments but takes 30 s on a 5 MB file
(../shared/MEASURED.md), so the editor saves by patching text instead. The
caller says which elements changed (:class:`Change`: section, id in the file,
id now). Top-level sections are outlined from the lines alone (keys at column
0, items at the first dash indentation), so a big file is never parsed whole;
only the items that changed are composed, with positions, and patched field by
field: an edited name rewrites one line, a new person is one inserted item, a
deleted one is its lines removed. Everything else, comments, key order, quoting,
blank lines, stays byte for byte. The result is read back and compared with
the chart; when anything does not match, or the file's shape is beyond the
patcher, :func:`save_preserving` falls back to a canonical save and says so.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...model import SECTIONS, Chart
from ..atomic import check_target, write_atomic
from ..backup import write_backup
from ..yaml12 import loads_fast
from .base import ORDER, Change, PatchError, dump
from .doc import _Doc
from .sections import _patch_block, _patch_section

__all__ = ["Change", "PatchError", "SaveOutcome", "dump", "patch_chart_text", "save_preserving"]


def patch_chart_text(text: str, chart: Chart, changes: Iterable[Change], verify: bool = True) -> str:
    """``text`` with ``changes`` applied so that it reads back as ``chart``; raises :class:`PatchError`."""
    doc = _Doc(text)
    by_section: dict[str, list[Change]] = {}
    for change in changes:
        by_section.setdefault(change.section, []).append(change)
    ordered = sorted(by_section, key=lambda k: ORDER.index(k) if k in ORDER else len(ORDER))
    for section in ordered:  # file order, so that insertions at one spot come out in file order
        group = by_section[section]
        if section in SECTIONS:
            _patch_section(doc, section, getattr(chart, section), group)
        elif section in ("chart", "version", "answers"):
            _patch_block(doc, section, _section_data(chart, section))
        else:
            raise PatchError(f"unknown section {section!r}")
    result = doc.apply()
    if verify:
        _verify(result, chart)
    return result


@dataclass
class SaveOutcome:
    """What a save did: the real path, the text written, and whether it patched or rewrote."""

    path: Path
    text: str
    patched: bool
    reason: str = ""
    backup: Path | None = None


def save_preserving(path: str | os.PathLike, chart: Chart, base_text: str | None,
                    changes: Iterable[Change], canonical: bool = True, newline: str = "\n") -> SaveOutcome:
    """Save ``chart`` over ``path`` changing only what ``changes`` name.

    When that is not possible and the file was hand-written, ``canonical=False``
    raises :class:`PatchError` (the caller asks the user first); otherwise the
    old text is kept as the next backup (``NAME.bak``, ``NAME.bak.1``...) before
    the canonical rewrite. ``newline``: the file's line ending (texts are
    handled with ``\\n``; written with it). Only a failure of the patcher falls
    back: a failure to write (disk full, a read-only file) is raised as it is.
    """
    from ..charts import chart_to_text, leading_comments

    reason = "new file"
    if base_text:
        check_target(Path(os.path.realpath(path)), str(path))  # read-only: refused before any fallback
        try:
            text = patch_chart_text(base_text, chart, changes)
        except Exception as exc:  # any failure of the patcher: never lose the save, never lose the comments silently
            reason = str(exc) or type(exc).__name__
            if not canonical:
                raise PatchError(reason) from exc
        else:
            return SaveOutcome(write_atomic(path, _encode(text, newline)), text, True)
    text = chart_to_text(chart, leading_comments(base_text or ""))
    backup = None
    if base_text and text != base_text:
        check_target(Path(os.path.realpath(path)), str(path))
        backup = write_backup(path, _encode(base_text, newline))
        reason += f"; the previous text is in {backup.name}"
    return SaveOutcome(write_atomic(path, _encode(text, newline)), text, False, reason, backup)


def _encode(text: str, newline: str) -> bytes:
    """The bytes to write: ``text`` with the file's own line ending."""
    return (text.replace("\n", newline) if newline != "\n" else text).encode("utf-8")


def _section_data(chart: Chart, section: str) -> Any:
    if section == "version":
        return chart.version
    if section == "chart":
        return dump(chart.chart)
    return {key: dump(answer) for key, answer in chart.answers.items()}


def _verify(text: str, chart: Chart) -> None:
    try:
        data = loads_fast(text)
        again = Chart.model_validate(data)
    except Exception as exc:
        raise PatchError(f"patched text does not read back: {exc}") from exc
    if dump(again) != dump(chart):
        raise PatchError("patched text reads back differently")
