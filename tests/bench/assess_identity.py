"""Compare ``planner assess --format json`` byte for byte between two source trees.

A change meant to make the assessment faster without changing it (the work
network's algorithms, say) is checked by running the command from the tree before
and the tree after on every chart of the calibration set and the examples, on the
shipped charts and templates, and on the synthetic benchmark charts, then comparing
standard output, standard error and exit status. Broken charts count too: their located errors must not change, nor what
``--lenient`` assesses of them.

    python tests/bench/assess_identity.py --old /path/to/tree-before [--new .] [--quick]

The trees are used as they are (``python -P -m planner`` with each first on
``PYTHONPATH``, run from this checkout so paths print alike); make the old one with
``git worktree add /tmp/before <rev>``. Exit 1 when any output differs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_SIZES = (1000, 2000, 10000, 100000)


def charts(quick: bool) -> list[tuple[Path, tuple[str, ...]]]:
    """(chart, extra arguments): every chart with the built-in models, the examples with their own models too."""
    runs: list[tuple[Path, tuple[str, ...]]] = []
    for path in sorted((ROOT / "tests" / "calibration").glob("*.yaml")):
        runs.append((path, ()))
    examples = sorted((ROOT / "examples").rglob("*.yaml"))
    models = [p for p in examples if p.name in ("custom-model.yaml", "samm.yaml")]
    for path in examples:
        runs.append((path, ()))
        runs.extend((path, ("--model", str(model))) for model in models if model != path)
    for folder in (ROOT / "charts", ROOT / "planner" / "data" / "templates"):
        runs.extend((path, ()) for path in sorted(folder.glob("*.yaml")))
    cache = ROOT / "tests" / "bench" / ".cache"
    for size in BENCH_SIZES[:2] if quick else BENCH_SIZES:
        path = cache / f"synthetic-{size}-7.yaml"
        if path.exists():
            runs.append((path, ()))
    return runs


def run(tree: Path, chart: Path, extra: tuple[str, ...]) -> tuple[int, bytes, bytes, float]:
    """The command with ``tree``'s package first on the path, from this checkout (paths print alike)."""
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    where = chart.relative_to(ROOT) if chart.is_relative_to(ROOT) else chart
    done = subprocess.run([sys.executable, "-P", "-m", "planner", "assess", str(where), "--format", "json", *extra],
                          cwd=ROOT, env=env, capture_output=True, timeout=600, check=False)
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, required=True, help="the source tree before the change")
    parser.add_argument("--new", type=Path, default=ROOT, help="the source tree after (default: this one)")
    parser.add_argument("--quick", action="store_true", help="leave out the 10,000 and 100,000-element charts")
    args = parser.parse_args()
    differ = 0
    runs = charts(args.quick)
    for chart, extra in runs:
        old, new = run(args.old, chart, extra), run(args.new, chart, extra)
        if old[0] and "--lenient" not in extra:  # a chart with errors: also what is left of it
            runs.append((chart, (*extra, "--lenient")))
        same = old[:3] == new[:3]
        differ += not same
        label = chart.relative_to(ROOT) if chart.is_relative_to(ROOT) else chart
        what = " ".join((str(label), *(Path(e).name for e in extra)))
        print(f"{'same   ' if same else 'DIFFERS'} exit {old[0]}/{new[0]} {len(new[1]):>9} bytes "
              f"{old[3]:6.2f}s/{new[3]:6.2f}s  {what}", flush=True)
    print(f"{len(runs) - differ} of {len(runs)} runs identical (stdout, stderr, exit status)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
