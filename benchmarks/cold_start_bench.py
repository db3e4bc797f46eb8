"""The map's first visitor after a server restart, at 100,000 claims (by default): with the
claims payload and the control areas prepared at start (`python -m tracker.dashboard.warm`,
what `make run` does, files beside the database keyed by its revision) against the same
server with nothing prepared (the cache folder removed), and warm visitors, same run.

Each variant starts a fresh `streamlit run` on the same seeded store (dashboard_bench's
synthetic claims); a third starts the server as `make run` now does (`python -m
tracker.dashboard.serve`: the files prepared and the process warmed before it takes
visitors). Each is measured with headless Chromium: first load until the claims are drawn,
and until the control areas of the date are drawn too (dashboard_bench.measure_ours).

A fourth, "peer", starts `tracker.dashboard.serve` from another checkout of the code
(`--peer DIR`, e.g. `git archive` of the branch point, with its Leaflet files), so the code
before and after a change are measured alternately in one run: `--variants
serve,peer,serve,peer`.

By default every visit (the first and the warm ones) is a fresh context of one Chromium; the
very first page a Chromium opens also pays the browser's own start (its processes, compiling
Streamlit's JavaScript for the first time), which no server can take off. `--fresh-browser`
launches a new Chromium for every visit, so every visitor's browser starts alike and what
remains between the first visitor and the warm ones is the server's.

Prints one JSON object. Usage: python benchmarks/cold_start_bench.py [--claims 100000]
    [--variants unprepared,prepared,serve,peer] [--warm 3] [--peer DIR] [--fresh-browser]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dashboard_bench import (
    CHROMIUM_ARGS,
    LAST,
    OURS,
    STREAMLIT_RUN,
    WAIT_MS,
    WARM_SERVE,
    _ours_state,
    start_server,
    stop_dashboard,
    synthetic_claims,
    wait_until,
)

from tracker import map_cache
from tracker.dashboard import warm
from tracker.store import Store

FIELDS = ("page_title_s", "first_load_s", "first_load_with_control_s", "claims_shown")


def measure_first_load(browser, base: str, query: str) -> dict:
    """A fresh browser context: seconds until the title shows, the claims are drawn, and the
    control areas of the date are drawn (dashboard_bench's measures, without its payload
    and step parts)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    out: dict = {}
    try:
        frame = page.frame_locator(OURS)
        t0 = time.perf_counter()
        page.goto(f"{base}/?{query}", wait_until="commit")
        if wait_until(lambda: page.locator("h1").first.is_visible(), WAIT_MS / 1000, page):
            out["page_title_s"] = round(time.perf_counter() - t0, 2)
        if wait_until(lambda: _ours_state(frame)["drawn"] > 0, WAIT_MS / 1000, page) is None:
            out["error"] = f"claims not drawn within {WAIT_MS // 1000} s"
            return out
        out["first_load_s"] = round(time.perf_counter() - t0, 2)
        if wait_until(lambda: _ours_state(frame)["control"], WAIT_MS / 1000, page) is not None:
            out["first_load_with_control_s"] = round(time.perf_counter() - t0, 2)
        out["claims_shown"] = _ours_state(frame)["shown"]
    finally:
        context.close()
    return out


def first_visit(
    browser,
    url: str,
    data_dir: Path,
    *,
    warm_visits: int = 0,
    command=STREAMLIT_RUN,
    code: Path | None = None,
) -> dict:
    """A fresh server's first visitor, then `warm_visits` more; `browser` is a Chromium or a
    function that launches one per visit. `code`: the checkout the server imports."""
    # The peer's checkout first on the path (and as the working folder: `-m` puts it first).
    env = {"PYTHONPATH": str(code)} if code is not None else {}
    process, base = start_server(url, data_dir, env, command=command, timeout=180, cwd=code)
    try:
        query = f"as_of={LAST.isoformat()}"
        visits = []
        for _ in range(1 + warm_visits):
            if callable(browser):
                with contextlib.closing(browser()) as fresh:
                    visits.append(measure_first_load(fresh, base, query))
            else:
                visits.append(measure_first_load(browser, base, query))
        visits = [{k: v for k, v in visit.items() if k in FIELDS} for visit in visits]
        return {"first": visits[0], **({"warm": visits[1:]} if warm_visits else {})}
    finally:
        stop_dashboard(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument(
        "--variants",
        default="unprepared,prepared,serve",
        help="servers to start in turn: unprepared, prepared (streamlit run), serve",
    )
    parser.add_argument("--warm", type=int, default=3, help="warm visitors after the first")
    parser.add_argument("--peer", type=Path, help="the checkout the 'peer' variant serves")
    parser.add_argument(
        "--fresh-browser", action="store_true", help="a new Chromium for every visit"
    )
    args = parser.parse_args()
    if "peer" in args.variants.split(",") and args.peer is None:
        parser.error("the peer variant needs --peer DIR")
    from playwright.sync_api import sync_playwright

    result: dict = {"claims": args.claims, "machine": platform.platform()}
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        workdir = Path(scratch)
        url = f"sqlite:///{workdir / 'claims.db'}"
        with Store(url) as store:
            store.insert_claims(synthetic_claims(args.claims), by="bench")

        def launch():
            return playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                headless=True,
                args=CHROMIUM_ARGS,
            )

        browser = launch if args.fresh_browser else launch()
        result["fresh_browser"] = args.fresh_browser
        for k, variant in enumerate(args.variants.split(",")):
            name = f"{variant}#{k + 1}"
            if variant == "unprepared":
                # Nothing prepared: the first visitor builds the payload and the control model.
                shutil.rmtree(map_cache.cache_dir(url), ignore_errors=True)
                command = STREAMLIT_RUN
            else:
                # Prepared at start (`tracker.dashboard.warm`), then a fresh server: plain
                # `streamlit run` ("prepared") or the warmed process `make run` now starts
                # ("serve": tracker.dashboard.serve).
                with Store(url) as store:
                    revision = store.history_count()
                if map_cache.load_claims(url, revision) is None:
                    t0 = time.perf_counter()
                    result["prepare"] = warm.prepare(url)
                    result["prepare_s"] = round(time.perf_counter() - t0, 2)
                command = WARM_SERVE if variant in ("serve", "peer") else STREAMLIT_RUN
            result[name] = first_visit(
                browser,
                url,
                workdir / f"data{k}",
                warm_visits=args.warm,
                command=command,
                code=args.peer if variant == "peer" else None,
            )
            print(f"{name}: {result[name]}", file=sys.stderr, flush=True)
        if not args.fresh_browser:
            browser.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
