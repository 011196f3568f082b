"""What every command prints goes through here: names in a chart are user data, never terminal commands.

:func:`echo` and :func:`echo_styled` pass the text through
:func:`planner.textfmt.printable`, so an escape sequence in a name is shown,
not obeyed by the terminal; :func:`printable_streams` is the net under them for
whatever a command prints another way (click's own messages, a new command that
forgot), and :func:`real_streams` takes the net away for the editor, which
draws with escape sequences of its own.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import click

from ..textfmt import printable


def echo(text: str = "", *, err: bool = False, nl: bool = True, json: bool = False) -> None:
    """Print ``text`` made :func:`~planner.textfmt.printable` (``json``: with JSON escapes, still valid JSON)."""
    click.echo(printable(text, json=json), err=err, nl=nl)


class _Printable:
    """A text stream passing every write through :func:`printable`: the net under :func:`echo`.

    Whatever a command prints without :func:`echo` (click's own messages, a new
    command that forgot) is made printable here too; :func:`printable` leaves
    printable text unchanged, so text passing both is escaped once.
    """

    def __init__(self, raw):
        self.raw = raw

    def write(self, text):
        return self.raw.write(printable(text) if isinstance(text, str) else text)

    def __getattr__(self, name):
        return getattr(self.raw, name)


@contextmanager
def printable_streams() -> Iterator[None]:
    """Standard output and error wrapped in :class:`_Printable` while a command runs."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Printable(saved[0]), _Printable(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextmanager
def real_streams() -> Iterator[None]:
    """The terminal itself, for the editor: Textual draws with escape sequences of its own."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (getattr(s, "raw", s) for s in saved)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _raw(err: bool):
    stream = sys.stderr if err else sys.stdout
    return getattr(stream, "raw", stream)


def echo_styled(parts: Iterable[tuple[str, dict | None]], *, err: bool = False, color: bool | None = None) -> None:
    """One line of ``(text, click.style arguments)`` parts: the text is made printable, then styled.

    The only escape sequences that reach the terminal are the styles added
    here, and click drops those too when the output is not a terminal
    (``color`` forces either way).
    """
    line = "".join(click.style(printable(t), **style) if style else printable(t) for t, style in parts)
    click.echo(line, file=_raw(err), color=color)  # past the net: these escapes are ours
