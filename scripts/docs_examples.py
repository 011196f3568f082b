"""The command examples of README.md and docs/*.md, produced by running the commands (``make docs``).

An example is a ``console`` block right after a ``<!-- run: COMMAND -->`` comment;
its text is ``$ COMMAND`` and what the command printed (standard output and
error, as a terminal shows them). ``<!-- setup: COMMAND -->`` runs a command
without showing it (an edit the text describes in words). Commands run in
document order, through ``bash`` with the virtual environment's ``planner``
first on the PATH: from the repository root, or, in a document that says
``<!-- examples run in a scratch folder -->``, in a new empty folder (the
tutorial starts from nothing). ``--check`` changes nothing and exits 1 naming
the examples that drifted; ``tests/test_docs_examples.py`` runs it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRATCH_MARK = "<!-- examples run in a scratch folder -->"
_STEP = re.compile(r"<!-- (run|setup): (.+?) -->\n(?:```console\n(.*?)```\n)?", re.S)
TIMEOUT = 300


def documents() -> list[Path]:
    """README.md and every docs/*.md that has an example."""
    found = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return [p for p in found if "<!-- run: " in p.read_text(encoding="utf-8")]


def run(command: str, cwd: Path) -> str:
    """What ``command`` prints at a terminal 100 columns wide, trailing blanks dropped."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "100", "NO_COLOR": "1",
           "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}"
                   f"{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", f"{command} 2>&1"], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False)
    return "\n".join(line.rstrip() for line in done.stdout.rstrip("\n").splitlines())


def regenerate(text: str, cwd: Path) -> str:
    """``text`` with every example's block made from running its command."""
    out, last = [], 0
    for match in _STEP.finditer(text):
        kind, command = match.group(1), match.group(2)
        printed = run(command, cwd)
        out.append(text[last:match.start()])
        if kind == "setup":
            out.append(f"<!-- setup: {command} -->\n")
        else:
            out.append(f"<!-- run: {command} -->\n```console\n$ {command}\n{printed}\n```\n")
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def fresh(path: Path) -> tuple[str, str]:
    """(text now, text regenerated) of one document."""
    text = path.read_text(encoding="utf-8")
    if SCRATCH_MARK in text:
        with tempfile.TemporaryDirectory(prefix="planner-docs-") as scratch:
            return text, regenerate(text, Path(scratch))
    return text, regenerate(text, ROOT)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in documents():
        now, new = fresh(path)
        if now != new:
            stale.append(path.relative_to(ROOT))
            if not check:
                path.write_text(new, encoding="utf-8")
    if check and stale:
        print("stale examples (run make docs): " + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    for path in stale:
        print(f"rewrote the examples of {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
