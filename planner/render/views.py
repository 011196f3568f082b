"""The view registry and :func:`to_dot`, the entry point from a chart graph to DOT text.

A :class:`View` declares what it shows (node kinds, relations, the *core* kinds
kept even without edges) and how it draws a :class:`~.scene.Scene`. ``to_dot``
builds the scene with the user's filters, aggregates it when it is too big, and
hands it to the view. Views register themselves with :func:`register`;
:data:`VIEWS` is filled when :mod:`planner.render` is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..errors import PlannerError, UnknownNameError
from ..graph import ChartGraph
from ..model import Chart, suggest
from ..perf import paused_gc
from .aggregate_scene import aggregate_scene, counted_scene
from .draw import chart_subtitle, draw_item, draw_link, finish, new_dot, title
from .legend import Legend
from .options import ASSESSED_VIEWS, DEFAULT_MAX_NODES, HeatInput, RenderOptions  # noqa: F401  (re-exported)
from .registry import Diagram, register_diagram
from .scene import Scene, check_kinds, collapse_map, focus, merge, select
from .theme import DEFAULT_THEME, Theme

Draw = Callable[[Scene, Theme, RenderOptions], str]


@dataclass(frozen=True)
class View:
    name: str
    title: str
    description: str
    kinds: frozenset[str]
    relations: frozenset[str]
    core: frozenset[str]
    draw: Draw
    rankdir: str = "TB"
    reverse: frozenset[str] = frozenset()
    """Relations drawn head -> tail (e.g. a person to the capability they answer for)."""
    group_keys: Callable[..., list[tuple[str, str]] | None] | None = None
    """Aggregation ladder override: (graph, node, data, options) -> [(key, label)...], finest first."""
    draw_aggregate: Draw | None = None
    aggregate_relations: frozenset[str] | None = None
    """Relations still drawn once the view is aggregated (None: all); the others are counted in a note."""
    focus_only: frozenset[str] = frozenset()
    """Relations drawn only in a focused view, where they do not turn into a hairball."""
    derived: Callable[[ChartGraph], Iterable[tuple]] | None = None
    """Extra edges (u, v, relation, data) the view derives from the chart, e.g. workflow starts."""
    parts: Callable[[ChartGraph], list[tuple[str, str]]] | None = None
    """(part id, label) of the slides ``--split`` draws, in chart order; None: the view is drawn whole."""
    cut: Callable[..., tuple[dict, list, str]] | None = None
    """(graph, nodes, edges, part id) -> the nodes and edges of that part, and a note saying which it is."""
    focus_on: Callable[..., tuple[dict, list, str] | None] | None = None
    """(graph, nodes, edges, id, depth) -> a view's own focus on an element it does not draw as a node
    (a workflow step in the flows view), or None for the plain neighbourhood."""


VIEWS: dict[str, View] = {}


def register(view: View) -> View:
    """Add a chart view to :data:`VIEWS` and to the registry of every diagram (:mod:`.registry`)."""
    VIEWS[view.name] = view

    def chart_dot(chart, *, theme: Theme = DEFAULT_THEME, **options) -> str:
        return to_dot(chart, view, RenderOptions(**options), theme)

    register_diagram(Diagram(view.name, view.title, chart_dot))
    return view


def get_view(name: str) -> View:
    if name not in VIEWS:
        raise UnknownNameError("view", name, sorted(VIEWS))
    return VIEWS[name]


SELECTION = ("focus", "depth", "only", "collapse", "max_nodes", "aggregate_target", "part")
"""The options that choose a scene's nodes and edges; the others only change how it is drawn."""


def build_scene(graph: ChartGraph, view: View, options: RenderOptions) -> Scene:
    """The nodes and edges ``view`` will draw under ``options`` (see :mod:`.scene`), made once per selection.

    Drawing a view again with the legend placed the other way, or with a footnote
    (as ``render`` does to fit a slide), reuses the scene kept on the graph: on a
    100,000-element chart selecting and aggregating costs far more than drawing.
    """
    key = ("scene", view, *(getattr(options, name) for name in SELECTION))
    kept = graph.memo.get(key)
    if kept is None or kept[0] is not options.heat:  # a view's grouping may read the assessment
        with paused_gc():  # selecting and grouping makes many objects and no garbage cycle
            kept = graph.memo[key] = (options.heat, _build_scene(graph, view, options))
    scene = kept[1]
    return replace(scene, notes=[options.note, *scene.notes]) if options.note else replace(scene, notes=list(scene.notes))


