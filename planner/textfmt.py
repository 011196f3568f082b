"""Small text helpers shared by the core's report builders and the front ends.

A module of its own at the top of the package, importing nothing of the planner,
so every core package can use it without an import cycle.

:func:`printable` is the one function every front end passes text through
before a terminal sees it (the CLI's ``echo``, the editor's notifications): a
chart's names are user data, and an ESC in a name would otherwise reach the
terminal as a command (retitle the window, clear the screen, write the
clipboard with OSC 52). :func:`wrap` is a line wrapper whose time is linear in
its input, where :func:`textwrap.wrap` is quadratic in the length of one word.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
"""Characters a terminal may act on instead of showing: C0 and C1 controls (ESC, BEL, CSI as
``\\x9b``, CR...), line and paragraph separators, bidirectional overrides ("Trojan source")
and the zero-width no-break space. Newline and tab are kept: they are the output's own layout."""


def printable(text: str, *, json: bool = False) -> str:
    """``text`` with every character a terminal could act on shown as an escape (``\\x1b``).

    ``json=True`` writes ``\\u001b`` instead, valid inside a JSON string, so a JSON
    document stays valid and means the same after passing through here.
    """
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_escape_json if json else _escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_json(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Lines of at most ``width`` characters, broken at spaces, long words cut: linear time.

    The same greedy layout as :func:`textwrap.wrap` (``break_on_hyphens=False``)
    for ordinary text; a word longer than a line is cut into line-sized pieces
    by index, never by re-slicing what is left of it.
    """
    lines: list[str] = []
    current, indent = "", initial_indent
    for word in text.split():
        start = 0
        while start < len(word):
            room = max(width - len(indent), 1)
            rest = len(word) - start
            if current and len(current) + 1 + rest > room:
                lines.append(indent + current)
                current, indent = "", subsequent_indent
            elif not current and rest > room:
                lines.append(indent + word[start:start + room])
                start, indent = start + room, subsequent_indent
            else:
                piece = word[start:] if start else word
                current = f"{current} {piece}" if current else piece
                break
    if current:
        lines.append(indent + current)
    return lines


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell or list item: ``|`` would end the cell."""
    return text.replace("|", "\\|")


_IRREGULAR = {"person": "people", "criterion": "criteria", "capability": "capabilities", "CoE": "CoEs",
              "person-week": "person-weeks", "is": "are", "was": "were", "has": "have"}


def number(value: float | int, places: int = 2) -> str:
    """A count or measure as a reader writes it: ``1,250``, ``0.83``, ``28.6``, ``3`` (not ``3.0``)."""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{places}f}".rstrip("0").rstrip(".")
    return text


def plural(count: float | int, word: str, many: str | None = None) -> str:
    """``word`` for exactly one, its plural otherwise (0 people, 0.83 people, 1 person, 2 people)."""
    if count == 1:
        return word
    if many is not None:
        return many
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def count(value: float | int, word: str, many: str | None = None, places: int = 2) -> str:
    """``1 person``, ``0.83 people``, ``28.6 person-weeks``, ``1,250 elements``."""
    return f"{number(value, places)} {plural(value, word, many)}"


def join_names(names: list[str]) -> str:
    """Names listed with `` / `` unless one of them holds a slash (``Initial/ad hoc``): then ``; ``."""
    return ("; " if any("/" in n for n in names) else " / ").join(names)


__all__ = ["count", "join_names", "md_escape", "number", "plural", "printable", "wrap"]


def as_typed(path: str | os.PathLike) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)

