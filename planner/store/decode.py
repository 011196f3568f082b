"""Bytes of a file to the text the parsers read: UTF-8, said clearly when it is not.

Chart, model and catalog files are UTF-8. A UTF-16 or UTF-32 file is recognized
as YAML 1.2 describes (section 5.2: a byte order mark, or without one the zero
bytes around the first, ASCII, character) and refused with that name: decoded
as UTF-8, BOM-less UTF-16 "succeeds" with a NUL after every letter. A UTF-8
byte order mark is dropped (it would shift every column of line 1), and line
ends are normalized as Python's text mode does (``\\r\\n`` and a lone ``\\r``
become ``\\n``; YAML reads both as line breaks too), so every line number counts
``\\n`` and nothing else.
"""

from __future__ import annotations

import codecs

from ..errors import FileAccessError

_BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)


def detect(raw: bytes) -> tuple[str, int]:
    """The encoding of ``raw`` and the length of its byte order mark (0 when none)."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding, len(bom)
    head = raw[:4]
    if len(head) == 4 and head[:3] == b"\0\0\0" and head[3]:
        return "utf-32-be", 0
    if len(head) == 4 and head[0] and head[1:] == b"\0\0\0":
        return "utf-32-le", 0
    if len(head) >= 2 and not head[0] and head[1]:
        return "utf-16-be", 0
    if len(head) >= 2 and head[0] and not head[1]:
        return "utf-16-le", 0
    return "utf-8", 0


def decode(raw: bytes, path: str = "<chart>") -> str:
    """The text of a UTF-8 file; a :class:`FileAccessError` naming the encoding or the bad byte."""
    encoding, skip = detect(raw)
    if encoding != "utf-8":
        how = "with a byte order mark" if skip else "without a byte order mark"
        raise FileAccessError(path, f"not UTF-8 text: it is {encoding[:6].upper()} ({how}); save it as UTF-8")
    try:
        text = raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        where = skip + exc.start
        line = raw.count(b"\n", 0, where) + 1
        col = where - (raw.rfind(b"\n", 0, where) + 1) + 1
        raise FileAccessError(path, f"not UTF-8 text: byte {where} (line {line}, column {col}) is not UTF-8; "
                                    f"save the file as UTF-8") from exc
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and a lone ``\\r`` as ``\\n``, and no leading byte order mark."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


__all__ = ["decode", "detect", "normalize_newlines"]
