"""The second reading of a file that has problems: data, located problems, positions.

Charts are a mapping of top-level sections, most of them block sequences of
items. The text is cut along those lines: each section, and inside a section
that fails each item, is parsed on its own with the fast parser; only the parts
that still fail are composed by PyYAML to learn where and why (syntax errors,
duplicate keys). So one broken item does not hide the problems of the others,
and a 100,000-element chart with one bad reference is reported in about the
time of a valid one. Positions of later validation problems are found the same
way: the one item a problem points into is composed, not the whole file.

Text that is not a plain block mapping at the top (a flow mapping, several
documents) is composed as a whole instead. Finding the sections and items from the
lines is :mod:`planner.store.yaml_sections`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import Problem
from .yaml12 import FastParseFailed, Loc, compose, construct, loads_fast, syntax_problem, walk
from .yaml_sections import Block, item_lines, split_blocks, split_lines

_ID_LINE = re.compile(r"^\s*-?\s*\{?\s*id\s*:\s*['\"]?([A-Za-z0-9][A-Za-z0-9_.\-]*)")


@dataclass
class Located:
    """Data read by the located parser, what went wrong, and where things are."""

    data: Any
    problems: list[Problem] = field(default_factory=list)
    unparsed_ids: set[str] = field(default_factory=set)
    lines: list[str] = field(default_factory=list)
    blocks: dict[str, Block] | None = None
    root: yaml.Node | None = None
    anchors: set[str] | None = None
    item_map: dict[str, list[int]] = field(default_factory=dict)
    """Section -> the file item each data item came from, when items failed to parse (and so are
    missing from the data): data index 3 may be the fifth item of the file."""
    _nodes: dict[tuple[Any, ...] | str, tuple[yaml.Node | None, int]] = field(default_factory=dict)

    def position(self, loc: Loc, at_key: bool = False) -> tuple[int, int]:
        """1-based line and column of the deepest node on ``loc`` (its key if ``at_key``)."""
        line, col, _ = self.lookup(loc, at_key)
        return line, col

    def lookup(self, loc: Loc, at_key: bool = False) -> tuple[int, int, yaml.Node | None]:
        """:meth:`position`, and the node found there (to read its tag)."""
        if self.blocks is None:
            return _mark_of(walk(self.root, loc), at_key, 0)
        block = self.blocks.get(loc[0]) if loc else None
        if block is None:
            return (1, 1, None)
        if len(loc) >= 2 and isinstance(loc[1], int) and (items := item_lines(self.lines, block)):
            index = self._file_item(block.key, loc[1])
            if index >= len(items):
                return (block.begin + 1, 1, None)
            first = items[index]
            last = items[index + 1] if index + 1 < len(items) else block.end
            node, offset = self._composed((block.key, index), "_:\n", first, last, first - 1)
            item = node.value[0][1].value[0] if node is not None else None
            if item is None:
                return self._from_root((block.key, index) + tuple(loc[2:]), at_key, (first + 1, 1, None))
            return _mark_of(walk(item, loc[2:]), at_key, offset, fallback=(item, item))
        node, offset = self._composed((block.key,), "", block.begin, block.end, block.begin)
        if node is None:
            return self._from_root(loc, at_key, (block.begin + 1, 1, None))
        return _mark_of(walk(node, loc), at_key, offset)

    def _file_item(self, section: str, index: int) -> int:
        mapping = self.item_map.get(section)
        return mapping[index] if mapping is not None and 0 <= index < len(mapping) else index

    def _from_root(self, loc: Loc, at_key: bool, default: tuple):
        """The position from the whole document: a piece alone fails when it uses an anchor defined
        in another piece (an alias across sections), the document as a whole does not."""
        if "_root" not in self._nodes:
            try:
                self._nodes["_root"] = (compose("".join(self.lines)), 0)
            except yaml.MarkedYAMLError:
                self._nodes["_root"] = (None, 0)
        root = self._nodes["_root"][0]
        return default if root is None else _mark_of(walk(root, loc), at_key, 0)

    def _composed(self, key: tuple, prefix: str, first: int, last: int, offset: int):
        if key not in self._nodes:
            try:
                node = compose(prefix + "".join(self.lines[first:last]))
            except yaml.MarkedYAMLError:
                node = None
            self._nodes[key] = (node, offset)
        return self._nodes[key]


def _mark_of(found, at_key: bool, offset: int, fallback=(None, None)) -> tuple[int, int, yaml.Node | None]:
    key, node = found
    if node is None:
        key, node = fallback
    if node is None:
        return (1, 1, None)
    target = key if at_key and key is not None else node
    return (target.start_mark.line + 1 + offset, target.start_mark.column + 1, node)


def parse_located(text: str, positions_only: bool = False) -> Located:
    """Parse ``text`` for reporting; never raises for bad YAML, records it instead.

    With ``positions_only`` the text is known to be valid YAML and only the
    positions are wanted: nothing is parsed until a position is asked for.
    """
    lines = split_lines(text)
    blocks = split_blocks(text, len(lines))
    if blocks is None:
        return _whole_document(text)
    by_key: dict[str, Block] = {}
    located = Located({}, lines=lines, blocks=by_key)
    for block in blocks:
        if block.key in by_key:
            first = by_key[block.key].begin + 1
            located.problems.append(
                Problem(f"duplicate key {block.key!r} (first at line {first}); the first one is kept",
                        "duplicate-key", (), block.key, line=block.begin + 1, col=1)
            )
            continue
        by_key[block.key] = block
        value = _MISSING if positions_only else _read_block(located, block)
        if value is not _MISSING:
            located.data[block.key] = value
    return located


_MISSING = object()


def _read_block(located: Located, block: Block) -> Any:
    text = "".join(located.lines[block.begin:block.end])
    try:
        return loads_fast(text)[block.key]
    except (FastParseFailed, KeyError, TypeError):
        pass
    items = item_lines(located.lines, block)
    if not items:
        return _slow(located, text, block.begin, "", block.key)
    values, origin = [], []
    for n, first in enumerate(items):
        last = items[n + 1] if n + 1 < len(items) else block.end
        chunk = "_:\n" + "".join(located.lines[first:last])
        try:
            item = loads_fast(chunk)["_"]
        except (FastParseFailed, KeyError, TypeError):
            item = _slow(located, chunk, first - 1, located.lines[first:last], "_")
        if isinstance(item, list):
            values.extend(item)
            origin.extend([n] * len(item))
    if len(origin) != len(items) or origin != list(range(len(origin))):
        located.item_map[block.key] = origin
    return values


def _slow(located: Located, text: str, offset: int, chunk_lines, key: str) -> Any:
    """Compose a failing piece with PyYAML: report duplicates (and keep the data) or syntax errors."""
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        if not _alias_defined_elsewhere(located, text, exc):
            located.problems.append(syntax_problem(exc, offset))
        for line in chunk_lines or text.split("\n"):
            match = _ID_LINE.match(line)
            if match:
                located.unparsed_ids.add(match.group(1))
        return _MISSING
    data = construct(node, located.problems, offset) if node is not None else None
    return data.get(key, _MISSING) if isinstance(data, dict) else _MISSING


_ALIAS = re.compile(r"\*([^\s,\[\]{}]+)")


def _alias_defined_elsewhere(located: Located, text: str, exc: yaml.MarkedYAMLError) -> bool:
    """An alias whose anchor is in another piece: valid YAML, only the piece alone fails.

    The piece's data is left out (its id counts as present, so nothing referring
    to it is reported as dangling); the real error elsewhere is what is reported.
    """
    mark = exc.problem_mark
    if mark is None or not (exc.problem or "").startswith("found undefined alias"):
        return False
    lines = text.split("\n")
    found = _ALIAS.match(lines[mark.line], mark.column) if mark.line < len(lines) else None
    if found is None:
        return False
    if located.anchors is None:
        located.anchors = set(re.findall(r"&([^\s,\[\]{}]+)", "".join(located.lines)))
    return found.group(1) in located.anchors


def _whole_document(text: str) -> Located:
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as exc:
        return Located(None, [syntax_problem(exc)])
    located = Located(None, root=root)
    located.data = construct(root, located.problems) if root is not None else None
    return located
