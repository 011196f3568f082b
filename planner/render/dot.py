"""A small, safe DOT builder: the only place that turns strings into DOT syntax.

Why not the ``graphviz`` package's ``Digraph``? Its quoting passes backslashes and
``<...>`` through (they mean something to Graphviz), so chart text could change
the diagram. Here:

- node ids are synthetic (``n0``, ``n1``...), whatever the element ids are, so a
  colon or a keyword in an id can never be read as a port or as syntax;
- user text only ever goes into HTML-like labels, escaped with :func:`text`
  (``& < > "`` become entities, newlines ``<BR/>``, a backslash is doubled
  because Graphviz still expands ``\\N``, ``\\G``... there); a trailing backslash
  cannot end the string early in this form, unlike in a ``"quoted"`` one;
- attribute names must be identifiers and attribute values are quoted with
  :func:`quote`; an :class:`Html` value is written as ``<...>`` only when it was
  built by the helpers below.

Output is deterministic: the same calls give the same text, so golden files work.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
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


def _take_tooltip(attrs: Mapping[str, Any]) -> Mapping[str, Any]:
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


def quote(value: Any) -> str:
    """A DOT attribute value: a bare number, ``<Html>``, or a double-quoted string.

    Quoted strings escape ``"``; backslashes are doubled; a trailing backslash,
    which Graphviz 2.4x cannot end a quoted string with, gets a space after it.
    Theme values never contain those; user text goes into :class:`Html` labels.
    """
    if isinstance(value, Html):
        return f"<{value}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, int) else f"{value:g}"
    raw = _CONTROL.sub("", str(value)).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if raw.endswith("\\"):
        raw += " "
    return f'"{raw}"'


_QUOTED: dict[tuple[type, Any], str] = {}
_CHECKED: set[str] = set()


def _quote_cached(value: Any) -> str:
    """:func:`quote`, remembered for theme values: a big view repeats the same few thousand times."""
    if isinstance(value, Html):
        return f"<{value}>"
    key = (type(value), value)
    found = _QUOTED.get(key)
    if found is None:
        found = quote(value)
        if len(_QUOTED) < 4096:
            _QUOTED[key] = found
    return found


_BODIES: dict[tuple, str] = {}


def _attr_body(attrs: Mapping[str, Any]) -> str:
    """``a="b", c=1`` (no brackets); None values are left out, names are checked.

    Remembered per distinct set of theme values (with their types: ``1`` and ``True``
    differ): a big view gives the same few dozen attribute sets thousands of times.
    """
    key: tuple[object, ...] | None
    found: str | None
    try:
        key = (*attrs.items(), *map(type, attrs.values()))
        found = _BODIES.get(key)
    except TypeError:  # an unhashable value
        key = found = None
    if found is None:
        parts = []
        for name, value in attrs.items():
            if value is None:
                continue
            if name not in _CHECKED:
                if not _NAME.match(name):
                    raise ValueError(f"bad DOT attribute name {name!r}")
                _CHECKED.add(name)
            parts.append(f"{name}={_quote_cached(value)}")
        found = ", ".join(parts)
        if key is not None and len(_BODIES) < 4096 and not any(
                isinstance(v, Html) or (type(v) is float and v == 0) for v in attrs.values()):
            _BODIES[key] = found  # not labels (each is different) nor 0.0, equal to -0.0 but printed "0"
    return found


def attr_list(attrs: Mapping[str, Any]) -> str:
    """`` [a="b", c=1]`` or ``""``; None values are left out, names are checked."""
    body = _attr_body(attrs) if attrs else ""
    return f" [{body}]" if body else ""


def _with_label(label: Html | str | None, attrs: Mapping[str, Any]) -> str:
    """`` [label=<...>, a="b"]``: the label first, as ``{"label": label, **attrs}`` would put it."""
    if label is not None and not isinstance(label, Html):
        label = text(label)
    if label is not None and len(label) > MAX_HTML:
        label = _plain_label(label)
    attrs = _take_tooltip(attrs)
    body = _attr_body(attrs) if attrs else ""
    if label is None:
        return f" [{body}]" if body else ""
    return f" [label=<{label}>, {body}]" if body else f" [label=<{label}>]"


def _plain_label(label: Html) -> Html:
    """A label too long for Graphviz as its text alone, shortened (the full text to the tooltip)."""
    plain = " ".join(html.unescape(_TAGS.sub(" ", label)).split())
    return text(shorten(plain))


class Ids:
    """Synthetic DOT ids for arbitrary keys (element ids, tuples...), stable per builder."""

    def __init__(self, prefix: str = "n"):
        self._ids: dict[Hashable, str] = {}
        self._prefix = prefix

    def __call__(self, key: Hashable) -> str:
        found = self._ids.get(key)
        if found is None:
            found = self._ids[key] = f"{self._prefix}{len(self._ids)}"
        return found

    def __contains__(self, key: Hashable) -> bool:
        return key in self._ids


class Block:
    """Statements of a graph or cluster body. Nodes and edges are keyed by caller keys."""

    def __init__(self, root: Dot, indent: str):
        self._root = root
        self._indent = indent
        self.lines: list[str] = []

    def node(self, key: Hashable, label: Html | str | None = None, **attrs: Any) -> str:
        """Declare a node; ``label`` str is escaped. Returns its synthetic id."""
        return self.add_node(key, label, attrs)

    def add_node(self, key: Hashable, label: Html | str | None, attrs: Mapping[str, Any]) -> str:
        """:meth:`node` with the attributes as a mapping (no keyword unpacking: for helpers in loops)."""
        node_id = self._root.ids(key)
        self.lines.append(f"{self._indent}{node_id}{_with_label(label, attrs)}")
        return node_id

    def edge(self, tail: Hashable, head: Hashable, label: Html | str | None = None, **attrs: Any) -> None:
        """Add ``tail -> head``; nodes are referred to by the keys given to :meth:`node`."""
        self.add_edge(tail, head, label, attrs)

    def add_edge(self, tail: Hashable, head: Hashable, label: Html | str | None, attrs: Mapping[str, Any]) -> None:
        """:meth:`edge` with the attributes as a mapping."""
        ids = self._root.ids
        tail_id = ids(tail)
        self.lines.append(f"{self._indent}{tail_id} -> {ids(head)}{_with_label(label, attrs)}")

    def attrs(self, kind: str, **attrs: Any) -> None:
        """Default attributes for what follows: ``kind`` is ``graph``, ``node`` or ``edge``."""
        if kind not in ("graph", "node", "edge"):
            raise ValueError(kind)
        if kind == "graph" and "label" in attrs:
            attrs = dict(_take_tooltip(attrs))
        if any(v is not None for v in attrs.values()):
            self.lines.append(f"{self._indent}{kind}{attr_list(attrs)}")

    def same_rank(self, keys: Iterable[Hashable]) -> None:
        """Put these nodes on one rank (needs ``newrank=true`` across clusters)."""
        ids = " ".join(self._root.ids(k) for k in keys)
        if ids:
            self.lines.append(f"{self._indent}{{rank=same; {ids}}}")

    @contextmanager
    def cluster(self, label: Html | str | None = None, **attrs: Any) -> Iterator[Block]:
        """A ``subgraph cluster_N`` drawn as a box; nest freely."""
        name = f"cluster_{self._root.next_cluster()}"
        body = Block(self._root, self._indent + "  ")
        if label is not None:
            attrs = {"label": label if isinstance(label, Html) else text(label), **attrs}
        body.attrs("graph", **attrs)
        yield body
        self.lines.append(f"{self._indent}subgraph {name} {{")
        self.lines.extend(body.lines)
        self.lines.append(f"{self._indent}}}")


class Dot(Block):
    """A whole digraph. ``Dot(graph={...}, node={...}, edge={...})`` sets the defaults."""

    def __init__(self, *, graph: Mapping[str, Any] | None = None, node: Mapping[str, Any] | None = None,
                 edge: Mapping[str, Any] | None = None):
        super().__init__(self, "  ")
        _SHORTENED.texts = []  # nothing left over from a diagram that failed half way
        self.ids = Ids()
        self._clusters = 0
        self.rankdir = str((graph or {}).get("rankdir", "TB"))
        for kind, values in (("graph", graph), ("node", node), ("edge", edge)):
            if values:
                self.attrs(kind, **values)

    def next_cluster(self) -> int:
        self._clusters += 1
        return self._clusters - 1

    def source(self) -> str:
        """The DOT text."""
        return "digraph G {\n" + "\n".join(self.lines) + "\n}\n"