def _build_scene(graph: ChartGraph, view: View, options: RenderOptions) -> Scene:
    kinds = set(view.kinds)
    if options.only:
        kinds = check_kinds(options.only, view.kinds, view.name)
    extra = view.derived(graph) if view.derived else ()
    relations = set(view.relations) - (set() if options.focus else set(view.focus_only))
    if not (options.part or options.focus or options.collapse or extra):
        counted = counted_scene(graph, view, options, kinds, relations)
        if counted is not None:
            return counted
    nodes, edges = select(graph, kinds, relations, set(view.core) & kinds, extra)
    notes: list[str] = []
    if options.part is not None:
        nodes, edges, note = _cut(graph, view, nodes, edges, options.part)
        notes.append(note)
    if options.focus is not None:
        nodes, edges, note = _focus(graph, view, nodes, edges, options.focus, options.depth)
        notes.append(note)
    rep = collapse_map(graph, nodes, options.collapse) if options.collapse else {}
    if options.collapse:
        notes.append(f"{options.collapse} collapsed")
    if len(nodes) - len(rep) > options.max_nodes:  # surely too big: skip the detailed merge
        return aggregate_scene(graph, view, options, nodes, edges, rep, notes)
    items, links = merge(graph, nodes, edges, rep)
    scene = Scene(graph, items, links, notes, rep)
    if len(items) > options.max_nodes:
        scene = aggregate_scene(graph, view, options, nodes, edges, rep, notes)
    return scene


def _cut(graph, view: View, nodes: dict, edges: list, part: str) -> tuple[dict, list, str]:
    """The nodes and edges of one part of ``view`` (``--split``), or an error naming the parts."""
    if view.parts is None or view.cut is None:
        raise PlannerError(f"the {view.name} view has no parts: it is drawn whole")
    known = [p for p, _ in view.parts(graph)]
    if part not in known:
        raise UnknownNameError(f"part of the {view.name} view", part, known)
    return view.cut(graph, nodes, edges, part)


def _focus(graph, view: View, nodes: dict, edges: list, center: str, depth: int) -> tuple[dict, list, str]:
    """``--focus``: the view's own focus if it has one for this element, else the neighbourhood."""
    if depth < 0:
        raise PlannerError("--depth must be 0 or more")
    own = view.focus_on(graph, nodes, edges, center, depth) if view.focus_on and center in graph else None
    if own is not None:
        return own
    if center not in graph:
        extra = [n for n, d in graph.nodes.items() if d["kind"] == "step"] if view.focus_on else []
        raise PlannerError(f"--focus {center}: no such element in the {view.name} view"
                           f"{suggest(center, [*nodes, *extra])}")
    if center not in nodes:
        kind = graph.nodes[center]["kind"]
        raise PlannerError(f"--focus {center}: a {kind} is not shown in the {view.name} view")
    nodes, edges = focus(nodes, edges, center, depth)
    return nodes, edges, f"around {graph.nodes[center]['label']}, depth {depth}"


def draw_aggregate(scene: Scene, theme: Theme, options: RenderOptions, view: View) -> str:
    """Any view, aggregated: group nodes with counts, counted edges, no clusters."""
    dot = new_dot(theme, rankdir=view.rankdir, ranksep=0.9)
    legend = Legend()
    for item in scene.items.values():
        draw_item(dot, item, theme)
        legend.kind(item.kind)
    for link in scene.links:
        draw_link(dot, link, theme, reverse=link.relation in view.reverse)
        legend.relation(link.relation)
    legend.notes.append("Double border: a group of elements; \u00d7N: N links merged.")
    heading = title(options.title or scene.graph.name,
                    chart_subtitle(scene.graph, view.title))
    return finish(dot, theme, legend, heading, scene.notes, below=bool(options.legend_below))


def to_dot(graph: ChartGraph | Chart, view: str | View, options: RenderOptions | None = None,
           theme: Theme = DEFAULT_THEME) -> str:
    """DOT text of ``view`` of a chart, or of its :class:`~planner.graph.ChartGraph` (drawn again: kept scenes)."""
    graph = graph if isinstance(graph, ChartGraph) else ChartGraph(graph)
    chosen = view if isinstance(view, View) else get_view(view)
    options = options or RenderOptions()
    scene = build_scene(graph, chosen, options)
    if scene.aggregated:
        if chosen.draw_aggregate is not None:
            return chosen.draw_aggregate(scene, theme, options)
        return draw_aggregate(scene, theme, options, chosen)
    return chosen.draw(scene, theme, options)
