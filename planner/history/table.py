"""The history table: one row per revision of a chart, levels and the criteria each step gained or lost.

Pure: revisions come in with their chart (or the reason there is none), the table
comes out. A revision whose chart was invalid or deleted is a *gap*: it has no
levels, and the next valid revision is compared with the last valid one before the
gap, so a broken commit that is fixed later neither loses nor regains anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field

from .state import ModelState, summarize


@dataclass(frozen=True)
class Revision:
    """One commit that changed the chart file, as version control tells it."""

    commit: str
    date: dt.datetime
    subject: str
    path: str
    """The file's path in that commit (it differs from today's after a rename)."""
    blob: str | None
    """Content hash of the file in that commit; None when the commit deleted it."""

    @property
    def short(self) -> str:
        return self.commit[:8]


@dataclass(frozen=True)
class Change:
    """A criterion that became met (gained) or stopped being met (lost) at a step."""

    model_id: str
    criterion_id: str
    statement: str
    gained: bool


@dataclass
class HistoryRow:
    """One revision: its levels per model (none for a gap), and what changed since the last valid one."""

    revision: Revision
    states: Mapping[str, ModelState]
    error: str | None = None
    renamed_from: str | None = None
    changes: list[Change] = field(default_factory=list)
    first: bool = False
    """The first valid revision: the baseline, nothing gained or lost yet."""

    @property
    def ok(self) -> bool:
        return self.error is None

    def gained(self, model_id: str | None = None) -> list[str]:
        return [c.criterion_id for c in self.changes if c.gained and model_id in (None, c.model_id)]

    def lost(self, model_id: str | None = None) -> list[str]:
        return [c.criterion_id for c in self.changes if not c.gained and model_id in (None, c.model_id)]

    def level(self, model_id: str) -> int | None:
        state = self.states.get(model_id)
        return state.level if state else None

    def to_dict(self) -> dict:
        r = self.revision
        return {"commit": r.commit, "date": r.date.isoformat(), "subject": r.subject, "path": r.path,
                "blob": r.blob, "renamed_from": self.renamed_from, "valid": self.ok, "error": self.error,
                "models": {k: s.to_dict() for k, s in self.states.items()},
                "gained": [{"model": c.model_id, "id": c.criterion_id} for c in self.changes if c.gained],
                "lost": [{"model": c.model_id, "id": c.criterion_id} for c in self.changes if not c.gained]}


@dataclass
class HistoryTable:
    """Every revision of one chart file, oldest first."""

    path: str
    rows: list[HistoryRow]
    models: dict[str, str]
    """Model id -> name, in the order the models were given."""

    @property
    def valid_rows(self) -> list[HistoryRow]:
        return [r for r in self.rows if r.ok]

    def series(self, model_id: str, dimension: str | None = None) -> list[tuple[dt.datetime, int | None]]:
        """(date, level) per revision for a model or one of its dimensions; None at gaps."""
        points = []
        for row in self.rows:
            state = row.states.get(model_id)
            value = None if state is None else (state.level if dimension is None else state.dimensions.get(dimension))
            points.append((row.revision.date, value))
        return points

    def to_dict(self) -> dict:
        return {"path": self.path, "models": self.models, "revisions": [r.to_dict() for r in self.rows]}


Outcome = Mapping[str, ModelState] | str
"""What one revision gave: the model states of its chart, or why there is no valid chart."""


def build_table(path: str, entries: Iterable[tuple[Revision, Outcome]]) -> HistoryTable:
    """The table of already assessed revisions, in the order given (oldest first)."""
    rows: list[HistoryRow] = []
    models: dict[str, str] = {}
    last: Mapping[str, ModelState] | None = None
    previous_path: str | None = None
    for revision, outcome in entries:
        moved = previous_path if previous_path not in (None, revision.path) else None
        previous_path = revision.path
        if isinstance(outcome, str):
            rows.append(HistoryRow(revision, {}, outcome, moved))
            continue
        for key, state in outcome.items():
            models.setdefault(key, state.model_name)
        rows.append(HistoryRow(revision, outcome, None, moved, _changes(last, outcome), first=last is None))
        last = outcome
    return HistoryTable(path, rows, models)


def _changes(before: Mapping[str, ModelState] | None, after: Mapping[str, ModelState]) -> list[Change]:
    """Criteria met now and not before (gained), met before and not now (lost), per model, in id order."""
    if before is None:
        return []
    found = []
    for key, state in after.items():
        old = before.get(key)
        if old is None:
            continue
        for cid in sorted(state.met - old.met):
            found.append(Change(key, cid, state.statements.get(cid, ""), True))
        for cid in sorted(old.met - state.met):
            found.append(Change(key, cid, old.statements.get(cid, ""), False))
    return found


def assess_revisions(snapshots: Iterable[tuple[Revision, object]], models: list,
                     cache: MutableMapping[str, Mapping[str, ModelState]] | None = None,
                     ) -> Iterator[tuple[Revision, Outcome]]:
    """Assess each revision's chart (a :class:`~planner.model.Chart`, or an error text) once per blob.

    The cache is keyed by the blob hash: a chart reverted to an earlier content, or
    the same content under a new name, is not assessed again.
    """
    cache = {} if cache is None else cache
    for revision, chart in snapshots:
        if isinstance(chart, str):
            yield revision, chart
            continue
        key = revision.blob or revision.commit
        if key not in cache:
            cache[key] = summarize(chart, models)
        yield revision, cache[key]


def history(path: str, snapshots: Iterable[tuple[Revision, object]], models: list,
            cache: MutableMapping[str, Mapping[str, ModelState]] | None = None) -> HistoryTable:
    """The history table of ``snapshots`` (revision, chart or error text), oldest first."""
    return build_table(path, assess_revisions(snapshots, models, cache))
