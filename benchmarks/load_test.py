"""Load test: concurrent browser sessions on the map page of a 10,000-claim store while
writers add claims; response times, errors, and whether every written claim is there.

Method. A seeded synthetic store (`dashboard_bench.synthetic_claims`) is served by
app.py on 127.0.0.1 (through benchmarks/served/timed_app.py;
`tracker/dashboard/local_server.start_dashboard`). One
headless Chromium runs N browser contexts concurrently (Playwright's async API). Each opens
the map page, waits until the map shows its claims, then repeats a fixed cycle of actions
with a pause (`--think`) between them until `--seconds` have passed:

    slider step (ArrowLeft on the as-of slider: one day back), Side filter RU on,
    slider step, Side filter off, slider step, Text filter "Place 7" on, slider step,
    Text filter off.

Meanwhile `--writers` separate processes, each with its own `Store`, add one claim every
`--write-interval` seconds through `Store.add_claim` (the path the claim form uses) and keep
the ids they got back; afterwards a fresh `Store` looks each id up with `get_claim`.

"Updated" means the user sees the new state in both places at once: the server's count line
("N claims, FIRST → DATE", written by the rerun that the input caused) and the map's own
status (the claims layer redrawn in the browser from the payload the rerun named) agree on
the count, and
- for a slider step, both show the expected new date;
- for a filter, the map's data digest differs from the one before the input and the count
  differs from the count before (RU-only vs all, "Place 7" vs all are far apart).
The response time runs from just before the input (key press, option click, Enter) until
that holds, polled in the page every 50 ms. For slider steps the time until the control
areas of the new date are drawn (fetched by the map after the claims) is reported apart.

Errors, by kind: `pageerror` (uncaught JS exceptions in the page), `exception_block`
(Streamlit's exception element on the page), `map_error` (the map's own error state),
`timeout` (no update within 30 s), `http` (responses >= 400 or failed requests to the
dashboard's origin), `console_error` (console errors from the dashboard's origin), `action`
(Playwright could not perform the input), `session_crash`. Not counted: the map's tiles (from
the internet, which this machine can't reach), the 404s of the map polling for control areas
not yet written (`control_area_polls_404`), and requests the browser itself cancelled
(net::ERR_ABORTED, e.g. on a reload: `requests_aborted_by_the_browser`). After an error the
session reloads the page, as a user would, and goes on.

Server share: the server runs app.py through benchmarks/served/timed_app.py, which appends each
script run's duration to a file; `server_runs` gives the map page's runs during the actions
phase (p50/p95), the server's part of a response.

CPU: the streamlit process, the browser side (Chromium and the Playwright driver: every
process under this one but the server and the writers), the whole machine and what is left
for others are sampled every 2 s from /proc (percent of one core).

Prints one JSON object.

Usage: python benchmarks/load_test.py [--sessions 20] [--claims 10000] [--seconds 60]
       [--writers 2] [--write-interval 0.5] [--think 1.0] [--db URL]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dashboard_bench import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    LAST,
    OURS,
    START,
    start_dashboard,
    stop_dashboard,
    synthetic_claims,
)

ACTION_TIMEOUT_MS = 30_000
LOAD_TIMEOUT_MS = 180_000
CYCLE = (
    "slider_step",
    "side_filter_on",
    "slider_step",
    "side_filter_off",
    "slider_step",
    "text_filter_on",
    "slider_step",
    "text_filter_off",
)
TEXT_QUERY = "Place 7"
# The map asks for a date's control areas before the server has written them and takes a 404
# as "not yet" (claims_map.js fetchWhenReady): such 404s are polls, not failures.
CONTROL_FILES = "map_files/control-"

# What the page shows: the server's count line and the map's status (the map's iframe is
# served from the same origin, so the page can read it).
SNAPSHOT_JS = """() => {
  const out = {total: null, lineDate: null, state: null, shown: null, asOf: null,
               control: null, exceptions: 0, mapError: null};
  for (const el of document.querySelectorAll('[data-testid="stMarkdownContainer"]')) {
    const m = /^([\\d,]+) claims, \\S+ \\u2192 (\\d{4}-\\d{2}-\\d{2})/.exec(el.innerText.trim());
    if (m) { out.total = +m[1].replace(/,/g, ''); out.lineDate = m[2]; break; }
  }
  const blocks = document.querySelectorAll('[data-testid="stException"]');
  out.exceptions = blocks.length;
  if (blocks.length) out.exceptionText = blocks[0].innerText.slice(0, 400);
  const frame = document.querySelector("IFRAME");
  const doc = frame && frame.contentDocument;
  if (doc && doc.body) {
    out.state = doc.body.dataset.state || null;
    out.control = doc.body.dataset.control || null;
    const status = doc.querySelector('.claims-status');
    if (status) {
      if (status.dataset.shown) out.shown = +status.dataset.shown;
      out.asOf = status.dataset.asOf || null;
      if (status.classList.contains('error')) out.mapError = status.textContent;
    }
  }
  return out;
}""".replace("IFRAME", OURS.replace('"', '\\"'))

# wait_for_function predicates: the snapshot once the condition holds (or a failure shows).
SETTLED_JS = f"""(e) => {{
  const s = ({SNAPSHOT_JS})();
  if (s.exceptions || s.mapError) return s;
  const agree = s.total !== null && s.shown === s.total && s.asOf === s.lineDate;
  if (!agree) return false;
  if (e.kind === 'load') return s;
  if (e.kind === 'date') return s.asOf === e.date ? s : false;
  if (e.kind === 'filter') return (s.state !== e.state && s.total !== e.total) ? s : false;
  if (e.kind === 'control') return (s.control && s.control !== e.control) ? s : false;
  return false;
}}"""


# -- writers ------------------------------------------------------------------------------------


def write_claims(url: str, seconds: float, interval: float, seed: int, queue) -> None:
    """One writer process: add a claim every `interval` s for `seconds`; report the ids."""
    from tracker.store import Store

    rng = random.Random(seed)
    ids: list[str] = []
    failures: list[str] = []
    latencies: list[float] = []
    attempted = 0
    with Store(url) as store:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t0 = time.perf_counter()
            attempted += 1
            fields = {
                "event_date": (START + timedelta(days=rng.randrange((LAST - START).days))),
                "name": f"Writer {seed} hamlet {attempted}",
                "lat": round(rng.uniform(47.5, 50.0), 5),
                "lon": round(rng.uniform(31.0, 36.5), 5),
                "side": rng.choice(["RU", "UA"]),
                "action": rng.choice(["advance", "capture", "attack"]),
                "claimant": "Load writer",
                "source_url": f"https://example.org/load/{seed}/{attempted}",
                "quote": "Written during the load test.",
            }
            try:
                ids.append(store.add_claim(fields, by=f"load-writer-{seed}").id)
            except Exception as exc:  # reported, not raised: a failed write is a result
                failures.append(f"{type(exc).__name__}: {exc}"[:300])
            latencies.append(time.perf_counter() - t0)
            time.sleep(max(0.0, interval - (time.perf_counter() - t0)))
    queue.put(
        {
            "seed": seed,
            "attempted": attempted,
            "ids": ids,
            "failures": failures,
            "latencies": latencies,
        }
    )


# -- CPU sampling -------------------------------------------------------------------------------


def _ticks(pid: int) -> int | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])  # utime + stime


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _descendants(pid: int) -> set[int]:
    tree, out, todo = _children(), set(), [pid]
    while todo:
        for child in tree.get(todo.pop(), []):
            out.add(child)
            todo.append(child)
    return out


def _machine() -> tuple[int, int]:
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(values) - values[3] - values[4], sum(values)  # busy, total


class CpuSampler(threading.Thread):
    """Percent of one core used by the server, the browser and the whole machine."""

    def __init__(self, server_pid: int, exclude: set[int], every: float = 2.0) -> None:
        super().__init__(daemon=True)
        self.server_pid, self.exclude, self.every = server_pid, exclude, every
        self.samples: dict[str, list[float]] = {"server": [], "browser": [], "machine": []}
        self.series: list[list[float]] = []  # [s, server %, browser %, machine %, loadavg]
        self.began = time.monotonic()
        self.stop = threading.Event()
        self.hz = os.sysconf("SC_CLK_TCK")
        self.cores = os.cpu_count() or 1

    def _browser_ticks(self) -> int:
        pids = _descendants(os.getpid()) - self.exclude - {self.server_pid}
        return sum(t for t in map(_ticks, pids) if t is not None)

    def run(self) -> None:
        last = (time.monotonic(), _ticks(self.server_pid) or 0, self._browser_ticks(), _machine())
        while not self.stop.wait(self.every):
            now = (
                time.monotonic(),
                _ticks(self.server_pid) or 0,
                self._browser_ticks(),
                _machine(),
            )
            wall = now[0] - last[0]
            self.samples["server"].append(100 * (now[1] - last[1]) / self.hz / wall)
            # Browser processes that exit between samples make the difference negative.
            self.samples["browser"].append(max(0.0, 100 * (now[2] - last[2]) / self.hz / wall))
            busy, total = now[3][0] - last[3][0], now[3][1] - last[3][1]
            self.samples["machine"].append(100 * self.cores * busy / max(total, 1))
            self.series.append(
                [round(now[0] - self.began)]
                + [round(self.samples[k][-1]) for k in ("server", "browser", "machine")]
                + [round(os.getloadavg()[0], 1)]
            )
            last = now

    def summary(self) -> dict:
        out: dict = {
            name: {
                "mean_pct_of_one_core": round(statistics.fmean(values), 1) if values else None,
                "max_pct_of_one_core": round(max(values), 1) if values else None,
            }
            for name, values in self.samples.items()
        }
        rest = [m - a - b for a, b, m in zip(*self.samples.values(), strict=True)]
        out["others_on_the_machine"] = {
            "mean_pct_of_one_core": round(statistics.fmean(rest), 1) if rest else None
        }
        out["series_s_server_browser_machine_loadavg"] = self.series
        return out


# -- browser sessions ---------------------------------------------------------------------------


class Tally:
    """Response times per action type and errors by kind, shared by all sessions."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.examples: dict[str, list[str]] = {}
        self.actions = 0
        self.control_polls = 0
        self.aborted = 0
        self.loaded = 0  # sessions past their first load (or its failure)

    def time(self, kind: str, seconds: float) -> None:
        self.times.setdefault(kind, []).append(seconds)

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1
        examples = self.examples.setdefault(kind, [])
        if len(examples) < 5:
            examples.append(detail[:300])


def percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def pick(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 3)

    return {"n": len(ordered), "p50_s": pick(0.5), "p95_s": pick(0.95), "max_s": pick(1.0)}


def watch(page, base: str, tally: Tally) -> None:
    """Count page errors, console errors and HTTP failures of the dashboard's origin."""
    page.on("pageerror", lambda exc: tally.error("pageerror", str(exc)))

    def console(message) -> None:
        url = (message.location or {}).get("url", "")
        if message.type != "error" or not url.startswith(base):
            return
        if CONTROL_FILES in url and "404" in message.text:
            return  # the browser's log line of a control-file poll (see response())
        tally.error("console_error", f"{message.text} ({url})")

    def response(resp) -> None:
        if not resp.url.startswith(base) or resp.status < 400:
            return
        if resp.status == 404 and CONTROL_FILES in resp.url:
            tally.control_polls += 1  # the map's "not written yet" poll, by design
        else:
            tally.error("http", f"{resp.status} {resp.url}")

    def failed(request) -> None:
        if not request.url.startswith(base):
            return
        if "ERR_ABORTED" in (request.failure or ""):
            tally.aborted += 1  # cancelled by the browser (a reload, a superseded fetch)
        else:
            tally.error("http", f"failed {request.url}: {request.failure}")

    page.on("console", console)
    page.on("response", response)
    page.on("requestfailed", failed)


