"""Control areas: one date and a 365-day area series with cells reused, next to a naive
per-date recomputation (cells rebuilt and areas measured on dissolved geometries each date).

Prints one JSON object. Places: N seeded random settlements inside Ukraine's outline (default
11,000, so 11,000 cells) plus, with --gazetteer, the shipped gazetteer's settlements instead.
Claims: seeded captures/withdrawals/attacks over a year on places in the eastern oblasts, on top
of a baseline built from the shipped oblasts (Crimea, Sevastopol, Luhansk). The naive run is
timed on a few dates and extrapolated to the series.

Usage: python benchmarks/control_bench.py [--places N] [--claims N] [--naive-dates N] [--gazetteer]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import shapely  # noqa: E402

from tracker.control import BaselineLayer, Cells, ControlModel, oblasts, ukraine_outline  # noqa: E402
from tracker.control.geo import geodesic_area_km2  # noqa: E402
from tracker.model import Action, Claim, Place, Side, Status  # noqa: E402

START = date(2025, 1, 1)
EAST = {"UA.05", "UA.07", "UA.08", "UA.14", "UA.26", "UA.04"}


def random_places(n: int, seed: int) -> list[Place]:
    rng = np.random.default_rng(seed)
    outline = ukraine_outline()
    shapely.prepare(outline)
    minx, miny, maxx, maxy = outline.bounds
    out: list[Place] = []
    while len(out) < n:
        xs = rng.uniform(minx, maxx, n)
        ys = rng.uniform(miny, maxy, n)
        inside = shapely.contains_xy(outline, xs, ys)
        for x, y in zip(xs[inside], ys[inside], strict=True):
            if len(out) < n:
                out.append(Place(f"bench:{len(out)}", f"B{len(out)}", float(y), float(x), "UA"))
    return out


def gazetteer_places() -> list[Place]:
    from tracker.gazetteer import default_gazetteer

    return list(default_gazetteer().places)


def baseline() -> BaselineLayer:
    keep = {"UA.11", "UA.20", "UA.14"}
    geometry = shapely.union_all([o.geometry for o in oblasts() if o.code in keep])
    return BaselineLayer(START - timedelta(days=1), Side.RU, geometry, "bench")


def synthetic_claims(cells: Cells, n: int, seed: int) -> list[Claim]:
    rng = random.Random(seed)
    east = sorted({p.cell for p in cells.pieces if cells.oblasts[p.oblast].code in EAST})
    actions = [Action.CAPTURE] * 4 + [Action.ATTACK] * 3 + [Action.WITHDRAW, Action.CONTROL]
    claims = []
    for i in range(n):
        c = rng.choice(east)
        lon, lat = cells.points[c]
        claims.append(
            Claim(
                id=f"b{i}",
                event_date=START + timedelta(days=rng.randrange(365)),
                name=cells.place_ids[c][0],
                lat=float(lat),
                lon=float(lon),
                side=rng.choice([Side.RU, Side.RU, Side.UA]),
                action=rng.choice(actions),
                claimant=rng.choice(["Russian MoD", "General Staff", "ISW"]),
                status=rng.choice([Status.CONFIRMED, Status.CONFIRMED, Status.CLAIMED]),
                place_id=cells.place_ids[c][0],
            )
        )
    return claims


def naive_date(places, claims, layer, day: date) -> dict[str, float]:
    """What a first implementation does: rebuild the cells, dissolve, measure the geometry."""
    cells = Cells(places)
    snapshot = ControlModel(cells, claims, baselines=[layer]).snapshot(day)
    return {side: geodesic_area_km2(g) for side, g in snapshot.geometries.items()}


def timed(fn, *args):
    t0 = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - t0, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=11_000)
    parser.add_argument("--claims", type=int, default=3_000)
    parser.add_argument("--naive-dates", type=int, default=3)
    parser.add_argument("--gazetteer", action="store_true", help="use the shipped gazetteer")
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()

    places = gazetteer_places() if args.gazetteer else random_places(args.places, args.seed)
    cells_s, cells = timed(Cells, places)
    claims = synthetic_claims(cells, args.claims, args.seed)
    layer = baseline()
    model = ControlModel(cells, claims, baselines=[layer])
    prep_s, _ = timed(model.baseline_for, START)

    days = [START + timedelta(days=d) for d in range(0, 365, 30)]
    one_numbers, one_geometry = [], []
    for day in days:
        t0 = time.perf_counter()
        snapshot, previous = model.snapshot(day), model.snapshot(day - timedelta(days=1))
        _ = snapshot.areas_km2, snapshot.areas_by_oblast, snapshot.changed_places(previous)
        one_numbers.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        _ = snapshot.geometries, snapshot.frontline
        one_geometry.append(time.perf_counter() - t0)

    t0 = time.perf_counter()
    series = [(s.areas_km2, s.areas_by_oblast) for s in model.series(START, START + timedelta(364))]
    series_s = time.perf_counter() - t0
    last = model.snapshot(START + timedelta(days=364))
    cross = last.geometry_areas_km2()

    naive_days = days[: args.naive_dates]
    naive_times = []
    for day in naive_days:
        t, areas = timed(naive_date, places, claims, layer, day)
        naive_times.append(t)
        fast = model.snapshot(day).areas_km2
        assert abs(areas["RU"] - fast["RU"]) < 1e-3 * fast["RU"], (areas, fast)
    naive_one = statistics.median(naive_times)

    print(
        json.dumps(
            {
                "machine": {
                    "python": platform.python_version(),
                    "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine(),
                },
                "places": len(places),
                "source": "gazetteer" if args.gazetteer else "random inside Ukraine",
                "cells_inside_ukraine": len(cells),
                "claims": len(claims),
                "build_cells_once_s": round(cells_s, 3),
                "prepare_baseline_once_s": round(prep_s, 3),
                "ours": {
                    "one_date_areas_oblasts_changes_ms_median": round(
                        1000 * statistics.median(one_numbers), 2
                    ),
                    "one_date_areas_oblasts_changes_ms_max": round(1000 * max(one_numbers), 2),
                    "one_date_geometries_and_frontline_ms_median": round(
                        1000 * statistics.median(one_geometry), 1
                    ),
                    "one_date_total_ms_median": round(
                        1000 * statistics.median(np.add(one_numbers, one_geometry)), 1
                    ),
                    "series_365_days_areas_and_oblasts_s": round(series_s, 3),
                    "series_days": len(series),
                },
                "naive_per_date_recompute": {
                    "dates_timed": len(naive_times),
                    "one_date_s_median": round(naive_one, 3),
                    "series_365_days_s_extrapolated": round(365 * naive_one, 1),
                },
                "speedup_one_date_numbers": round(naive_one / statistics.median(one_numbers)),
                "speedup_series": round(365 * naive_one / series_s, 1),
                "check_last_day_km2": {
                    "from_cell_sums": {k: round(v, 1) for k, v in last.areas_km2.items()},
                    "from_dissolved_geometry": {k: round(v, 1) for k, v in cross.items()},
                },
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
