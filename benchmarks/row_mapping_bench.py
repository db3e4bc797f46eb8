"""Row mapping: the per-claim paths that turn claims into rows and back, timed.

Writes N synthetic claims into an SQLite store (`insert_claims`: rows from claims), reads them
back as Claim objects (`claims()`: claims from rows) and as export records
(`claim_records()`: records straight from the driver's values), turns the Claims into dicts
(`to_dict`) and writes the records as GeoJSON. Only public APIs, so the same script times
another checkout of the tracker: `--peer DIR` runs it there too, alternately, in the same run.

Usage: python benchmarks/row_mapping_bench.py [--n 100000] [--rounds 3] [--peer DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _claims(n: int) -> list:
    from tracker.model import Action, Claim, Side, Status

    rng = random.Random(7)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        Claim(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            event_date=date(2024, 1, 1) + timedelta(days=rng.randrange(700)),
            name=f"Place {i % 5000}",
            lat=round(rng.uniform(46.0, 51.0), 5),
            lon=round(rng.uniform(32.0, 40.0), 5),
            side=rng.choice(list(Side)),
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
        for i in range(n)
    ]


def measure(n: int) -> dict:
    """One round in this process, with the tracker found on sys.path."""
    from tracker.io import export_claims
    from tracker.store import Store

    claims = _claims(n)
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/bench.db") as store:

        def timed(name: str, job):
            start = time.perf_counter()
            result = job()
            times[name] = round(time.perf_counter() - start, 3)
            return result

        timed("insert_claims", lambda: store.insert_claims(claims))
        read = timed("claims", store.claims)
        records = timed("claim_records", store.claim_records)
        timed("to_dict", lambda: [c.to_dict() for c in read])
        timed("geojson_write", lambda: export_claims(records, Path(tmp) / "c.geojson"))
        assert len(read) == len(records) == n and records[0] == read[0].to_dict()
    return times


def _round(tree: Path, n: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, __file__, "--n", str(n), "--one"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--peer", type=Path, help="another checkout, timed alternately")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.n)))
        return
    trees = {"this": ROOT, **({"peer": args.peer.resolve()} if args.peer else {})}
    rounds: dict[str, list[dict]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            rounds[name].append(_round(tree, args.n))
    best = {
        name: {key: min(r[key] for r in runs) for key in runs[0]} for name, runs in rounds.items()
    }
    print(json.dumps({"n": args.n, "rounds": args.rounds, "best_seconds": best}, indent=2))


if __name__ == "__main__":
    main()
