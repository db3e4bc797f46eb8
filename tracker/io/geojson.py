"""GeoJSON (RFC 7946) export and reading of claims.

A FeatureCollection of Point features, `[lon, lat]` in WGS 84, no `crs` member; the feature
`id` is the claim id and `properties` hold the other claim fields (ISO dates; `name` is the
place name), and, when the records carry them, `sources` (every report and claimant backing the
event: claimant, event_date, report_id, source_name, source_url, quote, added_at; the claim's
own report first), `claimants` (the independent ones) and `independent_claimants` (how many).
`tracker import` restores the sources. Latitude and longitude live only in the
geometry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

import orjson

from tracker.errors import InvalidInputError
from tracker.fieldcode import compile_function, dict_literal
from tracker.model import CLAIM_FIELDS, Claim, check_coordinates

# Every claim field but those the feature holds elsewhere (`id`, the geometry's lat/lon), in the
# dataclass's order.
PROPERTY_FIELDS = [name for name in CLAIM_FIELDS if name not in ("id", "lat", "lon")]
# A record's properties as a dict, compiled from the field list (it runs once per feature).
_properties = compile_function(
    "properties",
    "def properties(r):\n    return "
    + dict_literal([(name, f"r[{name!r}]") for name in PROPERTY_FIELDS])
    + "\n",
    {},
)


def point_geometry(lat: float, lon: float) -> dict:
    """The one place (lat, lon) becomes GeoJSON's [lon, lat]."""
    return {"type": "Point", "coordinates": [lon, lat]}


def point_from_geometry(geometry: object) -> tuple[float, float]:
    """(lat, lon) of a GeoJSON Point; anything else is an input error."""
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        kind = geometry.get("type") if isinstance(geometry, dict) else geometry
        raise InvalidInputError(f"geometry must be a Point, got {kind!r}")
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list) or len(coordinates) < 2:
        raise InvalidInputError(f"Point coordinates {_short(coordinates)} are not [lon, lat]")
    lon, lat = coordinates[0], coordinates[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
        raise InvalidInputError(
            f"Point coordinates {_short(coordinates)} must be numbers, [lon, lat] "
            "(RFC 7946), not text"
        )
    return check_coordinates(lat, lon)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:80] + "…"


def claim_properties(claim: Claim | dict) -> dict:
    """The claim's fields except id and coordinates, JSON-ready (ISO dates)."""
    record = claim if isinstance(claim, dict) else claim.to_dict()
    return _properties(record)


def claim_feature(claim: Claim | dict) -> dict:
    """A Feature from a Claim or from its `to_dict()` record."""
    r = claim if isinstance(claim, dict) else claim.to_dict()
    properties = _properties(r)
    if "sources" in r:  # corroboration (tracker.store.corroboration.with_sources)
        properties["sources"] = r["sources"]
        properties["claimants"] = r["claimants"]
        properties["independent_claimants"] = len(r["claimants"])
    return {
        "type": "Feature",
        "id": r["id"],
        "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},  # RFC 7946 order
        "properties": properties,
    }


CHUNK = 5000


def write_geojson(
    claims: Iterable[Claim | dict],
    out: IO[bytes],
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Stream a FeatureCollection as UTF-8 to a binary file, one feature per line.

    orjson encodes a chunk of features at a time (shortest round-trip floats, no NaN).
    """
    out.write(b'{"type":"FeatureCollection","features":[\n')
    count = 0
    chunk: list[dict] = []

    def flush() -> None:
        text = orjson.dumps(chunk)[1:-1].replace(b'},{"type":"Feature",', b'},\n{"type":"Feature",')
        out.write((b",\n" if count > len(chunk) else b"") + text)
        if progress:
            progress(len(chunk))
        chunk.clear()

    for claim in claims:
        chunk.append(claim_feature(claim))
        count += 1
        if len(chunk) == CHUNK:
            flush()
    if chunk:
        flush()
    out.write(b"\n]}\n")
    return count


def export_geojson(claims: Iterable[Claim | dict], path: str | Path, **options) -> int:
    with open(path, "wb") as out:
        return write_geojson(claims, out, **options)


def read_geojson(path: str | Path, *, label: str | None = None) -> list[tuple[str, dict]]:
    """(row label, record) per feature; a record has lat, lon, id and the properties.
    `label` names the file in messages (default: its path)."""
    shown = label or str(path)
    try:
        raw = Path(path).read_bytes()
        data = orjson.loads(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
    except orjson.JSONDecodeError as exc:
        raise InvalidInputError(f"{shown} is not a GeoJSON file: {exc}") from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise InvalidInputError(f"{shown}: 'features' is not an array")
    else:
        raise InvalidInputError(f"{shown} is not a GeoJSON FeatureCollection")
    records: list[tuple[str, dict]] = []
    for i, feature in enumerate(features, start=1):
        label = f"feature {i}"
        if not isinstance(feature, dict):
            records.append((label, {"__error__": "not a JSON object"}))
            continue
        properties = feature.get("properties") or {}
        record = dict(properties) if isinstance(properties, dict) else {}
        if feature.get("id") is not None:
            record["id"] = feature["id"]
        try:
            record["lat"], record["lon"] = point_from_geometry(feature.get("geometry"))
        except InvalidInputError as exc:
            record["__error__"] = str(exc)
        records.append((label, record))
    return records
