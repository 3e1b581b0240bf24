"""Building many objects at once without paying the cyclic garbage collector for it.

Loading 10,000 records or computing their 50,000 obligations allocates objects that all
stay alive (records, models, obligations: no reference cycles to free). Each collection
of the oldest generation walks the whole heap of what was already built, so with the
collector running a bulk load spends a fifth to a third of its time freeing nothing.

A short-lived process (the `collab` command) also calls `freeze_after_bulk()`: what a
bulk block built is then moved out of the collector's sight (`gc.freeze`), so that later
work, down to importing a module, does not rescan 10,000 records either. A long-lived
caller (a test run, a server) leaves it off and keeps its memory collectable.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_freeze = False


def freeze_after_bulk() -> None:
    """From now on, freeze what each bulk block built (for a short-lived process)."""
    global _freeze
    _freeze = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic GC for the block (reference counting still frees everything)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze:
            gc.freeze()
        if enabled:
            gc.enable()
