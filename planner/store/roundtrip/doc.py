"""The file as lines: offsets, the top-level outline, located composition, and the edits collected.

Nothing here parses the whole file: top-level keys are found from the lines, and
only the lines of an item that changed are composed (with marks shifted to
file lines) when it is patched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import yaml

from ..emit import emit
from ..yaml12 import resolve_plain
from .base import PatchError

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
        for n, (key, first, inline) in enumerate(keys):
            end = keys[n + 1][1] if n + 1 < len(keys) else len(self.lines)
            self.top[key] = (first, self.trim(first + 1, end), inline)

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


def _end(node: yaml.Node) -> _Mark | yaml.Mark:
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


