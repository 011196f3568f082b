"""The history's cache on disk: each model's verdict per blob, kept in the repository's git folder.

A second ``planner history`` of the same repository should not assess again what
the first did. The verdicts are kept in ``.git/planner-cache/history/``, one JSON
file per model, because they belong to that repository's objects: they go when the
clone goes, git never commits or shows them, and a blob hash names the same text
for ever. Each file is stamped with a fingerprint of everything a verdict depends
on besides the blob: the model's definition, the planner's version, the source of
the engine, the chart model and the reader, and the input limits in force. A file
with another fingerprint is ignored and replaced, so an upgrade or an edited model
never reads a stale verdict. Deleting the folder is always safe (the next run
assesses everything again); ``planner history --no-cache`` neither reads nor writes it.

Only JSON is read back, field by field: a damaged or foreign file is ignored, never
executed and never a crash. Invalid revisions are not kept (they are few, and
their message names the commit).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path

from ..errors import PlannerError
from ..history.state import ModelState, from_record, record
from .atomic import write_atomic

FORMAT = 1
FOLDER = ("planner-cache", "history")
SOURCES = ("maturity", "model", "store", "history")
"""Packages of :mod:`planner` whose code decides a verdict: any change to them starts a new cache."""


def _version() -> str:
    try:
        return metadata.version("capability-planner")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "source"


def _source_digest() -> bytes:
    """A digest of the source of :data:`SOURCES` (a development tree changes it without a new version)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(digest_size=16)
    for package in SOURCES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def fingerprint(model, limits, source: bytes | None = None) -> str:
    """What a verdict of ``model`` depends on besides the blob, as 20 hex digits."""
    digest = hashlib.blake2b(digest_size=10)
    digest.update(f"{FORMAT}\0{_version()}\0{limits!r}\0".encode())
    digest.update(model.model_dump_json().encode("utf-8"))
    digest.update(_source_digest() if source is None else source)
    return digest.hexdigest()


def cache_folder(git_dir: Path) -> Path:
    """Where a repository's history cache lives, given its git folder (``git rev-parse --git-common-dir``)."""
    return git_dir.joinpath(*FOLDER)


class DiskCache:
    """Blob -> {model id: state} for the chosen models: read when made, written by :meth:`save`."""

    def __init__(self, folder: Path, models: list, limits):
        self.folder = folder
        self.models = models
        source = _source_digest()
        self.stamps = {m.id: fingerprint(m, limits, source) for m in models}
        self.constants = {m.id: ({c.id: c.statement for c in m.criteria},
                                 {n: m.level_name(n) for n in range(m.min_level, len(m.levels) + 1)}) for m in models}
        self.entries: dict[str, dict] = {m.id: self._load(m.id) for m in models}
        self.added = 0

    def _file(self, model_id: str) -> Path:
        return self.folder / f"{model_id}.json"

    def _load(self, model_id: str) -> dict:
        try:
            data = json.loads(self._file(model_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("fingerprint") != self.stamps[model_id]:
            return {}
        blobs = data.get("blobs")
        return blobs if isinstance(blobs, dict) else {}

    def get(self, blob: str) -> dict[str, ModelState] | None:
        """Every chosen model's state for ``blob``, or None when one of them is missing or unreadable."""
        found = {}
        for model in self.models:
            statements, names = self.constants[model.id]
            state = from_record(self.entries[model.id].get(blob), model.id, model.name, statements, names)
            if state is None:
                return None
            found[model.id] = state
        return found

    def put_all(self, items: Iterable[tuple[str, Mapping[str, ModelState] | str]]) -> None:
        """Keep the states of valid blobs (an error text is not kept)."""
        for blob, outcome in items:
            if isinstance(outcome, str):
                continue
            for key, state in outcome.items():
                if key in self.entries:
                    self.entries[key][blob] = record(state)
                    self.added += 1

    def save(self) -> None:
        """Write each model's file whole, if anything was added; a folder we may not write is left alone."""
        if not self.added:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for model in self.models:
                text = json.dumps({"fingerprint": self.stamps[model.id], "model": model.id,
                                   "blobs": self.entries[model.id]}, separators=(",", ":"))
                write_atomic(self._file(model.id), text.encode("utf-8"), durable=False)
        except (OSError, PlannerError):
            pass

