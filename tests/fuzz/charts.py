"""Hypothesis strategies for the fuzz tests: charts built from the model's own fields, and hostile text.

Charts are generated from the pydantic classes of :mod:`planner.model` (field by
field, references drawn from the ids of the right kinds, sometimes of the wrong
ones), so a field added to the model is fuzzed without touching this file.
Text mutations splice the fragments that broke the planner before (control
characters, line breaks YAML 1.1 and 1.2 disagree on, brackets, tags, anchors,
long digit runs) into real chart text.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import types
import typing
from pathlib import Path
from typing import Any, Literal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from planner.model import SECTIONS, Answer
from planner.model.base import Element, ref_fields
from planner.model.chart import ChartInfo
from planner.store.emit import emit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

CASES = int(os.environ.get("FUZZ_CASES", "0"))
"""Examples per fuzz test when set (``make fuzz``); otherwise the bounded budget of the normal suite."""


def budget(normal: int) -> settings:
    """Settings of one fuzz test: ``normal`` examples, fixed seed, in the suite; ``FUZZ_CASES`` random ones in ``make fuzz``."""
    return settings(max_examples=CASES or normal, derandomize=not CASES, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck), print_blob=True)


NASTY = [
    "\x00", "\x01", "\x07", "\x1b[2J", "\x1b]0;title\x07", "\x1b]52;c;aGVsbG8=\x07", "\x9b31m", "\x0b", "\x0c",
    "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\r", "\r\n", "\ufeff", "\t", "\x7f", "\ud7ff", "\ufffe",
    "[", "]", "{", "}", "[[[[[[[[", "{a: {b: {c: ", ": ", "- ", "- - - ", "? ", "&a ", "*a", "*undefined", "<<: *a\n",
    "!!python/name:os.system ", "!!python/object/apply:os.system [ls] ", "!custom ", "!<tag:x> ", "'", '"', "#",
    "\n", "  ", "    ", "9" * 40, "9" * 4400, "-0x" + "f" * 50, "1e999", ".nan", "~", "null", "id: ", "name: ",
    "|", ">-", "---\n", "...\n", "%YAML 1.2\n", "version: 2\n", "chart:\n", "people:\n  - ", "é", "\U0001f600",
    "x" * 300, "a " * 200,
]
"""Fragments that reached a traceback, a hang or a wrong location at least once (issue 13's probe)."""


@functools.cache
def base_texts() -> tuple[str, ...]:
    """Real chart text to mutate: the small fixture, a flow-style chart, a broken one."""
    small = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    flow = "version: 1\nchart: {name: F}\npeople: [{id: a, name: A}, {id: b, name: B, reports_to: a}]\n"
    return small, flow, small.replace("  - {id: bob,", "  - {id: bob, name: 'x,", 1)


@st.composite
def mutated_text(draw, bases: tuple[str, ...] | None = None) -> str:
    """A base text with a few fragments inserted, spans deleted or lines repeated."""
    text = draw(st.sampled_from(bases or base_texts()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "insert", "random", "delete", "repeat"]))
        if op == "insert":
            text = text[:at] + draw(st.sampled_from(NASTY)) + text[at:]
        elif op == "random":
            text = text[:at] + draw(st.text(max_size=12)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            line = text[start:(end if end >= 0 else len(text))]
            text = text[:start] + line + "\n" + text[start:]
    return text


CLEAN_NAMES = st.one_of(
    st.sampled_from(["Ann Lee", "Web & Co", "CRM", "Ops 24/7", "Zoë", "a|b", "<b>bold</b>", "x\\", "1e3", "no",
                     "null", "'quoted'", "# not a comment", "- dash", "\U0001f600 team"]),
    st.text(min_size=1, max_size=20).filter(str.strip),
)
NOISY_NAMES = st.one_of(CLEAN_NAMES, st.sampled_from(NASTY), st.text(alphabet="xy ", min_size=190, max_size=260))
WORDS = st.one_of(st.sampled_from(["email", "web", "mobile", "social", "sms", "segmentation", "loyalty_rewards",
                                   "mass_email", "personalization"]), st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True))
EXTREMES = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0, -1, 10 ** 30, 10 ** 12]))
DATES = st.dates(min_value=dt.date(1, 1, 2), max_value=dt.date(9999, 12, 30)).map(dt.date.isoformat)
PLAIN_DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)).map(dt.date.isoformat)


class Ids:
    """The ids a generated chart holds, by kind; children get fresh ids as they are made.

    ``noisy`` charts name missing ids and extreme values now and then; clean ones
    are mostly valid, so the commands behind the loader get exercised too.
    """

    def __init__(self, counts: dict[str, int], noisy: bool):
        self.by_kind = {cls.KIND: [f"{cls.KIND}-{i}" for i in range(counts[s])] for s, cls in SECTIONS.items()}
        self.made = 0
        self.noisy = noisy

    def fresh(self, kind: str) -> str:
        self.made += 1
        ident = f"{kind}-n{self.made}"
        self.by_kind.setdefault(kind, []).append(ident)
        return ident

    def of(self, kinds: tuple[str, ...], before: str | None) -> list[str]:
        """Ids of ``kinds``; of the element's own kind only those before it (no reporting-line cycles)."""
        found = []
        for kind in kinds:
            pool = self.by_kind.get(kind, [])
            found += pool[:pool.index(before)] if before in pool else pool
        return found


