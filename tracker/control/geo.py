"""Geometry helpers for control areas: the country outline, oblasts, geodesic areas, baselines.

Everything is in WGS 84 longitude/latitude (GeoJSON order). Areas are geodesic km² on the
WGS 84 ellipsoid (pyproj `Geod`), never planar degrees.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon, shape

from tracker import data_files
from tracker.errors import DataFileError, InvalidInputError

GEOD = Geod(ellps="WGS84")
COUNTRIES_FILE = data_files.geodata("countries.geojson")
REGIONS_FILE = data_files.geodata("regions.geojson")


class BaselineFileError(InvalidInputError):
    """A baseline control layer could not be read; nothing was written."""


def _ring_area_m2(ring) -> float:
    lons, lats = ring.coords.xy
    area, _ = GEOD.polygon_area_perimeter(lons, lats)
    return abs(area)


def polygons_of(geometry) -> list[Polygon]:
    """The polygons of a (Multi)Polygon or a collection; lines and points are ignored."""
    if geometry is None or geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry]
    if isinstance(geometry, MultiPolygon):
        return list(geometry.geoms)
    if hasattr(geometry, "geoms"):
        return [p for part in geometry.geoms for p in polygons_of(part)]
    return []


def geodesic_area_km2(geometry) -> float:
    """Geodesic area of a (Multi)Polygon in km²: outer rings minus holes, on WGS 84."""
    total = 0.0
    for polygon in polygons_of(geometry):
        total += _ring_area_m2(polygon.exterior)
        total -= sum(_ring_area_m2(hole) for hole in polygon.interiors)
    return total / 1e6


def _read_geojson(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"{path} is missing; reinstall frontline-tracker") from None
    except (OSError, ValueError) as exc:
        raise DataFileError(f"{path} is not valid GeoJSON: {exc}") from None


@cache
def ukraine_outline():
    """Ukraine within its internationally recognised borders (Crimea included)."""
    data = _read_geojson(COUNTRIES_FILE)
    for feature in data["features"]:
        if feature["properties"].get("country") == "UA":
            return shapely.make_valid(shape(feature["geometry"]))
    raise DataFileError(f"{COUNTRIES_FILE} has no feature with country UA")


@dataclass(frozen=True, slots=True)
class Oblast:
    code: str
    name: str
    geometry: object


@cache
def oblasts() -> tuple[Oblast, ...]:
    """Ukraine's first-level regions from the shipped geodata/regions.geojson."""
    data = _read_geojson(REGIONS_FILE)
    out = []
    for feature in data["features"]:
        props = feature["properties"]
        if props.get("country", "UA") != "UA" or feature.get("geometry") is None:
            continue
        if not props.get("code") or props.get("parts"):  # composite regions (Donbas) overlap
            continue
        geometry = shapely.make_valid(shape(feature["geometry"]))
        out.append(Oblast(props["code"], props.get("name") or props["code"], geometry))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Baseline layers


def _check_position(position, where: str) -> None:
    if not isinstance(position, list | tuple) or len(position) < 2:
        raise BaselineFileError(f"{where}: a position must be [longitude, latitude]")
    lon, lat = position[0], position[1]
    for label, value, limit in (("longitude", lon, 180.0), ("latitude", lat, 90.0)):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BaselineFileError(f"{where}: {label} {value!r} is not a number")
        if not math.isfinite(value) or not -limit <= value <= limit:
            raise BaselineFileError(
                f"{where}: {label} {value} is outside -{limit:g}..{limit:g} "
                "(baseline files are GeoJSON in longitude, latitude order, WGS 84)"
            )


def _check_polygon_coords(coords, where: str) -> None:
    if not isinstance(coords, list) or not coords:
        raise BaselineFileError(f"{where}: a polygon needs at least one ring")
    for r, ring in enumerate(coords):
        if not isinstance(ring, list) or len(ring) < 4:
            raise BaselineFileError(f"{where}, ring {r}: a ring needs at least 4 positions")
        for position in ring:
            _check_position(position, f"{where}, ring {r}")


def _geometries(data, where: str) -> list[dict]:
    if not isinstance(data, dict) or "type" not in data:
        raise BaselineFileError(f"{where}: not a GeoJSON object (no 'type' member)")
    kind = data["type"]
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise BaselineFileError(f"{where}: 'features' must be a list")
        out = []
        for i, feature in enumerate(features):
            out.extend(_geometries(feature, f"feature {i}"))
        return out
    if kind == "Feature":
        geometry = data.get("geometry")
        return [] if geometry is None else _geometries(geometry, where)
    if kind in ("Polygon", "MultiPolygon"):
        return [data | {"_where": where}]
    raise BaselineFileError(
        f"{where}: geometry type {kind!r} is not allowed; a control layer holds Polygon or "
        "MultiPolygon geometries"
    )


def parse_baseline(text: str | bytes, *, name: str = "baseline"):
    """A control layer (GeoJSON text) → one shapely (Multi)Polygon, kept as drawn.

    Accepts the DeepStateMap archive shape (FeatureCollection with a legacy `crs` member and
    empty properties) as well as a bare Feature or geometry. Raises BaselineFileError with the
    reason for bad JSON, non-polygon geometries, bad coordinates or an empty layer.
    """
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BaselineFileError(f"{name} is not valid JSON: {exc}") from None
    crs = data.get("crs") if isinstance(data, dict) else None
    if crs is not None:
        crs_name = (
            str((crs.get("properties") or {}).get("name", "")) if isinstance(crs, dict) else ""
        )
        if not any(key in crs_name for key in ("CRS84", "EPSG::4326", "EPSG:4326")):
            raise BaselineFileError(
                f"{name}: crs {crs_name or crs!r} is not WGS 84 longitude/latitude (CRS84)"
            )
    polygons = []
    for geometry in _geometries(data, name):
        where = geometry.pop("_where")
        coords = geometry.get("coordinates")
        if geometry["type"] == "Polygon":
            _check_polygon_coords(coords, where)
        else:
            if not isinstance(coords, list):
                raise BaselineFileError(f"{where}: MultiPolygon coordinates must be a list")
            for p, polygon in enumerate(coords):
                _check_polygon_coords(polygon, f"{where}, polygon {p}")
        try:
            polygons.extend(polygons_of(shapely.force_2d(shape(geometry))))
        except (ValueError, TypeError, shapely.errors.GEOSException) as exc:
            raise BaselineFileError(f"{where}: not a valid polygon: {exc}") from None
    if not polygons:
        raise BaselineFileError(f"{name} holds no polygon; nothing to import")
    merged = MultiPolygon(polygons) if len(polygons) > 1 else polygons[0]
    if not merged.is_valid:
        merged = shapely.make_valid(merged)
        merged = MultiPolygon(polygons_of(merged)) if len(polygons_of(merged)) > 1 else merged
    if merged.is_empty or geodesic_area_km2(merged) <= 0:
        raise BaselineFileError(f"{name} encloses no area; nothing to import")
    return merged


def to_geojson_geometry(geometry, *, digits: int = 7) -> dict:
    """RFC 7946 geometry: [lon, lat] positions rounded to `digits`, exteriors counter-clockwise."""
    if shapely.get_type_id(geometry) in (3, 6, 7):  # Polygon, MultiPolygon, collection
        geometry = shapely.orient_polygons(geometry, exterior_cw=False)
    if digits is not None:
        geometry = shapely.transform(geometry, lambda xy: np.round(xy, digits))
    # GEOS writes the JSON (in C); shapely's `mapping` walked every ring in Python.
    return json.loads(shapely.to_geojson(geometry))
