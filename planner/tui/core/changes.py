"""What changed since the last save, recorded by object identity for the comment-preserving save.

:func:`planner.store.roundtrip.save_preserving` rewrites only the top-level
elements that changed and copies every other line of the file as it was. For
each changed element it needs the section, the id the element had in the file
(None for one added since) and the id it has now (None for one removed). A
rename changes the id, and an undo may put back an object whose id was reused,
so the record keys on the object itself (``id(obj)``), never on its id. The
chart's metadata and the answers are whole blocks: a flag each.

The :class:`~.session.Session` owns one :class:`ChangeRecord`; the commands
reach it through the session's ``touch``, ``inserting`` and ``removing``.
"""

from __future__ import annotations

from ...model import SECTIONS, Chart, Element
from ...store.roundtrip import Change

SECTION_OF_KIND = {cls.KIND: section for section, cls in SECTIONS.items()}
"""The chart section holding each top-level kind (``person`` -> ``people``)."""


class ChangeRecord:
    """Which top-level elements were touched since the last save, and the chart's and answers' flags."""

    def __init__(self) -> None:
        self._origin: dict[int, tuple[str, str | None]] = {}
        """By object identity: (section, the id in the file, None when added since the save)."""
        self._objects: dict[int, Element] = {}
        """The objects behind :attr:`_origin`, kept alive so that their identity stays theirs."""
        self.chart_touched = False
        self.answers_touched = False

    def remember(self, top: Element, origin: str | None = "") -> None:
        """Record ``top`` as about to change; ``origin`` None: it is new (not in the file), "" its id now.

        Only the first call counts: the id in the file is the one before every edit.
        """
        key = id(top)
        if key not in self._origin:
            self._origin[key] = (SECTION_OF_KIND[top.KIND], top.id if origin == "" else origin)
            self._objects[key] = top

    def changes(self, chart: Chart) -> list[Change]:
        """What changed in ``chart`` since the last save; an element added and removed again is not listed."""
        present: dict[str, set[int]] = {}
        result: list[Change] = []
        for key, (section, origin) in self._origin.items():
            if section not in present:
                present[section] = set(map(id, getattr(chart, section)))
            now = self._objects[key].id if key in present[section] else None
            if origin is not None or now is not None:
                result.append(Change(section, origin, now))
        if self.chart_touched:
            result += [Change("version"), Change("chart")]
        if self.answers_touched:
            result.append(Change("answers"))
        return result

    def clear(self) -> None:
        """The chart was saved: what is in the file now is the base of the next record."""
        self._origin.clear()
        self._objects.clear()
        self.chart_touched = self.answers_touched = False
