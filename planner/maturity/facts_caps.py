"""Indexes over the capabilities: evidenced practices and claims, channels, data kinds, lines of
business, business functions, and the inverted indexes the rules select capabilities with.

Each is computed once per chart and shared by every rule and model (see
:mod:`planner.maturity.facts`). Where an index only copies or wraps an attribute it
is built with ``map``/``zip`` in C; where it needs a decision per capability the
decision is taken once per distinct input (an accountable person, a shape of
structure) rather than once per capability.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from operator import attrgetter

from ..model import Capability
from ..model.vocabulary import MOBILE_CHANNELS
from .evidence import BACKING, find_claims
from .facts_base import FactsBase

CHANNELS, PRACTICES, SYSTEMS = attrgetter("channels"), attrgetter("practices"), attrgetter("systems")


class CapabilityIndexes(FactsBase):
    """Per-capability indexes (a mixin of :class:`~planner.maturity.facts.Facts`)."""

    @cached_property
    def practices(self) -> dict[str, frozenset[str]]:
        """Capability id -> its *evidenced* practices: the tags its structure backs (see :mod:`.evidence`).

        Rules read only these; a tag without its backing is in :attr:`claims`.
        """
        claims, caps = self.claims, self.capabilities
        found = dict(zip(self.cap_id_list, map(frozenset, map(PRACTICES, caps))))
        for cid, words in claims.items():
            found[cid] = found[cid].difference(words)
        return found

    @cached_property
    def claims(self) -> dict[str, dict[str, list[str]]]:
        """Capability id -> {practice claimed by a tag: what the capability lacks to evidence it}, chart order."""
        if not self.caps_unique:
            return self._claims_one_by_one()
        caps, ids = self.capabilities, self.cap_id_list
        tagged: dict[str, list[str]] = defaultdict(list)
        for cid, words in zip(ids, map(PRACTICES, caps)):
            for word in words:
                if word in BACKING:
                    tagged[word].append(cid)
        contributors = {cid for cid, c in zip(ids, map(attrgetter("contributors"), caps)) if c}
        lacking = find_claims(tagged, self.caps_with_systems, self.workflows_of_cap, contributors,
                              self.data_kinds_of_cap, self.channels)
        pos = self.cap_pos
        found: dict[str, dict[str, list[str]]] = {}
        for cid in sorted(lacking, key=pos.__getitem__):  # chart order, and each capability's tag order
            words = lacking[cid]
            found[cid] = {w: words[w] for w in caps[pos[cid]].practices if w in words}
        return found

    def _claims_one_by_one(self) -> dict[str, dict[str, list[str]]]:
        """:attr:`claims` capability by capability, for a chart whose capability ids repeat."""
        has_wf, kinds_of, channels = self.workflows_of_cap, self.data_kinds_of_cap, self.channels
        found: dict[str, dict[str, list[str]]] = {}
        for c in self.capabilities:
            shape = (bool(c.systems), c.id in has_wf, bool(c.contributors), kinds_of[c.id], channels[c.id])
            for word in c.practices:
                if word in BACKING and (lacks := BACKING[word].missing(*shape)):
                    found.setdefault(c.id, {})[word] = lacks
        return found

    @cached_property
    def claims_by_word(self) -> dict[str, list[tuple[int, str, list[str]]]]:
        """Practice word -> (chart position, capability id, what it lacks) of every unevidenced claim of it."""
        found: dict[str, list[tuple[int, str, list[str]]]] = defaultdict(list)
        pos = self.cap_pos
        for cid, words in self.claims.items():
            for word, lacks in words.items():
                found[word].append((pos[cid], cid, lacks))
        return found

    def claimed_by(self, words) -> list[tuple[Capability, str, list[str]]]:
        """(capability, word, what it lacks) for every unevidenced claim of one of ``words``, chart order."""
        index, by_id = self.claims_by_word, self.by_id
        hits = sorted((pos, cid, w, lacks) for w in dict.fromkeys(words) for pos, cid, lacks in index.get(w, ()))
        return [(by_id[cid], w, lacks) for _, cid, w, lacks in hits]

    @cached_property
    def channels(self) -> dict[str, frozenset[str]]:
        return dict(zip(self.cap_id_list, map(frozenset, map(CHANNELS, self.capabilities))))

    @cached_property
    def data_kinds_of_cap(self) -> dict[str, frozenset[str]]:
        """Capability id -> the kinds of the (known) data sources it uses; one frozenset per distinct list of sources."""
        kind = self.data_kind
        made: dict[tuple[str, ...], frozenset[str]] = {}
        found = {}
        for cap in self.capabilities:
            key = tuple(cap.data)
            kinds = made.get(key)
            if kinds is None:
                kinds = made[key] = frozenset(kind[d] for d in key if d in kind)
            found[cap.id] = kinds
        return found

    @cached_property
    def caps_by(self) -> dict[str, dict[str, set[str]]]:
        """Inverted indexes: ``area``/``practice``/``channel``/``data`` -> word -> capability ids.

        Rules select capabilities with set operations on these instead of testing each
        capability in Python (about ten times faster on 10,000 capabilities).
        """
        index: dict[str, dict[str, set[str]]] = {"area": defaultdict(set), "practice": defaultdict(set),
                                                 "channel": defaultdict(set), "data": defaultdict(set)}
        area, practice, channel, data = (index[k] for k in ("area", "practice", "channel", "data"))
        kinds, evidenced = self.data_kinds_of_cap, self.practices
        for c in self.capabilities:
            cid = c.id
            area[c.area].add(cid)
            for word in evidenced[cid]:
                practice[word].add(cid)
            for word in c.channels:
                channel[word].add(cid)
            for word in kinds[cid]:
                data[word].add(cid)
        return index

    @cached_property
    def all_channels(self) -> frozenset[str]:
        return frozenset().union(*self.channels.values()) if self.channels else frozenset()

    @cached_property
    def has_mobile(self) -> bool:
        return bool(self.all_channels & MOBILE_CHANNELS)

    @cached_property
    def caps_in_phase(self) -> dict[str, list[Capability]]:
        """Lifecycle phase -> capabilities covering it, in chart order."""
        found: dict[str, list[Capability]] = defaultdict(list)
        for c in self.capabilities:
            for phase in c.phases:
                found[phase].append(c)
        return found

    @cached_property
    def team_lob(self) -> dict[str, str]:
        return {t.id: t.lob for t in self.chart.teams if t.lob}

    def lobs_of_cap(self, cap: Capability) -> set[str]:
        """Lines of business a capability serves: its own list, else its accountable's team's."""
        return set(self.cap_lobs[cap.id])

    @cached_property
    def cap_lobs(self) -> dict[str, frozenset[str]]:
        """Capability id -> lines of business it serves (see :meth:`lobs_of_cap`), computed once."""
        by_id, team_lob = self.by_id, self.team_lob
        none: frozenset[str] = frozenset()
        found: dict[str, frozenset[str]] = {}
        for cap in self.capabilities:
            if cap.lob:
                found[cap.id] = frozenset(cap.lob)
                continue
            person = by_id.get(cap.accountable) if cap.accountable else None
            lob = team_lob.get(getattr(person, "team", None) or "")
            found[cap.id] = frozenset((lob,)) if lob else none
        return found

    @cached_property
    def caps_with_systems(self) -> frozenset[str]:
        """Ids of the capabilities that run on at least one system."""
        return frozenset(cid for cid, systems in zip(self.cap_id_list, map(SYSTEMS, self.capabilities)) if systems)

    @cached_property
    def cap_functions(self) -> dict[str, frozenset[str]]:
        """Capability id -> business functions (lower case) of the accountable person's team and responsible teams."""
        return {cap.id: self._functions(cap) for cap in self.capabilities}

    def functions_of(self, cap_id: str) -> frozenset[str]:
        """``cap_functions[cap_id]``, computed for this capability alone (and kept) unless the whole index is
        built: the one rule that reads functions tests only the capabilities still in question."""
        index = self.__dict__.get("cap_functions")
        if index is not None:
            return index[cap_id]
        memo = self._function_memo
        found = memo.get(cap_id)
        if found is None:
            found = memo[cap_id] = self._functions(self.capabilities[self.cap_pos[cap_id]])
        return found

    @cached_property
    def _function_memo(self) -> dict[str, frozenset[str]]:
        return {}

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
        for cid, acc, doers in zip(self.cap_id_list, map(attrgetter("accountable"), caps),
                                   map(attrgetter("responsible"), caps)):
            if acc and doers.count(acc) == len(doers):  # every responsible is the accountable (or none is named)
                alone[acc].append(cid)
        return alone
