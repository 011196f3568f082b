"""Patching a flow mapping (``{id: x, name: Y}``) in place, and the field diff every mapping patch walks.

A person who wrote an element on one line keeps it on one line: only the text
of the changed values changes, a dropped key goes with its comma, a new key is
appended before the closing brace. What cannot stand inside a flow collection
(a block value, a multi-line string) raises :class:`_Replace`, and the caller
rewrites the value instead. :func:`_changed` is shared with the block mappings
of :mod:`.nodes`.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..emit import emit
from .base import _Replace
from .doc import _Doc, _value

Edits = list[tuple[int, int, str]]
"""Text edits ``(start offset, stop offset, new text)`` on the document."""
_MISSING = object()


def _changed(old: dict, new: dict):
    """(key, before, after) for every key whose value differs, new keys' order first;
    a key missing on one side has the value ``_MISSING`` there."""
    for key in [*new, *(k for k in old if k not in new)]:
        before, after = old.get(key, _MISSING), new.get(key, _MISSING)
        if before != after:
            yield key, before, after


def _patch_flow_mapping(doc: _Doc, node: yaml.MappingNode, old: dict, new: dict) -> Edits:
    """``{id: x, name: Y}`` patched in place: only the changed values' text changes, the rest stays as written."""
    pairs = {_value(k): (k, v) for k, v in node.value}
    order = [_value(k) for k, _ in node.value]
    edits: Edits = []
    appended = []
    for key, before, after in _changed(old, new):
        if key not in pairs:
            if after is not _MISSING:
                appended.append(f"{_flow_text(key)}: {_flow_text(after)}")
            continue
        k, v = pairs[key]
        if after is _MISSING:  # drop "key: value" with the comma before it (after it, for the first pair)
            n = order.index(key)
            if n > 0:
                start = doc.offset(*_pos(node.value[n - 1][1].end_mark))
                stop = doc.offset(*_pos(v.end_mark))
            elif len(order) > 1:
                start, stop = doc.offset(*_pos(k.start_mark)), doc.offset(*_pos(node.value[1][0].start_mark))
            else:
                raise _Replace()
            edits.append((start, stop, ""))
            continue
        if isinstance(v, yaml.MappingNode) and v.flow_style and isinstance(before, dict) and isinstance(after, dict):
            edits += _patch_flow_mapping(doc, v, before, after)
            continue
        if isinstance(v, yaml.MappingNode) or (isinstance(v, yaml.SequenceNode) and not v.flow_style):
            raise _Replace()
        edits.append((doc.offset(*_pos(v.start_mark)), doc.offset(*_pos(v.end_mark)), _flow_text(after)))
    if appended:
        at = doc.offset(*_pos(node.value[-1][1].end_mark)) if node.value else None
        if at is None:
            raise _Replace()
        edits.append((at, at, "".join(", " + text for text in appended)))
    return edits


def _pos(mark) -> tuple[int, int]:
    return mark.line, mark.column


def _flow_text(value: Any) -> str:
    """One value as it can stand inside a flow collection; :class:`_Replace` when it cannot."""
    if isinstance(value, list):
        return "[" + ", ".join(_flow_text(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow_text(k)}: {_flow_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # ``3`` as typed, read back as the same float
    text = emit({"k": value}).rstrip("\n")
    if "\n" in text or not text.startswith("k: "):
        raise _Replace()
    shown = text[3:]
    if not shown.startswith(('"', "'")) and any(c in shown for c in ",[]{}#"):
        return '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return shown
