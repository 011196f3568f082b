"""Everything that reads or writes files. The rest of the package works on objects.

Charts load eagerly. Maturity models, the solution catalog (:mod:`.library`) and
diagrams (:mod:`.diagrams`) load on first use: they pull in the maturity engine,
the roadmap and Graphviz's wrapper, which ``planner check`` never needs.
"""

from .charts import (
    ChartReport,
    chart_to_text,
    leading_comments,
    load_chart,
    parse_chart,
    read_chart,
    read_text,
    save_chart,
)
from .limits import Limits

_LAZY = {
    "BUILTIN_CATALOG": "library", "builtin_models": "library", "load_catalog": "library",
    "load_model": "library", "load_models": "library", "write_diagram": "diagrams",
    "load_yaml_model": "models", "write_atomic": "atomic",
}


def __getattr__(name: str):
    """The names of :data:`_LAZY`, imported from their module when first asked for."""
    if name in _LAZY:
        from importlib import import_module  # noqa: PLC0415

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    *_LAZY,
    "ChartReport",
    "Limits",
    "chart_to_text",
    "leading_comments",
    "load_chart",
    "parse_chart",
    "read_chart",
    "read_text",
    "save_chart",
]
