"""Start-up objects out of the cyclic garbage collector's reach.

A long-running process (an app, an extraction worker) keeps what start-up created — modules, classes,
compiled patterns, tables, ~90 000–120 000 objects — for its whole life, yet every full collection walks
them all: in a 100-invoice batch (3 pages each) each extraction worker ran one, ~55 ms (~0.4 ms per
page it extracted), and the workflow app one of ~100 ms in one run of two. Frozen, they are skipped;
everything created later is collected as before.
"""

from __future__ import annotations

import gc


def freeze_startup_objects() -> None:
    """Call once start-up is done (imports made, caches warmed). No collection first: it would cost a
    full walk (~60 ms) at every start to free the few hundred cyclic objects start-up leaves, which stay
    frozen instead."""
    gc.freeze()
