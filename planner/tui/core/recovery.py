"""The recovery file: unsaved edits written shortly after each change, offered after a crash.

Textual has no autosave (../shared/MEASURED.md), so the editor writes the
chart, patched like a save would patch it, to ``.NAME.recovery`` next to the
chart (or to the user's cache folder when that folder is read-only). Its
first line is a comment holding what is needed to resume: the chart's path,
the hash of the file the edits were made on, and the change record. A
successful save or a deliberate discard deletes it; a crash leaves it, and the
next ``planner edit`` of that chart offers it when it is newer than the chart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ...model import SECTIONS, Chart
from ...store import chart_to_text, parse_chart, write_atomic
from ...store.roundtrip import Change, patch_chart_text
from .commands import AddElement, Command, DeleteElement, Macro, SetAnswer, SetField
from .session import Session

MARK = "# planner-recovery: "


def recovery_path(chart_path: Path) -> Path:
    """Where the recovery file of ``chart_path`` lives."""
    real = Path(os.path.realpath(chart_path))
    beside = real.parent / f".{real.name}.recovery"
    if os.access(real.parent, os.W_OK):
        return beside
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "planner" / "recovery"
    digest = hashlib.sha256(str(real).encode()).hexdigest()[:16]
    return cache / f"{real.name}.{digest}.recovery"


def write_recovery(session: Session) -> Path:
    """Write the session's unsaved state; cheap for a big chart (only changed elements are emitted)."""
    changes = session.changes()
    text = None
    if session.base_text:
        try:
            text = patch_chart_text(session.base_text, session.chart, changes, verify=False)
        except Exception:  # PatchError or anything unexpected: the whole chart, canonically
            text = None
    if text is None:
        text = chart_to_text(session.chart)
    meta = {
        "path": str(session.path),
        "base_sha256": session.base_hash,
        "written": dt.datetime.now().isoformat(timespec="seconds"),
        "changes": [[c.section, c.old, c.new] for c in changes],
    }
    target = recovery_path(session.path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomic(target, (MARK + json.dumps(meta) + "\n" + text).encode("utf-8"))


def discard_recovery(chart_path: Path) -> None:
    recovery_path(chart_path).unlink(missing_ok=True)


@dataclass
class Recovery:
    """A recovery file found on open."""

    path: Path
    written: str
    base_matches: bool
    text: str
    changes: list[Change]


def find_recovery(chart_path: Path) -> Recovery | None:
    """The recovery file of ``chart_path`` if one is there and newer than the chart."""
    path = recovery_path(chart_path)
    try:
        raw = path.read_text(encoding="utf-8")
        if chart_path.exists() and path.stat().st_mtime < chart_path.stat().st_mtime:
            return None
        head, _, text = raw.partition("\n")
        meta = json.loads(head.removeprefix(MARK))
    except (OSError, ValueError):
        return None
    current = chart_path.read_bytes() if chart_path.exists() else None
    digest = hashlib.sha256(current).hexdigest() if current is not None else None
    changes = [Change(*c) for c in meta.get("changes", [])]
    return Recovery(path, meta.get("written", "?"), digest == meta.get("base_sha256"), text, changes)


def recover(session: Session, found: Recovery) -> Session:
    """``session`` (the file as it is on disk) with the recovered edits applied as one undoable edit.

    Undo takes the chart back to the file; the change record follows the edits as
    for any other, so a save rewrites only what the recovered edits touched.
    """
    report = parse_chart(found.text, str(session.path))
    if report.chart is None:
        raise ValueError("the recovery file cannot be read")
    session.apply(recovery_command(session.chart, report.chart))
    if not found.base_matches:  # edits were made on another version of the file: save canonically, to be safe
        session.base_text = None
    return session


@dataclass
class Recovered(Macro):
    """The edits found in a recovery file; steps and contracts are re-indexed after do and undo."""

    label: str = "recover unsaved edits"

    def do(self, session: Session) -> None:
        super().do(session)
        session.reindex()

    def undo(self, session: Session) -> None:
        super().undo(session)
        session.reindex()


def recovery_command(chart: Chart, recovered: Chart) -> Recovered:
    """The commands that turn ``chart`` into ``recovered``: metadata, elements matched by id, answers."""
    commands: list[Command] = [SetField(chart.chart, name, getattr(recovered.chart, name))
                               for name in type(chart.chart).model_fields
                               if getattr(chart.chart, name) != getattr(recovered.chart, name)]
    for section in SECTIONS:
        old_items, new_items = getattr(chart, section), getattr(recovered, section)
        old_by_id = {element.id: element for element in old_items}
        kept = {element.id for element in new_items}
        commands += [DeleteElement(element) for element in old_items if element.id not in kept]
        for index, element in enumerate(new_items):
            old = old_by_id.get(element.id)
            if old is None:
                commands.append(AddElement(element, None, index))
                continue
            commands += [SetField(old, name, getattr(element, name)) for name in type(element).model_fields
                         if getattr(old, name) != getattr(element, name)]
    for key in sorted(set(chart.answers) | set(recovered.answers)):
        if chart.answers.get(key) != recovered.answers.get(key):
            commands.append(SetAnswer(key, recovered.answers.get(key)))
    return Recovered(commands)
