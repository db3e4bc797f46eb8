"""What the map's first visitor needs, kept on disk beside the database and keyed by its
revision: the claims payload of the whole store (and its columns) and the control areas of a
date. A restarted server (or one whose caches were prepared at start, `tracker.dashboard.warm`)
then serves its first visitor from files instead of rebuilding them (~6 s at 100,000 claims).

A file's name carries the revision it was made from (the history count, and the baselines
for control areas): a write makes a new name, so a stale file is never read; older ones are
pruned. Files are written whole and renamed into place (readers see all or nothing).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path

import numpy as np

from tracker import map_payload
from tracker.store.core import HistoryMark

FORMAT = 2  # bump when the files' layout changes (2: control labels are plain text)
KEEP = 8  # files kept per kind (the newest)
_ARRAYS = ("lat", "lon", "day", "visible", "side", "action", "status", "name", "claimant")


def cache_dir(url: str) -> Path:
    """Beside an SQLite file (`demo.db` → `demo.db.map-cache/`); for other databases under
    $TRACKER_DATA_DIR (or ~/.local/share/frontline-tracker)/map-cache/<hash of the URL>."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        return path.with_name(path.name + ".map-cache")
    from tracker.gazetteer import data_dir

    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    return data_dir() / "map-cache" / digest


def _name(kind: str, *key) -> str:
    return f"{kind}-{hashlib.sha256(repr((FORMAT, *key)).encode()).hexdigest()[:24]}"


def _write(folder: Path, name: str, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, folder / name)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    _prune(folder, name.split("-")[0])


def _prune(folder: Path, kind: str) -> None:
    files = []
    for path in folder.glob(f"{kind}-*"):
        with contextlib.suppress(FileNotFoundError):
            files.append((path.stat().st_mtime, path))
    for _, path in sorted(files)[:-KEEP]:
        path.unlink(missing_ok=True)


def _read(folder: Path, name: str) -> bytes | None:
    try:
        return (folder / name).read_bytes()
    except (FileNotFoundError, OSError):
        return None


# -- the claims of the whole store ---------------------------------------------------------


def map_regions() -> list[dict]:
    """The oblasts the map draws, in the order region-level claims refer to them."""
    from tracker.maps import regions_geojson

    return [f for f in regions_geojson()["features"] if not f["properties"]["parts"]]


def region_shapes() -> list:
    import shapely.geometry

    return [shapely.geometry.shape(f["geometry"]) for f in map_regions()]


def build_claims(records: list[dict], regions: list | None) -> tuple:
    """(columns, payload) of claim records, as the map draws them."""
    columns = map_payload.columns_from_records(records, regions=regions)
    return columns, map_payload.encode(columns)


def save_claims(
    url: str,
    revision: int,
    columns: map_payload.ClaimColumns,
    payload: bytes,
    mark: HistoryMark | None = None,
) -> None:
    """`mark`: the store's history mark the columns reflect, so that a server
    that loads them can grow them by later writes (tracker.map_grow)."""
    header = {
        "mark": [mark.count, mark.last_id, mark.last_key] if mark is not None else None,
        "ids": "\n".join(columns.ids),
        "names": list(columns.names),
        "claimants": list(columns.claimants),
        "origin": columns.origin.isoformat(),
        "digest": map_payload.digest(payload),
    }
    arrays = {key: getattr(columns, key) for key in _ARRAYS}
    if columns.region is not None:
        arrays["region"] = columns.region
    if columns.created is not None:
        arrays["created"] = columns.created
    if columns.sources is not None:
        arrays["sources"] = columns.sources
    import io

    buffer = io.BytesIO()
    np.savez(
        buffer,
        header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
        payload=np.frombuffer(payload, dtype=np.uint8),
        **arrays,
    )
    _write(cache_dir(url), _name("claims", url, revision) + ".npz", buffer.getvalue())


def load_claims(url: str, revision: int) -> tuple[map_payload.ClaimColumns, bytes] | None:
    """(columns, payload) saved for this revision of the store, or None."""
    saved = load_claims_marked(url, revision)
    return saved[:2] if saved is not None else None


# Claims files read into memory before the server took visitors (`preload`), by (URL, revision).
_PRELOADED: dict[tuple[str, int], tuple] = {}


def preload(url: str, revision: int) -> map_payload.ClaimColumns | None:
    """Read the claims file of this revision into memory now (a server starting up), so the
    first visitor's `load_claims_marked` finds it there; its columns, or None without one."""
    saved = _load_claims_file(url, revision)
    if saved is None:
        return None
    _PRELOADED[(url, revision)] = saved
    return saved[0]


def load_claims_marked(url: str, revision: int) -> tuple | None:
    """(columns, payload, the history mark they reflect or None) saved for this revision."""
    saved = _PRELOADED.pop((url, revision), None)
    return saved if saved is not None else _load_claims_file(url, revision)


def _load_claims_file(url: str, revision: int) -> tuple | None:
    raw = _read(cache_dir(url), _name("claims", url, revision) + ".npz")
    if raw is None:
        return None
    import io

    try:
        with np.load(io.BytesIO(raw), allow_pickle=False) as files:
            header = json.loads(files["header"].tobytes().decode())
            payload = files["payload"].tobytes()
            arrays = {key: files[key] for key in _ARRAYS}
            region = files["region"] if "region" in files.files else None
            created = files["created"] if "created" in files.files else None
            sources = files["sources"] if "sources" in files.files else None
    except (OSError, ValueError, KeyError):  # a damaged file: rebuild
        return None
    ids = tuple(header["ids"].split("\n")) if header["ids"] else ()
    columns = map_payload.ClaimColumns(
        ids=ids,
        names=tuple(header["names"]),
        claimants=tuple(header["claimants"]),
        origin=date.fromisoformat(header["origin"]),
        region=region,
        created=created,
        sources=sources,
        **arrays,
    )
    return columns, payload, _mark(header.get("mark"))


def _mark(saved: list | None) -> HistoryMark | None:
    if not saved:
        return None
    count, last_id, last_key = saved
    return HistoryMark(int(count), int(last_id), tuple(last_key) if last_key else None)


# -- control areas of a date -----------------------------------------------------------------


def save_control_day(url: str, counting: str, day: str, key: tuple, payload: dict) -> None:
    # (a local cache: quick to write matters more than small)
    body = gzip.compress(
        json.dumps(payload, separators=(",", ":")).encode(), compresslevel=1, mtime=0
    )
    _write(cache_dir(url), _name("control", url, counting, day, key) + ".json.gz", body)


def load_control_day(url: str, counting: str, day: str, key: tuple) -> dict | None:
    raw = _read(cache_dir(url), _name("control", url, counting, day, key) + ".json.gz")
    if raw is None:
        return None
    try:
        return json.loads(gzip.decompress(raw))
    except (OSError, ValueError, EOFError):
        return None
