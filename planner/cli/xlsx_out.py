"""``--format xlsx`` for the commands that print reports: the workbook goes to standard output.

``assess``, ``roadmap`` and ``diff`` already use ``-o`` for a diagram, so the
workbook takes the shell's redirection (``planner assess --format xlsx >
assessment.xlsx``), and is refused on a terminal, where it would only be noise.
"""

from __future__ import annotations

import sys

from ..errors import PlannerError


def write_workbook_to_stdout(sheets, example: str) -> None:
    """Write the ``.xlsx`` bytes of ``sheets`` to standard output (never to a terminal)."""
    from ..store.xlsx import workbook_bytes

    stream = getattr(sys.stdout, "raw", sys.stdout)
    if stream.isatty():
        raise PlannerError(f"--format xlsx writes a binary workbook: redirect it to a file ({example})")
    data = workbook_bytes(sheets)
    stream.flush()
    out = stream.buffer
    out.write(data)
    out.flush()
