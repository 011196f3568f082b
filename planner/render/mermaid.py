"""Mermaid text of the views that fit GitHub's renderer: org, CoE, data, and the roadmap as a gantt.

Mermaid diagrams render inline in GitHub and GitLab Markdown, where a chart's
readers already are. GitHub refuses diagrams past 50,000 characters of text
or 500 edges, so :func:`to_mermaid` refuses above those limits with the
figures and a way out (a focused Graphviz view), instead of writing text
that shows as an error box. Node ids are synthetic (``n1``, ``n2``...); user
text reaches Mermaid only inside quoted labels with its quotes and angle
brackets written as entities.
"""

from __future__ import annotations

import datetime as dt

from ..errors import PlannerError

GITHUB_MAX_TEXT = 50_000
GITHUB_MAX_EDGES = 500
MERMAID_VIEWS = ("org", "coe", "data", "roadmap")
MAX_LABEL = 80


class MermaidTooLarge(PlannerError):
    """The diagram is past what GitHub's Mermaid renders."""


def label(text: str) -> str:
    """A quoted Mermaid label: quotes, angle brackets, ``#`` and line breaks made harmless."""
    text = " ".join(str(text).split())
    if len(text) > MAX_LABEL:
        text = text[: MAX_LABEL - 1] + "…"
    for ch, entity in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(ch, entity)
    return f'"{text}"'


class _Ids:
    def __init__(self):
        self.ids: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        return self.ids.setdefault(key, f"n{len(self.ids) + 1}")


def org_mermaid(chart) -> str:
    """Reporting lines top-down, people grouped in a subgraph per team."""
    ids, lines = _Ids(), ["flowchart TD"]
    members: dict[str | None, list] = {}
    for person in chart.people:
        members.setdefault(person.team, []).append(person)
    teams = {t.id: t.name for t in chart.teams}
    for team, people in members.items():
        if team is not None:
            lines.append(f"  subgraph {ids('team:' + team)}[{label(teams.get(team, team))}]")
        for p in people:
            text = f"{p.name} · {p.title}" if p.title else p.name
            lines.append(f"    {ids(p.id)}({label(text)})")
        if team is not None:
            lines.append("  end")
    lines += [f"  {ids(p.reports_to)} --> {ids(p.id)}" for p in chart.people if p.reports_to and p.reports_to in ids.ids]
    return "\n".join(lines) + "\n"


def coe_mermaid(chart) -> str:
    """Each CoE as a hexagon with its lead and the capabilities it delivers; value chains as thick arrows."""
    ids, lines = _Ids(), ["flowchart LR"]
    names = {e.id: e.name for section in (chart.people, chart.capabilities, chart.orgs) for e in section}
    for coe in chart.coes:
        lines.append(f"  {ids(coe.id)}{{{{{label(coe.name + ' (' + coe.scope + ')')}}}}}")
        if coe.lead:
            lines.append(f"  {ids(coe.lead)}({label(names.get(coe.lead, coe.lead))}) -- lead --- {ids(coe.id)}")
        for cap in coe.capabilities:
            lines.append(f"  {ids(coe.id)} --> {ids(cap)}[{label(names.get(cap, cap))}]")
        if coe.provider:
            lines.append(f"  {ids(coe.provider)}[/{label(names.get(coe.provider, coe.provider))}/] -. runs .-> "
                         f"{ids(coe.id)}")
    for chain in chart.chains:
        lines += [f"  {ids(a)} == {label(chain.name)} ==> {ids(b)}" for a, b in zip(chain.coes, chain.coes[1:])]
    return "\n".join(lines) + "\n"


def data_mermaid(chart) -> str:
    """Data sources as cylinders with the feeds between them; the systems holding them."""
    ids, lines = _Ids(), ["flowchart LR"]
    systems = {s.id: s.name for s in chart.systems}
    for d in chart.data:
        lines.append(f"  {ids(d.id)}[({label(d.name + ' · ' + d.kind.replace('_', ' '))})]")
    for d in chart.data:
        lines += [f"  {ids(d.id)} --> {ids(t)}" for t in d.feeds]
        if d.system:
            lines.append(f"  {ids('sys:' + d.system)}[{label(systems.get(d.system, d.system))}] -. holds .-> {ids(d.id)}")
    return "\n".join(lines) + "\n"


def roadmap_gantt(roadmap, today: dt.date | None = None) -> str:
    """The roadmap's schedule as a Mermaid gantt, a section per phase."""
    start = roadmap.constraints.start or today or dt.date.today()
    lines = ["gantt", f"  title {_plain(roadmap.model_name)}: to {_plain(roadmap.target_name)}",
             "  dateFormat YYYY-MM-DD", "  axisFormat %Y-%m-%d"]
    for phase in roadmap.phases:
        lines.append(f"  section Phase {phase.number}")
        for n, step in enumerate(s for s in roadmap.steps if s.phase == phase.number):
            begin = step.start_date or start + dt.timedelta(weeks=step.start_week)
            days = max(1, round((step.finish_week - step.start_week) * 7))
            lines.append(f"    {_plain(step.name)} :s{phase.number}x{n}, {begin.isoformat()}, {days}d")
    return "\n".join(lines) + "\n"


def _plain(text: str) -> str:
    """Gantt task names cannot be quoted: the characters Mermaid reads as syntax are dropped."""
    return " ".join(str(text).replace(":", " ").replace("#", " ").replace(";", " ").split())[:MAX_LABEL] or "-"


def to_mermaid(view: str, chart=None, roadmap=None) -> str:
    """The Mermaid text of ``view``; :class:`MermaidTooLarge` past GitHub's limits."""
    if view not in MERMAID_VIEWS:
        raise PlannerError(f"--format mermaid draws {', '.join(MERMAID_VIEWS)}; the {view} view needs Graphviz "
                           f"(write .svg, .png or .pdf)")
    text = {"org": org_mermaid, "coe": coe_mermaid, "data": data_mermaid}[view](chart) if view != "roadmap" \
        else roadmap_gantt(roadmap)
    edges = sum(text.count(arrow) for arrow in ("-->", "---", ".->", "==>"))
    if len(text) > GITHUB_MAX_TEXT or edges > GITHUB_MAX_EDGES:
        raise MermaidTooLarge(f"the {view} view is {len(text):,} characters with {edges} edges; GitHub's Mermaid "
                              f"draws at most {GITHUB_MAX_TEXT:,} characters and {GITHUB_MAX_EDGES} edges: draw it "
                              f"with Graphviz (-o FILE.svg), or narrow it with --focus or --only there")
    return text
