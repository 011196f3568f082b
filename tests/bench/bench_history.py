"""Benchmark: ``planner history`` over 1,000 commits of a 2,000-element chart.

Target (issue 17): at most 30 s. The repository is built once with
``git fast-import`` (cached in tests/bench/.cache/): every commit edits the chart
(the operation or a capability renamed; every tenth commit an attested answer
added or taken back, so criteria are gained and lost), every hundredth commit breaks it (a
dangling reference, fixed by the next one) and the file is renamed once. Timed:
the first run (every distinct blob parsed and assessed, shared among the
worker processes), the same with one process, and a rerun with the blob cache
filled (nothing assessed again).

    .venv/bin/python tests/bench/bench_history.py [--commits N] [--elements N]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import time

from common import CACHE, report, synthetic_path, timed

from planner.maturity import builtin_models, load_model
from planner.store.git_history import chart_history, default_workers


def commits_stream(base: str, commits: int) -> bytes:
    """A fast-import stream of ``commits`` edits of the chart ``base``; renamed half way."""
    caps = [m.start() for m in re.finditer(r"^  - id: c\d+\n    name: Capability \d+", base, re.M)]
    out, path, text = [], "chart.yaml", base
    for i in range(commits):
        text = _edit(text, i, caps)
        content = text.replace("accountable: p", "accountable: zz", 1) if i % 100 == 99 else text
        data = content.encode("utf-8")
        out.append(b"blob\nmark :%d\ndata %d\n%s\n" % (2 * i + 1, len(data), data))
        msg = f"edit {i}".encode()
        out.append(b"commit refs/heads/main\nmark :%d\nauthor B <b@example.org> %d +0000\n"
                   b"committer B <b@example.org> %d +0000\ndata %d\n%s\n"
                   % (2 * i + 2, 1_700_000_000 + i * 3600, 1_700_000_000 + i * 3600, len(msg), msg))
        if i:
            out.append(b"from :%d\n" % (2 * i))
        if i == commits // 2:
            out.append(b"D %s\n" % path.encode())
            path = "renamed-chart.yaml"
        out.append(b"M 100644 :%d %s\n\n" % (2 * i + 1, path.encode()))
    return b"".join(out)


ANSWER = ("answers:\n  engagement.4.front-office-culture:\n    answer: yes\n"
          "    evidence: Contact centre scorecards reward resolution, reviewed monthly.\n")


def _edit(text: str, i: int, caps: list[int]) -> str:
    """Rename the operation or a capability; every tenth commit, add or remove an attested answer."""
    text = re.sub(r"(name: Capability \d+)( r\d+)?\n", lambda m: f"{m.group(1)} r{i}\n", text, count=1) \
        if i % 2 else text.replace("name: Synthetic operation", f"name: Synthetic operation r{i} of", 1)
    if i % 10 == 5:  # attest a culture answer, or take it back: criteria gained and lost
        if ANSWER in text:
            text = text.replace(ANSWER, "")
        else:
            text += ANSWER
    return text


def build_repo(commits: int, elements: int):
    repo = CACHE / f"history-{commits}-{elements}"
    if not (repo / ".git").exists():
        repo.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
        base = synthetic_path(elements).read_text(encoding="utf-8")
        subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=commits_stream(base, commits), check=True)
        subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    return repo / "renamed-chart.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--elements", type=int, default=2000)
    args = parser.parse_args()
    models = [load_model(m) for m in builtin_models()]
    results: dict[str, float] = {}
    with timed(results, "setup"):
        chart = build_repo(args.commits, args.elements)
    cache: dict = {}
    with timed(results, "parallel"):
        table = chart_history(chart, models, cache=cache)
    with timed(results, "cached"):
        chart_history(chart, models, cache=cache)
    cpu = time.process_time()
    with timed(results, "serial"):
        chart_history(chart, models, workers=1)
    results["cpu"] = time.process_time() - cpu
    rows, gaps = len(table.rows), sum(1 for r in table.rows if not r.ok)
    changes = sum(len(r.changes) for r in table.rows)
    levels = sorted({r.level("dcg") for r in table.valid_rows})
    report(f"history of {args.commits:,} commits, {args.elements:,}-element chart (target 30 s)", [
        ("repository built (cached)", f"{results['setup']:.1f} s"),
        (f"history, {default_workers()} worker(s)", f"{results['parallel']:.1f} s "
                                                   f"({results['parallel'] / max(rows, 1) * 1000:.0f} ms a commit)"),
        ("history, 1 process", f"{results['serial']:.1f} s wall, {results['cpu']:.1f} s CPU "
                               "(wall above CPU: other load on the machine)"),
        ("rerun, blob cache filled", f"{results['cached']:.2f} s"),
        ("rows / gaps / renames", f"{rows} / {gaps} / {sum(1 for r in table.rows if r.renamed_from)}"),
        ("criteria gained or lost, all steps", f"{changes}; dcg levels seen {levels}"),
    ])


if __name__ == "__main__":
    main()
