"""Helpers shared by the benchmarks: cached synthetic charts and a timer."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from planner.store.emit import emit  # noqa: E402
from planner.synthetic import synthetic_chart_data  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"


def synthetic_path(elements: int, seed: int = 7) -> Path:
    """A YAML file holding the synthetic chart of ``elements`` elements (generated once)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"synthetic-{elements}-{seed}.yaml"
    if not path.exists():
        path.write_text(emit(synthetic_chart_data(elements, seed)), encoding="utf-8")
    return path


@contextmanager
def timed(results: dict, name: str):
    """Record the wall time of the block in ``results[name]`` (seconds)."""
    start = time.perf_counter()
    yield
    results[name] = time.perf_counter() - start


def report(title: str, rows: list[tuple[str, str]]) -> None:
    """Print a benchmark's figures as an aligned two-column table."""
    print(f"\n## {title}")
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
