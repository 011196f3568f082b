"""Views, filters, aggregation, theme, legend, writing files and the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner.cli import cli
from planner.errors import PlannerError
from planner.graph import build_graph
from planner.model import Chart
from planner.render import DEFAULT_THEME, VIEWS, HeatInput, RenderOptions, build_scene, get_view, output, to_dot
from planner.store import load_chart
from planner.store.diagrams import write_diagram
from planner.store.library import builtin_models
from planner.synthetic import synthetic_chart_data


@pytest.fixture
def small(small_chart_path):
    return build_graph(load_chart(small_chart_path))


@pytest.fixture(scope="module")
def synthetic():
    return build_graph(Chart.model_validate(synthetic_chart_data(3000, seed=5)))


def test_every_view_is_registered():
    assert set(VIEWS) == {"org", "capabilities", "flows", "data", "heatmap", "scorecard", "coe", "units"}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_has_title_and_legend(small, view):
    source = to_dot(small, view)
    assert source.startswith("digraph G {")
    assert "Legend" in source
    assert "Small test operation" in source


def test_same_kind_same_style_in_every_view(small):
    person = DEFAULT_THEME.node("person")
    expected = f'shape="{person["shape"]}", style="{person["style"]}", fillcolor="{person["fillcolor"]}"'
    for view in ("org", "capabilities", "flows"):
        assert expected in to_dot(small, view)


def test_theme_override_reaches_the_output(small):
    theme = DEFAULT_THEME.override(nodes={"capability": {"fillcolor": "#123456"}}, graph={"bgcolor": "#fefefe"})
    source = to_dot(small, "capabilities", theme=theme)
    assert "#123456" in source and "#fefefe" in source
    assert "#123456" not in to_dot(small, "capabilities")


def test_capabilities_view_shows_raci_and_resources(small):
    scene = build_scene(small, get_view("capabilities"), RenderOptions())
    assert {"email", "webpub", "cy", "bob", "mkt", "agency", "esp", "cms", "subs"} <= set(scene.items)
    assert "ann" not in scene.items  # not answerable for any capability
    relations = {link.relation for link in scene.links}
    assert {"accountable", "responsible", "contributor", "uses_system", "uses_data"} <= relations


def test_focus_and_depth(small):
    view = get_view("capabilities")
    near = build_scene(small, view, RenderOptions(focus="esp", depth=1))
    assert set(near.items) == {"esp", "email"}
    wider = build_scene(small, view, RenderOptions(focus="esp", depth=2))
    assert {"cy", "mkt", "agency", "subs"} <= set(wider.items)
    assert "webpub" not in wider.items


def test_focus_errors_are_planner_errors(small):
    with pytest.raises(PlannerError, match="did you mean 'email'"):
        to_dot(small, "capabilities", RenderOptions(focus="emial"))
    with pytest.raises(PlannerError, match="not shown in the data view"):
        to_dot(small, "data", RenderOptions(focus="ann"))


def test_only_kinds(small):
    scene = build_scene(small, get_view("capabilities"), RenderOptions(only=("capability", "system")))
    assert {item.kind for item in scene.items.values()} == {"capability", "system"}
    with pytest.raises(PlannerError, match="unknown element kind"):
        to_dot(small, "capabilities", RenderOptions(only=("persons",)))
    with pytest.raises(PlannerError, match="shows only"):
        to_dot(small, "data", RenderOptions(only=("person",)))


def test_collapse_teams_counts_people(small):
    scene = build_scene(small, get_view("org"), RenderOptions(collapse="teams"))
    assert {item.kind for item in scene.items.values()} <= {"team", "coe"}
    assert scene.items["mkt"].members["person"] == 2 and scene.items["web"].members["person"] == 1


def test_collapse_coes_merges_members_and_capabilities(small):
    scene = build_scene(small, get_view("capabilities"), RenderOptions(collapse="coes"))
    assert "email" not in scene.items and "coe-mkt" in scene.items
    assert scene.items["coe-mkt"].members["capability"] == 1


def test_data_view_sets_silos_apart():
    data = synthetic_chart_data(300, seed=1)
    data["data"].append({"id": "lonely", "name": "Lonely list", "kind": "prospecting"})
    source = to_dot(build_graph(Chart.model_validate(data)), "data")
    assert "Information silos" in source and "Lonely list" in source


def test_heatmap_colors_by_level(small):
    heat = HeatInput(levels={"email": 1, "webpub": 5}, max_level=5, level_names={1: "Initial", 5: "Top"})
    source = to_dot(small, "heatmap", RenderOptions(heat=heat))
    assert "#d73027" in source and "#1a9850" in source  # level 1 red, level 5 green
    assert "Level 5 · Top" in source
    assert "not assessed" in to_dot(small, "heatmap")


def test_flows_view_puts_artifacts_on_edges(small):
    source = to_dot(small, "flows")
    assert "1. creative brief" in source and "2. email creative" in source
    assert "in: campaign plan" in source and "out: sent campaign" in source


def test_coe_view_shows_sla_and_chain(small):
    source = to_dot(small, "coe")
    assert "page publish time" in source and "No SLA defined" in source
    assert "value chain: Digital value chain" in source


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_large_views_aggregate_and_say_so(synthetic, view):
    options = RenderOptions(max_nodes=150, aggregate_target=60)
    scene = build_scene(synthetic, get_view(view), options)
    source = to_dot(synthetic, view, options)
    if scene.aggregated:
        assert len(scene.items) <= 150
        assert "Aggregated:" in source
        assert sum(item.size or 1 for item in scene.items.values()) >= len(scene.items)
    else:
        assert view in ("coe", "data", "scorecard", "units") and len(scene.items) <= 150


def test_aggregated_team_groups_hold_their_people(synthetic):
    scene = build_scene(synthetic, get_view("org"), RenderOptions(max_nodes=100, aggregate_target=40))
    assert scene.aggregated
    groups = [i for i in scene.items.values() if i.aggregate and i.kind == "team"]
    assert groups and all(g.members["person"] > 0 for g in groups)


def test_render_package_does_not_import_graphviz_or_cli():
    code = "import sys, planner.render; print(sorted(m for m in ('graphviz', 'click', 'textual') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_dot_output_needs_no_graphviz(tmp_path, small, monkeypatch):
    import graphviz

    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(["dot"])

    monkeypatch.setattr(graphviz, "pipe", missing)
    monkeypatch.setattr(graphviz, "render", missing)
    written = write_diagram(to_dot(small, "org"), tmp_path / "org.dot")
    assert written.read_text().startswith("digraph")
    with pytest.raises(output.GraphvizMissingError, match="apt-get install graphviz"):
        write_diagram(to_dot(small, "org"), tmp_path / "org.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.dot"]  # no temporary files left


def test_cli_missing_dot_is_one_line(tmp_path, runner, small_chart_path, monkeypatch):
    import graphviz

    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(["dot"])

    monkeypatch.setattr(graphviz, "pipe", missing)
    monkeypatch.setattr(graphviz, "render", missing)
    result = runner.invoke(cli, ["render", str(small_chart_path), "--view", "org", "-o", str(tmp_path / "o.png")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "install Graphviz" in lines[0]
    ok = runner.invoke(cli, ["render", str(small_chart_path), "--view", "org", "-o", str(tmp_path / "o.dot")])
    assert ok.exit_code == 0, ok.output


def test_cli_usage_errors(tmp_path, runner, small_chart_path):
    bad = runner.invoke(cli, ["render", str(small_chart_path), "--view", "org", "-o", str(tmp_path / "o.txt")])
    assert bad.exit_code == 2 and "unknown diagram format" in bad.output
    focus = runner.invoke(cli, ["render", str(small_chart_path), "--view", "org", "--focus", "nobody",
                                "-o", str(tmp_path / "o.dot")])
    assert focus.exit_code == 2 and "Traceback" not in focus.output


@pytest.mark.needs_dot
@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf"])
def test_cli_writes_each_format(tmp_path, runner, small_chart_path, suffix):
    target = tmp_path / f"caps{suffix}"
    result = runner.invoke(cli, ["render", str(small_chart_path), "--view", "capabilities", "--focus", "email",
                                 "-o", str(target)])
    assert result.exit_code == 0, result.output
    magic = {".svg": b"<?xml", ".png": b"\x89PNG", ".pdf": b"%PDF"}[suffix]
    assert target.read_bytes().startswith(magic)


@pytest.mark.needs_dot
def test_cli_heatmap_uses_the_maturity_engine(tmp_path, runner, current_path):
    target = tmp_path / "heat.dot"
    result = runner.invoke(cli, ["render", str(current_path), "--view", "heatmap", "--model", "engagement",
                                 "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "Overall: Level" in target.read_text()


def test_diff_colors_changed_is_amber():
    """Issue 6: changed elements amber, in the theme itself (not a blue that reads as 'person')."""
    from planner.render.theme import DIFF_COLORS

    red, green, blue = (int(DIFF_COLORS["changed"][i:i + 2], 16) for i in (1, 3, 5))
    assert red > green > blue and red > 180 and blue < 80
    assert DEFAULT_THEME.diff["changed"] == DIFF_COLORS["changed"]


def test_org_wrap_partitions_in_order_and_skips_small_orgs(small):
    from planner.render.org_wrap import _partition

    assert _partition(list("abcdef"), [3, 1, 1, 1, 1, 3], 2) == [list("abc"), list("def")]
    assert _partition(list("abc"), [1, 1, 1], 3) == [["a"], ["b"], ["c"]]
    assert "org-row" not in to_dot(small, "org") and "wrapped" not in to_dot(small, "org")


def test_heat_map_default_model_follows_the_builtin_order():
    from planner.render.heatmap_view import default_model

    assert default_model() == builtin_models()[0]


def test_demo_without_graphviz_writes_dot_files(tmp_path, monkeypatch):
    """A machine without `dot` still gets the whole demo, with diagrams as DOT text."""
    import graphviz
    from click.testing import CliRunner

    from planner.cli import cli

    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(("dot",))

    monkeypatch.setattr(graphviz, "pipe", missing)
    monkeypatch.setattr(graphviz, "render", missing)
    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in (tmp_path / "views").iterdir()) == [".dot"] * (2 * len(VIEWS))
    assert "writing .dot files instead" in result.stderr


def test_heatmap_with_collapsed_coes_groups_them_by_their_capabilities_area(small_chart_path):
    from planner.graph import build_graph
    from planner.render import HeatInput, RenderOptions, to_dot
    from planner.store import load_chart

    heat = HeatInput({"email": 2, "webpub": 3}, level_names={2: "Managed", 3: "Predictive"})
    text = to_dot(build_graph(load_chart(small_chart_path)), "heatmap", RenderOptions(collapse="coes", heat=heat))
    assert "Web Operations CoE" in text and "Marketing Operations CoE" in text
    assert text.count("not assessed") == 1  # the legend's entry only: both CoE cells carry a level


def test_a_legend_note_never_leaves_its_last_word_alone_on_a_line():
    """"... a thick border marks the team / lead." read as a layout slip: the line before takes the word."""
    from planner.render.legend import Legend, compact_table

    legend = Legend()
    for colour in ("#ffffff", "#eeeeee", "#dddddd"):
        legend.swatch(colour, colour)  # three entries a row: notes wrap at 72 characters
    legend.notes.append("Boxes are teams, nested as in the chart; a thick border marks the team lead.")
    legend.notes.append("A long note that wraps over more than one line of the legend because it goes on and on "
                        "and on, well past the width of one line.")
    label = compact_table(legend, DEFAULT_THEME, per_row=3)
    assert "the team lead." in label and "team<BR/>lead" not in label
    assert "<BR/>" in label.split("A long note")[1]  # a note that truly needs two lines still gets them