async def settled(page, expect: dict, timeout_ms: int = ACTION_TIMEOUT_MS) -> dict:
    handle = await page.wait_for_function(SETTLED_JS, arg=expect, polling=50, timeout=timeout_ms)
    return await handle.json_value()


async def act(page, kind: str) -> None:
    """Perform the input of one action (the clock starts just before the call)."""
    if kind == "slider_step":
        await page.get_by_role("slider").first.press("ArrowLeft")
    elif kind == "side_filter_on":
        await page.get_by_role("option", name="RU", exact=True).click()
        await page.keyboard.press("Escape")
    elif kind == "side_filter_off":
        await page.keyboard.press("Backspace")
        await page.keyboard.press("Escape")
    elif kind == "text_filter_on":
        await page.get_by_label("Place or text", exact=True).fill(TEXT_QUERY)
        await page.keyboard.press("Enter")
    elif kind == "text_filter_off":
        await page.get_by_label("Place or text", exact=True).fill("")
        await page.keyboard.press("Enter")


async def prepare(page, kind: str) -> None:
    """What a user does before the input that counts (opening the Side dropdown)."""
    if kind in ("side_filter_on", "side_filter_off"):
        await page.get_by_label("Side", exact=True).click()


def expectation(kind: str, before: dict) -> dict:
    """What SETTLED_JS waits for after the input `kind`, given the snapshot before it."""
    if kind == "slider_step":
        day = date.fromisoformat(before["asOf"]) - timedelta(days=1)
        return {"kind": "date", "date": day.isoformat()}
    return {"kind": "filter", "state": before["state"], "total": before["total"]}


