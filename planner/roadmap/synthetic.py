"""Synthetic solution catalogs of any size, for the benchmark and property tests.

Each solution closes one criterion of a five-level, six-dimension model; levels
rise with the solution's position so that, as in a real catalog, higher-level
work builds on lower-level work; prerequisites point at random earlier
solutions (so the graph is acyclic) within a window that sets how long the
chains are. ``seed`` makes the output reproducible.
"""

from __future__ import annotations

import random

from .catalog import Catalog, CatalogInfo, Option, Solution
from .model import Gap

DIMENSIONS = ("approach", "data", "programs", "culture", "systems", "service")
LEVELS = 5


def synthetic_catalog(
    count: int = 1000,
    seed: int = 11,
    window: int = 200,
    crews: tuple[float, ...] = (1, 1, 1, 2, 3),
    max_prerequisites: int = 3,
) -> tuple[Catalog, list[Gap]]:
    """A catalog of ``count`` solutions and the gaps that need every one of them."""
    rnd = random.Random(seed)
    solutions, gaps = [], []
    for i in range(count):
        level = 1 + i * LEVELS // count
        dimension = rnd.choice(DIMENSIONS)
        criterion = f"synthetic.{level}.c{i}"
        lo = max(0, i - window)
        k = min(rnd.randint(0, max_prerequisites), i - lo)
        requires = [f"s{j}" for j in sorted(rnd.sample(range(lo, i), k))]
        effort = float(rnd.randint(1, 12))
        crew = rnd.choice(crews)
        option = Option(sourcing=rnd.choice(("build", "buy", "rent", "partner")), effort=effort,
                        duration=round(effort / crew, 1), cost=float(rnd.randint(1, 40) * 5000))
        solutions.append(Solution(id=f"s{i}", name=f"Synthetic solution {i}", requires=requires,
                                  satisfies=[criterion], options=[option]))
        gaps.append(Gap(criterion, level, dimension, f"synthetic criterion {i}", (f"s{i}",)))
    return Catalog(catalog=CatalogInfo(name=f"Synthetic catalog of {count}"), solutions=solutions), gaps
