"""Top level: list sections by their outline (only changed items composed), other blocks composed whole."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..emit import emit
from .base import ORDER, Change, PatchError, _normalize, _Replace, dump
from .doc import _TOP, _Doc, _value
from .nodes import _patch_keyed, _patch_mapping

_ITEM_ID = re.compile(r"""(?:^|[{,])\s*id\s*:\s*['"]?([A-Za-z0-9][A-Za-z0-9_.\-]*)""")


def _patch_section(doc: _Doc, section: str, elements: list, changes: list[Change]) -> None:
    top = doc.top.get(section)
    spots, dash = _outline(doc, top[0] + 1, top[1]) if top is not None and not top[2] else ([], 0)
    if not spots:
        _replace_top(doc, section, [dump(e) for e in elements])
        return
    renames = {c.new: c.old for c in changes if c.old and c.new}
    touched = {c.new for c in changes if c.new}
    fresh = {c.new for c in changes if c.old is None and c.new}
    gone = {c.old for c in changes if c.old and c.old != c.new}
    new_ids = [_file_id(e.id, renames, fresh, gone) for e in elements]
    new_data = [dump(e) if e.id in touched else None for e in elements]
    old_ids = _item_ids(doc, section, spots, dash)
    missing = {c.old for c in changes if c.old} - set(old_ids)
    if missing:
        raise PatchError(f"{section}: {', '.join(sorted(missing))} not found in the file")
    where = dict(zip(old_ids, spots))
    flow = doc.lines[spots[0][0]].lstrip()[1:].lstrip().startswith("{")
    doc.edits += _patch_keyed(doc, lambda oid: _load_item(doc, section, where[oid], oid),
                              spots, old_ids, new_ids, new_data, dash, flow)
    if not elements:  # every item removed: an empty key would read back as null
        _mark_empty(doc, section, "[]")


def _mark_empty(doc: _Doc, key: str, empty: str) -> None:
    """Write `` []`` / `` {}`` after the colon of a top-level key whose items are all gone (comments stay)."""
    line = doc.lines[doc.top[key][0]]
    match = _TOP.match(line.rstrip("\r\n"))
    if match is None:
        raise PatchError(f"cannot empty {key}")
    colon = line.index(":", match.end(1))
    at = doc.offset(doc.top[key][0], colon + 1)
    doc.replace(at, at, " " + empty)


def _file_id(ident: str, renames: dict, fresh: set, gone: set) -> str:
    """The id an element has in the file; a new element reusing an id renamed or deleted away gets none."""
    if ident in renames:
        return renames[ident]
    if ident in fresh and ident in gone:
        return "\0new " + ident  # not in the file: inserted as a new item
    return ident


def _outline(doc: _Doc, begin: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """First and last line of each item of the block sequence in lines ``begin:end``, and the dash column."""
    starts, dash = [], None
    for i in range(begin, end):
        line = doc.lines[i]
        stripped = line.lstrip(" ")
        if not (stripped.startswith("- ") or stripped.rstrip() == "-"):
            continue
        width = len(line) - len(stripped)
        if dash is None:
            dash = width
        if width == dash:
            starts.append(i)
    spots = [(s, doc.trim(s, e) - 1) for s, e in zip(starts, [*starts[1:], end])]
    return spots, dash or 0


def _item_ids(doc: _Doc, section: str, spots, dash: int) -> list[str]:
    """The id of every item, read from its lines without parsing the section."""
    old_ids = []
    for first, last in spots:
        found = _guess_id(doc, first, last, dash)
        if found is None:
            raise PatchError(f"cannot find the id of the item at line {first + 1}")
        old_ids.append(found)
    if len(set(old_ids)) != len(old_ids):
        raise PatchError(f"duplicate ids in {section}")
    return old_ids


def _load_item(doc: _Doc, section: str, spot: tuple[int, int], oid: str):
    """Compose one item of a section; check it is the one its lines seemed to name."""
    node = doc.compose(spot[0], spot[1] + 1)
    if not isinstance(node, yaml.SequenceNode) or len(node.value) != 1:
        raise PatchError(f"unexpected shape at line {spot[0] + 1}")
    item = node.value[0]
    raw = _value(item)
    if not isinstance(raw, dict) or raw.get("id") != oid:
        raise PatchError(f"item at line {spot[0] + 1} is not {oid!r}")
    try:
        return item, _normalize(section, raw)
    except _Replace:
        return item, None


def _guess_id(doc: _Doc, first: int, last: int, dash: int) -> str | None:
    head = doc.lines[first][dash + 1:].strip()
    match = _ITEM_ID.match(head)
    if match:
        return match.group(1)
    if head.startswith("{"):
        match = _ITEM_ID.search(head)
        return match.group(1) if match else None
    for i in range(first + 1, last + 1):
        line = doc.lines[i]
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) == dash + 2:
            match = _ITEM_ID.match(stripped)
            if match:
                return match.group(1)
    return None


def _replace_top(doc: _Doc, key: str, data: Any) -> None:
    """Rewrite a whole top-level entry, or add it in its canonical place."""
    text = emit({key: data})
    top = doc.top.get(key)
    if top is not None:
        doc.replace(doc.offset(top[0]), doc.offset(top[1]), text)
        return
    later = [doc.top[k][0] for k in ORDER[ORDER.index(key) + 1:] if k in doc.top] if key in ORDER else []
    if later:
        at = min(later)
        while at > 0 and doc.lines[at - 1].startswith("#"):
            at -= 1
        doc.replace(doc.offset(at), doc.offset(at), text)
    else:
        end = len(doc.lines)
        doc.replace(doc.offset(end), doc.offset(end), doc.ensure_newline_before(end) + text)


def _patch_block(doc: _Doc, key: str, new: Any) -> None:
    top = doc.top.get(key)
    if top is None:
        if new not in (None, {}, []):
            _replace_top(doc, key, new)
        return
    node = doc.compose(top[0], top[1])
    if not isinstance(node, yaml.MappingNode):
        raise PatchError(f"{key} is not a mapping")
    _k, v = node.value[0]
    try:
        old = _normalize(key, _value(v))
        doc.edits += _patch_mapping(doc, node, {key: old}, {key: new})
        if new in ({}, []) and old not in ({}, [], None):
            _mark_empty(doc, key, "{}" if isinstance(new, dict) else "[]")
    except _Replace:
        _replace_top(doc, key, new)
