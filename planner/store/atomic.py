"""Atomic file replacement: a failed save leaves the old file whole, and nothing behind.

Write to a temporary file in the same folder, fsync it, ``os.replace`` it over the
target, fsync the folder. The real path is resolved first so that a symlinked
chart stays a symlink, and the old file's mode (and, where allowed, owner) is
copied because ``mkstemp`` creates files readable by the owner only (pitfalls in
../shared/MEASURED.md). Before anything is written the target is checked:

- a read-only file is refused (:class:`ReadOnlyFileError`): the rename would
  succeed whenever the folder is writable, silently defeating the protection;
- anything but a regular file (a FIFO, a device) is refused;
- temporary files of our own pattern left in the folder by a killed save and
  older than :data:`STALE_AFTER` are removed, so killed saves do not pile up.

A full disk or quota is reported as :class:`DiskFullError`, by that name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from ..errors import DiskFullError, FileAccessError, NotRegularFileError, ReadOnlyFileError
from .limits import kind_of

STALE_AFTER = 24 * 3600
"""Seconds after which a temporary file of ours is a leftover of a killed save, not a save in progress."""
TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
"""Our temporary files: ``.NAME.XXXXXXXX.tmp`` (``mkstemp``'s eight random characters)."""
FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def write_atomic(path: str | os.PathLike, data: bytes, durable: bool = True) -> Path:
    """Replace ``path`` with ``data`` in one step; returns the real path written.

    ``durable=False`` skips the two fsyncs: the replace is still atomic (a reader
    sees the old file or the new one, never half of one), but a power cut may
    lose the new file. Fit for outputs that are regenerated, such as diagrams.
    """
    real = Path(os.path.realpath(path))
    folder = real.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise FileAccessError(str(path), f"cannot save: {folder} {what}")
    old = check_target(real, str(path))
    remove_stale_temporaries(folder)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as exc:
        raise failure_error(str(path), exc, f"cannot write in {folder}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        _copy_mode_and_owner(tmp, old)
        os.replace(tmp, real)
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise failure_error(str(path), exc, "save failed, the old file is unchanged") from exc
        raise
    if durable:
        _fsync_folder(folder)
    return real


def check_target(real: Path, shown: str) -> os.stat_result | None:
    """The target's status, after refusing what must not be replaced; None when it does not exist yet."""
    try:
        info = real.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:  # a path through a file, no permission to look
        raise FileAccessError(shown, f"cannot write here: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(shown, f"is a {kind_of(info.st_mode)}, not a regular file; not replaced")
    if not info.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise ReadOnlyFileError(shown, "is read-only; not replaced (save it under another name, "
                                       "or make it writable first)")
    return info


def _copy_mode_and_owner(tmp: str, old: os.stat_result | None) -> None:
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode))
    if hasattr(os, "chown") and (old.st_uid, old.st_gid) != _owner(tmp):
        # keep the owner when allowed (root, or a group we are in); else the file is ours now
        with contextlib.suppress(OSError):
            os.chown(tmp, old.st_uid, old.st_gid)


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def failure_error(shown: str, exc: OSError, what: str) -> FileAccessError:
    if exc.errno in FULL:
        return DiskFullError(shown, f"disk full ({exc.strerror or 'no space left on device'}); "
                                    f"{what.replace('save failed, ', 'not saved: ')}")
    return FileAccessError(shown, f"{what}: {exc.strerror or exc}")


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[str]:
    """Delete our temporary files in ``folder`` older than a day; returns their names.

    Only regular files matching :data:`TEMP` are touched: a save in progress is
    seconds old, and nothing of anyone else's has that name.
    """
    removed: list[str] = []
    cutoff = (now or time.time()) - STALE_AFTER
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not TEMP.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed


def _discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
