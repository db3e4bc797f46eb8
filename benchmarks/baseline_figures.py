"""Are the km² of imported whole-country layers exact? Import two "occupied" files (e.g. two
DeepStateMap maps an analyst downloaded), then compare the RU area the control model reports
with each polygon's own geodesic area (target: within 0.5 %) and the change between the dates
with the change of the polygons' areas (target: within 2 %) — with no claims, and with a
capture and a withdrawal recorded between the dates (each changes exactly its cell).

Also times the import path (parse + check + merge) and one control date on the shipped
gazetteer's cells. Prints one JSON object. The files are read where they are, never copied.

Usage: python benchmarks/baseline_figures.py FILE_EARLY DATE_EARLY FILE_LATE DATE_LATE
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.control.geo import geodesic_area_km2, parse_baseline  # noqa: E402
from tracker.control.service import control_report, import_baseline, model_from_store  # noqa: E402
from tracker.gazetteer_overlay import gazetteer_for  # noqa: E402
from tracker.store import Store  # noqa: E402


def pct(a: float, b: float) -> float:
    return round(100 * abs(a - b) / abs(b), 4) if b else 0.0


def main(argv: list[str]) -> None:
    if len(argv) != 4:
        raise SystemExit(__doc__.split("Usage: ")[1])
    early_file, early_day, late_file, late_day = (
        Path(argv[0]),
        date.fromisoformat(argv[1]),
        Path(argv[2]),
        date.fromisoformat(argv[3]),
    )
    t0 = time.perf_counter()
    polygons = {
        d: parse_baseline(f.read_bytes(), name=f.name)
        for f, d in ((early_file, early_day), (late_file, late_day))
    }
    parse_s = (time.perf_counter() - t0) / 2
    polygon_km2 = {d: geodesic_area_km2(g) for d, g in polygons.items()}
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/figures.db") as store:
        for f, d in ((early_file, early_day), (late_file, late_day)):
            import_baseline(store, f, day=d, side="RU", source=f.name, coverage="country")
        places = gazetteer_for(store).places
        t0 = time.perf_counter()
        model = model_from_store(store, places=places)
        reports = {d: control_report(model, d) for d in (early_day, late_day)}
        first_date_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        model.snapshot(late_day).frontline  # noqa: B018 (geometry cost)
        frontline_s = time.perf_counter() - t0
        ru = {d: reports[d]["areas_km2"]["RU"] for d in reports}
        change = ru[late_day] - ru[early_day]
        polygon_change = polygon_km2[late_day] - polygon_km2[early_day]

        # A capture inside UA-held ground and a withdrawal inside RU-held ground, mid-period.
        mid = early_day + timedelta(days=(late_day - early_day).days // 2)
        late_snapshot = model.snapshot(late_day)
        cells = model.cells
        ua_cell = next(
            c for c in range(len(cells)) if late_snapshot.holders[c] == 2 and cells.area_km2[c] > 20
        )
        ru_cell = next(
            c
            for c in range(len(cells))
            if late_snapshot.holders[c] == 1
            and model.snapshot(early_day).holders[c] == 1
            and cells.area_km2[c] > 20
            and polygons[late_day].contains(cells.geometries[c])
        )
        for cell, side, action in ((ua_cell, "RU", "capture"), (ru_cell, "RU", "withdraw")):
            pid = cells.place_ids[cell][0]
            lon, lat = cells.points[cell]
            store.add_claim(
                {
                    "event_date": mid,
                    "name": cells.names.get(pid) or pid,
                    "place_id": pid,
                    "lat": float(lat),
                    "lon": float(lon),
                    "side": side,
                    "action": action,
                    "claimant": "benchmark",
                    "status": "confirmed",
                }
            )
        model2 = model_from_store(store, places=places)
        with_claims = {
            d: control_report(model2, d)["areas_km2"]["RU"] for d in (early_day, late_day)
        }
        mid_report = control_report(model2, mid, since=mid - timedelta(days=1))
        expected_mid_delta = float(cells.area_km2[ua_cell] - cells.area_km2[ru_cell])
    print(
        json.dumps(
            {
                "files": [early_file.name, late_file.name],
                "polygon_geodesic_km2": {
                    d.isoformat(): round(v, 1) for d, v in polygon_km2.items()
                },
                "reported_RU_km2": {d.isoformat(): round(v, 1) for d, v in ru.items()},
                "RU_vs_polygon_pct": {d.isoformat(): pct(ru[d], polygon_km2[d]) for d in ru},
                "UA_km2": {d.isoformat(): reports[d]["areas_km2"]["UA"] for d in reports},
                "unknown_km2": {d.isoformat(): reports[d]["areas_km2"]["unknown"] for d in reports},
                "change_km2": round(change, 1),
                "polygon_change_km2": round(polygon_change, 1),
                "change_vs_polygon_change_pct": pct(change, polygon_change),
                "baseline_behind_late_date": [
                    {k: b[k] for k in ("source", "date", "coverage", "decides_km2")}
                    for b in reports[late_day]["baselines"]
                ],
                "frontline_parts_late": len(late_snapshot.frontline.geoms),
                "with_a_capture_and_a_withdrawal_mid_period": {
                    "RU_km2_late": round(with_claims[late_day], 1),
                    "RU_change_on_the_day_km2": mid_report["change_km2"]["RU"],
                    "expected_change_km2 (capture cell - withdrawn cell)": round(
                        expected_mid_delta, 1
                    ),
                    "changed_hands": [
                        (p["name"], p["from"], p["to"]) for p in mid_report["changed_hands"]
                    ],
                },
                "timing": {
                    "parse_and_check_one_file_s": round(parse_s, 3),
                    "model_and_two_dates_s": round(first_date_s, 2),
                    "geometries_and_frontline_one_date_s": round(frontline_s, 2),
                },
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
