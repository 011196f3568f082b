"""Checks a valid-typed chart for what pydantic cannot see: ids, references, cycles.

Returns :class:`~planner.errors.Problem` objects located by their path in the
document; the store turns paths into lines and columns. Pure and linear in the
size of the chart, apart from the suggestion search for a dangling id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel

from ..errors import Problem
from . import sound
from .base import Element, RefField, ref_fields
from .capability import Capability
from .chart import Chart, Location
from .vocabulary import KNOWN_CHANNELS, KNOWN_PRACTICES


def check_integrity(chart: Chart, unparsed_ids: Iterable[str] = ()) -> list[Problem]:
    """Every integrity problem of ``chart``.

    ``unparsed_ids`` are ids of elements that exist in the file but failed to
    parse or validate; references to them are not reported as dangling.
    """
    ids = sound.ids_by_kind(chart)
    answers: list[tuple[Location, BaseModel]] = [(("answers", key), answer) for key, answer in chart.answers.items()]
    problems: list[Problem] = []
    locations: dict[str, Location] | None = None  # None: ids are unique (see _cycles)
    if not _sound(chart, ids, answers):  # a problem somewhere: the walk says what and where
        elements = list(chart.iter_elements())  # walked twice below: once is enough
        kinds, located = _index_ids(elements, problems)
        problems += _dangling_references(elements + answers, kinds, set(unparsed_ids))
        locations = located
    problems += _accountability(chart)
    problems += _cycles(chart, locations, "people", "reports_to", "reporting line")
    problems += _cycles(chart, locations, "teams", "parent", "team hierarchy")
    if not (sound.words_known((c.channels for c in chart.capabilities), KNOWN_CHANNELS)
            and sound.words_known((c.practices for c in chart.capabilities), KNOWN_PRACTICES)):
        problems += _vocabulary(chart)
    return problems


def _sound(chart: Chart, ids: dict[str, set[str]] | None, answers: Sequence[tuple[Location, BaseModel]]) -> bool:
    """Unique ids and sound references, proved in bulk (the usual case: no walk at all)."""
    if ids is None or not sound.references_sound(chart, ids):
        return False
    if not answers:
        return True
    kinds = {i: kind for kind, found in ids.items() for i in found}
    return not _dangling_references(answers, kinds, set())


def check_partial(chart: Chart, partial: list[tuple[Location, Element]], unparsed_ids: Iterable[str] = ()) -> list[Problem]:
    """References and vocabulary of elements that failed validation, rebuilt from their sound fields.

    Ids, accountability and cycles are left to the full check: a field that did
    not validate is missing here, and would read as a second, false problem.
    """
    if not partial:
        return []
    kinds = {e.id: e.KIND for _, e in chart.iter_elements()}
    kinds.update({e.id: e.KIND for _, e in partial if e.id not in kinds})
    problems = _dangling_references(partial, kinds, set(unparsed_ids) - {e.id for _, e in partial})
    for loc, element in partial:
        if isinstance(element, Capability):
            problems += _unknown_words(element, loc[1], "channels", KNOWN_CHANNELS)
            problems += _unknown_words(element, loc[1], "practices", KNOWN_PRACTICES)
    return problems


def _index_ids(elements: list[tuple[Location, Element]], problems: list[Problem]) -> tuple[dict[str, str], dict[str, Location]]:
    kinds: dict[str, str] = {}
    locations: dict[str, Location] = {}
    for loc, element in elements:
        first = locations.get(element.id)
        if first is not None:
            problems.append(
                Problem(
                    f"duplicate id {element.id!r}: already used by the {kinds[element.id]} at {_where(first)}",
                    "duplicate-id",
                    loc + ("id",),
                    element.id,
                )
            )
            continue
        kinds[element.id] = element.KIND
        locations[element.id] = loc
    return kinds, locations


def _where(loc: Location) -> str:
    return ".".join(str(part) for part in loc)


def _dangling_references(holders: Sequence[tuple[Location, BaseModel]], kinds: dict[str, str],
                         unparsed: set[str]) -> list[Problem]:
    """References to missing ids, or to an element of the wrong kind (a hot loop on big charts)."""
    problems = []
    get = kinds.get
    for loc, holder in holders:
        for field in ref_fields(type(holder)):
            value = getattr(holder, field.name, None)  # a partial element (check_partial) may lack the field
            if not value:
                continue
            allowed = field.ref.kinds
            targets = enumerate(value) if field.many else ((None, value),)
            for index, target in targets:
                kind = get(target)
                if kind is not None and kind in allowed:
                    continue
                where = loc + (field.name,) + (() if index is None else (index,))
                if kind is None and target not in unparsed:
                    problems.append(_dangling(holder, loc, field, target, where, kinds))
                elif kind is not None:
                    problems.append(
                        Problem(
                            f"{field.name} must name a {_kinds(allowed)}, but {target!r} is a {kind}",
                            "wrong-kind",
                            where,
                            target,
                        )
                    )
    return problems


def _dangling(holder, loc: Location, field: RefField, target: str, where: Location, kinds: dict[str, str]) -> Problem:
    hint = suggest(target, [i for i, k in kinds.items() if k in field.ref.kinds])
    owner = getattr(holder, "id", loc[-1])
    return Problem(
        f"{field.name} of {owner!r} names unknown {_kinds(field.ref.kinds)} {target!r}{hint}",
        "dangling-reference",
        where,
        target,
    )


def _kinds(kinds: tuple[str, ...]) -> str:
    return " or ".join(kinds)


def suggest(target: str, candidates: list[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest candidate, or an empty string.

    Close means a similarity ratio of 70 or more, or a single edit away (short ids
    such as ``mkk`` for ``mkt`` score low on ratio but are obvious typos).
    """
    if not candidates:
        return ""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    best = process.extractOne(target, candidates, scorer=fuzz.ratio)
    if (best[1] >= 70 or Levenshtein.distance(target, best[0]) <= 1):
        return f"; did you mean {best[0]!r}?"
    return ""


