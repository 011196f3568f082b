"""What of a revision the assessment reads: a key that is equal when only names, notes or layout changed.

Most commits of a chart that is kept by hand change no evidence: a capability
renamed, a note reworded, comments, reordering of keys, the chart's own
description. A blob hash changes with each of them, so a cache keyed by blob
assesses them all again. The engine reads no element's ``name`` or ``notes`` and
nothing of the ``chart:`` heading (``tests/test_history_content.py`` checks this
on the shipped charts by scrambling them), so the parsed data without those is
what decides every level and criterion: equal keys, equal verdicts.

The key is computed from the parsed YAML the revision reader already holds, one
top-level section at a time; a section whose parsed list is the very object of
the last revision (the reader reuses unchanged sections) is not hashed again.
"""

from __future__ import annotations

import hashlib
from typing import Any

PRESENTATION = frozenset({"name", "notes"})
"""Fields of an element (a mapping with an ``id``) that the engine never reads."""
IGNORED_TOP = frozenset({"chart"})
"""Top-level keys that the engine never reads: the heading (operation's name, owner, description...)."""


def _element(value: Any) -> Any:
    """An element's mapping without its presentation fields, and its nested elements' (steps, contracts) too."""
    if type(value) is not dict or "id" not in value:
        return value
    out = {}
    for k, v in value.items():
        if k in PRESENTATION:
            continue
        if type(v) is list and v and type(v[0]) is dict:
            v = [_element(child) for child in v]
        out[k] = v
    return out


def section_digest(value: Any) -> bytes:
    """A digest of one top-level value (a section's elements stripped of presentation); ``repr`` is exact for
    parsed YAML."""
    if type(value) is list:
        value = [_element(v) for v in value]
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).digest()


class ContentKeys:
    """Content keys of successive revisions, remembering the last revision's section digests by identity."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[Any, bytes]] = {}

    def key(self, data: dict[str, Any]) -> bytes:
        """The key of one revision's parsed data (a mapping of top-level keys, as the file holds them)."""
        digests: dict[str, tuple[Any, bytes]] = {}
        for name in sorted(data):
            if name in IGNORED_TOP:
                continue
            value = data[name]
            known = self._last.get(name)
            digest = known[1] if known is not None and known[0] is value else section_digest(value)
            digests[name] = (value, digest)
        self._last = digests  # the objects are held, so an identity seen here is never a reused address
        whole = hashlib.blake2b(digest_size=20)
        for name, (_, digest) in digests.items():
            whole.update(name.encode("utf-8") + b"\0" + digest)
        return whole.digest()
