"""What a fetch yields, and turning a provider's features into one checked (Multi)Polygon."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import shapely

from tracker.control.fetch.http import BaselineFetchError
from tracker.control.geo import BaselineFileError, parse_baseline, polygons_of, ukraine_outline

Progress = Callable[[float, str], None]


def no_progress(fraction: float, message: str) -> None:
    """The default progress callback: says nothing."""


@dataclass(frozen=True)
class FetchedLayer:
    """A provider's control layer, checked and merged: `geometry` is held by `side` on `day`
    over the whole country (the providers publish whole-country "occupied" layers)."""

    provider: str
    day: date
    side: str
    geometry: object
    source: str
    licence: str
    source_url: str
    cache_file: Path
    from_cache: bool
    polygons: int


def kyiv_date(moment: datetime) -> date:
    """The calendar date in Kyiv of an instant (the project's date convention)."""
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Europe/Kyiv")).date()
    except Exception:  # no tz database: Kyiv is UTC+2 in winter, +3 in summer
        return moment.astimezone(UTC).date()


def merge_polygons(geometries: Iterable[dict], crs: object, *, what: str) -> tuple[object, int]:
    """Check each GeoJSON geometry (positions, rings, crs) and union them; returns the merged
    (Multi)Polygon and how many polygons went in."""
    parts = []
    for n, geometry in enumerate(geometries, start=1):
        wrapper: dict = {"type": "Feature", "properties": {}, "geometry": geometry}
        if crs is not None:
            wrapper = {"type": "FeatureCollection", "crs": crs, "features": [wrapper]}
        try:
            polygon = parse_baseline(json.dumps(wrapper), name=f"{what}, polygon {n}")
        except BaselineFileError as exc:
            raise BaselineFetchError(f"{exc}; nothing was written") from None
        parts.extend(polygons_of(polygon))
    if not parts:
        raise BaselineFetchError(f"{what} holds no polygon; nothing was written")
    merged = shapely.union_all([p if p.is_valid else shapely.make_valid(p) for p in parts])
    merged = shapely.union_all(polygons_of(merged))
    return merged, len(parts)


def within_ukraine(geometry: dict) -> bool:
    """Whether a GeoJSON polygon touches Ukraine's outline (drops a provider's jokes and
    layers of other countries)."""
    try:
        shape = shapely.geometry.shape(geometry)
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException):
        return True  # let the checks in merge_polygons name what is wrong with it
    return bool(shapely.intersects(ukraine_outline(), shapely.make_valid(shape)))
