"""app.py with each script run timed from outside, for benchmarks/load_test.py: serve this
instead of app.py (`streamlit run benchmarks/served/timed_app.py`) with $TIMED_APP_LOG set, and one
line per run ("unix time, seconds, page file") is appended to that file. The product itself
carries no such hook."""

from __future__ import annotations

import os
import runpy
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app.py"


def _page() -> str:
    """The file name of the page this run showed (e.g. map_page.py), or "?"."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        manager = get_script_run_ctx().pages_manager
        info = manager.get_pages()[manager.current_page_script_hash]
        return Path(info["script_path"]).name
    except Exception:  # another Streamlit's internals: the time is what matters
        return "?"


started = time.perf_counter()
try:
    runpy.run_path(str(APP))
finally:
    path = os.environ.get("TIMED_APP_LOG")
    if path:
        seconds = time.perf_counter() - started
        with open(path, "a", encoding="utf-8") as log:  # one short line: appends don't mix
            log.write(f"{time.time():.3f} {seconds:.4f} {_page()}\n")
