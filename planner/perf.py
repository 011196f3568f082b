"""Performance helpers shared by the core."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Parsing, validating, graphing or diffing a large chart creates millions of
    objects and no garbage cycles; the collections triggered along the way cost
    more than the work (measured on 100,000 elements: validation 1.6 s with the
    collector, 0.6 s without; build_graph 5.6 s with, 2.0 s without). Nested use
    is safe: only the outermost block turns the collector back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
