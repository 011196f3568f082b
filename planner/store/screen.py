"""Screening a file's text before the parsers see it: refused characters and the input limits.

The whole-text passes are the cheap ones of :mod:`planner.store.scan`; the exact
checks here (a Python loop over the lines, a regular expression at every
position) run only when those say a file may need them. Why each check exists:

- control characters: YAML refuses them and PyYAML raises a bare ``ReaderError``
  for them; they are reported with their line and column, and replaced by
  U+FFFD so the rest of the file is still read and checked in the same run;
- nesting depth: the fast parser crashes the process (a segmentation fault, no
  message) on a block nesting about 100,000 deep, and recursive code reading
  the data has a stack too;
- a long line or a long run of digits: only then are the values walked one by
  one (:func:`oversized`) for a string or an integer over the limit, so the
  usual file pays nothing for this check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..model import NESTING
from .limits import ENV, Limits
from .scan import has_long_line, has_long_number, prefilter

REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters outside YAML's printable set (YAML 1.2, production 1); tab and newline are fine."""
MAX_REPORTED = 10
_BRACKET = re.compile(r"[\[\]{}]")
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(#.*)?$")
_INDICATORS = re.compile(r"(?:[-?][ \t]+)+")


@dataclass
class Screened:
    """The text to parse (refused characters replaced), what was found, and what to do next."""

    text: str
    problems: list[Problem] = field(default_factory=list)
    fatal: bool = False
    """A limit was passed: nothing more is read."""
    walk_values: bool = False
    """A line or a number is long enough that the values must be checked one by one."""


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, start) + 1, index - start + 1


