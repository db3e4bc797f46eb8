"""Bulk ingestion: `tracker ingest` over a generated corpus of report-style text files, on 1
and 2 processes; throughput (MB/s, items/s), wall time and peak memory, then a second run
over the same files (everything skipped: the cost of resuming).

    python benchmarks/ingest_bench.py [--mb 100] [--file-kb 20] [--jobs 1,2]

The corpus: files of about `--file-kb` KB, paragraphs of one to three claim sentences
(a claimant, a side, an action, a settlement of a front-line oblast, a date) between filler
sentences without places, about one place name per 300 bytes, like a daily assessment.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CLAIMANTS = [
    "The Russian Ministry of Defence claimed",
    "The Ukrainian General Staff reported",
    "ISW assessed",
    "A Russian milblogger claimed",
    "Geolocated footage published on Telegram indicates",
]
EVENTS = [
    "that Russian forces captured {place}",
    "that Russian forces advanced near {place}",
    "that Ukrainian forces repelled Russian attacks near {place}",
    "that Russian forces attacked towards {place}",
    "that Ukrainian forces withdrew from {place}",
    "a strike on {place}",
]
FILLER = [
    "Fighting continued along the front line throughout the day.",
    "Weather conditions limited drone operations in several directions.",
    "Officials did not comment on casualties or equipment losses.",
    "The situation remains difficult, according to the command.",
    "Both sides continue to rotate units and bring up reserves.",
    "Independent confirmation of the reports was not available.",
]


def places() -> list[str]:
    from tracker.gazetteer import default_gazetteer

    oblasts = ("Donetsk", "Kharkiv", "Zaporizhzhia", "Dnipropetrovsk", "Luhansk")
    names = sorted(
        {
            p.name
            for p in default_gazetteer().places
            if p.kind == "settlement"
            and p.country == "UA"
            and any(o in (p.admin1 or "") for o in oblasts)
        }
    )
    return names


def corpus(folder: Path, megabytes: float, file_kb: int, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    names = places()
    target = int(megabytes * 1e6)
    total = files = 0
    while total < target:
        paragraphs = []
        size = 0
        while size < file_kb * 1000:
            sentences = [rng.choice(FILLER)]
            for _ in range(rng.randint(1, 3)):
                day = rng.randint(1, 28)
                event = rng.choice(EVENTS).format(place=rng.choice(names))
                sentences.append(f"{rng.choice(CLAIMANTS)} {event} on {day} November.")
                sentences.append(rng.choice(FILLER))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph.encode()) + 2
        text = "\n\n".join(paragraphs)
        (folder / f"report-{files:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
        files += 1
    return files, total


def ingest(folder: Path, db: Path, jobs: int) -> dict:
    files = sorted(str(p) for p in folder.glob("*.txt"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRACKER_DATA_DIR": tempfile.mkdtemp()}
    args = ["ingest", *files, "--date", "2025-12-01", "--jobs", str(jobs), "--no-progress"]
    start = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tracker.cli import main; main()",
            *args,
            "--db",
            str(db),
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"tracker ingest failed: {err.decode()[-2000:]}")
    return {"seconds": round(seconds, 2), **json.loads(out)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--file-kb", type=int, default=20)
    parser.add_argument("--jobs", default="1,2")
    options = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        folder.mkdir()
        files, size = corpus(folder, options.mb, options.file_kb)
        for jobs in (int(j) for j in options.jobs.split(",")):
            db = Path(scratch) / f"ingest-{jobs}.db"
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            first = ingest(folder, db, jobs)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            again = ingest(folder, db, jobs)
            results.append(
                {
                    "jobs": jobs,
                    "seconds": first["seconds"],
                    "mb_per_s": round(size / 1e6 / first["seconds"], 3),
                    "items_per_s": round(first["items"] / first["seconds"], 2),
                    "reports": first["reports"],
                    "proposals": first["proposals"],
                    "corroborated": first["corroborated"],
                    "errors": len(first["errors"]),
                    # ru_maxrss of the children: the largest single process (KB → MB); with
                    # --jobs 2 the workers are separate processes of about the same size.
                    "peak_rss_mb_largest_process": round(max(peak, before) / 1024, 1),
                    "rerun_seconds": again["seconds"],
                    "rerun_skipped": again["skipped"],
                    "rerun_reports": again["reports"],
                }
            )
    print(
        json.dumps(
            {
                "corpus": {"files": files, "mb": round(size / 1e6, 2), "file_kb": options.file_kb},
                "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
                "runs": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
