"""A strict RFC 7946 (GeoJSON) checker: returns every problem found, with its JSON path.

Strict means it also flags what the RFC says producers SHOULD NOT do and readers may tolerate:
a `crs` member anywhere, positions with more than three numbers, rings against the right-hand
rule, and coordinates outside WGS 84 longitude/latitude ranges.
"""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

GEOMETRY_TYPES = {
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
}
TYPES = GEOMETRY_TYPES | {"Feature", "FeatureCollection"}


def check_file(path: str | Path) -> list[str]:
    """Problems with a GeoJSON file: encoding (UTF-8, no BOM), JSON syntax, then the object."""
    data = Path(path).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return ["file starts with a byte order mark (RFC 7946 section 11: no BOM)"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"file is not UTF-8: {exc}"]

    def reject(constant: str):
        raise ValueError(f"{constant} is not a JSON number")

    try:
        obj = json.loads(text, parse_constant=reject)
    except ValueError as exc:
        return [f"not valid JSON: {exc}"]
    return check(obj)


def check(obj: object) -> list[str]:
    """Problems with a parsed GeoJSON object (empty list: it conforms)."""
    problems: list[str] = []
    _object(obj, "$", problems)
    return problems


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _object(obj: object, path: str, problems: list[str]) -> None:
    if not isinstance(obj, dict):
        problems.append(f"{path}: a GeoJSON object must be a JSON object")
        return
    kind = obj.get("type")
    if kind not in TYPES:
        problems.append(f"{path}.type: {kind!r} is not a GeoJSON type")
        return
    if "crs" in obj:
        problems.append(f"{path}: has a 'crs' member (removed in RFC 7946; WGS 84 is implied)")
    if "bbox" in obj:
        _bbox(obj["bbox"], f"{path}.bbox", problems)
    if kind == "FeatureCollection":
        for banned in ("coordinates", "geometries", "geometry", "properties"):
            if banned in obj:
                problems.append(f"{path}: a FeatureCollection must not have {banned!r}")
        features = obj.get("features")
        if not isinstance(features, list):
            problems.append(f"{path}.features: must be an array")
            return
        for i, feature in enumerate(features):
            fpath = f"{path}.features[{i}]"
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                problems.append(f"{fpath}: every member of features must be a Feature")
                continue
            _object(feature, fpath, problems)
    elif kind == "Feature":
        for banned in ("coordinates", "geometries", "features"):
            if banned in obj:
                problems.append(f"{path}: a Feature must not have {banned!r}")
        if "geometry" not in obj:
            problems.append(f"{path}: a Feature must have a 'geometry' member (object or null)")
        elif obj["geometry"] is not None:
            geometry = obj["geometry"]
            if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
                problems.append(f"{path}.geometry: must be a geometry object or null")
            else:
                _object(geometry, f"{path}.geometry", problems)
        if "properties" not in obj:
            problems.append(f"{path}: a Feature must have a 'properties' member (object or null)")
        elif obj["properties"] is not None and not isinstance(obj["properties"], dict):
            problems.append(f"{path}.properties: must be an object or null")
        if "id" in obj and not (isinstance(obj["id"], str) or _number(obj["id"])):
            problems.append(f"{path}.id: must be a string or a number")
    elif kind == "GeometryCollection":
        if "coordinates" in obj:
            problems.append(f"{path}: a GeometryCollection must not have 'coordinates'")
        geometries = obj.get("geometries")
        if not isinstance(geometries, list):
            problems.append(f"{path}.geometries: must be an array")
            return
        for i, geometry in enumerate(geometries):
            gpath = f"{path}.geometries[{i}]"
            if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
                problems.append(f"{gpath}: must be a geometry object")
            else:
                _object(geometry, gpath, problems)
    else:
        for banned in ("geometry", "properties", "features", "geometries"):
            if banned in obj:
                problems.append(f"{path}: a {kind} must not have {banned!r}")
        _coordinates(kind, obj.get("coordinates"), f"{path}.coordinates", problems)


def _bbox(bbox: object, path: str, problems: list[str]) -> None:
    if not isinstance(bbox, list) or len(bbox) not in (4, 6) or not all(_number(v) for v in bbox):
        problems.append(f"{path}: must be an array of 4 or 6 numbers")
        return
    half = len(bbox) // 2
    if bbox[1] > bbox[1 + half]:
        problems.append(f"{path}: south edge {bbox[1]} is north of the north edge")


def _position(value: object, path: str, problems: list[str]) -> bool:
    if not isinstance(value, list) or not all(_number(v) for v in value):
        problems.append(f"{path}: a position must be an array of finite numbers")
        return False
    if len(value) < 2:
        problems.append(f"{path}: a position needs longitude and latitude")
        return False
    if len(value) > 3:
        problems.append(f"{path}: a position should have at most 3 numbers (lon, lat, height)")
    lon, lat = value[0], value[1]
    if not -180 <= lon <= 180:
        problems.append(f"{path}: longitude {lon} is outside -180..180 (is it [lat, lon]?)")
    if not -90 <= lat <= 90:
        problems.append(f"{path}: latitude {lat} is outside -90..90 (is it [lat, lon]?)")
    return True


def _positions(value: object, path: str, problems: list[str], minimum: int) -> list | None:
    if not isinstance(value, list):
        problems.append(f"{path}: must be an array of positions")
        return None
    if len(value) < minimum:
        problems.append(f"{path}: needs at least {minimum} positions")
    ok = all([_position(p, f"{path}[{i}]", problems) for i, p in enumerate(value)])
    return value if ok else None


def _signed_area(ring: list) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def _polygon(value: object, path: str, problems: list[str]) -> None:
    if not isinstance(value, list):
        problems.append(f"{path}: a Polygon's coordinates must be an array of rings")
        return
    for i, ring in enumerate(value):
        rpath = f"{path}[{i}]"
        ring = _positions(ring, rpath, problems, 4)
        if not ring or len(ring) < 4:
            continue
        if ring[0][:2] != ring[-1][:2]:
            problems.append(f"{rpath}: a linear ring must be closed (first = last position)")
            continue
        area = _signed_area(ring)
        if i == 0 and area < 0:
            problems.append(f"{rpath}: the exterior ring must be counterclockwise")
        if i > 0 and area > 0:
            problems.append(f"{rpath}: holes must be clockwise")


def _coordinates(kind: str, value: object, path: str, problems: list[str]) -> None:
    if value is None:
        problems.append(f"{path}: a {kind} must have 'coordinates'")
    elif kind == "Point":
        _position(value, path, problems)
    elif kind == "MultiPoint":
        _positions(value, path, problems, 0)
    elif kind == "LineString":
        _positions(value, path, problems, 2)
    elif kind == "MultiLineString":
        if not isinstance(value, list):
            problems.append(f"{path}: must be an array of line strings")
            return
        for i, line in enumerate(value):
            _positions(line, f"{path}[{i}]", problems, 2)
    elif kind == "Polygon":
        _polygon(value, path, problems)
    elif kind == "MultiPolygon":
        if not isinstance(value, list):
            problems.append(f"{path}: must be an array of polygons")
            return
        for i, polygon in enumerate(value):
            _polygon(polygon, f"{path}[{i}]", problems)
