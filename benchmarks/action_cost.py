"""CPU cost of one map action, split between the server and the browser.

One browser session (headless Chromium via Playwright, as in `load_test.py`) on a seeded
10,000-claim store, no writers: after the first load it repeats each action `--repeats`
times (a filter is switched on and off again), waiting until the page shows the result and
then `--think` seconds, and reads the CPU time (utime + stime from /proc) of the streamlit
process and of every browser process (Chromium's renderer, GPU, utility and browser
processes, and the Playwright driver) before and after. Per action: median response time,
server CPU seconds, browser CPU seconds, and the browser's per-process split.

Why: `load_test.py` runs 20 browsers and the server on the same two cores, so its response
times are as much the load generator's as the server's; these figures say how much CPU each
side spends per action, which bounds what two cores can serve.

Prints one JSON object. Usage: python benchmarks/action_cost.py [--claims 10000]
       [--repeats 12] [--think 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load_test import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    Tally,
    _descendants,
    _ticks,
    act,
    build_store,
    expectation,
    open_map,
    prepare,
    settled,
    start_dashboard,
    stop_dashboard,
)

ACTIONS = ("slider_step", "side_filter_on", "text_filter_on")


def _process_kind(pid: int) -> str:
    try:
        # Chromium rewrites its children's command lines into one space-separated string.
        argv = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ").split()
    except OSError:
        return "gone"
    if "node" in Path(argv[0]).name:
        return "playwright driver"
    kind = next((re.sub("^--type=", "", a) for a in argv if a.startswith("--type=")), None)
    return f"chromium {kind}" if kind else "chromium browser"


async def measure(base: str, server_pid: int, args) -> dict:
    from playwright.async_api import async_playwright

    hz = os.sysconf("SC_CLK_TCK")
    out: dict = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = await browser.new_context(viewport={"width": 1400, "height": 1000})
        page = await context.new_page()
        snap = await open_map(page, base, 0, Tally())
        if snap is None:
            raise RuntimeError("the map did not load")
        await asyncio.sleep(3)
        for action in ACTIONS:
            # A filter is switched on and back off: both inputs are timed and counted.
            steps = [action] if action == "slider_step" else [action, action[: -len("on")] + "off"]
            pids = _descendants(os.getpid()) - {server_pid}
            before_ticks = {pid: _ticks(pid) or 0 for pid in pids}
            server_before = _ticks(server_pid) or 0
            times = []
            for _ in range(args.repeats):
                for kind in steps:
                    expect = expectation(kind, snap)
                    await prepare(page, kind)
                    started = time.perf_counter()
                    await act(page, kind)
                    snap = await settled(page, expect)
                    times.append(time.perf_counter() - started)
                    await asyncio.sleep(args.think)
            n = len(times)
            server = ((_ticks(server_pid) or 0) - server_before) / hz / n
            split: dict[str, float] = {}
            for pid in pids:
                ticks = _ticks(pid)
                if ticks is not None:
                    kind = _process_kind(pid)
                    split[kind] = split.get(kind, 0.0) + (ticks - before_ticks[pid]) / hz / n
            out[action] = {
                "inputs": n,
                "median_response_s": round(statistics.median(times), 3),
                "server_cpu_s_per_input": round(server, 3),
                "browser_cpu_s_per_input": round(sum(split.values()), 3),
                "browser_split_cpu_s": {k: round(v, 3) for k, v in sorted(split.items())},
            }
        await browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=12)
    parser.add_argument("--think", type=float, default=1.0)
    args = parser.parse_args()
    result: dict = {
        "benchmark": "CPU per map action: server and browser",
        "settings": {"claims": args.claims, "repeats": args.repeats, "think_s": args.think},
        "machine": {"cores": os.cpu_count(), "loadavg_before": os.getloadavg()},
    }
    with tempfile.TemporaryDirectory(prefix="action-cost-") as scratch:
        url = f"sqlite:///{Path(scratch) / 'claims.db'}"
        build_store(url, args.claims)
        process, base = start_dashboard(
            {"TRACKER_DB": url, "TRACKER_DATA_DIR": str(Path(scratch) / "data")}
        )
        try:
            result["actions"] = asyncio.run(measure(base, process.pid, args))
        finally:
            stop_dashboard(process)
    result["machine"]["loadavg_after"] = os.getloadavg()
    print(json.dumps(result, indent=2), flush=True)


if __name__ == "__main__":
    main()
