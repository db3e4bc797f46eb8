"""RFC 7946 GeoJSON for control areas and the frontline: features carry `date` and `side`."""

from __future__ import annotations

from tracker.control.engine import ControlSnapshot
from tracker.control.geo import geodesic_area_km2, to_geojson_geometry


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def areas_geojson(snapshot: ControlSnapshot, *, digits: int = 7) -> dict:
    """One feature per side (RU, UA, contested) with its dissolved area; no `crs` member.
    Positions are rounded to `digits` decimals (7 ≈ 1 cm; a web map needs 4 ≈ 11 m)."""
    features = []
    for side, geometry in snapshot.geometries.items():
        if geometry.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "date": snapshot.day.isoformat(),
                    "side": side,
                    "kind": "control_area",
                    "area_km2": round(geodesic_area_km2(geometry), 3),
                },
                "geometry": to_geojson_geometry(geometry, digits=digits),
            }
        )
    return _collection(features)


def frontline_geojson(snapshot: ControlSnapshot, *, digits: int = 7) -> dict:
    """The frontline as one MultiLineString feature (side "RU/UA": the line between them)."""
    line = snapshot.frontline
    return _collection(
        [
            {
                "type": "Feature",
                "properties": {
                    "date": snapshot.day.isoformat(),
                    "side": "RU/UA",
                    "kind": "frontline",
                    "parts": len(line.geoms),
                },
                "geometry": to_geojson_geometry(line, digits=digits),
            }
        ]
    )
