"""A chart file's revisions, read from git without checking anything out.

``git log --follow --raw`` lists every commit that changed the file, across
renames, with the blob hash of the file in each; ``git cat-file --batch`` then
streams the blobs through one process. Each distinct blob is parsed once (a
revert or a pure rename costs nothing) and assessed only when what the engine
reads changed (:mod:`planner.history.content`: a renamed capability, a reworded
note or new comments are not assessed again). The distinct blobs are shared out
among worker processes, since parsing and assessing are CPU-bound and git hands
every worker its own blobs. Verdicts are kept on disk per blob
(:mod:`.history_cache`), so a second run assesses only new commits. A revision
whose file is not a valid chart (or was deleted) becomes a gap with the reason,
never a crash.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import subprocess
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..errors import PlannerError
from ..history import HistoryTable, ModelState, Revision, build_table, summarize
from ..history.content import ContentKeys
from ..perf import paused_gc
from .decode import decode
from .history_cache import DiskCache, cache_folder
from .limits import Limits
from .revisions import RevisionReader

DELETED = "0" * 40
LOG_FORMAT = "%x1e%H%x1f%aI%x1f%s"
COLLECT_EVERY = 50
"""Blobs between two garbage collections while the collector is paused for the whole run."""
PARALLEL_FROM = 16
"""Fewer distinct blobs than this are assessed in this process: starting workers costs more."""


class GitError(PlannerError):
    """git is missing, the file is not in a repository, or git refused."""


def _git(cwd: Path, *args: str, input_: bytes | None = None) -> bytes:
    if shutil.which("git") is None:
        raise GitError("git was not found; install git to read a chart's history")
    done = subprocess.run(["git", *args], cwd=cwd, input=input_, capture_output=True, check=False)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]}: {message[0] if message else 'failed'}")
    return done.stdout


def locate(path: str | os.PathLike) -> tuple[Path, str]:
    """The repository's top folder and the file's path inside it (as git spells it)."""
    file = Path(path).absolute()
    folder = file.parent
    if not folder.is_dir():
        raise GitError(f"{path}: no such folder")
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except GitError as exc:
        raise GitError(f"{path}: not in a git repository ({exc})") from exc
    try:
        return top, file.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:  # a symbolic link out of the repository
        raise GitError(f"{path}: the file lies outside the repository at {top}") from None


def revisions(top: Path, relpath: str, since: dt.date | None = None) -> list[Revision]:
    """Every commit that changed the file, following renames, oldest first (``since``: on or after that day)."""
    out = _git(top, "log", "--follow", "--raw", "--no-abbrev", "-z", f"--format={LOG_FORMAT}", "--", relpath)
    found = [rev for rev in map(_parse_record, out.split(b"\x1e")[1:]) if rev is not None]
    if since is not None:
        found = [r for r in found if r.date.date() >= since]
    return found[::-1]


def _parse_record(record: bytes) -> Revision | None:
    """One ``git log -z --raw`` record: header ``H\\x1fdate\\x1fsubject\\0``, then ``:meta\\0path\\0[path\\0]``."""
    header, _, raw = record.partition(b"\0")
    commit, date, subject = header.decode("utf-8", "replace").split("\x1f", 2)
    parts = raw.lstrip(b"\n").split(b"\0")
    if not parts or not parts[0].startswith(b":"):
        return None  # a merge without a change of its own to this file
    meta = parts[0].decode().split()
    status, blob = meta[4], meta[3]
    path = parts[2] if status[0] in "RC" and len(parts) > 2 else parts[1]
    return Revision(commit, dt.datetime.fromisoformat(date), subject, path.decode("utf-8", "replace"),
                    None if status.startswith("D") or blob == DELETED else blob)


class BlobReader:
    """One ``git cat-file --batch`` process answering blob requests one at a time."""

    def __init__(self, top: Path):
        self.proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=top, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        stdin, stdout = self.proc.stdin, self.proc.stdout
        assert stdin is not None and stdout is not None  # both were asked for as pipes
        self.stdin, self.stdout = stdin, stdout

    def read(self, blob: str) -> bytes | None:
        """The blob's bytes, or None when the repository does not hold it (a shallow or partial clone)."""
        self.stdin.write(blob.encode() + b"\n")
        self.stdin.flush()
        header = self.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            return None
        data = self.stdout.read(int(header[2]) + 1)
        return data[:-1]

    def close(self) -> None:
        self.stdin.close()
        self.proc.wait()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def chart_at(data: bytes | None, label: str, reader: RevisionReader):
    """The chart in a blob's bytes, or the one-line reason there is none (first error, and how many more)."""
    if data is None:
        return f"{label}: the repository does not hold this revision (shallow or partial clone)"
    if len(data) > reader.limits.max_file_size:
        return f"{label}: {len(data):,} bytes, over the file size limit"
    try:
        return reader.read(decode(data, label), label)
    except PlannerError as exc:
        return str(exc)


