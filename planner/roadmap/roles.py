"""Chart elements by role, not by id: what a catalog change means by "the engagement lead".

A catalog cannot know a chart's ids. Its changes name elements by *symbols*
(``p-engagement-lead``, ``sys-marketing-db``) that the catalog's ``roles:`` section
defines by what the element does: the person accountable for engagement whatever
their title, the system that hosts the enterprise marketing database whatever its
id. When a change adds an element whose id is a symbol and the chart already has
an element in that role, the existing element is reused; otherwise the element
is created under an id the chart does not use yet (``p-engagement-lead-2``). Every
later reference to the symbol, in this solution or a later one, resolves to the
same element (:class:`Resolver` remembers the aliases for a whole projection).
"""

from __future__ import annotations

from typing import Any

from .catalog import RoleSpec


class Resolver:
    """Symbol -> chart id for one projection; fresh ids; role look-ups."""

    def __init__(self, roles: dict[str, RoleSpec] | None = None):
        self.roles = roles or {}
        self.aliases: dict[str, str] = {}
        """Catalog symbol or added id -> the id it has in the projected chart."""

    def known_ids(self, data: dict[str, Any]) -> set[str]:
        from .changes import iter_elements

        return {e["id"] for _, e in iter_elements(data) if e.get("id") is not None}

    def find(self, data: dict[str, Any], symbol: str, fallback: bool = True) -> str | None:
        """The chart element playing ``symbol``'s role: an alias, then the role's tests in order."""
        if symbol in self.aliases:
            return self.aliases[symbol]
        spec = self.roles.get(symbol)
        if spec is None:
            return None
        from .changes import matching_ids

        for test in list(spec.find) + (list(spec.otherwise) if fallback else []):
            ids = matching_ids(data, test)
            if ids:
                self.aliases[symbol] = ids[0]
                return ids[0]
        return None

    def fresh(self, wanted: str, known: set[str]) -> str:
        """``wanted`` if the chart does not use it, else ``wanted-2``, ``wanted-3``..."""
        if wanted not in known:
            return wanted
        n = 2
        while f"{wanted}-{n}" in known:
            n += 1
        return f"{wanted}-{n}"

    def rename(self, data: dict[str, Any], value: Any) -> Any:
        """Every string that is a symbol or a renamed id, replaced by its chart id (roles looked up)."""
        if isinstance(value, str):
            if value in self.aliases:
                return self.aliases[value]
            if value in self.roles:
                return self.find(data, value) or value
            return value
        if isinstance(value, list):  # an optional link to a role nothing plays is left out
            return [self.rename(data, v) for v in value
                    if not (isinstance(v, str) and v in self.roles and v not in self.aliases
                            and self.find(data, v) is None)]
        if isinstance(value, dict):
            return {k: (v if k == "id" else self.rename(data, v)) for k, v in value.items()}
        return value

    def unresolved(self, data: dict[str, Any], value: Any, creates: set[str]) -> list[str]:
        """Role symbols in ``value`` that no chart element plays and that ``creates`` does not add."""
        found: list[str] = []
        if isinstance(value, str):
            if value in self.roles and value not in creates and self.find(data, value) is None:
                found.append(value)
        elif isinstance(value, list):  # list items are optional links: only nested single links count
            for v in value:
                if not isinstance(v, str):
                    found += self.unresolved(data, v, creates)
        elif isinstance(value, dict):
            for k, v in value.items():
                if k != "id":
                    found += self.unresolved(data, v, creates)
        return list(dict.fromkeys(found))
