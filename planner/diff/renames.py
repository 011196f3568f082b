"""Renames: an id that disappeared and an id that appeared with the same content.

Content is everything but the id, with references translated through the
renames found so far and references to elements not yet matched taken as
wildcards: a team and its lead renamed together (each naming the other) match,
and the search repeats until nothing new matches (in practice one or two rounds).
Only one-to-one matches count: two removed people with identical content and
one added person stay an addition and removals, since we cannot tell which one
was renamed.
"""

from __future__ import annotations

from collections import defaultdict

from .index import Entry, Side
from .values import content, content_key

WILDCARD = "\x00?"


def find_renames(old: Side, new: Side,
                 removed: list[str], added: list[str]) -> dict[str, str]:
    """Old id -> new id for every element that only changed its id."""
    renamed: dict[str, str] = {}
    left_old, left_new = list(removed), list(added)
    while left_old and left_new:
        found = _match(old, new, left_old, left_new, renamed)
        if not found:
            break
        renamed.update(found)
        taken = set(found.values())
        left_old = [i for i in left_old if i not in found]
        left_new = [i for i in left_new if i not in taken]
    return renamed


def _match(old, new, left_old, left_new, renamed) -> dict[str, str]:
    # References to elements still unmatched are wildcards, so a team and its
    # lead that were renamed together (each naming the other) still match.
    old_map = {**renamed, **dict.fromkeys(left_old, WILDCARD)}
    new_map = dict.fromkeys(left_new, WILDCARD)
    by_key: dict[tuple, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for i in left_old:
        by_key[_key(old[i], old_map)][0].append(i)
    for i in left_new:
        by_key[_key(new[i], new_map)][1].append(i)
    return {olds[0]: news[0] for olds, news in by_key.values() if len(olds) == 1 and len(news) == 1}


def _key(entry: Entry, mapping: dict[str, str]) -> tuple:
    kind = entry.element.KIND
    parent = entry.parent if entry.parent is None else mapping.get(entry.parent, entry.parent)
    return kind, parent, content_key(content(entry.element, mapping), kind)
