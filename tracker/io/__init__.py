"""Open formats: GeoJSON (RFC 7946), CSV (ACLED-style), GeoPackage and KML; import from
GeoJSON and CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from tracker.errors import InvalidInputError
from tracker.io.importer import (
    IMPORT_FORMATS,
    ImportReport,
    RowResult,
    detect_format,
    import_file,
    match_place,
)
from tracker.model import Claim

EXPORT_FORMATS = ("geojson", "csv", "gpkg", "kml")
SUFFIXES = {"geojson": ".geojson", "csv": ".csv", "gpkg": ".gpkg", "kml": ".kml"}


def export_claims(
    claims: Iterable[Claim | dict],
    path: str | Path,
    format: str = "geojson",
    *,
    place_lookup: Callable[[str], object] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write claims (Claim objects or their `to_dict()` records, e.g. from
    `Store.claim_records`) to `path` in one of EXPORT_FORMATS; returns how many were written."""
    format = (format or "").lower()
    if format == "geojson":
        from tracker.io.geojson import export_geojson

        return export_geojson(claims, path, progress=progress)
    if format == "csv":
        from tracker.io.csvfile import export_csv

        return export_csv(claims, path, place_lookup=place_lookup, progress=progress)
    if format in ("gpkg", "kml"):
        from tracker.io import gis

        claims = list(claims)
        count = (gis.export_gpkg if format == "gpkg" else gis.export_kml)(claims, path)
        if progress:
            progress(count)
        return count
    raise InvalidInputError(f"unknown export format {format!r}; use one of {EXPORT_FORMATS}")


__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "SUFFIXES",
    "ImportReport",
    "RowResult",
    "detect_format",
    "export_claims",
    "import_file",
    "match_place",
]