def screen(text: str, limits: Limits) -> Screened:
    """Check ``text`` against YAML's character set and the limits, before any parsing."""
    result = Screened(text)
    found = prefilter(text, max(limits.max_depth // 2, 1))
    depth_at = _flow_too_deep(found.brackets, text, limits.max_depth)
    if depth_at is None and found.maybe_deep_block:
        depth_at = _block_too_deep(text, limits.max_depth)
    if depth_at is not None:
        line, col = line_col(text, depth_at)
        result.problems.append(Problem(
            f"nested more than {limits.max_depth} levels deep (the limit; {ENV['max_depth']} changes it)",
            "limit", line=line, col=col))
        result.fatal = True
        return result
    if found.maybe_refused:
        _refused_characters(result)
    result.walk_values = has_long_line(text, limits.max_string) or has_long_number(found.data, limits.max_int_digits)
    return result


def _refused_characters(result: Screened) -> None:
    text, found = result.text, 0
    for match in REFUSED.finditer(text):
        found += 1
        if found <= MAX_REPORTED:
            line, col = line_col(text, match.start())
            code = ord(match.group())
            result.problems.append(Problem(
                f"control character U+{code:04X} is not allowed in YAML; remove it, or write it as "
                f"\\x{code:02x} inside double quotes" if code < 0x100 else
                f"character U+{code:04X} is not allowed in YAML; remove it", "yaml-syntax", line=line, col=col))
    if found > MAX_REPORTED:
        result.problems.append(Problem(f"{found - MAX_REPORTED} more characters not allowed in YAML",
                                       "yaml-syntax", line=result.problems[-1].line, col=1))
    if found:
        result.text = REFUSED.sub("\ufffd", text)


def _flow_too_deep(brackets: bytes, text: str, limit: int) -> int | None:
    """Where ``[`` and ``{`` nest deeper than ``limit``: each pass removes one level of empty pairs.

    ``brackets`` are the text's brackets alone, curly ones as square (mismatched kinds are
    a syntax error the parsers report anyway). Brackets
    inside quoted text count too: a false alarm needs 65 of them nested in one
    string. Brackets never closed are a syntax error the parsers report.
    """
    if brackets.count(b"[") <= limit:
        return None
    for _ in range(limit + 1):
        peeled = brackets.replace(b"[]", b"")  # left to right, no rescan: exactly the innermost pairs
        if len(peeled) == len(brackets):
            return None
        brackets = peeled
    depth = 0
    for match in _BRACKET.finditer(text):  # rare: find where, for the message
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > limit:
            return match.start()
    return 0


def _block_too_deep(text: str, limit: int) -> int | None:
    """Where block collections nest deeper than ``limit``: levels of indentation plus ``- `` on one line.

    A level needs at least one more column of indentation or one more leading
    indicator, so text indented less than half the limit needs no closer look.
    """
    half = max(limit // 2, 1)
    deep = re.compile(r"^(?: {%d}|[ ]*(?:[-?][ \t]+){%d})" % (half, half), re.MULTILINE)  # noqa: UP031  (regex braces)
    if not deep.search(text):
        return None
    stack: list[int] = []
    offset, scalar_indent = 0, None
    for line in text.split("\n"):
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        start, offset = offset, offset + len(line) + 1
        if not body or body.startswith("#") or (scalar_indent is not None and indent > scalar_indent):
            continue
        scalar_indent = indent if _BLOCK_SCALAR.search(body) else None
        while stack and stack[-1] >= indent:
            stack.pop()
        stack.append(indent)
        run = _INDICATORS.match(body)
        compact = run.group().count("-") + run.group().count("?") if run else 0
        if len(stack) + compact > limit:
            return start + indent
    return None


def oversized(data: Any, limits: Limits) -> list[Problem]:
    """Strings and integers (values and keys) over the limits, each located by its path in the data."""
    problems: list[Problem] = []
    stack: list[tuple[tuple, Any]] = [((), data)]
    while stack and len(problems) < MAX_REPORTED:
        loc, value = stack.pop()
        if isinstance(value, str):
            if len(value) > limits.max_string:
                problems.append(Problem(f"a text of {len(value):,} characters, over the limit of "
                                        f"{limits.max_string:,} ({ENV['max_string']} changes it)", "limit", loc))
        elif isinstance(value, int) and not isinstance(value, bool):
            if value.bit_length() > 3 * limits.max_int_digits and digits(value) > limits.max_int_digits:
                problems.append(Problem(f"a number of {digits(value):,} digits, over the limit of "
                                        f"{limits.max_int_digits} ({ENV['max_int_digits']} changes it)", "limit", loc))
        elif isinstance(value, dict):
            for key, item in value.items():
                stack += [(loc + (key,), item), (loc + (key,), key)]
        elif isinstance(value, list):
            stack.extend((loc + (i,), v) for i, v in enumerate(value))
    return problems


def digits(value: int) -> int:
    """Decimal digits of ``value``, without ``str()`` for the huge ones (Python refuses 4,300+ digits)."""
    value = abs(value)
    if value.bit_length() < 14_000:
        return len(str(value))
    estimate = int(value.bit_length() * 0.30103)  # log10(2): off by at most one, corrected below
    return estimate + (value >= 10 ** estimate)


_CHILD_FIELD = {n.section: n.field for n in NESTING.values()}
"""Section -> the field of its items that holds nested elements, which count too."""


def too_many_elements(data: Any, limits: Limits, sections) -> Problem | None:
    """A problem when the file holds more elements than the limit (counted before validation)."""
    if not isinstance(data, dict):
        return None
    count = 0
    for name in sections:
        items = data.get(name)
        if isinstance(items, list):
            count += len(items)
            child = _CHILD_FIELD.get(name)
            for item in items if child else ():
                nested = item.get(child) if isinstance(item, dict) else None
                count += len(nested) if isinstance(nested, list) else 0
    if count <= limits.max_elements:
        return None
    return Problem(f"{count:,} elements, over the limit of {limits.max_elements:,} "
                   f"({ENV['max_elements']} changes it)", "limit", line=1, col=1)


__all__ = ["REFUSED", "Screened", "digits", "line_col", "oversized", "screen", "too_many_elements"]
