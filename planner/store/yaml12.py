"""YAML 1.2 parsing primitives: the fast parser, the core schema's scalars, and a positioned node reader.

Valid text goes through ``yaml_rs`` (Rust, YAML 1.2, refuses duplicate keys):
about ten times faster than PyYAML's libyaml loader (../shared/MEASURED.md). It
cannot say where a value sits, so positions come from PyYAML's composed node
tree (nodes carry line and column), whose plain scalars we resolve by the YAML
1.2 core schema ourselves (``no`` stays a string, ``0755`` is 755) instead of
PyYAML's YAML 1.1 rules. :mod:`planner.store.located` combines the two.

The node reader lives in :mod:`planner.store.yaml_nodes` and is imported, with
PyYAML, only when a position is needed: a valid chart never needs one. Its
names are still found here.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import yaml_rs

if TYPE_CHECKING:  # found at run time by __getattr__ below, without importing PyYAML up front
    from .yaml_nodes import STANDARD_TAGS as STANDARD_TAGS
    from .yaml_nodes import compose as compose
    from .yaml_nodes import construct as construct
    from .yaml_nodes import scalar as scalar
    from .yaml_nodes import syntax_problem as syntax_problem
    from .yaml_nodes import tag_problem as tag_problem
    from .yaml_nodes import walk as walk

Loc = tuple[Any, ...]


class FastParseFailed(Exception):
    """The fast parser refused the text; the located parser will say why and where."""


def loads_fast(text: str) -> Any:
    """Parse with yaml_rs (YAML 1.2 core schema, duplicate keys refused)."""
    try:
        return yaml_rs.loads(text, parse_datetime=False)
    except Exception as exc:  # yaml_rs raises its own errors and occasionally ValueError
        raise FastParseFailed(str(exc)) from exc


HUGE_DIGITS = 4000
"""Plain integers longer than this are not converted at all (Python refuses 4,300 digits, slowly)."""
PLAIN_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")


def resolve_plain(value: str) -> Any:
    """A plain (unquoted) scalar by the YAML 1.2 core schema."""
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if PLAIN_INT.fullmatch(value):  # past HUGE_DIGITS Python's int() refuses (and slowly): a float, infinite
        return int(value) if len(value) <= HUGE_DIGITS else float(value)
    if _OCT.fullmatch(value):
        return int(value[2:], 8)
    if _HEX.fullmatch(value):
        return int(value[2:], 16)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _INF.fullmatch(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.fullmatch(value):
        return math.nan
    return value


_NODE_READER = frozenset({"STANDARD_TAGS", "compose", "construct", "scalar", "syntax_problem", "tag_problem", "walk"})


def __getattr__(name: str) -> Any:
    """The node reader's names (``compose``, ``walk``...), from :mod:`.yaml_nodes` when first asked for."""
    if name in _NODE_READER:
        from . import yaml_nodes  # noqa: PLC0415  (PyYAML: only for positions)

        return getattr(yaml_nodes, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
