"""How long each script run takes on the server, for load tests: with $TRACKER_RUN_LOG set,
one line per run ("unix time, seconds, page") is appended to that file."""

from __future__ import annotations

import os
import time
from contextlib import contextmanager


@contextmanager
def timed_run(page: str):
    path = os.environ.get("TRACKER_RUN_LOG")
    started = time.perf_counter()
    try:
        yield
    finally:
        if path:
            seconds = time.perf_counter() - started
            with open(path, "a", encoding="utf-8") as log:  # one short line: appends don't mix
                log.write(f"{time.time():.3f} {seconds:.4f} {page}\n")
