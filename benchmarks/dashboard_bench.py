"""The map page in a real browser at 1,000, 10,000 and 100,000 claims: ours against the naive
approach (one folium Marker per claim, the whole map rebuilt at every step:
benchmarks/served/naive_map.py, a page of its own served by a second server).

For each size a seeded synthetic store (claims uniform over 2025, points inside Ukraine) is
written with `Store.insert_claims`, `streamlit run app.py` serves it on 127.0.0.1, and
headless Chromium (Playwright) measures:

- first load: navigation until the map shows the claims (ours: the canvas layer reports
  claims drawn for the date; naive: markers in the st_folium iframe), and for ours also until
  the control areas of the date are drawn (`cold`: the first page of a fresh server, caches
  empty; `warm`: three more fresh browser contexts on the same server, `ours` being the one
  with the median first load and `ours_warm_samples` all three; naive: its server warmed by
  one visit to another date first, as ours had served its own pages);
- slider step: one ArrowLeft on the as-of slider until the map shows the new date (ours: the
  claims redrawn, then the control areas; naive: the marker pane changed);
- payload: bytes received by the page (HTTP response bodies as sent + WebSocket frames) from
  navigation until nothing more has arrived for 1.5 s; `step_payload_mb` the same for a step.

Prints one JSON object. Bounded: each wait has a timeout (reported as null with the reason)
and a watchdog ends the run (printing what it has) after --budget seconds (default 900).

Usage: python benchmarks/dashboard_bench.py [--sizes 1000,10000,100000] [--budget 900]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.dashboard import local_server  # noqa: E402

# CHROMIUM_ARGS, WARM_SERVE, stop_dashboard: also for the other dashboard benchmarks.
from tracker.dashboard.local_server import CHROMIUM_ARGS, WARM_SERVE, stop_dashboard  # noqa: E402, F401
from tracker.model import Action, Claim, Side, Status  # noqa: E402
from tracker.store import Store  # noqa: E402

# What is measured: the repository's app.py, run where its .streamlit/ is (as the browser
# tests serve it); WARM_SERVE is what `make run` starts.
STREAMLIT_RUN = local_server.streamlit_run(ROOT / "app.py")
start_dashboard = partial(local_server.start_dashboard, command=STREAMLIT_RUN, cwd=ROOT)

CHROMIUM = "/usr/bin/chromium"
OURS = "iframe[title='tracker.dashboard.map_component.claims_map']"
NAIVE = "iframe[title='streamlit_folium.st_folium']"
NAIVE_APP = ("-m", "streamlit", "run", str(ROOT / "benchmarks" / "served" / "naive_map.py"))
START = date(2025, 1, 1)
DAYS = 365
LAST = START + timedelta(days=DAYS - 1)
WAIT_MS = 60_000

RESULTS: dict = {
    "benchmark": "dashboard map page, ours vs naive (one Marker per claim, map rebuilt per step)",
    "machine": {"python": platform.python_version(), "platform": platform.platform()},
    "targets_at_100k": {"first_load_s": 3.0, "slider_step_s": 1.0, "payload_mb": 5.0},
    "sizes": {},
}
_SERVERS: list[subprocess.Popen] = []


def synthetic_claims(n: int, seed: int = 5) -> list[Claim]:
    import shapely

    from tracker.control import ukraine_outline

    outline = ukraine_outline()
    shapely.prepare(outline)
    rng = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    out: list[Claim] = []
    while len(out) < n:
        lat, lon = rng.uniform(44.4, 52.4), rng.uniform(22.1, 40.2)
        if not shapely.contains_xy(outline, lon, lat):
            continue
        i = len(out)
        out.append(
            Claim(
                id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                event_date=START + timedelta(days=rng.randrange(DAYS)),
                name=f"Place {i % 5000}",
                lat=round(lat, 5),
                lon=round(lon, 5),
                side=Side.RU if rng.random() < 0.5 else Side.UA,
                action=rng.choice(list(Action)),
                claimant=rng.choice(["Russian MoD", "Ukrainian General Staff", "ISW"]),
                status=rng.choice(list(Status)),
                source_name="synthetic",
                source_url=f"https://example.org/{i}",
                quote="Forces advanced near the settlement, according to the statement.",
                created_by="bench",
                created_at=now,
                updated_at=now,
            )
        )
    return out


def start_server(
    db_url: str, data_dir: Path, env: dict | None = None, **options
) -> tuple[subprocess.Popen, str]:
    process, base = start_dashboard(
        {"TRACKER_DB": db_url, "TRACKER_DATA_DIR": str(data_dir), **(env or {})}, **options
    )
    _SERVERS.append(process)
    return process, base


SIGNATURE_JS = """e => {
    const clusters = Array.from(e.querySelectorAll('.marker-cluster span'))
        .map(s => s.textContent).join(',');
    return e.children.length + '|' + clusters;
}"""


def marker_signature(frame) -> str:
    return frame.locator(".leaflet-marker-pane").first.evaluate(SIGNATURE_JS)


class Traffic:
    """Bytes a page receives: HTTP response bodies (as sent, i.e. compressed when gzipped)
    and WebSocket frames; `mark()` starts a new tally."""

    def __init__(self, page) -> None:
        self.requests: list = []
        self.ws = 0
        self.last = time.perf_counter()
        page.on("requestfinished", self._request)
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _request(self, request) -> None:
        self.requests.append(request)
        self.last = time.perf_counter()

    def _frame(self, payload) -> None:
        self.ws += len(payload)
        self.last = time.perf_counter()

    def mark(self) -> None:
        self.requests, self.ws = [], 0

    def megabytes(self) -> float:
        http = 0
        for request in self.requests:
            with contextlib.suppress(Exception):
                http += request.sizes()["responseBodySize"]
        return round((http + self.ws) / 1e6, 3)

    def settle(self, page, quiet_s: float = 1.5, limit_s: float = 30) -> None:
        """Wait until nothing has arrived for `quiet_s` (lazy chunks, late files)."""
        deadline = time.perf_counter() + limit_s
        while time.perf_counter() < deadline and time.perf_counter() - self.last < quiet_s:
            page.wait_for_timeout(100)


def wait_until(predicate, timeout_s: float, page) -> float | None:
    """Seconds until `predicate()` holds (None on timeout); exceptions count as not yet."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout_s:
        with contextlib.suppress(Exception):
            if predicate():
                return time.perf_counter() - t0
        page.wait_for_timeout(20)
    return None


