"""Safe text for Graphviz's HTML-like labels: the only place user text is escaped for DOT.

User text only ever goes into HTML-like labels, escaped with :func:`text`
(``& < > "`` become entities, newlines ``<BR/>``, a backslash is doubled because
Graphviz still expands ``\\N``, ``\\G``... there). :class:`Html` marks markup built
by the helpers here (:func:`tag`, :func:`font`, :func:`table`, :func:`row`,
:func:`cell`), which :mod:`.dot` writes as ``<...>``; anything else is escaped.
Text too long for a slide is shortened and its full form kept for a tooltip.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HTML_ATTR = re.compile(r"^[A-Z][A-Z0-9-]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPECIAL = re.compile(r'[\x00-\x1f\x7f&<>"\\]')
"""Anything :func:`text` must change: control characters (newlines, tabs too) and ``& < > " \\``."""


class Html(str):
    """Markup for an HTML-like label, already safe. Build it with :func:`text` and friends."""

    __slots__ = ()

    def __add__(self, other: str) -> Html:
        return Html(str.__add__(self, other if isinstance(other, Html) else text(other)))


MAX_LABEL = 200
"""Characters of one piece of user text shown in a label; longer is cut with an ellipsis and the
full text goes into the tooltip of the node, edge or cluster it labels (up to :data:`MAX_TOOLTIP`).
Graphviz refuses an HTML label over 16,384 characters, and a name of thousands of characters
helps no one on a slide."""
MAX_HTML = 16_000
"""A whole label longer than this (a table of many long names) is drawn as shortened plain text."""
_SHORTENED = threading.local()
"""Full texts shortened since the last node, edge or cluster was added: they become its tooltip."""
_TAGS = re.compile(r"<[^>]*>")


def shorten(raw: str, limit: int = MAX_LABEL) -> str:
    """``raw`` cut to ``limit`` characters with an ellipsis; the full text is kept for the tooltip."""
    if len(raw) <= limit:
        return raw
    pending = getattr(_SHORTENED, "texts", None)
    if pending is None:
        pending = _SHORTENED.texts = []
    if len(pending) < 20:
        pending.append(raw)
    return raw[:limit - 1] + "\u2026"


MAX_TOOLTIP = 16_000
"""Graphviz refuses a quoted string over 16,384 characters: a tooltip beyond this is cut too."""


def take_tooltip(attrs: Mapping[str, Any]) -> Mapping[str, Any]:
    """``attrs`` with the shortened texts as ``tooltip`` (unless the caller set one)."""
    pending = getattr(_SHORTENED, "texts", None)
    if not pending:
        return attrs
    _SHORTENED.texts = []
    tooltip = "\n".join(pending)
    if len(tooltip) > MAX_TOOLTIP:
        tooltip = tooltip[:MAX_TOOLTIP - 1] + "\u2026"
    return attrs if "tooltip" in attrs else {**attrs, "tooltip": tooltip}


def text(value: Any, *, wrap: int = 0) -> Html:
    """Escape any value for an HTML-like label; newlines become line breaks.

    ``wrap`` > 0 breaks long lines at spaces near that width, so node names stay
    readable on slides without the user adding line breaks. Text over
    :data:`MAX_LABEL` characters is shortened (:func:`shorten`).
    """
    raw = value if type(value) is str else str(value)
    if len(raw) > MAX_LABEL:
        raw = shorten(raw)
    if not _SPECIAL.search(raw):  # the usual case: nothing to escape, one line
        if wrap > 0 and len(raw) > wrap:
            return Html("<BR/>".join(_wrap(raw, wrap)))
        return Html(raw)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    raw = _CONTROL.sub("\ufffd", raw)
    lines = raw.split("\n")
    if wrap > 0:
        lines = [part for line in lines for part in _wrap(line, wrap)]
    return Html("<BR/>".join(_escape(line) for line in lines))


