"""Small text helpers shared by the core's report builders (maturity, roadmap, diff).

A module of its own at the top of the package, importing nothing of the planner,
so every core package can use it without an import cycle.
"""

from __future__ import annotations


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell or list item: ``|`` would end the cell."""
    return text.replace("|", "\\|")


__all__ = ["md_escape"]