def _ours_state(frame) -> dict:
    return frame.locator("body").evaluate(
        """b => ({state: b.dataset.state || '', control: b.dataset.control || '',
                 drawn: +((document.querySelector('.claims-status') || {dataset: {}})
                          .dataset.drawn || 0),
                 shown: +((document.querySelector('.claims-status') || {dataset: {}})
                          .dataset.shown || 0)})"""
    )


def measure_ours(browser, base: str, query: str) -> dict:
    """One fresh context on our map: first load (claims drawn; control areas drawn),
    the bytes of the whole page once it has settled, then one slider step."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    traffic = Traffic(page)
    out: dict = {}
    try:
        frame = page.frame_locator(OURS)
        t0 = time.perf_counter()
        page.goto(f"{base}/?{query}", wait_until="commit")
        # Streamlit's own start (its JavaScript, the session, the script reaching its first
        # element): the floor under any map on this page.
        if (
            wait_until(lambda: page.locator("h1").first.is_visible(), WAIT_MS / 1000, page)
            is not None
        ):
            out["page_title_s"] = round(time.perf_counter() - t0, 2)
        loaded = wait_until(lambda: _ours_state(frame)["drawn"] > 0, WAIT_MS / 1000, page)
        if loaded is None:
            out["error"] = f"claims not drawn within {WAIT_MS // 1000} s"
            return out
        out["first_load_s"] = round(time.perf_counter() - t0, 2)
        if wait_until(lambda: _ours_state(frame)["control"], WAIT_MS / 1000, page) is not None:
            out["first_load_with_control_s"] = round(time.perf_counter() - t0, 2)
        traffic.settle(page)
        out["payload_mb"] = traffic.megabytes()
        before = _ours_state(frame)
        out["claims_shown"] = before["shown"]

        traffic.mark()
        thumb = page.get_by_role("slider").first
        thumb.focus()
        t0 = time.perf_counter()
        thumb.press("ArrowLeft")
        step = wait_until(
            lambda: _ours_state(frame)["state"] != before["state"], WAIT_MS / 1000, page
        )
        if step is None:
            out["error"] = f"claims not redrawn within {WAIT_MS // 1000} s of the step"
            return out
        out["slider_step_s"] = round(time.perf_counter() - t0, 2)
        if (
            wait_until(
                lambda: _ours_state(frame)["control"] != before["control"], WAIT_MS / 1000, page
            )
            is not None
        ):
            out["slider_step_with_control_s"] = round(time.perf_counter() - t0, 2)
        traffic.settle(page, quiet_s=1.0)
        out["step_payload_mb"] = traffic.megabytes()
    finally:
        context.close()
    return out


def measure_naive(browser, base: str, query: str) -> dict:
    """One fresh context on the naive map: first load, payload of that load, one step."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    traffic = Traffic(page)
    out: dict = {}
    try:
        frame = page.frame_locator(NAIVE)
        t0 = time.perf_counter()
        page.goto(f"{base}/?{query}", wait_until="commit")
        try:
            frame.locator(".leaflet-marker-pane > *").first.wait_for(
                state="attached", timeout=WAIT_MS
            )
            out["first_load_s"] = round(time.perf_counter() - t0, 2)
        except Exception:
            out["error"] = f"map not visible within {WAIT_MS // 1000} s"
            return out
        traffic.settle(page)
        out["payload_mb"] = traffic.megabytes()
        out["markers_in_dom"] = frame.locator(".leaflet-marker-pane > *").count()

        before = marker_signature(frame)
        traffic.mark()
        thumb = page.get_by_role("slider").first
        thumb.focus()
        t0 = time.perf_counter()
        thumb.press("ArrowLeft")
        step = wait_until(
            lambda: marker_signature(page.frame_locator(NAIVE)) not in ("", before),
            WAIT_MS / 1000,
            page,
        )
        if step is None:
            out["error"] = f"map not updated within {WAIT_MS // 1000} s of the step"
            return out
        out["slider_step_s"] = round(time.perf_counter() - t0, 2)
        traffic.settle(page, quiet_s=1.0)
        out["step_payload_mb"] = traffic.megabytes()
    finally:
        context.close()
    return out


