"""Benchmark: ``planner history`` over 1,000 commits of a 2,000-element chart.

Target (issue 17): at most 30 s, cold (nothing cached). The repository is built
once with ``git fast-import`` (cached in tests/bench/.cache/). Three commits in
four change evidence the engine reads (a capability gains or loses a system, a
channel, or changes its accountable person); the fourth only renames the
operation or a capability, as edits by hand often do; every tenth commit also adds
or takes back an attested answer (criteria gained and lost), every hundredth
breaks the chart (a dangling reference, fixed by the next one), and the file is
renamed once. Timed: the cold run (every distinct content parsed and assessed,
shared among the worker processes, the cache in the git folder emptied first),
the warm run (the verdicts read back from that cache), and the cold run in one
process with its CPU time.

    .venv/bin/python tests/bench/bench_history.py [--commits N] [--elements N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import time

from common import CACHE, report, synthetic_path, timed

from planner.store.git_history import chart_history, default_workers
from planner.store.history_cache import cache_folder
from planner.store.library import builtin_models, load_model


def commits_stream(base: str, commits: int) -> bytes:
    """A fast-import stream of ``commits`` edits of the chart ``base``; renamed half way."""
    people = re.findall(r"^  - id: (p\d+)$", base, re.M)
    systems = re.findall(r"^  - id: (s\d+)$", base, re.M)
    caps = len(re.findall(r"^  - id: c\d+$", base, re.M))
    out, path, text = [], "chart.yaml", base
    for i in range(commits):
        text = _edit(text, i, caps, people, systems)
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


def _edit(text: str, i: int, caps: int, people: list[str], systems: list[str]) -> str:
    """Commit ``i``'s change: a rename (one in four), else a system, channel or accountable person of a capability."""
    k = (i * 37) % caps
    if i % 4 == 0:
        text = re.sub(r"(name: Capability \d+)( r\d+)?\n", lambda m: f"{m.group(1)} r{i}\n", text, count=1) \
            if i % 8 else text.replace("name: Synthetic operation", f"name: Synthetic operation r{i} of", 1)
    else:
        block = re.search(rf"^  - id: c{k}\n(?:    .*\n)*", text, re.M)
        assert block is not None, k
        old = block.group(0)
        if i % 4 == 1:
            new = re.sub(r"systems: \[(.*)\]", lambda m: f"systems: [{_toggle(m.group(1), systems[i % len(systems)])}]",
                         old, count=1)
        elif i % 4 == 2 and "accountable: " in old:
            new = re.sub(r"accountable: \w+", f"accountable: {people[(i * 13) % len(people)]}", old, count=1)
        else:
            new = re.sub(r"channels: \[(.*)\]", lambda m: f"channels: [{_toggle(m.group(1), 'mobile')}]", old, count=1)
        text = text[:block.start()] + new + text[block.end():]
    if i % 10 == 5:  # attest a culture answer, or take it back: criteria gained and lost
        text = text.replace(ANSWER, "") if ANSWER in text else text + ANSWER
    return text


def _toggle(items: str, word: str) -> str:
    """``a, b`` with ``word`` added at the end, or taken out if it is there."""
    words = [w for w in items.split(", ") if w]
    return ", ".join([w for w in words if w != word] if word in words else [*words, word])


def build_repo(commits: int, elements: int):
    repo = CACHE / f"history-v2-{commits}-{elements}"
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
    folder = cache_folder(chart.parent / ".git")
    shutil.rmtree(folder, ignore_errors=True)
    with timed(results, "cold"):
        table = chart_history(chart, models)
    with timed(results, "warm"):
        chart_history(chart, models)
    cpu = time.process_time()
    with timed(results, "serial"):
        chart_history(chart, models, workers=1, on_disk=False)
    results["cpu"] = time.process_time() - cpu
    rows, gaps = len(table.rows), sum(1 for r in table.rows if not r.ok)
    blobs = len({r.revision.blob for r in table.rows})
    contents = len({tuple(sorted((k, s.score, tuple(sorted(s.met))) for k, s in r.states.items()))
                    for r in table.valid_rows})
    changes = sum(len(r.changes) for r in table.rows)
    levels = sorted({r.states["dcg"].level for r in table.valid_rows if "dcg" in r.states})
    report(f"history of {args.commits:,} commits, {args.elements:,}-element chart (target 30 s, cold)", [
        ("repository built (cached)", f"{results['setup']:.1f} s"),
        (f"cold, {default_workers()} worker(s)", f"{results['cold']:.1f} s "
                                                f"({results['cold'] / max(rows, 1) * 1000:.0f} ms a commit)"),
        ("cold, 1 process", f"{results['serial']:.1f} s wall, {results['cpu']:.1f} s CPU "
                            "(wall above CPU: other load on the machine)"),
        ("warm, verdicts read from .git/planner-cache", f"{results['warm']:.2f} s"),
        ("rows / gaps / renames / distinct blobs", f"{rows} / {gaps} / "
                                                  f"{sum(1 for r in table.rows if r.renamed_from)} / {blobs}"),
        ("distinct verdicts, criteria gained or lost", f"{contents}; {changes}; dcg levels seen {levels}"),
    ])


if __name__ == "__main__":
    main()
