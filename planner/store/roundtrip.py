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
import re
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..model import SECTIONS, Answer, Chart, ChartInfo
from .atomic import write_atomic
from .emit import emit
from .yaml12 import loads_fast, resolve_plain

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


def save_preserving(path: str | os.PathLike, chart: Chart, base_text: str | None,
                    changes: Iterable[Change]) -> SaveOutcome:
    """Save ``chart`` over ``path`` changing only what ``changes`` name; canonical when that fails."""
    from .charts import chart_to_text, leading_comments

    reason = "new file"
    if base_text:
        try:
            text = patch_chart_text(base_text, chart, changes)
            return SaveOutcome(write_atomic(path, text.encode("utf-8")), text, True)
        except PatchError as exc:
            reason = str(exc)
    text = chart_to_text(chart, leading_comments(base_text or ""))
    return SaveOutcome(write_atomic(path, text.encode("utf-8")), text, False, reason)


def _section_data(chart: Chart, section: str) -> Any:
    if section == "version":
        return chart.version
    if section == "chart":
        return dump(chart.chart)
    return {key: dump(answer) for key, answer in chart.answers.items()}


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


def _verify(text: str, chart: Chart) -> None:
    try:
        data = loads_fast(text)
        again = Chart.model_validate(data)
    except Exception as exc:
        raise PatchError(f"patched text does not read back: {exc}") from exc
    if dump(again) != dump(chart):
        raise PatchError("patched text reads back differently")


# --- the document: lines, offsets, collected edits ---------------------------------

_TOP = re.compile(r"""^([A-Za-z_][\w.\-]*|"[^"]*"|'[^']*')[ \t]*:(?:[ \t]+(.*?))?[ \t]*$""")


class _Doc:
    """The file's text, its line offsets, its top-level outline and the pending edits."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.starts = [0, *accumulate(len(line) for line in self.lines)]
        self.edits: list[tuple[int, int, str]] = []
        self.top: dict[str, tuple[int, int, bool]] = {}  # key -> (key line, end line, inline value)
        keys = []
        for i, line in enumerate(self.lines):
            if line[:1].isalpha() or line[:1] in "_\"'":
                match = _TOP.match(line.rstrip("\r\n"))
                if match:
                    value = (match.group(2) or "").split("#")[0].strip()
                    keys.append((match.group(1).strip("\"'"), i, bool(value)))
            elif line.startswith(("---", "...")):
                raise PatchError("multi-document files are saved canonically")
        for n, (key, line, inline) in enumerate(keys):
            end = keys[n + 1][1] if n + 1 < len(keys) else len(self.lines)
            self.top[key] = (line, self.trim(line + 1, end), inline)

    def trim(self, begin: int, end: int) -> int:
        """End line (exclusive) of a block, leaving out trailing blank and comment lines."""
        while end > begin and self.lines[end - 1].strip()[:1] in ("", "#"):
            end -= 1
        return end

    def offset(self, line: int, col: int = 0) -> int:
        return self.starts[min(line, len(self.lines))] + col

    def replace(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, new))

    def apply(self) -> str:
        out, last = [], len(self.text)
        ranked = sorted(enumerate(self.edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
        for _, (start, end, new) in ranked:  # insertions at one offset keep the order they were made in
            if end > last:
                raise PatchError("overlapping edits")
            out.append(self.text[end:last])
            out.append(new)
            last = start
        out.append(self.text[:last])
        return "".join(reversed(out))

    def compose(self, begin: int, end: int) -> yaml.Node:
        """Lines ``begin:end`` as a node tree whose marks are shifted to file lines."""
        try:
            node = yaml.compose("".join(self.lines[begin:end]), Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            raise PatchError(f"cannot read lines {begin + 1}-{end}: {exc}") from exc
        if node is None:
            raise PatchError(f"nothing at lines {begin + 1}-{end}")
        _shift(node, begin)
        return node

    def ensure_newline_before(self, line: int) -> str:
        """A newline to prepend when inserting after a last line that has none."""
        return "" if line == 0 or self.lines[line - 1].endswith("\n") else "\n"


def _shift(node: yaml.Node, lines: int) -> None:
    node.start_mark = _Mark(node.start_mark.line + lines, node.start_mark.column)
    node.end_mark = _Mark(node.end_mark.line + lines, node.end_mark.column)
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _shift(item, lines)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _shift(key, lines)
            _shift(value, lines)


@dataclass(frozen=True)
class _Mark:
    line: int
    column: int


def _value(node: yaml.Node) -> Any:
    """Data of a node by the YAML 1.2 core schema, as the chart loader reads it."""
    if isinstance(node, yaml.ScalarNode):
        return resolve_plain(node.value) if node.style is None else node.value
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    return {_value(key): _value(value) for key, value in node.value}


def _end(node: yaml.Node) -> _Mark:
    """Where a node's own text ends (a block collection's end mark runs on past comments)."""
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        return _end(last[1] if isinstance(last, tuple) else last)
    return node.end_mark


def _block(node: yaml.Node) -> bool:
    return isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style


def _indent(text: str, col: int, first: bool = True) -> str:
    """Indent emitted YAML by ``col`` spaces (not the first line when ``first`` is False)."""
    pad = " " * col
    lines = text.splitlines(keepends=True)
    return "".join((pad if (n or first) and line.strip() else "") + line for n, line in enumerate(lines))


def _flow(data: Any, limit: int = 160) -> str | None:
    """A one-line flow mapping ``{id: x, name: Y}`` for simple data, or None."""
    if not isinstance(data, dict):
        return None
    pairs = []
    for key, value in data.items():
        text = emit({key: value}).rstrip("\n")
        if "\n" in text:
            return None
        shown = text.split(": ", 1)[1] if ": " in text else ""
        if not isinstance(value, list) and not shown.startswith('"') and any(c in shown for c in ",[]{}"):
            return None
        pairs.append(text)
    flow = "{" + ", ".join(pairs) + "}"
    return flow if len(flow) <= limit else None


class _Replace(Exception):
    """Raised inside the patcher: the caller replaces the whole value instead."""


def _end_offset(doc: _Doc, node: yaml.Node) -> tuple[int, int]:
    """(last line, offset just past the last character) of a node's own text."""
    end = _end(node)
    if end.column == 0 and end.line > node.start_mark.line:  # block scalars end at the next line
        line = end.line - 1
        return line, doc.offset(line) + len(doc.lines[line].rstrip("\r\n"))
    return end.line, doc.offset(end.line, end.column)


