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

    On the way out, what the block made is moved to the oldest generation unscanned
    (``freeze`` then ``unfreeze``): otherwise the first collection after the block
    walks every object of the chart once more (0.3 s on 100,000 elements) to find
    nothing. Garbage cycles among them are still found by a later full collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
