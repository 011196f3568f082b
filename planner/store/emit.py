"""A small, deterministic YAML 1.2 emitter for JSON-like data.

Why not a library: yaml_rs writes the string ``"0o17"`` unquoted (it reloads as
the integer 15) and PyYAML writes YAML 1.1. Chart data is only mappings, lists,
strings, numbers, booleans and null, so a careful emitter is short: strings are
written plain only when they cannot be read back as anything else, otherwise
double-quoted with JSON escapes (valid YAML 1.2); multi-line text becomes a block
literal; short lists of simple words stay on one line, as a person would write.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .yaml12 import resolve_plain

_PLAIN = re.compile(r"^[\w(][\w .,/()+&'’$%-]*(?<![ ])$")
_FLOW_ITEM = re.compile(r"^[\w(][\w ./()+&'’$%-]*(?<![ ])$")
_KEY = re.compile(r"^[A-Za-z_][\w.\-]*$")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off"}
_FLOW_WIDTH = 72
# Characters a YAML stream may not hold raw (outside c-printable), and those that
# YAML 1.1 readers such as PyYAML take for line breaks or a byte-order mark.
_UNSAFE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]")


def _quote(text: str) -> str:
    """Double-quoted with JSON escapes, plus escapes for what YAML readers refuse raw."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def emit(data: Any) -> str:
    """YAML text for ``data``; reading it back with a YAML 1.2 loader gives ``data``."""
    out: list[str] = []
    flow = _empty_or_flow(data) if isinstance(data, (dict, list)) else None
    if flow is not None:
        out.append(flow)
    elif isinstance(data, dict):
        _mapping(data, 0, out)
    elif isinstance(data, list):
        _sequence(data, 0, out)
    else:
        out.append(_scalar(data))
    return "\n".join(out) + "\n"


def _mapping(data: dict, indent: int, out: list[str], first_prefix: str | None = None) -> None:
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        head = (first_prefix if n == 0 and first_prefix is not None else pad) + _key(key) + ":"
        _value(head, value, indent, out)


def _value(head: str, value: Any, indent: int, out: list[str]) -> None:
    if isinstance(value, dict):
        if not value:
            out.append(head + " {}")
        else:
            out.append(head)
            _mapping(value, indent + 2, out)
    elif isinstance(value, list):
        flow = _empty_or_flow(value)
        if flow is not None:
            out.append(f"{head} {flow}")
        else:
            out.append(head)
            _sequence(value, indent + 2, out)
    elif isinstance(value, str) and _literal_ok(value):
        out.append(head + (" |" if value.endswith("\n") else " |-"))
        pad = " " * (indent + 2)
        out.extend(pad + line if line else "" for line in value.rstrip("\n").split("\n"))
    else:
        out.append(f"{head} {_scalar(value)}")


def _sequence(items: list, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, out, first_prefix=pad + "- ")
        elif isinstance(item, (dict, list)) or (isinstance(item, str) and _literal_ok(item)):
            _value(pad + "-", item, indent, out)
        else:
            out.append(f"{pad}- {_scalar(item)}")


def _empty_or_flow(items: Any) -> str | None:
    """``[]``, ``{}``, or ``[a, b]`` for a short list of simple words; None otherwise."""
    if not items:
        return "[]" if isinstance(items, list) else "{}"
    words = _flow_words(items)
    if words is None:
        return None
    text = "[" + ", ".join(words) + "]"
    return text if len(text) <= _FLOW_WIDTH else None


def flow_sequence(items: list, column: int, width: int = 120) -> str | None:
    """``[a, b, c]`` for a list a person wrote in flow style, wrapped as they wrap it; None if it cannot be.

    The bracket sits at ``column``; a line that would pass ``width`` continues on
    the next, indented one past the bracket (``inputs: [brief, plan,`` then
    ``          photos]``). Used when an edit changes a flow list: rewriting
    it as a block list because it grew past one short line would change the look
    of a hand-written chart for no reason.
    """
    words = _flow_words(items)
    if words is None:
        return None
    lines, line, start = [], "[", column  # ``start``: where ``line`` begins on its row (its own padding counted in it)
    for n, word in enumerate(words):
        piece = word + ("," if n < len(words) - 1 else "")
        if line != "[" and start + len(line) + 1 + len(piece) > width:
            lines.append(line)
            line, start = " " * (column + 1) + piece, 0
        else:
            line += ("" if line == "[" else " ") + piece
    return "\n".join([*lines, line + "]"])


def _flow_words(items: Any) -> list[str] | None:
    """Each item of a list as a flow-sequence word, or None if one cannot be written plain in flow."""
    if not isinstance(items, list):
        return None
    words = []
    for item in items:
        if isinstance(item, str) and _FLOW_ITEM.fullmatch(item) and _is_plain_str(item):
            words.append(item)
        elif isinstance(item, (int, float)) and not isinstance(item, bool) and math.isfinite(item):
            words.append(_scalar(item))
        else:
            return None
    return words


def _key(key: Any) -> str:
    text = str(key)
    if _KEY.fullmatch(text) and _is_plain_str(text):
        return text
    return _quote(text)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        return text if any(c in text for c in ".en") else text + ".0"
    text = str(value)
    if _PLAIN.fullmatch(text) and _is_plain_str(text):
        return text
    return _quote(text)


def _is_plain_str(text: str) -> bool:
    """Read back unquoted, ``text`` is still this string (also for YAML 1.1 readers' booleans)."""
    return text.lower() not in _YAML11_WORDS and resolve_plain(text) == text and isinstance(resolve_plain(text), str)


def _literal_ok(text: str) -> bool:
    """Multi-line text that a block literal keeps exactly."""
    if "\n" not in text.rstrip("\n") or text.endswith("\n\n") or text[:1] in (" ", "\t"):
        return False
    return all(
        (line == "" or (line[-1] not in " \t" and line[0] != "\t")) and line.isprintable()
        for line in text.rstrip("\n").split("\n")
    )
