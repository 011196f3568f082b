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
Escaping and label markup live in :mod:`.markup`; this module writes DOT statements.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from .markup import (
    _CONTROL,
    _NAME,
    MAX_HTML,
    MAX_LABEL,
    MAX_TOOLTIP,
    Html,
    cell,
    font,
    forget_shortened,
    plain_label,
    row,
    shorten,
    table,
    tag,
    take_tooltip,
    text,
    wrapped_lines,
)

__all__ = ["MAX_HTML", "MAX_LABEL", "MAX_TOOLTIP", "Block", "Dot", "Html", "Ids", "attr_list", "cell", "font",
           "quote", "row", "shorten", "table", "tag", "text", "wrapped_lines"]
"""The DOT builder, and the label helpers of :mod:`.markup` that views import from here."""


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
        label = plain_label(label)
    attrs = take_tooltip(attrs)
    body = _attr_body(attrs) if attrs else ""
    if label is None:
        return f" [{body}]" if body else ""
    return f" [label=<{label}>, {body}]" if body else f" [label=<{label}>]"


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
            attrs = dict(take_tooltip(attrs))
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
        forget_shortened()  # nothing left over from a diagram that failed half way
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
