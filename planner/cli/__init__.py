"""The ``planner`` command line: thin commands over the core, one module each."""

from __future__ import annotations

import os
import sys

from .app import cli  # commands are loaded on first use: see COMMAND_MODULES in app.py


def main() -> None:
    """Console entry point: run the command, then exit without tearing down the heap.

    Freeing the objects of a 100,000-element chart at interpreter exit takes about
    half a second and serves no purpose in a process that is ending; output is
    flushed first, so nothing is lost.
    """
    try:
        cli.main(prog_name="planner")
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


__all__ = ["cli", "main"]
