"""Reading many revisions of one chart quickly: unchanged sections are not validated again.

Consecutive revisions of a chart differ in a few elements, yet validating a whole
2,000-element chart costs as much as parsing it. :class:`RevisionReader` keeps
the validated sections of the last valid revision and reuses a section whose
parsed data is equal (``==`` on the parsed lists, a C-speed comparison). A chart
has no validation across sections (references are checked by the integrity pass,
which always runs), so a section validated on its own is what validating the
whole chart makes of it.

Anything unusual takes the ordinary road, :func:`~planner.store.charts.parse_chart`:
a screening problem, YAML the fast parser refuses, a value past a limit, another
version, an unknown section, a validation or integrity error. So a revision read
here gives the chart ``parse_chart`` would give, and an invalid one gets the same
located message.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..model import SECTIONS, Chart
from ..model.chart import SCHEMA_VERSION
from ..model.integrity import check_integrity
from .charts import parse_chart
from .decode import normalize_newlines
from .limits import Limits
from .screen import oversized, screen, too_many_elements
from .yaml12 import FastParseFailed, loads_fast

TOP_KEY = re.compile(r"^(?=[^\s#])", re.M)
"""Splits a chart's text before every line that starts at column 0 and is not a comment."""
ADAPTERS: dict[str, TypeAdapter[list[Any]]] = {
    name: TypeAdapter(list[cls]) for name, cls in SECTIONS.items()  # type: ignore[valid-type]  # built at run time
}
ELEMENT_ADAPTERS: dict[str, TypeAdapter[Any]] = {name: TypeAdapter(cls) for name, cls in SECTIONS.items()}
KEPT_CHUNKS = 64
"""Parsed top-level keys kept for the next revisions, least recently used dropped (a few revisions' worth)."""
HEAD_FIELDS = frozenset(Chart.model_fields) - frozenset(SECTIONS)
"""``version``, ``chart``, ``answers``, ``targets``: validated each time (they are small)."""


class RevisionReader:
    """Charts from the texts of successive revisions; one reader per sequence of revisions."""

    def __init__(self, limits: Limits | None = None):
        self.limits = limits or Limits.from_env()
        self.data: dict[str, Any] = {}
        self.sections: dict[str, list] = {}
        self.parsed: dict[str, dict] = {}
        self.last_data: dict[str, Any] | None = None
        """The parsed data of the last revision read, when it took the fast road (None otherwise)."""

    def read(self, text: str, label: str):
        """The chart, or the one-line reason there is none (first error, and how many more)."""
        self.last_data = None
        chart = self._fast(text)
        if chart is not None:
            self.last_data = self.data
            return chart
        report = parse_chart(text, label, self.limits)
        if report.ok:
            return report.chart
        errors = report.errors or report.problems
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return (errors[0].format() if errors else f"{label}: not a chart") + more

    def _fast(self, text: str) -> Chart | None:
        """The chart when nothing at all is wrong with the text; None sends it down the ordinary road."""
        screened = screen(normalize_newlines(text), self.limits)
        if screened.fatal or screened.problems:
            return None
        try:
            data = self._parse(screened.text)
        except FastParseFailed:
            return None
        if not isinstance(data, dict) or "chart" not in data or not set(data) <= set(Chart.model_fields):
            return None
        if data.get("version", SCHEMA_VERSION) != SCHEMA_VERSION or type(data.get("version", 1)) is not int:
            return None
        if (screened.walk_values and oversized(data, self.limits)) or too_many_elements(data, self.limits, SECTIONS):
            return None
        try:
            chart = self._validate(data)
        except ValidationError:
            return None
        if any(p.severity == "error" for p in check_integrity(chart)):
            return None
        self.data, self.sections = data, {name: getattr(chart, name) for name in SECTIONS}
        return chart

    def _parse(self, text: str) -> Any:
        """The text parsed one top-level key at a time, each key's text parsed once per reader.

        At the top of a chart every line at column 0 starts a key or is a comment (a
        value's continuation lines are indented), and a key's value depends on nothing
        outside its own lines except YAML anchors, which then fail to resolve and send
        the text to the whole parse. Document markers and directives go there too.
        """
        chunks = TOP_KEY.split(text)
        if chunks[0].strip(" \n") and not all(line.startswith("#") or not line.strip()
                                              for line in chunks[0].splitlines()):
            return loads_fast(text)
        data: dict[str, Any] = {}
        for chunk in chunks[1:]:
            if chunk.startswith(("---", "...", "%", "-", "?", "&", "*", "!", "[", "{")):
                return loads_fast(text)
            parsed = self.parsed.pop(chunk, None)
            if parsed is None:
                parsed = loads_fast(chunk)
                if not isinstance(parsed, dict) or len(parsed) != 1:
                    return loads_fast(text)
            self.parsed[chunk] = parsed  # most recently used last
            while len(self.parsed) > KEPT_CHUNKS:  # a long history would otherwise keep every version of a section
                del self.parsed[next(iter(self.parsed))]
            key, value = next(iter(parsed.items()))
            if key in data:
                return loads_fast(text)  # a duplicate key: the whole parse refuses it, with its reason
            data[key] = value
        return data

    def _validate(self, data: dict) -> Chart:
        """Sections equal to the last valid revision's are reused; the rest validated as ``Chart`` would."""
        head = Chart.model_validate({k: v for k, v in data.items() if k in HEAD_FIELDS})
        sections: dict[str, list[Any]] = {}
        for name in SECTIONS:
            raw = data.get(name)
            if raw is None and name not in data:
                sections[name] = []
            elif name in self.sections and name in self.data and raw == self.data[name]:
                sections[name] = self.sections[name]
            else:
                sections[name] = self._changed(name, raw)
        values: dict[str, Any] = {k: getattr(head, k) for k in HEAD_FIELDS}
        values.update(sections)
        return Chart.model_construct(**values)

    def _changed(self, name: str, raw: Any) -> list[Any]:
        """A section that changed: each element equal to the last valid revision's element of that id is reused.

        An edit touches a few elements of a section of hundreds; the elements are
        validated one by one exactly as the list would validate them (a list of
        elements has no validation of its own), so the result is the same.
        """
        old_raw, old = self.data.get(name), self.sections.get(name)
        if type(raw) is not list or type(old_raw) is not list or old is None or len(old_raw) != len(old):
            return ADAPTERS[name].validate_python(raw)
        known = {e.get("id"): (e, m) for e, m in zip(old_raw, old) if type(e) is dict}
        validate = ELEMENT_ADAPTERS[name].validate_python
        out = []
        for element in raw:
            hit = known.get(element.get("id")) if type(element) is dict else None
            out.append(hit[1] if hit is not None and hit[0] == element else validate(element))
        return out
