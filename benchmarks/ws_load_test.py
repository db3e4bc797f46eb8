"""Load test without browsers: clients that speak Streamlit's own WebSocket protocol (its
protobuf BackMsg/ForwardMsg, from the `streamlit` package) hold sessions on the map page and
replay a user's actions while writers add claims.

Method. A seeded synthetic store (`dashboard_bench.synthetic_claims`) is prepared as
`make run` does (`tracker.dashboard.warm`) and served by `streamlit run app.py` on
127.0.0.1. Each of N sessions connects to /_stcore/stream, opens the map (a rerun with the
page's query string), then repeats until `--seconds` have passed, with `--think` seconds
between actions:

    slider step (the as-of slider one day back), Side filter RU, slider step, Side filter
    cleared, open a claim (the list beside the map), slider step.

Each action sends the widget states the browser would (every widget set so far) and is timed
until the server's `script_finished` message for that run (the script run done and all its
messages sent). Every second, like a browser, each session also asks for the page's watcher
fragment (`run_every`), as an auto rerun; those are not timed. Meanwhile `--writers`
processes add one claim each every `--write-interval` seconds through `Store.add_claim` and
keep the ids; afterwards every id is looked up (lost writes). Errors: a run that did not
finish within 30 s, a closed connection, an exception element in the page, a script finished
with an error status. Server CPU: user+system seconds of the server process (/proc) over the
actions phase, as a share of one core.

Prints one JSON object. Usage:
    python benchmarks/ws_load_test.py --claims 10000 --sessions 20,50 [--seconds 60]
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
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import websockets
from dashboard_bench import LAST, start_server, synthetic_claims
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from tracker.dashboard import warm
from tracker.dashboard.local_server import stop_dashboard
from tracker.store import Store

RUN_TIMEOUT = 30.0
WIDGETS = ("slider", "multiselect", "radio", "selectbox", "text_input", "toggle", "button")
EPOCH = date(1970, 1, 1)


class Session:
    """One user's session: the widgets the page drew (by label) and their current states."""

    def __init__(self, uri: str, query: str) -> None:
        self.uri, self.query = uri, query
        self.widgets: dict[str, tuple[str, object]] = {}  # label -> (kind, proto)
        self.states: dict[str, WidgetState] = {}
        self.page_hash = ""
        self.fragment_ids: set[str] = set()
        self.errors: list[str] = []
        self.count_line = ""
        self.busy = asyncio.Lock()

    async def connect(self) -> None:
        self.ws = await websockets.connect(
            self.uri, subprotocols=["streamlit"], max_size=None, open_timeout=30
        )

    async def close(self) -> None:
        await self.ws.close()

    def _read(self, msg: ForwardMsg) -> str | None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash or self.page_hash
        elif kind == "auto_rerun":  # a `run_every` fragment: the browser reruns it on a timer
            self.fragment_ids.add(msg.auto_rerun.fragment_id)
        elif kind == "delta":
            delta = msg.delta
            if delta.WhichOneof("type") == "new_element":
                element = delta.new_element
                which = element.WhichOneof("type")
                if which == "exception":
                    self.errors.append("exception_element")
                elif (
                    which == "markdown"
                    and " claim" in element.markdown.body
                    and "→" in (element.markdown.body)
                ):
                    self.count_line = element.markdown.body
                elif which in WIDGETS:
                    widget = getattr(element, which)
                    label = getattr(widget, "label", "") or getattr(widget, "id", "")
                    self.widgets[label] = (which, widget)
        elif kind == "script_finished":
            return "finished:" + str(msg.script_finished)
        return None

    async def run(self, *, fragment_id: str = "") -> float:
        """Send a rerun with the current widget states; seconds until script_finished."""
        back = BackMsg()
        rerun = back.rerun_script
        rerun.query_string = self.query
        rerun.page_script_hash = self.page_hash
        rerun.widget_states.widgets.extend(self.states.values())
        if fragment_id:
            rerun.fragment_id = fragment_id
            rerun.is_auto_rerun = True
        async with self.busy:
            t0 = time.perf_counter()
            await self.ws.send(back.SerializeToString())
            deadline = t0 + RUN_TIMEOUT
            while True:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError("no script_finished within 30 s")
                raw = await asyncio.wait_for(self.ws.recv(), left)
                msg = ForwardMsg.FromString(raw)
                done = self._read(msg)
                if done is None:
                    continue
                status = msg.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # superseded by a newer run: wait for that one
                if status not in (
                    ForwardMsg.FINISHED_SUCCESSFULLY,
                    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
                ):
                    self.errors.append(f"script_finished status {status}")
                return time.perf_counter() - t0

    def widget(self, prefix: str):
        for label, (kind, proto) in self.widgets.items():
            if label.startswith(prefix):
                return kind, proto
        raise KeyError(f"no widget labelled {prefix!r}; have {sorted(self.widgets)}")

    def slider_back(self) -> None:
        _, proto = self.widget("As of")
        current = self.states.get(proto.id)
        # (the slider's value is in microseconds since the epoch; the page opens on its end)
        value = current.double_array_value.data[0] if current else proto.max
        value = value - 86_400_000_000 if value > proto.min else proto.max  # one day back
        state = WidgetState(id=proto.id)
        state.double_array_value.data[:] = [value]
        self.states[proto.id] = state

    def toggle(self, prefix: str, value: bool) -> None:
        _, proto = self.widget(prefix)
        state = WidgetState(id=proto.id)
        state.bool_value = value
        self.states[proto.id] = state

    def side(self, values: list[str]) -> None:
        _, proto = self.widget("Side")
        state = WidgetState(id=proto.id)
        state.string_array_value.data[:] = values
        self.states[proto.id] = state

    def open_claim(self, rng: random.Random) -> None:
        _, proto = self.widget("Claims of the view")
        options = list(proto.options)
        if len(options) > 1:
            state = WidgetState(id=proto.id)
            state.string_value = options[rng.randrange(1, min(len(options), 20))]
            self.states[proto.id] = state


