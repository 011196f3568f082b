"""Atomic file replacement: a failed save leaves the old file whole.

Write to a temporary file in the same folder, fsync it, ``os.replace`` it over the
target, fsync the folder. The real path is resolved first so that a symlinked
chart stays a symlink, and the old file's mode is copied because ``mkstemp``
creates files readable by the owner only (pitfalls in ../shared/MEASURED.md).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..errors import FileAccessError


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
    mode = _mode_for(real)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileAccessError(str(path), f"cannot write in {folder}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise FileAccessError(str(path), f"save failed, the old file is unchanged: {exc.strerror or exc}") from exc
        raise
    if durable:
        _fsync_folder(folder)
    return real


def _mode_for(real: Path) -> int:
    try:
        return stat.S_IMODE(real.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    except OSError as exc:  # a path through a file, no permission to look
        raise FileAccessError(str(real), f"cannot write here: {exc.strerror or exc}") from exc


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


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