def _unwrap(annotation: Any) -> tuple[Any, tuple]:
    """``Annotated[X, meta...]`` to ``(X, meta)``; anything else to ``(annotation, ())``."""
    meta: tuple = ()
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        meta += tuple(more)
    return annotation, meta


def _reference(draw, ref, meta: tuple, ids: Ids, own: str | None) -> Any:
    pool = ids.of(ref.ref.kinds, own)
    if ids.noisy and draw(st.integers(0, 9)) == 0:
        pool = pool + ["missing-id"]
    least = next((m.min_length for m in meta if hasattr(m, "min_length") and m.min_length), 0)
    if ref.many:
        if len(pool) < least:
            return pool + ["missing-id"] * (least - len(pool))
        return draw(st.lists(st.sampled_from(pool), min_size=least, max_size=max(least, 3), unique=True)) if pool else []
    return draw(st.sampled_from(pool)) if pool else None


def value_of(draw, annotation: Any, ids: Ids, ref=None, depth: int = 0, meta: tuple = (), own: str | None = None) -> Any:
    """A value for a field of type ``annotation`` (a reference field draws ids of its kinds)."""
    if ref is not None:
        return _reference(draw, ref, meta, ids, own)
    annotation, more = _unwrap(annotation)
    meta = meta + more
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) < len(args) and draw(st.integers(0, 3)) == 0:
            return None
        return value_of(draw, draw(st.sampled_from(options)), ids, None, depth, meta)
    if origin is Literal:
        return draw(st.sampled_from(args))
    if origin is list:
        return [value_of(draw, args[0], ids, None, depth + 1) for _ in range(draw(st.integers(0, 2 if depth else 3)))]
    if origin is dict:
        keys = {value_of(draw, args[0], ids, None, depth + 1) for _ in range(draw(st.integers(0, 3)))}
        return {k: value_of(draw, args[1], ids, None, depth + 1) for k in keys if isinstance(k, str)}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_of(draw, annotation, ids, depth + 1)
    return draw(_scalar(annotation, meta, ids.noisy))


def _scalar(annotation: Any, meta: tuple, noisy: bool) -> st.SearchStrategy:
    if annotation is bool:
        return st.booleans()
    if annotation in (int, float):
        low, high = _bound(meta, ("ge", "gt"), 0), _bound(meta, ("le", "lt"), 10_000)
        sane = st.integers(int(low) + 1, int(high)) if annotation is int else st.floats(low + 0.01, high)
        return st.one_of(sane, EXTREMES) if noisy else sane
    if annotation is dt.date:
        return DATES if noisy else PLAIN_DATES
    if any("pattern" in repr(m) for m in meta):
        return WORDS
    return NOISY_NAMES if noisy else CLEAN_NAMES


def _bound(meta: tuple, names: tuple[str, ...], default: float) -> float:
    """A numeric bound from a field's constraints (``Ge(0)``, ``Le(1.5)``...), or ``default``."""
    for m in meta:
        for name in names:
            if getattr(m, name, None) is not None:
                return getattr(m, name)
    return default


def model_of(draw, cls: type[BaseModel], ids: Ids, depth: int = 0, ident: str | None = None) -> dict:
    """A dict for ``cls``: required fields (and an accountable person) always, optional ones half the time."""
    refs = {r.name: r for r in ref_fields(cls)}
    out: dict[str, Any] = {}
    if issubclass(cls, Element):
        out["id"] = ident or ids.fresh(cls.KIND)
    for name, info in cls.model_fields.items():
        wanted = info.is_required() or name == "accountable" or (depth <= 2 and draw(st.booleans()))
        if name == "id" or not wanted:
            continue
        value = value_of(draw, info.annotation, ids, refs.get(name), depth, tuple(info.metadata), out.get("id"))
        if value is not None or info.is_required():
            out[name] = value
    return out


@st.composite
def chart_data(draw) -> dict:
    """A chart as data: up to three elements a section, clean or noisy."""
    counts = {s: draw(st.integers(0, 3)) for s in SECTIONS}
    noisy = draw(st.integers(0, 2)) == 0
    if not noisy:  # what a valid chart needs: a chain links two CoEs, a capability has an accountable person
        counts["chains"] = counts["chains"] if counts["coes"] >= 2 else 0
        counts["people"] = max(counts["people"], 1 if counts["capabilities"] else 0)
    ids = Ids(counts, noisy)
    data: dict[str, Any] = {"version": 1, "chart": model_of(draw, ChartInfo, ids)}
    for section, cls in SECTIONS.items():
        if counts[section]:
            data[section] = [model_of(draw, cls, ids, ident=i) for i in ids.by_kind[cls.KIND][:counts[section]]]
    criteria = draw(st.lists(st.sampled_from(CRITERIA), max_size=3, unique=True))
    if criteria:
        data["answers"] = {c: model_of(draw, Answer, ids) for c in criteria}
    return data


CRITERIA = ["engagement.4.front-office-culture", "engagement.2.single-view", "dcg.2.executive-sponsor",
            "coe.1.single-accountable", "nomodel.1.x", "engagement.9.none"]
"""Answer keys: criteria that exist (when the models keep them), and ones that do not."""


@st.composite
def chart_text(draw) -> str:
    """Generated chart text, now and then mutated as a person (or a fuzzer) would."""
    text = emit(draw(chart_data()))
    return draw(mutated_text((text,))) if draw(st.integers(0, 4)) == 0 else text


__all__ = ["NASTY", "base_texts", "budget", "chart_data", "chart_text", "mutated_text"]
