"""Bulk ingestion: `tracker ingest` over a generated corpus of report-style text files, on 1
and 2 processes; throughput (MB/s, items/s), wall time and peak memory, then a second run
over the same files (everything skipped: the cost of resuming).

    python benchmarks/ingest_bench.py [--mb 100] [--file-kb 20] [--jobs 1,2] [--dense]
        [--peer DIR] [--pure-too]

The corpus: files of about `--file-kb` KB, paragraphs of one to three claim sentences
(a claimant, a side, an action, a settlement of a front-line oblast, a date) between filler
sentences without places, about one place name per 190 bytes; `--dense` leaves out the filler
between a paragraph's claims (one per 100 bytes, as dense as the claims development set).
`density` compares claims and place mentions per KB, as extracted, of a sample of the corpus
and of tests/data/claims_dev.jsonl. `--peer DIR` runs the same corpus through another
checkout of the project too (e.g. an older commit from `git archive`), each process count
the peer's run first, so both are measured side by side in one run. `--pure-too` measures
this checkout a second time with TRACKER_PURE_PYTHON=1 (its compiled builds, `make compile`,
left unused: tracker/compiled.py); each run says how many modules it took from builds.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
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


def corpus(
    folder: Path, megabytes: float, file_kb: int, seed: int = 7, dense: bool = False
) -> tuple[int, int]:
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
                if not dense:
                    sentences.append(rng.choice(FILLER))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph.encode()) + 2
        text = "\n\n".join(paragraphs)
        (folder / f"report-{files:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
        files += 1
    return files, total


def density(folder: Path, sample: int = 25) -> dict:
    """Claims and place mentions per KB of text, as extracted, in the corpus (a sample of its
    files) and in the claims development set."""
    from datetime import date

    from tracker.extract import extract

    def per_kb(pairs) -> dict:
        size = claims = mentions = 0
        for text, day in pairs:
            found = extract(text, report_date=day)
            size += len(text.encode())
            claims += len(found.claims)
            mentions += len(found.mentions)
        return {
            "kb": round(size / 1000, 1),
            "claims_per_kb": round(claims / size * 1000, 2),
            "mentions_per_kb": round(mentions / size * 1000, 2),
        }

    files = sorted(folder.glob("*.txt"))[:sample]
    dev = ROOT / "tests" / "data" / "claims_dev.jsonl"
    entries = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()]
    return {
        "corpus_sample": per_kb((p.read_text(encoding="utf-8"), date(2025, 12, 1)) for p in files),
        "claims_dev": per_kb(
            (e["text"], date.fromisoformat(e["report_date"])) for e in entries if e.get("text")
        ),
    }


def ingest(
    folder: Path, db: Path, jobs: int, root: Path = ROOT, extra_env: dict | None = None
) -> dict:
    files = sorted(str(p) for p in folder.glob("*.txt"))
    env = {**os.environ, "PYTHONPATH": str(root), "TRACKER_DATA_DIR": tempfile.mkdtemp()}
    env.update(extra_env or {})
    args = ["ingest", *files, "--date", "2025-12-01", "--jobs", str(jobs), "--no-progress"]
    start = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _CLI_WITH_PEAKS,
            *args,
            "--db",
            str(db),
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        # `python -c` puts the working directory first on sys.path: run in the checkout
        # measured, or a peer run from this repository would import this one's tracker
        cwd=root,
    )
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"tracker ingest failed: {err.decode()[-2000:]}")
    peaks = [line for line in err.decode().splitlines() if line.startswith("PEAK_RSS_KB ")]
    writer_kb, worker_kb, cpu, built = peaks[-1].split()[1:]
    writer_kb, worker_kb = int(writer_kb), int(worker_kb)
    return {
        "seconds": round(seconds, 2),
        "compiled_modules": int(built),
        "cpu_seconds": float(cpu),
        "peak_rss_mb_writer": round(writer_kb / 1024, 1),
        "peak_rss_mb_worker": round(worker_kb / 1024, 1) if worker_kb else None,
        **json.loads(out),
    }


# `tracker` as a console script, saying at exit the peak memory of its own process (the
# reader and writer) and of its largest child (an extraction worker).
_CLI_WITH_PEAKS = """
import atexit, resource, sys
def _peaks():
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    built = sum(  # modules taken from compiled builds (tracker/compiled.py)
        1 for name, m in list(sys.modules.items())
        if name.startswith("tracker.") and not (getattr(m, "__file__", "") or "").endswith(".py")
    )
    sys.stderr.write(f"PEAK_RSS_KB {own.ru_maxrss} {children.ru_maxrss} {cpu:.2f} {built}\\n")
atexit.register(_peaks)
from tracker.cli import main
main()
"""


def run(
    folder: Path,
    scratch: Path,
    size: int,
    jobs: int,
    root: Path,
    label: str,
    extra_env: dict | None = None,
) -> dict:
    db = scratch / f"ingest-{label}-{jobs}.db"
    first = ingest(folder, db, jobs, root, extra_env)
    again = ingest(folder, db, jobs, root, extra_env)
    db.unlink()
    return {
        "code": label,
        "jobs": jobs,
        "compiled_modules": first["compiled_modules"],
        "seconds": first["seconds"],
        "mb_per_s": round(size / 1e6 / first["seconds"], 3),
        "items_per_s": round(first["items"] / first["seconds"], 2),
        # CPU time of all its processes: what the run costs whatever else the machine does
        # (MB per CPU second x cores is the most it can do on an idle machine).
        "cpu_seconds": first["cpu_seconds"],
        "mb_per_cpu_s": round(size / 1e6 / first["cpu_seconds"], 3),
        "reports": first["reports"],
        "proposals": first["proposals"],
        "corroborated": first["corroborated"],
        "errors": len(first["errors"]),
        # Peak RSS of the process that reads, matches and writes, and of the largest
        # extraction worker (with --jobs 2; each of them about that size).
        "peak_rss_mb_writer": first["peak_rss_mb_writer"],
        "peak_rss_mb_worker": first["peak_rss_mb_worker"],
        "rerun_seconds": again["seconds"],
        "rerun_skipped": again["skipped"],
        "rerun_reports": again["reports"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--file-kb", type=int, default=20)
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--dense", action="store_true", help="no filler between claims")
    parser.add_argument("--peer", type=Path, help="another checkout to measure alongside")
    parser.add_argument(
        "--pure-too", action="store_true", help="this checkout without its compiled builds too"
    )
    options = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "corpus"
        folder.mkdir()
        files, size = corpus(folder, options.mb, options.file_kb, dense=options.dense)
        found = density(folder)
        for jobs in (int(j) for j in options.jobs.split(",")):
            if options.peer:
                results.append(run(folder, Path(scratch), size, jobs, options.peer, "peer"))
            if options.pure_too:
                pure = {"TRACKER_PURE_PYTHON": "1"}
                results.append(run(folder, Path(scratch), size, jobs, ROOT, "this-pure", pure))
            results.append(run(folder, Path(scratch), size, jobs, ROOT, "this"))
    print(
        json.dumps(
            {
                "corpus": {
                    "files": files,
                    "mb": round(size / 1e6, 2),
                    "file_kb": options.file_kb,
                    "dense": options.dense,
                },
                "density": found,
                "peer": str(options.peer) if options.peer else None,
                "machine": {
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
                },
                "runs": results,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
