"""Which maturity criteria read a word of the chart vocabulary, found by scanning their parameters.

Users ask "does it matter if I tag this capability ``lifetime_value``?"; the answer
is the criteria whose rule parameters name the word. The answer is computed from the
model files every time, never kept in a table, so it stays right while the models
and rules change. The scan knows no rule: it walks each criterion's ``params``
(dicts, lists, strings), reads ``a|b`` as either word, and takes a parameter named
after a word and switched on (``mobile: true``) as reading that word.

A word can belong to two vocabularies (``partner`` is a channel and a kind of
organization). A group of words given together (one list, or one ``a|b`` string)
counts for a vocabulary only when none of its words belongs solely to another
vocabulary, so ``kinds: [partner, agency, vendor]`` is about organizations, not the
``partner`` channel.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

from ..model.vocabulary import VOCABULARIES
from .load import require_models
from .spec import MaturityModel

__all__ = ["criteria_reading", "vocabulary_usage", "word_groups"]

READ_BY_CRITERIA = ("practices", "channels", "data-kinds")
"""Vocabularies whose words ``planner vocab`` lists the reading criteria of: the ones tags and kinds claim."""


def word_groups(params: Any) -> Iterator[frozenset[str]]:
    """The groups of words a criterion's parameters name: one per list, string or switched-on flag."""
    if isinstance(params, str):
        yield frozenset(w.strip() for w in params.split("|") if w.strip())
    elif isinstance(params, dict):
        for key, value in params.items():
            if value is True and isinstance(key, str):
                yield frozenset({key})
            else:
                yield from word_groups(value)
    elif isinstance(params, (list, tuple, set, frozenset)):
        flat = [w for item in params if isinstance(item, str) for w in item.split("|") if w.strip()]
        if flat:
            yield frozenset(w.strip() for w in flat)
        for item in params:
            if not isinstance(item, str):
                yield from word_groups(item)


def criteria_reading(
    words: Collection[str], foreign: Collection[str] = (), *, models: Iterable[MaturityModel],
) -> dict[str, list[str]]:
    """For each of ``words``, the full ids of the criteria whose parameters name it, in model order.

    ``foreign`` holds words of other vocabularies: a group containing one of them
    (and not a word of ``words``) is about that other vocabulary and is skipped.
    ``models``: the models to scan (every built-in one is ``planner.store.library.load_models()``).
    """
    wanted = set(words)
    others = set(foreign) - wanted
    found: dict[str, list[str]] = {w: [] for w in words}
    for model in require_models(models, "criteria_reading()"):
        for criterion in model.criteria:
            for group in word_groups(criterion.spec.params):
                if group & others:
                    continue
                for word in sorted(group & wanted):
                    if criterion.id not in found[word]:
                        found[word].append(criterion.id)
    return found


def vocabulary_usage(names: Iterable[str], models: Iterable[MaturityModel]) -> dict[str, dict]:
    """The vocabularies ``names`` as data: where the words go, and each word's meaning (and criteria).

    The shape ``planner vocab --format json`` prints: ``{name: {"field", "open",
    "words": [{"word", "meaning", "criteria"?}]}}``; ``criteria`` is given for the
    vocabularies in :data:`READ_BY_CRITERIA`. Open vocabularies list their words
    alphabetically (they are looked up), closed ones in their declared order.
    """
    chosen = require_models(models, "vocabulary_usage()")
    out: dict[str, dict] = {}
    for name in names:
        vocab = VOCABULARIES[name]
        words = sorted(vocab.meanings) if vocab.open else list(vocab.meanings)
        reading = None
        if name in READ_BY_CRITERIA:
            foreign = {w for other in VOCABULARIES.values() if other.name != name for w in other.meanings}
            reading = criteria_reading(words, foreign, models=chosen)
        entries = []
        for word in words:
            entry: dict[str, Any] = {"word": word, "meaning": vocab.meanings[word]}
            if reading is not None:
                entry["criteria"] = reading[word]
            entries.append(entry)
        out[name] = {"field": vocab.field, "open": vocab.open, "words": entries}
    return out

