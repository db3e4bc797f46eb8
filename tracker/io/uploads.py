"""Files that arrive from a browser upload: checked by type and size before anything reads
them, and never written under the name they came with (a name is only a label)."""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath, PureWindowsPath

from tracker.errors import InvalidInputError

MAX_IMPORT_BYTES = 20_000_000  # as .streamlit/config.toml's server.maxUploadSize (MB)
IMPORT_SUFFIXES = (".geojson", ".json", ".csv")


def display_name(name: str) -> str:
    """The last part of an uploaded file's name, for messages only (never for a path)."""
    base = PureWindowsPath(str(name)).name  # splits on / and \\ alike
    printable = "".join(ch if ch.isprintable() else "?" for ch in base)
    return printable[:80] or "the file"


def upload_suffix(name: str, data: bytes, *, allowed: tuple[str, ...], max_bytes: int) -> str:
    """The upload's lower-case suffix if it is an allowed type of a sane size; else a clear
    InvalidInputError."""
    shown = display_name(name)
    suffix = PurePath(shown).suffix.lower()
    if suffix not in allowed:
        raise InvalidInputError(f"{shown!r} is not one of the accepted types: {', '.join(allowed)}")
    if not data:
        raise InvalidInputError(f"{shown!r} is empty")
    if len(data) > max_bytes:
        raise InvalidInputError(
            f"{shown!r} is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB — "
            "split it, or import it with `tracker import` on the command line"
        )
    if b"\x00" in data[:65536]:
        raise InvalidInputError(f"{shown!r} is binary, not {suffix} text")
    return suffix


def import_upload(store, name: str, data: bytes, *, by=None, gazetteer=None, dry_run=False):
    """Import an uploaded GeoJSON or CSV file (all rows or none); returns the ImportReport.
    Raises ImportRowsError (with `.report`) when any row is bad."""
    from tracker.io import import_file

    suffix = upload_suffix(name, data, allowed=IMPORT_SUFFIXES, max_bytes=MAX_IMPORT_BYTES)
    with tempfile.TemporaryDirectory(prefix="tracker-upload-") as scratch:
        path = Path(scratch) / f"upload{suffix}"  # our name, whatever the browser sent
        path.write_bytes(data)
        return import_file(
            store,
            path,
            by=by,
            gazetteer=gazetteer,
            dry_run=dry_run,
            label=repr(display_name(name)),  # never the server's path
        )