def _accountability(chart: Chart) -> list[Problem]:
    return [
        Problem(
            f"capability {cap.id!r} has no accountable person: exactly one is required",
            "no-accountable",
            ("capabilities", i),
            cap.id,
        )
        for i, cap in enumerate(chart.capabilities)
        if cap.accountable is None
    ]


def _cycles(chart: Chart, locations: dict[str, Location] | None, section: str, field: str, what: str) -> list[Problem]:
    """Cycles in a single-parent relation, each reported once at its first member.

    ``locations`` None: ids are unique, so an element's location is its place in ``section``.
    """
    items = getattr(chart, section)
    if sound.parents_acyclic(items, field):
        return []
    parent = {e.id: getattr(e, field) for e in items if getattr(e, field)}
    if locations is None:
        locations = {e.id: (section, i) for i, e in enumerate(items)}
    problems = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:
            cycle = path[path.index(node):] + [node]
            head = cycle[0]
            problems.append(
                Problem(
                    f"{what} cycle: {' -> '.join(cycle)}",
                    "cycle",
                    locations.get(head, (section,)) + (field,),
                    head,
                )
            )
        for visited in path:
            state[visited] = 2
    return problems


def _vocabulary(chart: Chart) -> list[Problem]:
    problems = []
    for i, cap in enumerate(chart.capabilities):
        problems += _unknown_words(cap, i, "channels", KNOWN_CHANNELS)
        problems += _unknown_words(cap, i, "practices", KNOWN_PRACTICES)
    return problems


def _unknown_words(cap: Capability, index: str | int, field: str, known: frozenset[str]) -> list[Problem]:
    return [
        Problem(
            f"{field[:-1]} {word!r} of {cap.id!r} is not one the maturity rules know{suggest(word, sorted(known))}",
            "unknown-word",
            ("capabilities", index, field, j),
            cap.id,
            severity="warning",
        )
        for j, word in enumerate(getattr(cap, field))
        if word not in known
    ]


def element_at(chart: Chart, loc: Location) -> Element | None:
    """The element a location points into, for front ends that jump to it."""
    node: Any = chart  # a model, a list or a dict, walked by attribute, index or key
    found = None
    for part in loc:
        try:
            node = node[part] if isinstance(part, int) or isinstance(node, dict) else getattr(node, part)
        except (AttributeError, IndexError, KeyError, TypeError):
            break
        if isinstance(node, Element):
            found = node
    return found
