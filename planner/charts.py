"""Where the shipped charts live: the embedded default of every command.

The repository's ``charts/`` folder is used when the package runs from a checkout
(``pip install -e .``, the supported set-up); a copy under ``planner/data/charts``
is used when present, for wheels built with the charts included.
"""

from __future__ import annotations

from pathlib import Path

SHIPPED_NAME = "harborpine"


def shipped_charts_dir() -> Path:
    """The folder holding the shipped charts."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "charts", package / "data" / "charts"):
        if candidate.is_dir():
            return candidate
    return package.parent / "charts"


def shipped_chart(state: str = "current") -> Path:
    """Path of the shipped ``current`` or ``future`` chart."""
    return shipped_charts_dir() / f"{SHIPPED_NAME}-{state}.yaml"
