"""The ``planner`` command line: thin commands over the core, one module each."""

from __future__ import annotations

import contextlib
import os
import sys

from .app import cli, internal_error  # commands are loaded on first use: see COMMAND_MODULES in app.py


def main() -> None:
    """Console entry point: run the command, then exit without tearing down the heap.

    Freeing the objects of a 100,000-element chart at interpreter exit takes about
    half a second and serves no purpose in a process that is ending; output is
    flushed first, so nothing is lost.
    """
    try:
        code = _run()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe (planner ... | head): nothing more to say
                stream.flush()
    os._exit(code)


def _run() -> int:
    """The command's exit code; anything escaping click itself is still one line, never a traceback."""
    try:
        cli.main(prog_name="planner")
        return 0
    except SystemExit as exc:
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except KeyboardInterrupt:
        print("planner: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001  (last resort: raised outside a command, in click's own machinery)
        try:
            internal_error(exc)
        except SystemExit as stop:
            return int(stop.code or 0)
        return 2


__all__ = ["cli", "main"]
