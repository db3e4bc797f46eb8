"""Control areas for the map page as plain data (no Streamlit, no folium): what the cached
functions in `resources` return and the tests check.

Everything here calls the control library as the CLI does (`snapshot`, `control_report`,
`area_series`, `areas_geojson`, `frontline_geojson`), so the dashboard's figures are the
figures of `tracker control --json` for the same date and counting.
"""

from __future__ import annotations

import html
from datetime import date

from tracker.control.export import areas_geojson, frontline_geojson
from tracker.control.service import area_series, control_report

SIDES = ("RU", "UA", "contested")
SIDE_LABELS = {"RU": "Russian-held", "UA": "Ukrainian-held", "contested": "Contested"}


def _label(side: str, km2: float, day: str) -> str:
    return html.escape(f"{SIDE_LABELS.get(side, side)} · {km2:,.0f} km² · as of {day}")


def day_payload(model, day: date, *, digits: int = 7) -> dict:
    """Areas (GeoJSON per side), the frontline (GeoJSON) and km² per side for one date,
    positions rounded to `digits` decimals.

    `areas_km2` is `control_report(...)["areas_km2"]` (per-cell geodesic sums, rounded as the
    CLI rounds them); each area feature gets an escaped `label` for its tooltip.
    """
    report = control_report(model, day)
    snapshot = model.snapshot(day)
    areas = areas_geojson(snapshot, digits=digits)
    for feature in areas["features"]:
        props = feature["properties"]
        props["label"] = _label(props["side"], report["areas_km2"][props["side"]], report["date"])
    frontline = frontline_geojson(snapshot, digits=digits)
    km = 0.0
    if snapshot.frontline.geoms:
        from tracker.control.geo import GEOD

        km = sum(GEOD.geometry_length(g) for g in snapshot.frontline.geoms) / 1000
    for feature in frontline["features"]:
        feature["properties"]["label"] = html.escape(f"Frontline · {km:,.0f} km · as of {day}")
    return {
        "date": report["date"],
        "areas_km2": report["areas_km2"],
        "change_km2": report["change_km2"],
        "frontline_km": round(km, 1),
        "areas": areas,
        "frontline": frontline,
        "baseline": report["baseline"],
    }


def changed_hands(model, day: date, since: date) -> list[dict]:
    """Places whose holder on `day` differs from their holder on `since` (one row each)."""
    report = control_report(model, day, since=since)
    return [
        {
            "place": row["name"] or row["place_id"],
            "from": row["from"],
            "to": row["to"],
            "area_km2": round(row["area_km2"], 1),
            "lat": round(row["lat"], 5),
            "lon": round(row["lon"], 5),
            "place_id": row["place_id"],
        }
        for row in sorted(report["changed_places"], key=lambda r: (r["to"], r["name"] or ""))
    ]


def area_rows(model, since: date, until: date) -> list[dict]:
    """Long-form rows (date, side, km2) of the daily area series, for an Altair chart."""
    rows = []
    for row in area_series(model, since, until):
        for side in SIDES:
            rows.append({"date": row["date"], "side": side, "km2": row[f"{side}_km2"]})
    return rows
