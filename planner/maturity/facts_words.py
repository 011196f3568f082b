"""Indexes of what the capabilities are made of: their areas, channels, data kinds and systems,
each capability's and inverted (word -> capability ids).

A mixin of :class:`~planner.maturity.facts.Facts`, under :mod:`.facts_caps` (which
adds the evidenced practices). Built with ``map``/``zip``/``compress`` in C where an
index only copies an attribute; the inverted data index is gathered from the users of
each data source (an index the assessment builds anyway) rather than from every
capability's sources, whose ids cost more to look up than the Python around them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, contains
from typing import cast

from ..model import Capability
from ..model.vocabulary import MOBILE_CHANNELS
from .facts_caps_people import CapabilityPeopleIndexes

AREA, CHANNELS, DATA, PHASES, SYSTEMS = (attrgetter(a) for a in ("area", "channels", "data", "phases", "systems"))


def _channels(cap: Capability) -> frozenset[str]:
    return frozenset(cap.channels)


class CapabilityWordIndexes(CapabilityPeopleIndexes):
    """Capabilities by area, channel, data kind and system (a mixin of :class:`~planner.maturity.facts.Facts`)."""

    data_users: dict[str, list[str]]  # data source id -> ids of the capabilities using it (facts_chart)

    @cached_property
    def channels(self) -> dict[str, frozenset[str]]:
        return dict(zip(self.cap_id_list, map(frozenset, map(CHANNELS, self.capabilities))))

    def channels_of(self, cap_id: str) -> frozenset[str]:
        """``channels[cap_id]``, without building the whole index when it is not built: the rules
        read the channels of a few candidates, or the inverted index."""
        return self.one_entry("channels", cap_id, _channels)

    @cached_property
    def data_kinds_of_cap(self) -> dict[str, frozenset[str]]:
        """Capability id -> the kinds of the (known) data sources it uses.

        Built in C (a frozenset of the kinds looked up per capability, then the few with an
        unknown source cleaned): about 15% faster than a Python loop per capability; the look-ups
        of the sources' ids dominate either way. The rules read :meth:`kinds_of` and the index
        ``caps_by["data"]``, which need it for a few capabilities or not at all.
        """
        kinds = list(map(frozenset, map(map, repeat(self.data_kind.get), map(DATA, self.capabilities))))
        for i in compress(range(len(kinds)), map(contains, kinds, repeat(None))):  # a source that is not in the chart
            kinds[i] = kinds[i].difference((None,))
        return dict(zip(self.cap_id_list, cast("list[frozenset[str]]", kinds)))  # no None left

    def kinds_of(self, cap_id: str) -> frozenset[str]:
        """``data_kinds_of_cap[cap_id]``, computed for this capability alone (and kept) unless the whole index is built."""
        kind = self.data_kind
        return self.one_entry("data_kinds_of_cap", cap_id, lambda cap: frozenset(kind[d] for d in cap.data if d in kind))

    @cached_property
    def word_index(self) -> dict[str, dict[str, set[str]]]:
        """``area``/``channel``/``data`` -> word -> capability ids: :attr:`caps_by` without the practices.

        The areas and channels in one pass over the capabilities; with unique ids the data
        kinds from the users of each data source (2,000 sources, not 20,000 references).
        """
        area: dict[str, set[str]] = defaultdict(set)
        channel: dict[str, set[str]] = defaultdict(set)
        data: dict[str, set[str]] = defaultdict(set)
        caps = self.capabilities
        for cid, where, words in zip(self.cap_id_list, map(AREA, caps), map(CHANNELS, caps)):
            area[where].add(cid)
            for word in words:
                channel[word].add(cid)
        if self.caps_unique:
            kind = self.data_kind
            for source, users in self.data_users.items():
                if source in kind:
                    data[kind[source]].update(users)
        else:  # an id's kinds are those of its last capability (data_kinds_of_cap)
            for cid, kinds in self.data_kinds_of_cap.items():
                for word in kinds:
                    data[word].add(cid)
        return {"area": area, "channel": channel, "data": data}

    @cached_property
    def all_channels(self) -> frozenset[str]:
        """Every channel some capability works through: the words of the inverted index."""
        return frozenset(word for word, ids in self.word_index["channel"].items() if ids)

    @cached_property
    def has_mobile(self) -> bool:
        return bool(self.all_channels & MOBILE_CHANNELS)

    @cached_property
    def caps_in_phase(self) -> dict[str, list[Capability]]:
        """Lifecycle phase -> capabilities covering it, in chart order."""
        return {phase: row[0] for phase, row in self.phase_rows.items()}

    @cached_property
    def phase_rows(self) -> dict[str, tuple[list[Capability], list[str], list[str]]]:
        """Lifecycle phase -> (capabilities covering it, their ids, their states there), chart order.

        One pass over the capabilities for every phase: the lifecycle rule reads all five
        phases, and reading each capability's phases once instead of once per phase (then
        its id, then its state) takes about a third of the time at 10,000 capabilities.
        """
        found: dict[str, tuple[list[Capability], list[str], list[str]]] = {}
        for cap, cid, phases in zip(self.capabilities, self.cap_id_list, map(PHASES, self.capabilities)):
            for phase, stage in phases.items():
                row = found.get(phase)
                if row is None:
                    row = found[phase] = ([], [], [])
                row[0].append(cap)
                row[1].append(cid)
                row[2].append(stage)
        return found

    @cached_property
    def caps_with_systems(self) -> frozenset[str]:
        """Ids of the capabilities that run on at least one system (filtered in C)."""
        return frozenset(compress(self.cap_id_list, map(SYSTEMS, self.capabilities)))