ACTIONS = ("step", "side_ru", "step", "side_clear", "open_claim", "step")


async def user(
    k: int, uri: str, stop_at: float, think: float, out: dict, control: bool = True
) -> None:
    rng = random.Random(k)
    session = Session(uri, f"as_of={LAST.isoformat()}")
    try:
        await session.connect()
        t = await session.run()
        out["open"].append(t)
        if not control:  # the user switches the control areas off (untimed)
            session.toggle("Control areas", False)
            await session.run()
        watcher = asyncio.create_task(watch(session, stop_at))
        n = 0
        while time.perf_counter() < stop_at:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
            action = ACTIONS[n % len(ACTIONS)]
            n += 1
            if action == "step":
                session.slider_back()
            elif action == "side_ru":
                session.side(["RU"])
            elif action == "side_clear":
                session.side([])
            else:
                session.open_claim(rng)
            try:
                out[action].append(await session.run())
            except TimeoutError:
                out["errors"].append("timeout")
        watcher.cancel()
    except (OSError, websockets.ConnectionClosed, KeyError) as exc:
        out["errors"].append(f"{type(exc).__name__}: {exc}"[:200])
    finally:
        out["errors"].extend(session.errors)
        with contextlib.suppress(Exception):
            await session.close()


async def watch(session: Session, stop_at: float) -> None:
    """The browser's timer for the page's `run_every` fragment (auto reruns, untimed)."""
    while time.perf_counter() < stop_at:
        await asyncio.sleep(1.0)
        for fragment_id in list(session.fragment_ids):
            if not session.busy.locked():
                try:
                    await session.run(fragment_id=fragment_id)
                except Exception:
                    return


def writer(url: str, k: int, seconds: float, interval: float, queue) -> None:
    rng = random.Random(100 + k)
    ids = []
    deadline = time.monotonic() + seconds
    with Store(url) as store:
        while time.monotonic() < deadline:
            claim = store.add_claim(
                {
                    "event_date": (LAST - timedelta(days=rng.randrange(30))).isoformat(),
                    "name": f"Written {k}",
                    "lat": rng.uniform(47.5, 49.5),
                    "lon": rng.uniform(35.5, 38.5),
                    "side": rng.choice(["RU", "UA"]),
                    "action": "attack",
                    "claimant": f"Writer {k}",
                },
                by=f"writer{k}",
            )
            ids.append(claim.id)
            time.sleep(interval)
    queue.put(ids)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summary(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {
        "n": len(ordered),
        "p50_s": round(statistics.median(ordered), 3),
        "p95_s": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 3),
        "max_s": round(ordered[-1], 3),
    }


def run_load(url: str, base: str, pid: int, sessions: int, args) -> dict:
    uri = base.replace("http://", "ws://") + "/_stcore/stream"
    out: dict = {name: [] for name in (*set(ACTIONS), "open", "errors")}
    queue = multiprocessing.Queue()
    writers = [
        multiprocessing.Process(
            target=writer, args=(url, k, args.seconds, args.write_interval, queue)
        )
        for k in range(args.writers)
    ]
    cpu0, wall0 = cpu_seconds(pid), time.perf_counter()
    for w in writers:
        w.start()

    async def main() -> None:
        stop_at = time.perf_counter() + args.seconds
        await asyncio.gather(
            *(user(k, uri, stop_at, args.think, out, args.control == "on") for k in range(sessions))
        )

    asyncio.run(main())
    written = [i for _ in writers for i in queue.get(timeout=60)]
    for w in writers:
        w.join(timeout=30)
    cpu = (cpu_seconds(pid) - cpu0) / (time.perf_counter() - wall0)
    with Store(url) as store:
        lost = len(written) - len(store.existing_ids(written))
    timed = [t for name in set(ACTIONS) for t in out[name]]
    return {
        "sessions": sessions,
        "writers": args.writers,
        "actions": summary(timed),
        "per_action": {name: summary(out[name]) for name in (*sorted(set(ACTIONS)), "open")},
        "errors": len(out["errors"]),
        "error_kinds": sorted(set(out["errors"]))[:10],
        "server_cpu_cores": round(cpu, 2),
        "writes": len(written),
        "lost_writes": lost,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--sessions", default="20,50")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument(
        "--control", choices=("on", "off"), default="on", help="off: sessions hide the areas"
    )
    parser.add_argument("--write-interval", type=float, default=1.0)
    args = parser.parse_args()
    result: dict = {
        "claims": args.claims,
        "seconds": args.seconds,
        "think_s": args.think,
        "control_areas": args.control,
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count()},
        "runs": [],
    }
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'claims.db'}"
        with Store(url) as store:
            store.insert_claims(synthetic_claims(args.claims), by="bench")
        for sessions in (int(s) for s in args.sessions.split(",")):
            warm.prepare(url)
            process, base = start_server(url, Path(scratch) / f"data{sessions}")
            try:
                run = run_load(url, base, process.pid, sessions, args)
            finally:
                stop_dashboard(process)
            print(json.dumps(run), file=sys.stderr, flush=True)
            result["runs"].append(run)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
