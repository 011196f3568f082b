"""Patching composed nodes field by field: mappings, lists, and lists of elements matched by id.

Flow mappings (``{id: x, name: Y}``) are patched by :mod:`.flow`, the rest here.
A value that cannot be patched raises :class:`_Replace`, and the mapping or list
holding it rewrites that value alone, so the lines around it stay as written.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..emit import emit, flow_sequence
from .base import PatchError, _Replace
from .doc import _block, _Doc, _end_offset, _flow, _indent, _value, _whole_lines
from .flow import _MISSING, Edits, _changed, _patch_flow_mapping


def _patch_node(doc: _Doc, node: yaml.Node, old: Any, new: Any) -> Edits:
    """Edits turning ``node`` (whose data normalizes to ``old``) into ``new``; :class:`_Replace` if it cannot."""
    if old == new:
        return []
    if isinstance(node, yaml.MappingNode) and _block(node) and isinstance(old, dict) and isinstance(new, dict):
        return _patch_mapping(doc, node, old, new)
    if isinstance(node, yaml.SequenceNode) and _block(node) and isinstance(old, list) and isinstance(new, list):
        return _patch_list(doc, node, old, new)
    if isinstance(node, yaml.MappingNode) and node.flow_style and isinstance(old, dict) and isinstance(new, dict):
        return _patch_flow_mapping(doc, node, old, new)
    if isinstance(node, yaml.SequenceNode) and node.flow_style and isinstance(new, list):
        text = flow_sequence(new, node.start_mark.column)
        if text is not None:  # a flow list stays a flow list, wrapped like the file's own
            return [(doc.offset(node.start_mark.line, node.start_mark.column), _end_offset(doc, node)[1], text)]
    raise _Replace()


def _patch_mapping(doc: _Doc, node: yaml.MappingNode, old: dict, new: dict) -> Edits:
    pairs = {_value(k): (k, v) for k, v in node.value}
    col = node.value[0][0].start_mark.column
    edits: Edits = []
    inserts = []
    for key, before, after in _changed(old, new):
        if key not in pairs:
            if after is not _MISSING:
                inserts.append(_indent(emit({key: after}), col))
            continue
        k, v = pairs[key]
        if after is _MISSING:
            if not _whole_lines(doc, k, col):
                raise _Replace()
            last, _ = _end_offset(doc, v)
            edits.append((doc.offset(k.start_mark.line), doc.offset(last + 1), ""))
            continue
        try:
            edits += _patch_node(doc, v, None if before is _MISSING else before, after)
        except _Replace:
            _, stop = _end_offset(doc, v)
            text = _indent(emit({key: after}).rstrip("\n"), col, first=False)
            edits.append((doc.offset(k.start_mark.line, k.start_mark.column), stop, text))
    if inserts:
        last, _ = _end_offset(doc, node.value[-1][1])
        at = last + 1
        edits.append((doc.offset(at), doc.offset(at), doc.ensure_newline_before(at) + "".join(inserts)))
    return edits


def _patch_list(doc: _Doc, node: yaml.SequenceNode, old: list, new: list) -> Edits:
    items = node.value
    if len(items) != len(old):
        raise _Replace()
    keyed = all(isinstance(x, dict) and "id" in x for x in [*old, *new])
    if not keyed:
        if len(old) != len(new):
            raise _Replace()
        edits: Edits = []
        for item, before, after in zip(items, old, new):
            edits += _patch_item(doc, item, before, after)
        return edits
    olds = {x["id"]: (item, x) for item, x in zip(items, old)}
    if len(olds) != len(old):
        raise _Replace()
    dash = node.start_mark.column
    spots = [(item.start_mark.line, _end_offset(doc, item)[0]) for item in items]
    flow = bool(items[0].flow_style)
    return _patch_keyed(doc, olds.__getitem__, spots, list(olds), [x["id"] for x in new], new, dash, flow)


def _patch_item(doc: _Doc, item: yaml.Node, old: Any, new: Any) -> Edits:
    """Patch one list item, or rewrite it in place (flow style kept when it fits)."""
    try:
        return _patch_node(doc, item, old, new)
    except _Replace:
        pass
    _, stop = _end_offset(doc, item)
    flow = _flow(new) if getattr(item, "flow_style", False) else None
    text = flow if flow is not None else _indent(emit(new).rstrip("\n"), item.start_mark.column, first=False)
    return [(doc.offset(item.start_mark.line, item.start_mark.column), stop, text)]


def _patch_keyed(doc: _Doc, load, spots: list[tuple[int, int]], old_ids: list[str], new_ids: list[str],
                 new_data: list, dash: int, flow: bool) -> Edits:
    """Patch a list of elements matched by id: removals, in-place edits, insertions after their predecessor.

    ``old_ids``/``spots``: each old item's id and first and last line; ``load(id)``
    gives its node and normalized data. ``new_ids`` name each new item by its id in
    the file (a renamed element keeps its old id here); ``new_data`` is None for an
    element known to be unchanged, which is then not even read.
    """
    position = {oid: n for n, oid in enumerate(old_ids)}
    if len(set(new_ids)) != len(new_ids):
        raise PatchError("ids clash after renames")
    kept = [i for i in new_ids if i in position]
    kept_set = set(kept)
    if [i for i in old_ids if i in kept_set] != kept:
        return _reordered(doc, load, spots, old_ids, new_ids, new_data, dash)
    edits: Edits = []
    for oid in old_ids:
        if oid in kept_set:
            continue
        first, last = spots[position[oid]]
        if doc.lines[first][:dash].strip():
            raise PatchError("cannot delete an item that shares its line")
        edits.append((doc.offset(first), doc.offset(last + 1), ""))
    anchor, pending = None, []
    for oid, data in zip(new_ids, new_data):
        if oid not in position:
            pending.append(data)
            continue
        _flush(doc, edits, anchor, pending, spots, position, dash, flow)
        anchor, pending = oid, []
        if data is None:
            continue
        item, before = load(oid)
        if before != data:
            edits += _patch_item(doc, item, before, data)
    _flush(doc, edits, anchor, pending, spots, position, dash, flow)
    return edits


def _reordered(doc: _Doc, load, spots: list[tuple[int, int]], old_ids: list[str], new_ids: list[str],
               new_data: list, dash: int) -> Edits:
    """Items moved within their list (steps reordered): each item's own lines, patched, go to the slot
    of the kept item they now follow, so only the lines of the moved items change; comments and
    blank lines between items stay where they are. Items sharing a line are beyond this."""
    position = {oid: n for n, oid in enumerate(old_ids)}
    for first, _ in spots:
        if doc.lines[first][:dash].strip():
            raise PatchError("elements were reordered")
    kept_new = [i for i in new_ids if i in position]
    slots = [i for i in old_ids if i in set(kept_new)]
    texts: dict[str, str] = {}
    added_after: dict[str, list[dict]] = {}  # a kept item's id -> the new items that follow it
    lead: list[dict] = []
    current = None
    for oid, data in zip(new_ids, new_data):
        if oid not in position:
            (lead if current is None else added_after.setdefault(current, [])).append(data)
            continue
        current = oid
        texts[oid] = _item_text(doc, load, spots[position[oid]], oid, data)
    edits: Edits = []
    for n, oid in enumerate(slots):
        mover = kept_new[n]
        first, last = spots[position[oid]]
        text = texts[mover] + _new_items(added_after.get(mover, []), dash)
        if n == 0:
            text = _new_items(lead, dash) + text
        if text != doc.text[doc.offset(first):doc.offset(last + 1)]:
            edits.append((doc.offset(first), doc.offset(last + 1), text))
    for oid in old_ids:
        if oid not in set(slots):
            first, last = spots[position[oid]]
            edits.append((doc.offset(first), doc.offset(last + 1), ""))
    return edits


def _item_text(doc: _Doc, load, spot: tuple[int, int], oid: str, data) -> str:
    """An item's whole lines, with its own field edits applied."""
    begin, end = doc.offset(spot[0]), doc.offset(spot[1] + 1)
    text = doc.text[begin:end]
    if data is None:
        return text if text.endswith("\n") else text + "\n"
    item, before = load(oid)
    if before != data:
        for start, stop, new in sorted(_patch_item(doc, item, before, data), reverse=True):
            text = text[:start - begin] + new + text[stop - begin:]
    return text if text.endswith("\n") else text + "\n"


def _new_items(items: list, dash: int) -> str:
    texts = []
    for data in items:
        one = _flow(data, 160 - dash)
        texts.append(" " * dash + "- " + one + "\n" if one else _indent(emit([data]), dash))
    return "".join(texts)


def _flush(doc: _Doc, edits: Edits, anchor: str | None, pending: list[dict], spots, position, dash: int,
           flow: bool) -> None:
    """Insert the new items collected after ``anchor`` (before the first item when None)."""
    if not pending:
        return
    at = spots[position[anchor]][1] + 1 if anchor is not None else spots[0][0]
    texts = []
    for data in pending:
        one = _flow(data, 160 - dash) if flow else None
        texts.append(" " * dash + "- " + one + "\n" if one else _indent(emit([data]), dash))
    edits.append((doc.offset(at), doc.offset(at), doc.ensure_newline_before(at) + "".join(texts)))


