"""Input limits, and reading a file within them: refused before any work starts.

A chart, model or catalog file is read only when it is a regular file (a FIFO
would block, ``/dev/zero`` never ends) no bigger than the size limit; its
content then meets the limits of :mod:`planner.store.screen` (nesting depth,
length of a value, digits of a number, element count) before it is parsed
further. Every limit has a default that a real chart never reaches and an
environment variable to change it:

=====================  ===============================  ==========================
limit                  default                          environment variable
=====================  ===============================  ==========================
file size              200 MB (209,715,200 bytes)       ``PLANNER_MAX_FILE_SIZE``
nesting depth          64 levels                        ``PLANNER_MAX_DEPTH``
one text value         100,000 characters               ``PLANNER_MAX_STRING``
one integer            30 digits                        ``PLANNER_MAX_INT_DIGITS``
elements               1,000,000                        ``PLANNER_MAX_ELEMENTS``
=====================  ===============================  ==========================

Sizes take a unit: ``500MB``, ``2GB``, ``800KB`` or plain bytes (powers of 1024).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, fields

from ..errors import FileAccessError, LimitError, NotRegularFileError, PlannerError

ENV = {
    "max_file_size": "PLANNER_MAX_FILE_SIZE",
    "max_depth": "PLANNER_MAX_DEPTH",
    "max_string": "PLANNER_MAX_STRING",
    "max_int_digits": "PLANNER_MAX_INT_DIGITS",
    "max_elements": "PLANNER_MAX_ELEMENTS",
}
"""Limit -> the environment variable that sets it."""

_UNITS = {"": 1, "B": 1, "KB": 1024, "K": 1024, "MB": 1024 ** 2, "M": 1024 ** 2, "GB": 1024 ** 3, "G": 1024 ** 3}
_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([KMG]?B?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    """What one input file may hold; see the module docstring for the defaults and why."""

    max_file_size: int = 200 * 1024 ** 2
    max_depth: int = 64
    max_string: int = 100_000
    max_int_digits: int = 30
    max_elements: int = 1_000_000

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, overridden by the ``PLANNER_MAX_*`` variables that are set."""
        env: Mapping[str, str] = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = env.get(ENV[f.name], "").strip()
            if raw:
                values[f.name] = parse_size(raw, ENV[f.name]) if f.name == "max_file_size" else _count(raw, ENV[f.name])
        return cls(**values)


def parse_size(text: str, what: str = "size") -> int:
    """``200MB`` -> 209715200; a clear error for anything else."""
    match = _SIZE.match(text)
    if not match:
        raise PlannerError(f"{what}: {text!r} is not a size like 200MB, 2GB or 5000000")
    return int(float(match.group(1)) * _UNITS[match.group(2).upper()])


def _count(text: str, what: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise PlannerError(f"{what}: {text!r} is not a positive whole number")
    return int(text)


def read_bytes(path: str | os.PathLike, limits: Limits | None = None) -> bytes:
    """The bytes of a regular file within the size limit; a clear :class:`FileAccessError` otherwise.

    The file is opened without blocking (a FIFO would wait for a writer
    forever), checked with ``fstat`` on the open descriptor (no race with a
    rename), and read no further than the limit, so a file that grows while
    being read, or a ``/proc`` file claiming size 0, cannot exhaust memory.
    """
    limit = (limits or Limits.from_env()).max_file_size
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise FileAccessError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise FileAccessError(name, "is a folder, not a chart file") from exc
    except OSError as exc:
        raise FileAccessError(name, exc.strerror or str(exc)) from exc
    try:
        info = os.fstat(fd)
        _check_kind(name, info.st_mode)
        if info.st_size > limit:
            raise _too_big(name, f"is {info.st_size:,} bytes, over", limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 24, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_big(name, "grew while being read past", limit)
    except OSError as exc:
        raise FileAccessError(name, exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)


def _check_kind(name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise FileAccessError(name, "is a folder, not a chart file")
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(name, f"is a {kind_of(mode)}, not a regular file; only regular files are read")


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, word in ((stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return word
    return "special file"


def _too_big(name: str, what: str, limit: int) -> LimitError:
    return LimitError(name, f"{what} the limit of {limit:,} bytes for one file "
                            f"(raise it with {ENV['max_file_size']}=SIZE or --max-file-size)")


__all__ = ["ENV", "Limits", "kind_of", "parse_size", "read_bytes"]
