"""YAML 1.2 reading: a fast path for valid files and a located path for errors.

Valid files go through ``yaml_rs`` (Rust, YAML 1.2, refuses duplicate keys):
about ten times faster than PyYAML's libyaml loader (../shared/MEASURED.md). It
cannot say where a value sits, so when anything is wrong the text is read a
second time by :func:`parse_located`, which composes PyYAML's node tree (nodes
carry line and column), resolves plain scalars by the YAML 1.2 core schema
itself (``no`` stays a string, ``0755`` is 755), reports duplicate keys at the
second occurrence, and recovers from syntax errors item by item so that one
broken item does not hide the problems of all the others.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml_rs

from ..errors import Problem

Loc = tuple[Any, ...]


class FastParseFailed(Exception):
    """The fast parser refused the text; the located parser will say why and where."""


def loads_fast(text: str) -> Any:
    """Parse with yaml_rs (YAML 1.2 core schema, duplicate keys refused)."""
    try:
        return yaml_rs.loads(text, parse_datetime=False)
    except Exception as exc:  # yaml_rs raises its own errors and occasionally ValueError
        raise FastParseFailed(str(exc)) from exc


_INT = re.compile(r"[-+]?[0-9]+$")
_OCT = re.compile(r"0o[0-7]+$")
_HEX = re.compile(r"0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"\.(nan|NaN|NAN)$")


def resolve_plain(value: str) -> Any:
    """A plain (unquoted) scalar by the YAML 1.2 core schema."""
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if _INT.match(value):
        return int(value)
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.match(value):
        return math.nan
    return value


@dataclass
class Located:
    """Data read by the located parser, the node tree it came from, and what went wrong."""

    data: Any
    root: yaml.Node | None
    problems: list[Problem] = field(default_factory=list)
    unparsed_ids: set[str] = field(default_factory=set)

    def position(self, loc: Loc, at_key: bool = False) -> tuple[int, int]:
        """1-based line and column of the deepest node on ``loc`` (its key if ``at_key``)."""
        node, key = self.root, None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            key, node = child
        mark = (key if at_key and key is not None else node).start_mark if node is not None else None
        return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _child(node: yaml.Node | None, part: Any) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and _scalar(key) == part:
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _scalar(node: yaml.ScalarNode) -> Any:
    # libyaml marks plain scalars with style "", the pure-Python parser with None
    return resolve_plain(node.value) if not node.style else node.value


def parse_located(text: str) -> Located:
    """Parse ``text`` keeping positions; never raises for bad YAML, reports it instead."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return _recover(text, exc)
    located = Located(None, root)
    located.data = _construct(root, located.problems) if root is not None else None
    return located


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _construct(node: yaml.Node, problems: list[Problem]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, problems) for item in node.value]
    result: dict[Any, Any] = {}
    first_line: dict[Any, int] = {}
    kept = []
    for key_node, value_node in node.value:
        key = _construct(key_node, problems)
        if isinstance(key, (list, dict)):
            problems.append(_problem(key_node, "a mapping key must be a plain value", "yaml-syntax"))
            continue
        if key in result:
            problems.append(
                _problem(
                    key_node,
                    f"duplicate key {key!r} (first at line {first_line[key]}); the first one is kept",
                    "duplicate-key",
                    str(key),
                )
            )
            continue
        first_line[key] = key_node.start_mark.line + 1
        result[key] = _construct(value_node, problems)
        kept.append((key_node, value_node))
    node.value = kept  # later lookups by key see exactly the kept pairs
    return result


def _problem(node: yaml.Node, message: str, code: str, ident: str | None = None) -> Problem:
    mark = node.start_mark
    return Problem(message, code, (), ident, line=mark.line + 1, col=mark.column + 1)


def _syntax_problem(exc: yaml.MarkedYAMLError, offset: int = 0) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and "end of stream" in (exc.problem or ""):
        mark = exc.context_mark  # an unclosed quote or bracket: point where it opens
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{exc.context}: {what}"
    line = mark.line + 1 + offset if mark else None
    col = mark.column + 1 if mark else None
    return Problem(f"YAML syntax: {what}", "yaml-syntax", (), line=line, col=col)


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_ID_LINE = re.compile(r"^\s*-?\s*id\s*:\s*['\"]?([A-Za-z0-9][A-Za-z0-9_.\-]*)")


def _recover(text: str, exc: yaml.MarkedYAMLError) -> Located:
    """Re-read a file with a syntax error section by section, item by item.

    Each top-level key's block, and inside a block sequence each item, is composed
    on its own, padded with blank lines so that positions stay those of the file.
    What still fails is reported once and dropped; the ids it seems to define are
    remembered so that references to them are not called dangling.
    """
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _TOP_KEY.match(line)] + [len(lines)]
    located = Located({}, yaml.MappingNode("tag:yaml.org,2002:map", []))
    reported: set[int] = set()
    for begin, end in zip(starts, starts[1:]):
        key_text = _TOP_KEY.match(lines[begin]).group(1)
        value = _compose_block(lines, begin, end, located, reported)
        if value is None:
            continue
        key_node = yaml.ScalarNode("tag:yaml.org,2002:str", key_text, start_mark=_mark(begin, 0))
        located.root.value.append((key_node, value))
    located.data = _construct(located.root, located.problems)
    if not reported:  # the error lies outside every block (e.g. before the first key)
        located.problems.insert(0, _syntax_problem(exc))
    return located


def _compose_block(lines: list[str], begin: int, end: int, located: Located, reported: set[int]) -> yaml.Node | None:
    block = "".join(lines[begin:end])
    try:
        doc = yaml.compose("\n" * begin + block, Loader=_Loader)
        return doc.value[0][1] if doc is not None and doc.value else None
    except yaml.MarkedYAMLError as exc:
        items = _item_starts(lines, begin + 1, end)
        if not items:
            _report(located, exc, lines[begin:end], reported)
            return None
    seq = yaml.SequenceNode("tag:yaml.org,2002:seq", [], start_mark=_mark(items[0], 0))
    for first, last in zip(items, items[1:] + [end]):
        chunk = "\n" * (first - 1) + "_:\n" + "".join(lines[first:last])
        try:
            doc = yaml.compose(chunk, Loader=_Loader)
            seq.value.extend(doc.value[0][1].value)
        except (yaml.MarkedYAMLError, AttributeError, IndexError) as exc:
            if isinstance(exc, yaml.MarkedYAMLError):
                _report(located, exc, lines[first:last], reported)
    return seq


def _item_starts(lines: list[str], begin: int, end: int) -> list[int]:
    """Line numbers where the items of a block sequence start (same indentation as the first)."""
    indent = None
    starts = []
    for i in range(begin, end):
        stripped = lines[i].lstrip(" ")
        if not stripped.startswith("- ") and stripped.rstrip() != "-":
            continue
        width = len(lines[i]) - len(stripped)
        if indent is None:
            indent = width
        if width == indent:
            starts.append(i)
    return starts


def _report(located: Located, exc: yaml.MarkedYAMLError, chunk: list[str], reported: set[int]) -> None:
    problem = _syntax_problem(exc)
    if problem.line not in reported:
        reported.add(problem.line or 0)
        located.problems.append(problem)
    for line in chunk:
        match = _ID_LINE.match(line)
        if match:
            located.unparsed_ids.add(match.group(1))


def _mark(line: int, column: int) -> yaml.Mark:
    return yaml.Mark("<chart>", 0, line, column, None, None)
