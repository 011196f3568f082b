"""Cheap whole-text questions asked before parsing: "could this file hold X?"

Each answer comes from C-speed string and bytes operations (``bytes.translate``,
substring search, slicing), never from a regular expression tried at every
position, which costs about a second per 13 MB: these checks run on every file,
the 100,000-element chart included. A "yes" is then confirmed, or not, by the
exact and slower check in :mod:`planner.store.screen`, which a usual file never
reaches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_C0 = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
"""Control bytes YAML refuses (tab, newline and carriage return are allowed)."""
_LEADS = b"\xc2\xed\xef"
"""First bytes of refused multi-byte characters: C1 controls, surrogates, U+FFFE and U+FFFF."""
_DROP = bytes(sorted(set(range(256)) - set(_C0 + _LEADS + b"[]{}")))
_REFUSED_AFTER = {0xC2: re.compile(rb"\xc2[\x80-\x84\x86-\x9f]"), 0xED: re.compile(rb"\xed[\xa0-\xbf]"),
                  0xEF: re.compile(rb"\xef\xbf[\xbe\xbf]")}
_INDICATORS = bytes(b if b in b"- \n" else ord("x") for b in bytes.maketrans(b"?\t", b"- "))
"""Every byte to ``x`` but the compact-nesting ones: ``-`` and ``?`` as ``-``, space and tab as space."""
_PAIR = re.compile(rb"- +-")
_DIGITS = bytes(ord("0") if chr(b).isdigit() and b < 128 else ord("x") for b in range(256))
"""ASCII digits to ``0``, all else to ``x``: a literal ``00`` is then found by a fast scan."""
SQUARE = bytes.maketrans(b"{}", b"[]")
"""Curly brackets as square ones: one kind of pair to peel, level by level, with ``bytes.replace``."""


@dataclass
class Prefilter:
    """What a few passes over the bytes tell: the brackets in order, and what may need a closer look."""

    data: bytes
    """The text in UTF-8."""
    brackets: bytes
    """Every bracket of the text in order, ``{}`` written as ``[]``."""
    maybe_refused: bool
    maybe_deep_block: bool


def prefilter(text: str, half_depth: int) -> Prefilter:
    """One encode, one ``translate`` keeping brackets and suspicious bytes, a few substring searches."""
    data = text.encode("utf-8", "surrogatepass")
    kept = data.translate(None, _DROP)
    brackets = kept.translate(SQUARE, _C0 + _LEADS)
    maybe_refused = len(kept.translate(None, _LEADS + b"[]{}")) > 0 or any(
        lead in kept and _REFUSED_AFTER[lead].search(data) for lead in _LEADS)
    indent = " " * half_depth
    deep = ("\n" + indent) in text or text.startswith(indent) or _compact_run(data, half_depth)
    return Prefilter(data, brackets, maybe_refused, deep)


def _compact_run(data: bytes, half: int) -> bool:
    """Whether some line may chain ``half`` compact indicators (``- - - -``, ``? -``, tabs between).

    Mapped so indicators are ``-``, blanks a space and all else ``x``, such a chain
    reads ``- - - ...``; each expression starts with a literal ``-``, which the
    regular-expression engine finds with a fast scan instead of trying every position.
    """
    shape = data.translate(_INDICATORS)
    if not _PAIR.search(shape):  # the usual file: never two indicators in a row
        return False
    return re.search(rb"-(?: +-){%d}" % (half - 1), shape) is not None


def has_long_line(text: str, limit: int) -> bool:
    """Whether a line is longer than ``limit`` characters: every ``limit // 2`` characters, one ``find``."""
    if len(text) <= limit:
        return False
    step = max(limit // 2, 1)
    for start in range(0, len(text), step):
        if text.find("\n", start, start + step) < 0:
            begin = text.rfind("\n", 0, start) + 1
            end = text.find("\n", start)
            if (end if end >= 0 else len(text)) - begin > limit:
                return True
    return False


def has_long_number(data: bytes, digits: int) -> bool:
    """Whether some run of ASCII digits in the encoded text is longer than ``digits``.

    Sampled every ``(digits + 1) // 2`` bytes: such a run holds two neighbouring
    samples, and only where both are digits is the run looked at.
    """
    step = max((digits + 1) // 2, 1)
    exact = re.compile(rb"[0-9]{%d}" % (digits + 1))
    for match in re.finditer(rb"00", data[::step].translate(_DIGITS)):
        at = match.start() * step
        if exact.search(data, max(at - digits, 0), at + step + digits + 1):
            return True
    return False


__all__ = ["Prefilter", "has_long_line", "has_long_number", "prefilter"]
