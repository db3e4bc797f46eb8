"""RFC 7946 GeoJSON for control areas and the frontline: features carry `date` and `side`."""

from __future__ import annotations

from tracker.control.engine import ControlSnapshot
from tracker.control.geo import geodesic_area_km2, to_geojson_geometry


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def _area_features(snapshot: ControlSnapshot, geometries: dict, kind: str, digits: int) -> list:
    # The baseline layers standing behind the areas on this date (sources, newest last).
    behind = [layer.source or f"baseline {layer.id}" for layer in snapshot.baseline.layers]
    features = []
    for side, geometry in geometries.items():
        if geometry.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "date": snapshot.day.isoformat(),
                    "side": side,
                    "kind": kind,
                    "area_km2": round(geodesic_area_km2(geometry), 3),
                    "baselines": behind,
                },
                "geometry": to_geojson_geometry(geometry, digits=digits),
            }
        )
    return features


def areas_geojson(
    snapshot: ControlSnapshot, *, digits: int = 7, assessed: bool = False, unknown: bool = True
) -> dict:
    """One feature per side (RU, UA, contested, and unknown ground) with its dissolved area, as
    the model counts (or, with `assessed`, from baselines and confirmed claims only); no `crs`
    member. Positions are rounded to `digits` decimals (7 ≈ 1 cm; a web map needs 4 ≈ 11 m)."""
    geometries = snapshot.assessed_geometries if assessed else snapshot.geometries
    if not unknown:
        geometries = {k: v for k, v in geometries.items() if k != "unknown"}
    return _collection(_area_features(snapshot, geometries, "control_area", digits))


def claimed_geojson(snapshot: ControlSnapshot, *, digits: int = 7) -> dict:
    """The claimed-only layer: cells merely claimed claims would change, one feature per holder
    they give (`kind` "claimed_area"), as ISW draws claimed ground apart from assessed."""
    return _collection(
        _area_features(snapshot, snapshot.claimed_geometries, "claimed_area", digits)
    )


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
