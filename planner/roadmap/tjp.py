"""TaskJuggler export: the roadmap as a ``.tjp`` project that ``tj3`` schedules.

Phases become parent tasks, solutions their sub-tasks with their effort, the
team as resources (one allocation per person the crew needs, any team member
may take it), prerequisites as ``depends`` and external spend as a charge on an
account. A milestone per phase carries the level the plan expects to reach.
TaskJuggler re-schedules the work itself; our planned dates are kept in each
task's note so the two can be compared. Pure: returns the project text.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from .model import Roadmap

DEFAULT_START = dt.date(2025, 1, 6)


def tj_id(text: str, taken: set[str]) -> str:
    """A TaskJuggler identifier for ``text``: letters, digits and underscores, unique."""
    base = re.sub(r"[^A-Za-z0-9_]", "_", text) or "x"
    if not re.match(r"[A-Za-z_]", base):
        base = "s_" + base
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def tj_string(text: str) -> str:
    """A double-quoted TaskJuggler string (backslashes and quotes escaped, one line)."""
    flat = " ".join(str(text).split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _weeks(value: float) -> str:
    days = max(1, round(value * 5))
    return f"{days}d"


def to_tjp(roadmap: Roadmap, report: str | None = None) -> str:
    """The roadmap as TaskJuggler text; ``report`` names a CSV task report to add (for comparisons)."""
    start = roadmap.constraints.start or roadmap.phases[0].start_date if roadmap.phases else None
    start = start or DEFAULT_START
    horizon = max(52, math.ceil(max([roadmap.makespan] + [s.finish_week for s in roadmap.steps]) * 4) + 26)
    people = max(1, math.ceil(roadmap.constraints.capacity - 1e-9))
    lines = [
        f"project roadmap {tj_string('Roadmap: ' + roadmap.chart)} {start.isoformat()} +{horizon}w {{",
        '  timezone "UTC"',
        f"  currency {tj_string(roadmap.currency)}",
        '  timeformat "%Y-%m-%d"',
        "}",
        "",
        f"# {roadmap.model_name}: level {roadmap.current_level} ({roadmap.current_level_name}) to "
        f"{roadmap.target_name}; team of {roadmap.constraints.capacity:g}.",
        'account spend "External spend"',
        "",
        'resource team "Roadmap team" {',
    ]
    members = [f"t{i}" for i in range(1, people + 1)]
    lines += [f'  resource {m} "Team member {m[1:]}"' for m in members]
    lines += ["}", ""]
    ids: dict[str, str] = {}
    taken: set[str] = set()
    phase_ids = {p.number: tj_id(f"phase{p.number}", taken) for p in roadmap.phases}
    for step in roadmap.steps:
        ids[step.id] = f"{phase_ids.get(step.phase, 'phase1')}.{tj_id(step.id, taken)}"
    for phase in roadmap.phases:
        lines += _phase(roadmap, phase, phase_ids[phase.number], ids, members)
    if report:
        lines += ["", f'taskreport {tj_id(report, set())} {tj_string(report)} {{',
                  "  formats csv", "  columns id, start, end", "  timeformat \"%Y-%m-%d\"",
                  "  hideresource 1", "}"]
    return "\n".join(lines) + "\n"


def _phase(roadmap: Roadmap, phase, pid: str, ids: dict[str, str], members: list[str]) -> list[str]:
    lines = [f"task {pid} {tj_string(f'Phase {phase.number}')} {{"]
    steps = [s for s in roadmap.steps if s.phase == phase.number and not s.committed]
    for step in steps:
        crew = max(1, min(len(members), math.ceil(step.crew - 1e-9)))
        local = ids[step.id].split(".", 1)[1]
        lines.append(f"  task {local} {tj_string(step.name)} {{")
        lines.append(f"    effort {_weeks(step.effort)}")
        for k in range(crew):
            others = [m for m in members if m != members[k]]
            alt = f" {{ alternative {', '.join(others)} select minloaded persistent }}" if others else ""
            lines.append(f"    allocate {members[k]}{alt}")
        if step.crew < crew - 1e-9:  # a part-time crew: cap the hours per day, so the task keeps its length
            lines.append(f"    limits {{ dailymax {step.crew * 8:.1f}h }}")
        deps = [ids[a] for a in step.after + step.staged_after if a in ids and not roadmap.step(a).committed]
        if deps:
            lines.append(f"    depends {', '.join(deps)}")
        if step.cost:
            lines.append(f"    chargeset spend\n    charge {step.cost:.2f} onstart")
        planned = f"planned weeks {step.start_week:g}-{step.finish_week:g}, {step.sourcing}"
        lines.append(f"    note {tj_string(planned)}")
        lines.append("  }")
    level = next((p for p in roadmap.trajectory if p.phase == phase.number), None)
    reached = f": level {level.level} ({level.level_name})" if level else ""
    done = [ids[s.id] for s in roadmap.steps if s.id in ids and phase.number == s.phase and not s.committed]
    lines.append(f"  task done {tj_string(f'Phase {phase.number} done{reached}')} {{")
    lines.append("    milestone")
    lines.append(f"    depends {', '.join(done)}" if done else f"    start {roadmap_start(roadmap, phase)}")
    lines.append("  }")
    lines.append("}")
    return lines


def roadmap_start(roadmap: Roadmap, phase) -> str:
    return (phase.end_date or DEFAULT_START).isoformat()
