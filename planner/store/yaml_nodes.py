"""PyYAML's node tree of a chart's text: where each value sits, for located problems.

Only a file with a problem needs positions, so this module (and PyYAML with it)
is imported when one is asked for, not by every ``planner check``. Plain scalars
are resolved by the YAML 1.2 core schema (:func:`planner.store.yaml12.resolve_plain`),
not by PyYAML's YAML 1.1 rules.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import Problem
from .yaml12 import HUGE_DIGITS, PLAIN_INT, Loc, resolve_plain

_BREAKS_1_1 = re.compile("[\x85\u2028\u2029]")


def compose(text: str) -> yaml.Node | None:
    """PyYAML's node tree of ``text``; raises ``yaml.MarkedYAMLError`` on any YAML error.

    PyYAML reads NEL, LS and PS as line breaks (YAML 1.1); YAML 1.2 and the fast
    parser do not. They are handed to PyYAML as stand-in characters the text does
    not hold (noncharacters, or private-use ones), one for one so every mark keeps
    its place, and put back in the scalars of the tree: both parsers then see the
    same structure and count the same lines.
    """
    back = None
    if _BREAKS_1_1.search(text):
        stand_ins = _absent(text, 3)
        text = text.translate({0x85: stand_ins[0], 0x2028: stand_ins[1], 0x2029: stand_ins[2]})
        back = {ord(stand_ins[0]): "\x85", ord(stand_ins[1]): "\u2028", ord(stand_ins[2]): "\u2029"}
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError:
        raise
    except yaml.YAMLError as exc:  # ReaderError (a character YAML refuses) carries no mark
        raise yaml.MarkedYAMLError(problem=str(exc).split("\n")[0]) from exc
    if back and node is not None:
        _restore(node, back)
    return node


def _absent(text: str, count: int) -> list[str]:
    """``count`` characters that do not occur in ``text``: noncharacters first, then private use."""
    found = []
    for code in [*range(0xFDD0, 0xFDF0), *range(0xE000, 0xF900)]:
        if chr(code) not in text:
            found.append(chr(code))
            if len(found) == count:
                return found
    raise yaml.MarkedYAMLError(problem="the text uses every private-use character")


def _restore(root: yaml.Node, back: dict[int, str]) -> None:
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            node.value = node.value.translate(back)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def walk(node: yaml.Node | None, loc: Loc) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The (key node, value node) deepest along ``loc`` that exists under ``node``."""
    key = None
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        key, node = child
    return key, node


def _child(node: yaml.Node | None, part: Any) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and scalar(key) == part:
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def scalar(node: yaml.ScalarNode) -> Any:
    """A scalar node's value by the YAML 1.2 core schema (quoted scalars stay strings)."""
    value = node.value
    # libyaml marks plain scalars with style "", the pure-Python parser with None
    return resolve_plain(value) if not node.style else value


STANDARD_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in
                          ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "value"))
"""Tags a chart may carry: the core schema's (and the ones PyYAML's resolver gives plain scalars)."""


def tag_problem(node: yaml.Node, line_offset: int = 0) -> Problem | None:
    """A located problem for a tag a chart cannot hold (``!!python/name:...``, ``!custom``)."""
    if node.tag in STANDARD_TAGS or node.tag == "!":
        return None
    shown = node.tag.replace("tag:yaml.org,2002:", "!!")
    return Problem(f"unsupported YAML tag {shown!r}: a chart holds plain values only", "yaml-syntax", (),
                   line=node.start_mark.line + 1 + line_offset, col=node.start_mark.column + 1)


def construct(node: yaml.Node, problems: list[Problem], line_offset: int = 0) -> Any:
    """Python data from a node tree; duplicate keys are reported (first one kept), not fatal."""
    bad_tag = tag_problem(node, line_offset)
    if bad_tag is not None:
        problems.append(bad_tag)
        return None
    if isinstance(node, yaml.ScalarNode):
        if not node.style and len(node.value) > HUGE_DIGITS and PLAIN_INT.fullmatch(node.value):
            problems.append(Problem(f"a number of {len(node.value.lstrip('+-')):,} digits is far over the limit",
                                    "limit", (), line=node.start_mark.line + 1 + line_offset,
                                    col=node.start_mark.column + 1))
            return None
        return scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [construct(item, problems, line_offset) for item in node.value]
    result: dict[Any, Any] = {}
    first_line: dict[Any, int] = {}
    kept = []
    for key_node, value_node in node.value:
        key = construct(key_node, problems, line_offset)
        line = key_node.start_mark.line + 1 + line_offset
        col = key_node.start_mark.column + 1
        if isinstance(key, (list, dict)):
            problems.append(Problem("a mapping key must be a plain value", "yaml-syntax", line=line, col=col))
            continue
        if key in result:
            message = f"duplicate key {key!r} (first at line {first_line[key]}); the first one is kept"
            problems.append(Problem(message, "duplicate-key", (), str(key), line=line, col=col))
            continue
        first_line[key] = line
        result[key] = construct(value_node, problems, line_offset)
        kept.append((key_node, value_node))
    node.value = kept  # later lookups by key see exactly the kept pairs
    return result


def syntax_problem(exc: yaml.MarkedYAMLError, line_offset: int = 0) -> Problem:
    """A located problem for PyYAML's syntax error, pointing where a person would look."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and "end of stream" in (exc.problem or ""):
        mark = exc.context_mark  # an unclosed quote or bracket: point where it opens
    what = exc.problem or "invalid YAML"
    if exc.context:
        what = f"{exc.context}: {what}"
    line = mark.line + 1 + line_offset if mark else None
    col = mark.column + 1 if mark else None
    return Problem(f"YAML syntax: {what}", "yaml-syntax", (), line=line, col=col)