def assess_blobs(top: Path, wanted: list[tuple[str, str]], models: list) -> dict[str, Mapping[str, ModelState] | str]:
    """(blob, label) pairs -> model states of the blob's chart, or why it is not a valid chart."""
    revisions = RevisionReader(Limits.from_env())
    keys = ContentKeys()
    by_content: dict[bytes, Mapping[str, ModelState]] = {}
    found: dict[str, Mapping[str, ModelState] | str] = {}
    with BlobReader(top) as reader, paused_gc():  # one pause for the lot: re-enabling costs 10% per chart
        for n, (blob, label) in enumerate(wanted, start=1):
            chart = chart_at(reader.read(blob), label, revisions)
            if isinstance(chart, str):
                found[blob] = chart
                continue
            key = keys.key(revisions.last_data) if revisions.last_data is not None else blob.encode()
            states = by_content.get(key)
            if states is None:
                states = by_content[key] = summarize(chart, models)
            found[blob] = states
            if n % COLLECT_EVERY == 0:
                gc.collect()
    return found


def assess_all_blobs(top: Path, wanted: list[tuple[str, str]], models: list, workers: int):
    """:func:`assess_blobs` shared out among ``workers`` processes, each a run of consecutive revisions
    (consecutive revisions share most sections, which :class:`RevisionReader` validates once)."""
    if workers <= 1 or len(wanted) < PARALLEL_FROM:
        return assess_blobs(top, wanted, models)
    found: dict = {}
    parts = [wanted[i * len(wanted) // workers:(i + 1) * len(wanted) // workers] for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        for part in pool.map(assess_blobs, [top] * workers, parts, [models] * workers):
            found.update(part)
    return found


def chart_history(path: str | os.PathLike, models: list, since: dt.date | None = None,
                  workers: int | None = None, cache: dict | None = None, on_disk: bool = True) -> HistoryTable:
    """The history table of the chart file at ``path``.

    ``cache`` (blob -> states) is read and filled; ``on_disk`` also reads and fills
    the repository's cache in its git folder (see :mod:`.history_cache`).
    """
    top, relpath = locate(path)
    revs = revisions(top, relpath, since)
    if not revs:
        raise GitError(f"{path}: git knows no commit of this file (is it committed?)")
    cache = {} if cache is None else cache
    blobs = {r.blob: f"{r.path}@{r.short}" for r in revs if r.blob and r.blob not in cache}
    disk = _disk_cache(top, models) if on_disk and blobs else None
    if disk is not None:
        for blob in list(blobs):
            states = disk.get(blob)
            if states is not None:
                cache[blob] = states
                del blobs[blob]
    fresh = assess_all_blobs(top, list(blobs.items()), models, workers or default_workers())
    cache.update(fresh)
    if disk is not None:
        disk.put_all(fresh.items())
        disk.save()
    return build_table(relpath, ((r, cache[r.blob] if r.blob else f"{r.path}@{r.short}: the commit deletes the file")
                                 for r in revs))


def _disk_cache(top: Path, models: list) -> DiskCache | None:
    """The repository's cache of verdicts, or None when git does not say where its folder is."""
    try:
        git_dir = Path(_git(top, "rev-parse", "--git-common-dir").decode().strip())
    except GitError:
        return None
    return DiskCache(cache_folder(top / git_dir), models, Limits.from_env())


def default_workers() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)