def warm_naive(browser, base: str, query: str) -> None:
    """One unmeasured visit (another date: the measured one's claims are not cached)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{base}/?{query}", wait_until="commit")
        with contextlib.suppress(Exception):
            page.frame_locator(NAIVE).locator(".leaflet-container").first.wait_for(
                state="attached", timeout=WAIT_MS
            )
    finally:
        context.close()


WARM_SAMPLES = 3


def run_size(n: int, workdir: Path, browser) -> dict:
    path = workdir / f"claims_{n}.db"
    url = f"sqlite:///{path}"
    t0 = time.perf_counter()
    with Store(url) as store:
        store.insert_claims(synthetic_claims(n), by="bench")
    result: dict = {"store_build_s": round(time.perf_counter() - t0, 1)}
    process, base = start_server(url, workdir / f"data_{n}")
    try:
        query = f"as_of={LAST.isoformat()}"
        result["ours_cold"] = measure_ours(browser, base, query)
        print(f"{n} ours (cold server): {result['ours_cold']}", file=sys.stderr, flush=True)
        # Warm: three fresh contexts; `ours` is the one with the median first load.
        samples = [measure_ours(browser, base, query) for _ in range(WARM_SAMPLES)]
        result["ours_warm_samples"] = samples
        loaded = sorted(
            (s for s in samples if s.get("first_load_s") is not None),
            key=lambda s: s["first_load_s"],
        )
        result["ours"] = loaded[len(loaded) // 2] if loaded else samples[0]
        print(f"{n} ours (warm, {len(samples)} samples): {samples}", file=sys.stderr, flush=True)
    finally:
        stop_dashboard(process)
    process, base = start_server(url, workdir / f"data_{n}", command=NAIVE_APP)
    try:
        warm_naive(browser, base, f"as_of={START.isoformat()}")
        result["naive"] = measure_naive(browser, base, query)
    finally:
        stop_dashboard(process)
    return result


def emit() -> None:
    print(json.dumps(RESULTS, indent=2), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--budget", type=float, default=900.0, help="seconds before giving up")
    args = parser.parse_args()

    def watchdog() -> None:
        RESULTS["stopped"] = f"time budget of {args.budget:.0f} s reached"
        for process in _SERVERS:
            process.kill()
        emit()
        os._exit(3)

    timer = threading.Timer(args.budget, watchdog)
    timer.daemon = True
    timer.start()

    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="dashboard-bench-") as scratch,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for n in (int(s) for s in args.sizes.split(",")):
                RESULTS["sizes"][str(n)] = run_size(n, Path(scratch), browser)
                print(f"{n}: {RESULTS['sizes'][str(n)]}", file=sys.stderr, flush=True)
        finally:
            browser.close()
    timer.cancel()
    RESULTS["total_s"] = round(time.perf_counter() - started, 1)
    emit()


if __name__ == "__main__":
    main()