def failure(snap: dict) -> tuple[str, str] | None:
    """(error kind, text) when the page shows an exception or the map its error state."""
    if snap.get("exceptions"):
        return "exception_block", snap.get("exceptionText") or ""
    if snap.get("mapError"):
        return "map_error", snap["mapError"]
    return None


async def open_map(page, base: str, k: int, tally: Tally, reload: bool = False) -> dict | None:
    """Open (or reload) the map page until it shows its claims without an error: the clean
    snapshot, or None after three tries. Each failure is counted."""
    for _ in range(3):
        try:
            if reload:
                await page.reload(wait_until="commit", timeout=LOAD_TIMEOUT_MS)
            else:
                await page.goto(f"{base}/", wait_until="commit", timeout=LOAD_TIMEOUT_MS)
            snap = await settled(page, {"kind": "load"}, LOAD_TIMEOUT_MS)
        except Exception as exc:
            tally.error("timeout", f"session {k} loading the map: {str(exc).splitlines()[0]}")
            reload = True
            continue
        bad = failure(snap)
        if bad is None:
            return snap
        tally.error(bad[0], f"session {k} loading the map: {bad[1]}")
        reload = True
    return None


async def session(k: int, browser, base: str, tally: Tally, start: asyncio.Event, args) -> dict:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    watch(page, base, tally)
    out: dict = {"session": k, "actions": 0, "reloads": 0}
    try:
        await asyncio.sleep(args.ramp * k / max(1, args.sessions))  # users arrive over time
        t0 = time.perf_counter()
        try:
            snap = await open_map(page, base, k, tally)
        finally:
            tally.loaded += 1
        if snap is None:
            out["error"] = "the map did not load"
            return out
        out["first_load_s"] = round(time.perf_counter() - t0, 2)
        tally.time("first_load", time.perf_counter() - t0)
        print(f"session {k} loaded in {out['first_load_s']} s", file=sys.stderr, flush=True)
        await start.wait()
        await asyncio.sleep(random.Random(k).uniform(0, args.think))  # sessions out of step
        i = 0
        while time.monotonic() < args.deadline:
            kind = CYCLE[i % len(CYCLE)]
            i += 1
            before = snap
            expect = expectation(kind, before)
            try:
                await prepare(page, kind)
                t0 = time.perf_counter()
                await act(page, kind)
                snap = await settled(page, expect)
                elapsed = time.perf_counter() - t0
            except Exception as exc:
                kind_of_error = "timeout" if "Timeout" in type(exc).__name__ else "action"
                tally.error(kind_of_error, f"session {k} {kind}: {str(exc).splitlines()[0]}")
                snap = None
            else:
                bad = failure(snap)
                if bad is None:
                    tally.actions += 1
                    out["actions"] += 1
                    tally.time(kind, elapsed)
                else:
                    tally.error(bad[0], f"session {k} after {kind}: {bad[1]}")
                    snap = None
            if snap is None:  # start again from a freshly loaded page, as a user would
                out["reloads"] += 1
                snap = await open_map(page, base, k, tally, reload=True)
                if snap is None:
                    out["error"] = "the map did not load again"
                    break
                i = 0
                continue
            if kind == "slider_step":
                try:
                    await settled(page, {"kind": "control", "control": before["control"]})
                    tally.time("slider_step_control_areas", time.perf_counter() - t0)
                except Exception as exc:
                    tally.error("timeout", f"session {k} control areas: {exc}"[:300])
            await asyncio.sleep(args.think)
    except Exception as exc:  # a crashed session is a result, not the end of the run
        tally.error("session_crash", f"session {k}: {type(exc).__name__}: {exc}")
        out["error"] = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        with contextlib.suppress(Exception):
            await context.close()
    return out


