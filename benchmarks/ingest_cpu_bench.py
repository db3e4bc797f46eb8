"""Where a bulk ingestion's CPU goes: extraction and the writer, each alone, in one process.

    python benchmarks/ingest_cpu_bench.py [--mb 10] [--warm-mb 1] [--peer DIR] [--rounds 2]
        [--pure-too]

On the generated corpus of `ingest_bench.py` (same generator, same seed): `warm` extracts
`--warm-mb` first (caches filled), then times `ingest.propose` on the rest of the corpus (what
a batch worker runs per report; the store read once per chunk of 64 where the checkout's batch
does, `ingest.StoreReading`) — MB per CPU second; the rest of a worker's work
(`prepare_cpu_s`: where the checkout's workers build part of the writer's rows,
`ingest.prepare`, that; else what the writer reads of the extraction); the hand-over (pickling
what a worker sends the writer, and unpickling it); then the writer (`ingest.queue_many` in
chunks of 64, as `tracker ingest` writes, on what it received; after the check for reports
already stored, as the batch's writer process makes it) into a fresh SQLite store — MB per CPU
second again, and all of it per MB (`total_cpu_s_per_mb`). With two processes the writer has
one core to itself, so its MB per CPU second is the most two processes can ingest, however fast
the workers extract. `--peer DIR` measures another checkout (e.g. a `git archive` of an older
commit) in the same run, alternating round by round; `--pure-too` this checkout again with
TRACKER_PURE_PYTHON=1 (its compiled builds unused, tracker/compiled.py); each run says how many
modules it took from builds, and the cycle collector's threshold it ran with (`gc_threshold`: a
checkout's batch may set its own, `tracker.sources.batch`, and this runs as its batch does).
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in a child process whose PYTHONPATH is the checkout measured.
_CHILD = """
import contextlib, gc, inspect, json, pickle, sys, tempfile, time
from datetime import date
from pathlib import Path
from tracker import ingest
from tracker.sources import batch
from tracker.sources.items import Item
from tracker.store.matching import EventIndex
from tracker.workspace import Workspace

folder, warm_mb = Path(sys.argv[1]), float(sys.argv[2])
# the cycle collector as the checkout's batch sets it in its workers and writer, if it does
if hasattr(batch, "_collector"):
    batch._collector.collect_less()
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
workspace = Workspace(str(Path(tempfile.mkdtemp()) / "bench.db"))
day = date(2025, 12, 1)
warm = 0
while texts and warm < warm_mb * 1e6:
    text = texts.pop(0)
    ingest.propose(text, published=day, workspace=workspace)
    warm += len(text.encode())
size = sum(len(t.encode()) for t in texts)
items = [Item(text=t, published=day, origin=str(n)) for n, t in enumerate(texts)]
# the store read once per chunk of 64, as the checkout's batch reads it, where it can
reading = getattr(ingest, "StoreReading", None)
cpu = time.process_time()
extractions = []
for k in range(0, len(texts), 64):
    options = {"reading": reading(workspace)} if reading else {"workspace": workspace}
    extractions += [ingest.propose(t, published=day, **options) for t in texts[k : k + 64]]
extract_cpu = time.process_time() - cpu
# the rest of what a batch worker does: where the checkout's workers build part of the
# writer's rows (`ingest.prepare`), that too; else only what the writer reads of the
# extraction (`ingest.proposals_of`, or the extraction itself)
prepare = getattr(ingest, "prepare", None)
cpu = time.process_time()
if prepare is not None:
    sent = [prepare(workspace, batch._incoming(i, ingest.proposals_of(e)))
            for i, e in zip(items, extractions)]
else:
    sent = [getattr(ingest, "proposals_of", lambda e: e)(e) for e in extractions]
prepare_cpu = time.process_time() - cpu
# pickled there and unpickled here
cpu = time.process_time()
received = [pickle.loads(pickle.dumps(s)) for s in sent]
handover_cpu = time.process_time() - cpu
index = EventIndex(workspace.store)  # (a fresh store: the warm-up wrote nothing)
cpu = time.process_time()
# the writer process skips known reports: one query per chunk where the checkout can
known_reports = getattr(workspace.store, "known_reports", None)
for k in range(0, len(items), 64):
    if known_reports is not None:
        known_reports([(i.text, i.url) for i in items[k : k + 64]])
    else:
        for item in items[k : k + 64]:
            workspace.store.knows_report(item.text, url=item.url)
# as the batch asks (where the checkout can: the corroborated claims counted, not read back)
asked = inspect.signature(ingest.queue_many).parameters
options = {"read_back": False} if "read_back" in asked else {}
bulk = getattr(workspace.store, "bulk_commits", None)  # (how the batch commits, where it can)
commits = bulk() if bulk is not None else contextlib.nullcontext()
with commits:
    for k in range(0, len(texts), 64):
        ingest.queue_many(
            workspace,
            [batch._incoming(i, e) for i, e in zip(items[k : k + 64], received[k : k + 64])],
            index=index,
            **options,
        )
writer_cpu = time.process_time() - cpu
built = [n for n, m in list(sys.modules.items())
         if n.startswith("tracker.") and not (getattr(m, "__file__", "") or "").endswith(".py")]
print(json.dumps({
    "compiled_modules": len(built),
    "gc_threshold": gc.get_threshold()[0],
    "mb": round(size / 1e6, 2),
    "claims": sum(len(e.claims) for e in extractions),
    "mentions": sum(len(e.mentions) for e in extractions),
    "extract_cpu_s": round(extract_cpu, 2),
    "extract_mb_per_cpu_s": round(size / 1e6 / extract_cpu, 3),
    "prepare_cpu_s": round(prepare_cpu, 2),
    "worker_cpu_s": round(extract_cpu + prepare_cpu, 2),
    "handover_cpu_s": round(handover_cpu, 2),
    "writer_cpu_s": round(writer_cpu, 2),
    "writer_mb_per_cpu_s": round(size / 1e6 / writer_cpu, 3),
    "total_cpu_s_per_mb": round((extract_cpu + prepare_cpu + handover_cpu + writer_cpu)
                                / (size / 1e6), 3),
}))
"""


def measure(code: Path, folder: Path, warm_mb: float, extra_env: dict | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code), "TRACKER_DATA_DIR": tempfile.mkdtemp()}
    env.update(extra_env or {})
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), str(warm_mb)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=code,  # `python -c` imports from the working directory first
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--warm-mb", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--peer", type=Path, help="another checkout to measure alongside")
    parser.add_argument(
        "--pure-too", action="store_true", help="this checkout without its compiled builds too"
    )
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    from ingest_bench import corpus

    codes: dict[str, tuple[Path, dict]] = {"this": (ROOT, {})}
    if options.pure_too:
        codes = {"this-pure": (ROOT, {"TRACKER_PURE_PYTHON": "1"}), **codes}
    if options.peer:
        codes = {"peer": (options.peer.resolve(), {}), **codes}
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        corpus(folder, options.mb, 20)
        for number in range(options.rounds):
            for label, (code, extra_env) in codes.items():
                measured = measure(code, folder, options.warm_mb, extra_env)
                runs.append({"code": label, "round": number + 1, **measured})
    print(
        json.dumps(
            {
                "corpus_mb": options.mb,
                "warm_mb": options.warm_mb,
                "machine": {
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
                },
                "runs": runs,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
