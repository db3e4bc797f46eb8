"""Custom places in the gazetteer: what a dashboard rerun pays to have a database's custom
places known, before (re-adding them in place) and after (a cached read-only overlay).

Prints one JSON object. With --before DIR, the same measurements are also taken on the
`tracker` package in DIR (e.g. a `git archive` of an older commit), in a subprocess, so both
come from the same run.

Usage: python benchmarks/overlay_bench.py [--places 40] [--repeat 5] [--before DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def custom_places(n: int) -> list:
    from tracker.model import Place

    return [
        Place(
            id=f"custom:bench-{i}",
            name=f"Zolota Nyva Khutir {i}",
            lat=47.5 + i * 0.01,
            lon=36.5,
            country="UA",
            admin1_code="UA.05",
            admin1="Donetsk Oblast",
            alternate_names=(f"Золота Нива {i}",),
        )
        for i in range(n)
    ]


def timed(fn, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return {"median_s": round(statistics.median(runs), 5), "min_s": round(min(runs), 5)}


def measure(n: int, repeat: int) -> dict:
    from tracker.gazetteer import Gazetteer

    places = custom_places(n)
    private = Gazetteer.load(include_imported=False)
    private.add_places(places)
    result = {
        "index_keys": len(private.index.folds) + len(private.index.keys) + len(private.index.stems),
        # What every dashboard rerun did: the same places added again to the shared gazetteer.
        "readd_in_place": timed(lambda: private.add_places(places), repeat),
    }
    try:
        from tracker.gazetteer_overlay import clear_overlays, with_custom_places
    except ImportError:
        return result
    base = Gazetteer.load(include_imported=False)

    def new_revision():
        clear_overlays()
        with_custom_places(base, places)

    result["overlay_new_revision"] = timed(new_revision, repeat)
    with_custom_places(base, places)
    result["overlay_same_revision"] = timed(lambda: with_custom_places(base, places), repeat)
    overlay = with_custom_places(base, places)
    found = overlay.candidates("Zolota Nyva Khutir 7", limit=1)
    result["overlay_finds_custom_place"] = bool(found) and found[0].place.id == places[7].id
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--before", type=Path, help="a tree with an older tracker package")
    parser.add_argument("--tree", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.tree))
    report = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "custom_places": args.places,
        "after": measure(args.places, args.repeat),
    }
    if args.before:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--places",
                str(args.places),
                "--repeat",
                str(args.repeat),
                "--tree",
                str(args.before),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(args.before)},
        )
        report["before"] = json.loads(out.stdout)["after"]
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
