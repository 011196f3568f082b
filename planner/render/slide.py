"""Does a diagram fit a slide? Measured on the SVG that Graphviz wrote.

The rule (docs/render.md): on a 16:9 slide 1920 px wide, the picture is between
1:1 and 3:1 (wider than tall, not a ribbon) and its smallest text is at least
11 px high. Graphviz's SVG gives the picture's size in points and every text's
``font-size`` in the same units, so the smallest label on the slide is
``smallest font-size x 1920 / width``. Pure: it reads the SVG text, runs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SLIDE_PX = 1920
MIN_LABEL_PX = 11.0
MIN_ASPECT, MAX_ASPECT = 1.0, 3.0

_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_FONT = re.compile(r'font-size="([\d.]+)"')


@dataclass(frozen=True)
class Fit:
    """A diagram's size (points) and its smallest text (points), and what they make on a slide."""

    width: float
    height: float
    smallest: float

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0

    @property
    def label_px(self) -> float:
        """Height of the smallest text when the picture is shown 1920 px wide."""
        return self.smallest * SLIDE_PX / self.width if self.width else 0.0

    @property
    def ok(self) -> bool:
        return MIN_ASPECT <= self.aspect <= MAX_ASPECT and self.label_px >= MIN_LABEL_PX

    @property
    def within_reach(self) -> bool:
        """Close enough to the rule that moving the legend might make it fit: a picture whose text is
        under two thirds of the least, or far off the aspect, is not rescued by a legend's width."""
        return (self.label_px >= MIN_LABEL_PX * 2 / 3
                and MIN_ASPECT * 2 / 3 <= self.aspect <= MAX_ASPECT * 1.5)

    def describe(self) -> str:
        """``1957 x 986 pt, 1.98:1, smallest text 8.8 px at 1920 px wide``."""
        return (f"{self.width:,.0f} x {self.height:,.0f} pt, {self.aspect:.2f}:1, "
                f"smallest text {self.label_px:.1f} px at {SLIDE_PX} px wide")

    def why_not(self) -> str:
        """What breaks the rule, in words ('' when it fits)."""
        reasons = []
        if self.aspect < MIN_ASPECT:
            reasons.append("taller than wide")
        elif self.aspect > MAX_ASPECT:
            reasons.append(f"a strip more than {MAX_ASPECT:g} times as wide as tall")
        if self.label_px < MIN_LABEL_PX:
            reasons.append(f"text under {MIN_LABEL_PX:g} px high")
        return " and ".join(reasons)


def measure(svg: str | bytes) -> Fit | None:
    """The :class:`Fit` of Graphviz SVG output, or None when it is not Graphviz SVG."""
    head = svg if isinstance(svg, str) else svg.decode("utf-8", "replace")
    found = _SIZE.search(head)
    if found is None:
        return None
    sizes = [float(s) for s in _FONT.findall(head)]
    return Fit(float(found[1]), float(found[2]), min(sizes) if sizes else 0.0)


def better(a: Fit, b: Fit) -> Fit:
    """The one that fits; else the one with the larger smallest text."""
    if a.ok != b.ok:
        return a if a.ok else b
    return a if a.label_px >= b.label_px else b


def title_alone(dot_text: str) -> str:
    """The graph of ``dot_text`` without its nodes and edges: its title block (and legend) alone.

    Laid out, it measures the band the title takes; see :func:`without_note`.
    """
    kept = [line for line in dot_text.splitlines() if line.startswith(("  graph [", "  node [", "  edge ["))]
    return "digraph G {\n" + "\n".join(kept) + "\n}\n"


def without_note(noted: Fit, title_plain: Fit, title_noted: Fit) -> Fit | None:
    """The fit of a picture from that of the same picture with a footnote under its legend, or None
    when it cannot be told without laying it out again.

    Graphviz lays the body out alone and puts the title band above it: when the body
    is wider than the title band with the note, and the note brings no smaller text,
    the picture without the note is as wide, as small in its text, and shorter by
    the difference between the two title bands (``title_*``: :func:`title_alone` laid out).
    """
    if noted.width <= title_noted.width or title_noted.smallest != title_plain.smallest:
        return None
    return Fit(noted.width, noted.height - (title_noted.height - title_plain.height), noted.smallest)
