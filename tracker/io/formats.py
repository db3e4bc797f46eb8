"""The file formats claims are exported to and imported from, in one registry.

Each format carries its name (what `--format` takes), a label, its MIME type and file suffix,
and the functions that write and read it (imported when used: GeoPackage and KML need GDAL).
The CLI and the dashboard's downloads choose formats here; a new format is one entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import InvalidInputError

Records = Iterable[dict]
Writer = Callable[..., int]  # (claims, path, *, place_lookup, progress) -> claims written
Reader = Callable[..., list[tuple[str, dict]]]  # (path, *, label) -> (row label, record)


@dataclass(frozen=True, slots=True)
class FileFormat:
    """One export/import format."""

    name: str  # what --format takes: "geojson"
    label: str  # for people: "GeoJSON"
    mime: str  # the download's media type
    suffix: str  # the file name's ending, written and recognised: ".geojson"
    write: Writer | None = None
    read: Reader | None = None
    also_reads: tuple[str, ...] = ()  # other endings recognised on import (".json")
    text: bool = True  # one text file, so it can go to stdout
    uses_places: bool = False  # export fills columns from the gazetteer (place_lookup)

    @property
    def exports(self) -> bool:
        return self.write is not None

    @property
    def imports(self) -> bool:
        return self.read is not None


def _write_geojson(claims, path, *, place_lookup=None, progress=None) -> int:
    from tracker.io.geojson import export_geojson

    return export_geojson(claims, path, progress=progress)


def _read_geojson(path, *, label=None):
    from tracker.io.geojson import read_geojson

    return read_geojson(path, label=label)


def _write_csv(claims, path, *, place_lookup=None, progress=None) -> int:
    from tracker.io.csvfile import export_csv

    return export_csv(claims, path, place_lookup=place_lookup, progress=progress)


def _read_csv(path, *, label=None):
    from tracker.io.csvfile import read_csv

    return read_csv(path, label=label)


def _gis_writer(function: str) -> Writer:
    def write(claims, path, *, place_lookup=None, progress=None) -> int:
        from tracker.io import gis

        count = getattr(gis, function)(list(claims), path)
        if progress:
            progress(count)
        return count

    return write


FORMATS: dict[str, FileFormat] = {
    f.name: f
    for f in (
        FileFormat(
            "geojson",
            "GeoJSON",
            "application/geo+json",
            ".geojson",
            write=_write_geojson,
            read=_read_geojson,
            also_reads=(".json",),
        ),
        FileFormat(
            "csv", "CSV", "text/csv", ".csv", write=_write_csv, read=_read_csv, uses_places=True
        ),
        FileFormat(
            "gpkg",
            "GPKG",
            "application/geopackage+sqlite3",
            ".gpkg",
            write=_gis_writer("export_gpkg"),
            text=False,
        ),
        FileFormat(
            "kml",
            "KML",
            "application/vnd.google-earth.kml+xml",
            ".kml",
            write=_gis_writer("export_kml"),
            text=False,
        ),
    )
}
EXPORT_FORMATS: tuple[str, ...] = tuple(f.name for f in FORMATS.values() if f.exports)
IMPORT_FORMATS: tuple[str, ...] = tuple(f.name for f in FORMATS.values() if f.imports)


def export_format(name: str | None) -> FileFormat:
    """The export format called `name` (any case); InvalidInputError listing the known ones."""
    return _pick(name, EXPORT_FORMATS, "export")


def import_format(name: str | None) -> FileFormat:
    """The import format called `name` (any case); InvalidInputError listing the known ones."""
    return _pick(name, IMPORT_FORMATS, "import")


def _pick(name: str | None, known: tuple[str, ...], job: str) -> FileFormat:
    key = (name or "").strip().lower()
    if key not in known:
        shown = name if name is None or len(name) <= 40 else name[:40] + "…"
        raise InvalidInputError(f"unknown {job} format {shown!r}; known: {', '.join(known)}")
    return FORMATS[key]


def format_for_suffix(path: str | Path, known: tuple[str, ...]) -> FileFormat | None:
    """The format among `known` whose file ending `path` has, or None."""
    suffix = Path(path).suffix.lower()
    for name in known:
        fmt = FORMATS[name]
        if suffix == fmt.suffix or suffix in fmt.also_reads:
            return fmt
    return None
