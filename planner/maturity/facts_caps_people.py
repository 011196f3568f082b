"""Indexes that join capabilities to their people and teams: lines of business, business functions,
and the work only its accountable person knows.

A mixin of :class:`~planner.maturity.facts.Facts`, beside :mod:`.facts_caps`. Each
capability's accountable person is looked up once (:attr:`accountable_teams`) and the
lines and functions are read from the teams, not from the people: at 100,000 elements
reaching 10,000 people scattered in memory costs more than the Python around it.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, is_not

from ..model import Capability
from .facts_base import FactsBase

ACCOUNTABLE, LOB = attrgetter("accountable"), attrgetter("lob")
NOT_STAFF = object()
"""What :attr:`CapabilityPeopleIndexes._accountable_lookup` holds for an id that is not a person's."""
NO_TEAM: dict[object, None] = {NOT_STAFF: None}


class CapabilityPeopleIndexes(FactsBase):
    """Capabilities by their people's teams (a mixin of :class:`~planner.maturity.facts.Facts`)."""

    @cached_property
    def accountable_teams(self) -> list[str | None]:
        """The team of each capability's accountable person (None without one), chart order, looked up in C.

        With unique ids an id in :attr:`team_of` is a person's, so the team is read there
        (an index the work network builds anyway) without reaching the person: 11 ms
        instead of 17 ms for 10,000 capabilities.
        """
        if self.ids_unique:  # NOT_STAFF (no such person, or no accountable) has no team
            found = self._accountable_lookup
            return list(map(NO_TEAM.get, found, found))
        people = map(self.by_id.get, map(ACCOUNTABLE, self.capabilities))
        return list(map(getattr, people, repeat("team"), repeat(None)))

    @cached_property
    def accountable_is_person(self) -> list[bool]:
        """Whether each capability's accountable is a person of the chart, chart order; unique ids only.

        Read from the same look-ups as :attr:`accountable_teams`: at 100,000 elements the
        10,000 look-ups in the 65,500 people's index cost about 9 ms (their id strings are
        reached in memory), so they are done once for both.
        """
        return list(map(is_not, self._accountable_lookup, repeat(NOT_STAFF)))

    @cached_property
    def _accountable_lookup(self) -> list:
        """Each capability's accountable's entry of :attr:`team_of` (a team or None), NOT_STAFF when not a person's id."""
        return list(map(self.team_of.get, map(ACCOUNTABLE, self.capabilities), repeat(NOT_STAFF)))

    @cached_property
    def team_lob(self) -> dict[str, str]:
        return {t.id: t.lob for t in self.chart.teams if t.lob}

    @cached_property
    def cap_lobs(self) -> dict[str, frozenset[str]]:
        """Capability id -> lines of business it serves (its own list, else its accountable's team's), computed once.

        One frozenset per team, mapped over the accountable teams in C, then the
        capabilities with their own lines: at 100,000 elements about half the time of a
        person looked up and a frozenset made per capability (50 ms).
        """
        none: frozenset[str] = frozenset()
        of_team: dict[str | None, frozenset[str]] = {team: frozenset((lob,)) for team, lob in self.team_lob.items()}
        found = list(map(of_team.get, self.accountable_teams, repeat(none)))
        lobs = list(map(LOB, self.capabilities))
        for i in compress(range(len(lobs)), lobs):
            found[i] = frozenset(lobs[i])
        return dict(zip(self.cap_id_list, found))

    @cached_property
    def served_lobs(self) -> frozenset[str]:
        """Every line of business some capability serves: the union of :attr:`cap_lobs`, once per chart.

        Read from the few distinct sets of :attr:`cap_lobs` (one per team), not from every
        capability's own list: 0.8 ms instead of 3.6 ms at 10,000 capabilities.
        """
        return frozenset().union(*self.cap_lobs.values())

    @cached_property
    def cap_functions(self) -> dict[str, frozenset[str]]:
        """Capability id -> business functions (lower case) of the accountable person's team and responsible teams."""
        return {cap.id: self._functions(cap) for cap in self.capabilities}

    def functions_of(self, cap_id: str) -> frozenset[str]:
        """``cap_functions[cap_id]``, computed for this capability alone (and kept) unless the whole index is built."""
        return self.one_entry("cap_functions", cap_id, self._functions)

    def run_by_functions(self, ids: set[str], wanted: set[str]) -> set[str]:
        """The ids whose capability is run by a team of one of the ``wanted`` functions (lower case).

        The same as testing :meth:`functions_of` against ``wanted`` per capability, by
        the teams instead: the few teams of those functions are found first, and a
        capability matches when its accountable's team or a responsible team is one.
        (The criterion that asks it of every capability of the 100,000-element chart: 30 ms
        down to about 1 ms.)
        """
        teams = {team for team, function in self._team_function.items() if function in wanted}
        if not teams:
            return set()
        acc_team, caps, pos = self.accountable_teams, self.capabilities, self.cap_pos
        return {i for i in ids if acc_team[pos[i]] in teams or not teams.isdisjoint(caps[pos[i]].responsible)}

    @cached_property
    def _team_function(self) -> dict[str, str]:
        return {t.id: t.function.lower() for t in self.chart.teams if t.function}

    def _functions(self, cap: Capability) -> frozenset[str]:
        function, acc = self._team_function, cap.accountable
        teams = [getattr(self.by_id.get(acc), "team", None) if acc else None]
        teams += [r for r in cap.responsible if r in function]
        return frozenset(function[t] for t in teams if t in function)

    @cached_property
    def carried_by(self) -> dict[str, list[str]]:
        """Person id -> capabilities whose accountable person is also their only doer.

        ``responsible`` empty, or only that person: nobody else knows the work.
        """
        alone: dict[str, list[str]] = defaultdict(list)
        caps = self.capabilities
        for cid, acc, doers in zip(self.cap_id_list, map(ACCOUNTABLE, caps), map(attrgetter("responsible"), caps)):
            if acc and doers.count(acc) == len(doers):  # every responsible is the accountable (or none is named)
                alone[acc].append(cid)
        return alone