async def drive(base: str, args, tally: Tally, on_start) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            start = asyncio.Event()
            tasks = [
                asyncio.create_task(session(k, browser, base, tally, start, args))
                for k in range(args.sessions)
            ]
            # Everyone loaded (or failed to), then the writers and the actions begin together.
            while not all(t.done() for t in tasks):
                if tally.loaded >= args.sessions and not start.is_set():
                    args.deadline = time.monotonic() + args.seconds
                    on_start()
                    start.set()
                await asyncio.sleep(0.2)
            return [t.result() for t in tasks]
        finally:
            await browser.close()


# -- the run ------------------------------------------------------------------------------------


def build_store(url: str, n: int) -> float:
    from tracker.store import Store

    t0 = time.perf_counter()
    with Store(url) as store:
        store.insert_claims(synthetic_claims(n), by="load-test")
    return round(time.perf_counter() - t0, 1)


# app.py with each script run timed from outside (the product carries no run log).
TIMED_APP = ("-m", "streamlit", "run", str(ROOT / "benchmarks" / "served" / "timed_app.py"))


def server_runs(log: Path, since: float) -> dict:
    """Script runs of the map page on the server during the actions phase (timed_app.py logs
    each run's duration): how much of a response is the server's."""
    seconds = []
    with contextlib.suppress(FileNotFoundError):
        for line in log.read_text(encoding="utf-8").splitlines():
            at, took, page = line.split(" ", 2)
            if float(at) >= since and page == "map_page.py":
                seconds.append(float(took))
    return {"what": "map page script runs during the actions", **percentiles(seconds)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=60.0, help="duration of the actions")
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--write-interval", type=float, default=0.5)
    parser.add_argument("--think", type=float, default=1.0, help="pause between actions (s)")
    parser.add_argument(
        "--ramp", type=float, default=20.0, help="sessions open the page spread over this (s)"
    )
    parser.add_argument("--db", help="database URL (an empty one); default: a temporary SQLite")
    args = parser.parse_args()

    result: dict = {
        "benchmark": "load: concurrent browser sessions on the map page while writers add claims",
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "loadavg_before": os.getloadavg(),
        },
        "settings": {
            "sessions": args.sessions,
            "claims": args.claims,
            "seconds": args.seconds,
            "writers": args.writers,
            "write_interval_s": args.write_interval,
            "think_s": args.think,
            "ramp_s": args.ramp,
            "cycle": list(CYCLE),
        },
    }
    with tempfile.TemporaryDirectory(prefix="load-test-") as scratch:
        url = args.db or f"sqlite:///{Path(scratch) / 'load.db'}"
        result["settings"]["backend"] = url.split(":", 1)[0]
        result["store_build_s"] = build_store(url, args.claims)
        run_log = Path(scratch) / "runs.log"
        process, base = start_dashboard(
            {
                "TRACKER_DB": url,
                "TRACKER_DATA_DIR": str(Path(scratch) / "data"),
                "TIMED_APP_LOG": str(run_log),
            },
            command=TIMED_APP,
        )
        spawn = multiprocessing.get_context("spawn")
        queue = spawn.Queue()
        writers: list = []
        sampler = CpuSampler(process.pid, exclude=set())
        tally = Tally()
        began: list[float] = []
        began_unix: list[float] = []

        def on_start() -> None:
            began.append(time.perf_counter())
            began_unix.append(time.time())
            for seed in range(args.writers):
                w = spawn.Process(
                    target=write_claims,
                    args=(url, args.seconds, args.write_interval, seed + 1, queue),
                )
                w.start()
                writers.append(w)
            sampler.exclude = {w.pid for w in writers}
            sampler.start()

        t0 = time.perf_counter()
        try:
            sessions = asyncio.run(drive(base, args, tally, on_start))
        finally:
            sampler.stop.set()
            reports = [queue.get(timeout=args.seconds + 60) for _ in writers]
            for w in writers:
                w.join(timeout=30)
            stop_dashboard(process)
        ended = time.perf_counter()

        from tracker.errors import NotFoundError
        from tracker.store import Store

        result["server_runs"] = server_runs(run_log, began_unix[0] if began_unix else 0.0)
        ids = [i for r in reports for i in r["ids"]]
        missing = []
        with Store(url) as store:
            for claim_id in ids:
                try:
                    store.get_claim(claim_id)
                except NotFoundError:
                    missing.append(claim_id)
            result["claims_at_end"] = store.count_claims()

    loads = [s["first_load_s"] for s in sessions if "first_load_s" in s]
    result["sessions"] = {
        "started": args.sessions,
        "loaded": len(loads),
        "first_load_s": percentiles(loads),
        "actions_per_session": [s["actions"] for s in sessions],
        "reloads": sum(s.get("reloads", 0) for s in sessions),
        "failed": [s for s in sessions if "error" in s],
    }
    measured = {k: v for k, v in tally.times.items() if k != "first_load"}
    overall = [t for k, v in measured.items() if k != "slider_step_control_areas" for t in v]
    result["actions"] = tally.actions
    result["response"] = {
        "overall": percentiles(overall),
        **{k: percentiles(v) for k, v in sorted(measured.items())},
    }
    result["errors"] = {"total": sum(tally.errors.values()), **tally.errors}
    result["error_examples"] = tally.examples
    result["control_area_polls_404"] = tally.control_polls
    result["requests_aborted_by_the_browser"] = tally.aborted
    result["writes"] = {
        "attempted": sum(r["attempted"] for r in reports),
        "succeeded": len(ids),
        "failed": sum(len(r["failures"]) for r in reports),
        "missing_afterwards": len(missing),
        "failure_examples": [f for r in reports for f in r["failures"]][:5],
        "write_latency": percentiles([t for r in reports for t in r["latencies"]]),
    }
    result["cpu"] = sampler.summary()
    result["machine"]["loadavg_after"] = os.getloadavg()
    result["duration_s"] = {
        "total": round(ended - t0, 1),
        "actions_phase": round(ended - began[0], 1) if began else None,
    }
    targets = {
        "p95_under_2s": bool(overall) and percentiles(overall)["p95_s"] < 2.0,
        "zero_errors": not tally.errors,
        "zero_lost_writes": not missing and not result["writes"]["failed"],
    }
    result["targets_met"] = targets
    print(json.dumps(result, indent=2), flush=True)


if __name__ == "__main__":
    main()
