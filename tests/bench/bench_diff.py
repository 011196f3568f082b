"""Benchmark: diff two 100,000-element charts that differ in 1% of their elements.

Target (issue 6): the diff in at most 1 s beyond loading both charts, reporting
exactly the removals, additions and changes that were made. When deepdiff is
installed, it runs on the same pair of parsed documents, side by side, to show
what a generic, position-keyed diff reports instead (skip with --no-deepdiff;
it takes tens of seconds).

    .venv/bin/python tests/bench/bench_diff.py [--elements N] [--no-deepdiff]
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import time

from common import CACHE, report, synthetic_path, timed

from planner.diff import diff
from planner.model import iter_refs
from planner.store import load_chart
from planner.store.emit import emit
from planner.store.yaml12 import loads_fast


def make_changed(data: dict, referenced: set[str], share: float = 0.01, seed: int = 11) -> tuple[dict, dict]:
    """A copy of ``data`` with ``share`` of its elements removed, added or changed; and what was done.

    A quarter are removals (people nothing refers to, so the chart stays valid),
    a quarter additions (new people), half changes: a new title, a move to
    another team, or another accountable owner for a capability.
    """
    rnd = random.Random(seed)
    new = copy.deepcopy(data)
    elements = sum(1 for _ in _all_elements(data))
    budget = round(elements * share)
    people, caps = new["people"], new["capabilities"]
    teams = [t["id"] for t in new["teams"]]
    removable = [p["id"] for p in people if p["id"] not in referenced]
    removed = set(rnd.sample(removable, budget // 4))
    new["people"] = people = [p for p in people if p["id"] not in removed]
    added = {f"new{i}" for i in range(budget // 4)}
    for i, pid in enumerate(sorted(added)):
        people.append({"id": pid, "name": f"New hire {i}", "team": rnd.choice(teams),
                       "reports_to": rnd.choice(people[:1000])["id"]})
    n_changes = budget - len(removed) - len(added)
    targets = rnd.sample(people[: -len(added)], n_changes // 2) + rnd.sample(caps, n_changes - n_changes // 2)
    moves = 0
    for element in targets:
        if "area" in element:  # a capability
            element["accountable"] = rnd.choice([p["id"] for p in people[:500] if p["id"] != element["accountable"]])
            moves += 1
        elif rnd.random() < 0.5:
            element["title"] = element["title"] + " (acting)"
        else:
            element["team"] = rnd.choice([t for t in teams if t != element["team"]])
            moves += 1
    truth = {"removed": removed, "added": added, "changed": {e["id"] for e in targets}, "moves": moves}
    return new, truth


def _all_elements(data: dict):
    for items in data.values():
        if isinstance(items, list):
            for item in items:
                yield item
                yield from item.get("steps", []) + item.get("contracts", [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=100_000)
    parser.add_argument("--no-deepdiff", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    t: dict[str, float] = {}
    path_a = synthetic_path(args.elements)
    with timed(t, "load a"):
        chart_a = load_chart(path_a)
    referenced = {target for _, element in chart_a.iter_elements() for _, _, target in iter_refs(element)}
    data_a = loads_fast(path_a.read_text(encoding="utf-8"))
    data_b, truth = make_changed(data_a, referenced)
    path_b = CACHE / f"synthetic-{args.elements}-7-changed.yaml"
    path_b.write_text(emit(data_b), encoding="utf-8")
    with timed(t, "load b"):
        chart_b = load_chart(path_b)

    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = diff(chart_a, chart_b)
        runs.append(time.perf_counter() - start)
    found = {"removed": {e.id for e in result.removed}, "added": {e.id for e in result.added},
             "changed": {c.id for c in result.changed}, "moves": len(result.moves)}
    exact = found == truth
    size_a, size_b = chart_a.size(), chart_b.size()
    rows = [
        ("elements a / b", f"{size_a:,} / {size_b:,}"),
        ("made: removed / added / changed", f"{len(truth['removed'])} / {len(truth['added'])} / {len(truth['changed'])}"),
        ("load a, load b (s)", f"{t['load a']:.2f}, {t['load b']:.2f}"),
        (f"diff, median of {args.repeat} (s)", f"{statistics.median(runs):.3f} (min {min(runs):.3f}; target <= 1 s)"),
        ("ours: removed / added / changed", f"{len(found['removed'])} / {len(found['added'])} / {len(found['changed'])}"),
        ("ours: moves, relations +/-", f"{found['moves']}, +{len(result.relations_added)} -{len(result.relations_removed)}"),
        ("ours exactly what was made", "yes" if exact else "NO"),
    ]
    rows += _deepdiff_rows(data_a, data_b, args.no_deepdiff)
    report(f"diff of two {args.elements:,}-element charts, 1% changed", rows)
    if not exact:
        raise SystemExit("the diff did not report exactly the changes made")


def _deepdiff_rows(data_a: dict, data_b: dict, skip: bool) -> list[tuple[str, str]]:
    if skip:
        return [("deepdiff", "skipped (--no-deepdiff)")]
    try:
        from deepdiff import DeepDiff
    except ImportError:
        return [("deepdiff", "not installed (pip install deepdiff) - skipped")]
    start = time.perf_counter()
    dd = DeepDiff(data_a, data_b, view="tree")
    elapsed = time.perf_counter() - start
    counts = {kind: len(items) for kind, items in dd.items()}
    people_touched = {item.path(output_format="list")[1] for items in dd.values() for item in items
                      if item.path(output_format="list")[:1] == ["people"]}
    return [
        ("deepdiff, same documents (s)", f"{elapsed:.1f}"),
        ("deepdiff report", ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items()))),
        ("deepdiff: people entries reported", f"{len(people_touched):,} (by list position, not id)"),
    ]


if __name__ == "__main__":
    main()
