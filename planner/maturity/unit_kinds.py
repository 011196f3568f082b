"""The kinds of unit maturity is judged per: a line of business or a team."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

UnitKind = Literal["lob", "team"]
KIND_WORDS = {"lob": "line of business", "team": "team"}


@dataclass(frozen=True)
class Unit:
    """A line of business (id = its name in the chart) or a team (id = the team's id)."""

    kind: UnitKind
    id: str
    name: str