def _escape(line: str) -> str:
    """``& < > "`` as entities, backslashes doubled (``&`` first: the entities hold one)."""
    return (line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\\", "\\\\"))


def wrapped_lines(value: str, wrap: int) -> list[str]:
    """The lines ``text(value, wrap=wrap)`` draws, unescaped: to size a fixed cell to its text."""
    raw = value.replace("\r\n", "\n").replace("\r", "\n")
    return [part for line in raw.split("\n") for part in _wrap(line, wrap)]


def _wrap(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return out


_TAG_NAMES: set[str] = set()
_TAG_ATTRS: dict[str, str] = {}


def _tag_attr(key: str) -> str:
    """``point_size`` -> ``POINT-SIZE``, checked once per name."""
    found = _TAG_ATTRS.get(key)
    if found is None:
        found = key.rstrip("_").upper().replace("_", "-")
        if not _HTML_ATTR.match(found):
            raise ValueError(f"bad HTML attribute {found!r}")
        _TAG_ATTRS[key] = found
    return found


_OPENINGS: dict[tuple, str] = {}


def tag(name: str, content: Html | str = "", **attrs: Any) -> Html:
    """``<NAME ATTR="v">content</NAME>``; attribute values are escaped, content too unless Html."""
    body = content if isinstance(content, Html) else text(content)
    return Html(f"{_opening(name, attrs)}{body}</{name}>")


def _opening(name: str, attrs: Mapping[str, Any]) -> str:
    """``<NAME ATTR="v">``, remembered per distinct attributes (with their types: ``1``, ``1.0`` and
    ``True`` print differently): table cells repeat the same few styles hundreds of times."""
    key: tuple[object, ...] | None
    found: str | None
    try:
        key = (name, *attrs.items(), *map(type, attrs.values()))
        found = _OPENINGS.get(key)
    except TypeError:  # an unhashable value
        key = found = None
    if found is None:
        if name not in _TAG_NAMES:
            if not _NAME.match(name):
                raise ValueError(f"bad HTML tag name {name!r}")
            _TAG_NAMES.add(name)
        parts = [name]
        for attr, value in attrs.items():
            if value is None:
                continue
            parts.append(f'{_tag_attr(attr)}="{text(value)}"')
        found = f"<{' '.join(parts)}>"
        if key is not None and len(_OPENINGS) < 4096 and not any(
                type(v) is float and v == 0 for v in attrs.values()):
            _OPENINGS[key] = found  # not 0.0, equal to -0.0 but printed differently
    return found


_FONT_OPEN: dict[tuple, str] = {}


def font(content: Html | str, *, size: float | None = None, color: str | None = None,
         bold: bool = False, italic: bool = False) -> Html:
    """Styled text: ``<FONT>`` plus optional ``<B>``/``<I>``."""
    body: str = content if isinstance(content, Html) else text(content)
    if bold:
        body = f"<B>{body}</B>"
    if italic:
        body = f"<I>{body}</I>"
    if size is None and color is None:
        return body if type(body) is Html else Html(body)
    key = (type(size), size, type(color), color)
    opening = _FONT_OPEN.get(key)
    if opening is None:  # the same few sizes and colors over and over
        opening = _opening("FONT", {"point_size": size, "color": color})
        if len(_FONT_OPEN) < 1024 and not (type(size) is float and size == 0):
            _FONT_OPEN[key] = opening
    return Html(f"{opening}{body}</FONT>")


def table(rows: Iterable[Html], **attrs: Any) -> Html:
    """``<TABLE>`` with the given ``<TR>`` rows; defaults suit labels inside nodes."""
    attrs = {"border": 0, "cellborder": 0, "cellspacing": 0, "cellpadding": 2, **attrs}
    return tag("TABLE", Html("".join(rows)), **attrs)


def row(*cells: Html) -> Html:
    return Html(f"<TR>{''.join(cells)}</TR>")


def cell(content: Html | str = "", **attrs: Any) -> Html:
    return tag("TD", content, **attrs)


def plain_label(label: Html) -> Html:
    """A label too long for Graphviz as its text alone, shortened (the full text to the tooltip)."""
    plain = " ".join(html.unescape(_TAGS.sub(" ", label)).split())
    return text(shorten(plain))


def forget_shortened() -> None:
    """Drop the texts shortened so far: a new diagram starts with none waiting for a tooltip."""
    _SHORTENED.texts = []
