"""Indexes over the capabilities' practices: the evidenced practices, the unevidenced claims, and
the inverted indexes (``caps_by``) the rules select capabilities with.

Each is computed once per chart and shared by every rule and model (see
:mod:`planner.maturity.facts`). The indexes of areas, channels, data and systems are in
:mod:`.facts_words`, those that join capabilities to teams in :mod:`.facts_caps_people`.
Tags are judged word by word with set operations (:func:`.evidence.judge_tags`), not
capability by capability.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from functools import cached_property
from itertools import chain, compress, islice, repeat
from operator import attrgetter, itemgetter, not_

from ..model import Capability
from .evidence import BACKING, judge_tags
from .facts_words import CapabilityWordIndexes

PRACTICES, CONTRIBUTORS = attrgetter("practices"), attrgetter("contributors")


class CapabilityIndexes(CapabilityWordIndexes):
    """Per-capability indexes (a mixin of :class:`~planner.maturity.facts.Facts`)."""

    @cached_property
    def practices(self) -> dict[str, frozenset[str]]:
        """Capability id -> its *evidenced* practices: the tags its structure backs (see :mod:`.evidence`).

        Rules read only these; a tag without its backing is in :attr:`claims`.
        """
        found = dict(zip(self.cap_id_list, map(frozenset, map(PRACTICES, self.capabilities))))
        if not self.caps_unique:
            for cid, claimed in self.claims.items():
                found[cid] = found[cid].difference(claimed)
            return found
        unevidenced: dict[str, list[str]] = defaultdict(list)
        for word, rows in self.claims_by_word.items():
            for cid in map(itemgetter(1), rows):
                unevidenced[cid].append(word)
        for cid, words in unevidenced.items():
            found[cid] = found[cid].difference(words)
        return found

    @cached_property
    def claims(self) -> dict[str, dict[str, list[str]]]:
        """Capability id -> {practice claimed by a tag: what the capability lacks to evidence it}, chart order.

        The rules read :attr:`claims_by_word`; this view by capability is built from it on demand.
        """
        if not self.caps_unique:
            return self._claims_one_by_one()
        lacking: dict[str, dict[str, list[str]]] = defaultdict(dict)
        for word, rows in self.claims_by_word.items():
            for _, cid, lacks in rows:
                lacking[cid][word] = lacks
        caps, pos = self.capabilities, self.cap_pos
        return {cid: {w: lacking[cid][w] for w in caps[pos[cid]].practices if w in lacking[cid]}
                for cid in sorted(lacking, key=pos.__getitem__)}  # chart order, and each capability's tag order

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
        """Practice word -> (chart position, capability id, what it lacks) of every unevidenced claim of it, chart order."""
        if self.caps_unique:
            return self._verdicts[1]
        found: dict[str, list[tuple[int, str, list[str]]]] = defaultdict(list)
        pos = self.cap_pos
        for cid, words in self.claims.items():
            for word, lacks in words.items():
                found[word].append((pos[cid], cid, lacks))
        return found

    @cached_property
    def _verdicts(self) -> tuple[dict[str, set[str]], dict[str, list[tuple[int, str, list[str]]]]]:
        """Per practice word, the ids of the capabilities that evidence it and its claims; unique ids only.

        Judged word by word (:func:`.evidence.judge_tags`): a few C-level passes over the
        capabilities that tag each word, instead of a dict entry per claim re-sorted by
        capability afterwards.
        """
        caps, ids, by = self.capabilities, self.cap_id_list, self.word_index
        rows: dict[str, list[int]] = defaultdict(list)  # word -> positions of the capabilities tagging it
        for i, words in enumerate(map(PRACTICES, caps)):
            for word in words:
                rows[word].append(i)
        evidenced: dict[str, set[str]] = defaultdict(set)
        claimed: dict[str, list[tuple[int, str, list[str]]]] = defaultdict(list)
        for word, row in rows.items():
            if len(set(row)) < len(row):  # a word tagged twice by one capability counts once
                row = rows[word] = list(dict.fromkeys(row))
            tagged = list(map(ids.__getitem__, row))
            if word not in BACKING:
                evidenced[word] = set(tagged)
                continue
            lacks = judge_tags(word, tagged, self.caps_with_systems, self.workflows_of_cap.keys(),
                               self._with_contributors(word, row, tagged), by["data"], by["channel"], self.kinds_of)
            if backed := set(compress(tagged, map(not_, lacks))):
                evidenced[word] = backed
            if bad := list(compress(tagged, lacks)):
                claimed[word] = list(zip(compress(row, lacks), bad, compress(lacks, lacks)))
        return evidenced, claimed

    def _with_contributors(self, word: str, row: list[int], tagged: list[str]) -> set[str]:
        """Of the capabilities at ``row`` (ids ``tagged``), those with an external contributor; read only for
        a word a contributor may back (one of ten in the 100,000-element chart: 1,500 capabilities reached, not 10,000)."""
        if not BACKING[word].or_contributor:
            return set()
        return set(compress(tagged, map(CONTRIBUTORS, map(self.capabilities.__getitem__, row))))

    def first_claims(self, words, most: int) -> tuple[list[tuple[Capability, str, list[str]]], int]:
        """The first ``most`` unevidenced claims of ``words`` as (capability, word, what it lacks), chart order;
        and how many there are in all.

        Each word's claims are in chart order already: they are merged lazily, and only
        the capabilities shown are looked up (a word may have thousands of claims).
        """
        index = self.claims_by_word
        rows = {w: index[w] for w in dict.fromkeys(words) if w in index}
        runs = [zip(map(itemgetter(0), r), map(itemgetter(1), r), repeat(w), map(itemgetter(2), r))
                for w, r in rows.items()]
        merged = heapq.merge(*runs) if self.caps_unique else sorted(chain.from_iterable(runs))
        first = list(islice(merged, most))
        return [(self.by_id[cid], w, lacks) for _, cid, w, lacks in first], sum(map(len, rows.values()))

    @cached_property
    def caps_by(self) -> dict[str, dict[str, set[str]]]:
        """Inverted indexes: ``area``/``practice``/``channel``/``data`` -> word -> capability ids.

        Rules select capabilities with set operations on these instead of testing each
        capability in Python (about ten times faster on 10,000 capabilities).
        """
        words = self.word_index
        if self.caps_unique:  # judged word by word already
            practice = self._verdicts[0]
        else:
            practice = defaultdict(set)
            for cid, evidenced in self.practices.items():
                for word in evidenced:
                    practice[word].add(cid)
        return {"area": words["area"], "practice": practice, "channel": words["channel"], "data": words["data"]}
