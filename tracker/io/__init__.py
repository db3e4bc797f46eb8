"""Open formats: GeoJSON (RFC 7946), CSV (ACLED-style), GeoPackage and KML; import from
GeoJSON and CSV. The formats, with their MIME types and suffixes, are registered in
`tracker.io.formats`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from tracker.io.formats import (
    EXPORT_FORMATS,
    FORMATS,
    IMPORT_FORMATS,
    FileFormat,
    export_format,
    format_for_suffix,
    import_format,
)
from tracker.io.importer import (
    ImportReport,
    RowResult,
    detect_format,
    import_file,
    match_place,
)
from tracker.model import Claim

SUFFIXES = {name: fmt.suffix for name, fmt in FORMATS.items()}


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
    return export_format(format).write(claims, path, place_lookup=place_lookup, progress=progress)


__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "IMPORT_FORMATS",
    "SUFFIXES",
    "FileFormat",
    "ImportReport",
    "RowResult",
    "detect_format",
    "export_claims",
    "export_format",
    "format_for_suffix",
    "import_file",
    "import_format",
    "match_place",
]
