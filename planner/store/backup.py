"""Backups kept before a save rewrites a hand-written file: one per save, never overwritten.

The first backup of ``chart.yaml`` is ``chart.yaml.bak``, the next
``chart.yaml.bak.1``, then ``.bak.2``...: an older backup may hold text the user
still wants, so a new one never replaces it. The text is written to one of our
temporary files and then hard-linked to the first free name, which either
succeeds whole or fails because the name is taken (two editors saving at once
cannot both get ``.bak``); where the file system has no hard links the name is
created exclusively instead.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import stat
import tempfile
from pathlib import Path

from .atomic import failure_error, remove_stale_temporaries


def backup_name(path: str | os.PathLike, generation: int) -> Path:
    """``NAME.bak`` for generation 0, ``NAME.bak.N`` after."""
    return Path(os.fspath(path) + ".bak" + (f".{generation}" if generation else ""))


def write_backup(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` as the next backup of ``path``; returns the backup's path."""
    folder = Path(os.fspath(path)).parent
    remove_stale_temporaries(folder)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{Path(path).name}.bak.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _same_mode(tmp, path)
    except OSError as exc:
        raise failure_error(f"{path}.bak", exc, "backup not written, the file was not saved") from exc
    try:
        return _link_first_free(path, tmp, data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _same_mode(tmp: str, path: str | os.PathLike) -> None:
    """The backup is as readable as the file (``mkstemp`` makes files for the owner only)."""
    with contextlib.suppress(OSError):
        os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))


def _link_first_free(path: str | os.PathLike, tmp: str, data: bytes) -> Path:
    for generation in itertools.count():
        target = backup_name(path, generation)
        try:
            os.link(tmp, target)
            return target
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EOPNOTSUPP):
                raise failure_error(str(target), exc, "backup not written, the file was not saved") from exc
            return _create_first_free(path, generation, data)  # no hard links here
    raise AssertionError("unreachable")


def _create_first_free(path: str | os.PathLike, start: int, data: bytes) -> Path:
    for generation in itertools.count(start):
        target = backup_name(path, generation)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise failure_error(str(target), exc, "backup not written, the file was not saved") from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                os.fsync(handle.fileno())
        except OSError as exc:
            os.unlink(target)
            raise failure_error(str(target), exc, "backup not written, the file was not saved") from exc
        return target
    raise AssertionError("unreachable")


__all__ = ["backup_name", "write_backup"]