def _whole_lines(doc: _Doc, node: yaml.Node, start_col: int) -> bool:
    """Whether a node starting at ``start_col`` of its line has only spaces before it."""
    line = doc.lines[node.start_mark.line]
    return not line[:start_col].strip()


Edits = list[tuple[int, int, str]]
_MISSING = object()


def _patch_node(doc: _Doc, node: yaml.Node, old: Any, new: Any) -> Edits:
    """Edits turning ``node`` (whose data normalizes to ``old``) into ``new``; :class:`_Replace` if it cannot."""
    if old == new:
        return []
    if isinstance(node, yaml.MappingNode) and _block(node) and isinstance(old, dict) and isinstance(new, dict):
        return _patch_mapping(doc, node, old, new)
    if isinstance(node, yaml.SequenceNode) and _block(node) and isinstance(old, list) and isinstance(new, list):
        return _patch_list(doc, node, old, new)
    raise _Replace()


def _patch_mapping(doc: _Doc, node: yaml.MappingNode, old: dict, new: dict) -> Edits:
    pairs = {_value(k): (k, v) for k, v in node.value}
    col = node.value[0][0].start_mark.column
    edits: Edits = []
    inserts = []
    for key in [*new, *(k for k in old if k not in new)]:
        before, after = old.get(key, _MISSING), new.get(key, _MISSING)
        if before == after:
            continue
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
        raise PatchError("elements were reordered")
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


# --- top level: list sections by outline, other blocks composed whole ----------------

_ITEM_ID = re.compile(r"""(?:^|[{,])\s*id\s*:\s*['"]?([A-Za-z0-9][A-Za-z0-9_.\-]*)""")


def _patch_section(doc: _Doc, section: str, elements: list, changes: list[Change]) -> None:
    top = doc.top.get(section)
    spots, dash = _outline(doc, top[0] + 1, top[1]) if top is not None and not top[2] else ([], 0)
    if not spots:
        _replace_top(doc, section, [dump(e) for e in elements])
        return
    renames = {c.new: c.old for c in changes if c.old and c.new}
    touched = {c.new for c in changes if c.new}
    new_ids = [renames.get(e.id, e.id) for e in elements]
    new_data = [dump(e) if e.id in touched else None for e in elements]
    old_ids = _item_ids(doc, section, spots, dash)
    missing = {c.old for c in changes if c.old} - set(old_ids)
    if missing:
        raise PatchError(f"{section}: {', '.join(sorted(missing))} not found in the file")
    where = dict(zip(old_ids, spots))
    flow = doc.lines[spots[0][0]].lstrip()[1:].lstrip().startswith("{")
    doc.edits += _patch_keyed(doc, lambda oid: _load_item(doc, section, where[oid], oid),
                              spots, old_ids, new_ids, new_data, dash, flow)


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
    k, v = node.value[0]
    try:
        old = _normalize(key, _value(v))
        doc.edits += _patch_mapping(doc, node, {key: old}, {key: new})
    except _Replace:
        _replace_top(doc, key, new)
