"""Claims as a compact columnar payload for a map drawn in the browser (no folium, no
Streamlit): quantised coordinates, day offsets, small-int codes and string tables, gzipped.

One payload holds every claim of a selection (filters applied, any date); the browser shows
those visible as of a date (`visible <= as_of`) and highlights the last days (`day >= since`),
so moving the date sends nothing but the date. The claim at position `i` of the payload is
`ClaimColumns.ids[i]`: a click in the browser names a position, the server maps it to the id.

An optional `sources` column (uint8) gives each claim's number of independent claimants; it
is left out when every claim has one.

Layout (little-endian): b"FTC1", uint32 header length, the header (UTF-8 JSON: n, origin,
scale, vocabularies, string tables, column dtypes and offsets), then the columns, each
starting at a multiple of 4 bytes (offsets in the header count from the first
multiple of 4 after it). The whole is gzipped (`DecompressionStream('gzip')`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np

# The vocabularies a code indexes (the map's styles are listed in the same order).
from tracker.map_styles import ACTIONS, SIDES, STATUSES, drawn_as_region

DIGITS = 4  # decimals of the positions a browser gets (1e-4° ≈ 11 m)

MAGIC = b"FTC1"
SCALE = 10_000  # coordinates in 1e-4 degrees (about 11 m)
# code = side << 6 | action << 3 | status (3 bits each for 6 statuses and 7 actions, and the
# next code for a value outside the vocabulary); the browser reads the shifts from the header.
_SIDE_SHIFT, _ACTION_SHIFT = 6, 3


class PayloadError(ValueError):
    """A payload that does not decode (wrong magic, truncated, unknown dtype)."""


@dataclass(frozen=True, eq=False)
class ClaimColumns:
    """The claims of one selection as arrays, in the store's order (oldest event first).

    `day` is the event date and `visible` the first day the claim counts as of (the later of
    its event date and its report date, as `Store.claims(as_of=...)` decides), both as days
    since `origin`."""

    ids: tuple[str, ...]
    lat: np.ndarray  # float64 degrees
    lon: np.ndarray
    day: np.ndarray  # int32
    visible: np.ndarray  # int32
    side: np.ndarray  # uint8 index into SIDES (len(SIDES) = other)
    action: np.ndarray  # uint8 index into ACTIONS
    status: np.ndarray  # uint8 index into STATUSES
    name: np.ndarray  # uint32 index into names
    claimant: np.ndarray  # uint32 index into claimants
    names: tuple[str, ...]
    claimants: tuple[str, ...]
    origin: date
    # For region-level claims (precision 3): the index of the region drawn for them (a
    # feature of the map's regions file), NO_REGION for the others; None when not computed.
    region: np.ndarray | None = None
    # The store's second sort key (created_at, µs since the epoch) when the records carried
    # it: what `tracker.map_grow` needs to place new claims where the store's order puts them.
    created: np.ndarray | None = None
    # Independent claimants backing each claim (uint8, capped at 255) when the records carried
    # `source_count` (tracker.store.source_counts); None: not known, every claim has one.
    sources: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def day_of(self, value: date) -> int:
        return (value - self.origin).days

    def date_of(self, day: int) -> date:
        return self.origin + timedelta(days=int(day))

    def shown(self, as_of: date) -> np.ndarray:
        """Boolean mask of the claims visible as of a date."""
        return self.visible <= self.day_of(as_of)

    def counts(self, as_of: date, since: date) -> tuple[int, int]:
        """(claims visible as of the date, of which with an event date on or after `since`)."""
        shown = self.shown(as_of)
        return int(shown.sum()), int((shown & (self.day >= self.day_of(since))).sum())

    def first_date(self, as_of: date) -> date | None:
        """The earliest event date among the claims visible as of the date."""
        days = self.day[self.shown(as_of)]
        return self.date_of(days.min()) if len(days) else None

    def span(self) -> tuple[date, date] | None:
        """First and last event date of the selection."""
        if not len(self):
            return None
        return self.date_of(self.day.min()), self.date_of(self.day.max())

    def visible_span(self) -> tuple[date, date] | None:
        """The first and last day on which a claim becomes visible (the dates a slider needs:
        a claim dated on the first event day but reported a day later shows from that day)."""
        if not len(self):
            return None
        return self.date_of(self.visible.min()), self.date_of(self.visible.max())

    def reported_later(self, as_of: date) -> int:
        """Claims dated on or before the date but reported after it (not yet visible)."""
        day = self.day_of(as_of)
        return int(((self.day <= day) & (self.visible > day)).sum())

    def label(self, i: int) -> str:
        """A one-line label of claim `i` that tells it from others at the same place and date
        (claimant, short id; plain text, not escaped)."""
        return (
            f"{self.date_of(self.day[i]).isoformat()} · {self.names[self.name[i]]} · "
            f"{_word(SIDES, self.side[i])} {_word(ACTIONS, self.action[i])} · "
            f"{self.claimants[self.claimant[i]] or '?'} · {self.ids[i][:8]}"
        )


def _word(vocabulary: tuple[str, ...], code: int) -> str:
    return vocabulary[code] if code < len(vocabulary) else "other"


def _codes(values: list, vocabulary: tuple[str, ...]) -> np.ndarray:
    index = {v: i for i, v in enumerate(vocabulary)}
    other = len(vocabulary)
    return np.fromiter((index.get(v, other) for v in values), dtype=np.uint8, count=len(values))


def _interned(values: list) -> tuple[np.ndarray, tuple[str, ...]]:
    table: dict[str, int] = {}
    codes = np.fromiter(
        (table.setdefault("" if v is None else str(v), len(table)) for v in values),
        dtype=np.uint32,
        count=len(values),
    )
    return codes, tuple(table)


NO_REGION = 0xFFFF


def region_positions(records: list[Mapping], regions: list | None) -> np.ndarray | None:
    """Per claim, the index of the region (shapely geometries) holding the point of a claim
    drawn as its region (precision 3: `map_styles.drawn_as_region`), else NO_REGION; None
    when no regions are given."""
    if regions is None:
        return None
    import shapely

    out = np.full(len(records), NO_REGION, dtype=np.uint16)
    rows = [k for k, r in enumerate(records) if drawn_as_region(r.get("precision"))]
    if not rows:
        return out
    lon = np.array([float(records[k]["lon"]) for k in rows])
    lat = np.array([float(records[k]["lat"]) for k in rows])
    found = np.full(len(rows), NO_REGION, dtype=np.uint16)
    for index, geometry in enumerate(regions):
        inside = shapely.contains_xy(geometry, lon, lat) & (found == NO_REGION)
        found[inside] = index
    out[rows] = found
    return out


def columns_from_records(records: Iterable[Mapping], regions: list | None = None) -> ClaimColumns:
    """ClaimColumns from `Store.claim_records()` dicts (ISO dates, plain values); with
    `regions` (shapely geometries, the map's regions in order) region-level claims name theirs."""
    records = list(records)
    n = len(records)
    event = [r["event_date"] for r in records]
    reported = [r.get("reported_at") for r in records]
    ordinals = np.fromiter(
        (date.fromisoformat(str(d)).toordinal() for d in event), dtype=np.int64, count=n
    )
    origin = date.fromordinal(int(ordinals.min())) if n else date(2000, 1, 1)
    day = (ordinals - origin.toordinal()).astype(np.int32)
    reported_day = np.fromiter(
        (
            date.fromisoformat(str(d)[:10]).toordinal() - origin.toordinal() if d else -(2**31)
            for d in reported
        ),
        dtype=np.int64,
        count=n,
    )
    visible = np.maximum(day, reported_day).astype(np.int32)
    name, names = _interned([r.get("name") for r in records])
    claimant, claimants = _interned([r.get("claimant") for r in records])
    return ClaimColumns(
        ids=tuple(str(r["id"]) for r in records),
        lat=np.fromiter((float(r["lat"]) for r in records), dtype=np.float64, count=n),
        lon=np.fromiter((float(r["lon"]) for r in records), dtype=np.float64, count=n),
        day=day,
        visible=visible,
        side=_codes([r.get("side") for r in records], SIDES),
        action=_codes([r.get("action") for r in records], ACTIONS),
        status=_codes([r.get("status") for r in records], STATUSES),
        name=name,
        claimant=claimant,
        names=names,
        claimants=claimants,
        origin=origin,
        region=region_positions(records, regions),
        created=created_keys(records),
        sources=source_counts(records),
    )


MAX_SOURCES = 255


def source_counts(records: list[Mapping]) -> np.ndarray | None:
    """Each record's `source_count` (1 when missing) as uint8, or None when no record has one."""
    if not any("source_count" in r for r in records):
        return None
    return np.fromiter(
        (min(MAX_SOURCES, max(1, int(r.get("source_count") or 1))) for r in records),
        dtype=np.uint8,
        count=len(records),
    )


def created_keys(records: list[Mapping]) -> np.ndarray | None:
    """created_at of each record as µs since the epoch (int64), None if a record lacks it."""
    if any(not r.get("created_at") for r in records):
        return None
    epoch = datetime(1970, 1, 1, tzinfo=UTC)

    def micros(value) -> int:
        moment = datetime.fromisoformat(str(value))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return (moment - epoch) // timedelta(microseconds=1)

    return np.fromiter(
        (micros(r["created_at"]) for r in records),
        dtype=np.int64,
        count=len(records),
    )


def _index_dtype(size: int) -> np.dtype:
    if size <= 0xFF:
        return np.dtype("<u1")
    if size <= 0xFFFF:
        return np.dtype("<u2")
    return np.dtype("<u4")


def _columns(c: ClaimColumns) -> list[tuple[str, np.ndarray]]:
    lag = np.clip(c.visible.astype(np.int64) - c.day, 0, 0xFFFF)
    code = (
        (c.side.astype(np.uint16) << _SIDE_SHIFT)
        | (c.action.astype(np.uint16) << _ACTION_SHIFT)
        | c.status
    )
    return [
        ("lat", np.round(c.lat * SCALE).astype("<i4")),
        ("lon", np.round(c.lon * SCALE).astype("<i4")),
        ("day", c.day.astype("<u2")),
        ("lag", lag.astype("<u2")),
        ("code", code.astype("<u1")),
        ("name", c.name.astype(_index_dtype(len(c.names)))),
        ("claimant", c.claimant.astype(_index_dtype(len(c.claimants)))),
    ] + (
        ([("region", c.region.astype("<u2"))] if c.region is not None else [])
        # Only when some claim has more than one independent claimant: no bytes otherwise.
        + ([("sources", c.sources.astype("<u1"))] if corroborated(c) else [])
    )


def corroborated(c: ClaimColumns) -> bool:
    """Whether some claim of the columns is backed by more than one independent claimant."""
    return c.sources is not None and bool((c.sources > 1).any())


def encode(columns: ClaimColumns) -> bytes:
    """The gzipped binary payload (deterministic: the same claims give the same bytes)."""
    n = len(columns)
    if n and int(columns.day.max()) > 0xFFFF:
        raise PayloadError("the claims span more than 65,535 days; split the selection")
    arrays = _columns(columns)
    header: dict = {
        "n": n,
        "origin": columns.origin.isoformat(),
        "scale": SCALE,
        "sides": list(SIDES),
        "actions": list(ACTIONS),
        "statuses": list(STATUSES),
        "codes": {"side_shift": _SIDE_SHIFT, "action_shift": _ACTION_SHIFT},
        "names": list(columns.names),
        "claimants": list(columns.claimants),
        "columns": [],
    }
    # Column offsets count from the first 4-byte boundary after the header.
    offset = 0
    for name, array in arrays:
        header["columns"].append({"name": name, "dtype": array.dtype.str[1:], "offset": offset})
        offset = _align(offset + array.nbytes)
    raw = json.dumps(header, separators=(",", ":")).encode()  # ASCII: no surrogate trouble
    start = _align(8 + len(raw))
    parts = [MAGIC, struct.pack("<I", len(raw)), raw, b"\0" * (start - 8 - len(raw))]
    for (_, array), column in zip(arrays, header["columns"], strict=True):
        parts.append(b"\0" * (start + column["offset"] - sum(map(len, parts))))
        parts.append(array.tobytes())
    # Level 1: within 1% of level 6's size for these columns, five times quicker (a busy
    # store re-encodes each selection it grows).
    return gzip.compress(b"".join(parts), compresslevel=1, mtime=0)


def _align(offset: int) -> int:
    return (offset + 3) & ~3


_DTYPES = {"u1": "<u1", "u2": "<u2", "u4": "<u4", "i4": "<i4"}


def decode(payload: bytes) -> dict:
    """The header and the columns of a payload as numpy arrays (what the browser decodes)."""
    try:
        data = gzip.decompress(payload)
    except (OSError, EOFError) as exc:
        raise PayloadError(f"the payload is not gzip data: {exc}") from None
    if data[:4] != MAGIC:
        raise PayloadError(f"the payload starts with {data[:4]!r}, not {MAGIC!r}")
    (length,) = struct.unpack_from("<I", data, 4)
    header = json.loads(data[8 : 8 + length].decode())
    start = _align(8 + length)
    n = header["n"]
    out: dict = {"header": header}
    for column in header["columns"]:
        dtype = _DTYPES.get(column["dtype"])
        if dtype is None:
            raise PayloadError(f"unknown column dtype {column['dtype']!r}")
        offset = start + column["offset"]
        if offset + n * np.dtype(dtype).itemsize > len(data):
            raise PayloadError(f"column {column['name']!r} is truncated")
        out[column["name"]] = np.frombuffer(data, dtype=dtype, count=n, offset=offset)
    return out


def digest(payload: bytes) -> str:
    """A short content hash: the payload's file name and the revision a click refers to."""
    return hashlib.sha256(payload).hexdigest()[:20]


def compact_geojson(obj, digits: int = DIGITS):
    """A GeoJSON object with coordinates rounded to `digits` decimals (1e-4° ≈ 11 m), for
    sending to a browser; other members are kept as they are."""
    if isinstance(obj, dict):
        return {
            k: _round_coords(v, digits) if k == "coordinates" else compact_geojson(v, digits)
            for k, v in obj.items()
        }
    if isinstance(obj, list):
        return [compact_geojson(v, digits) for v in obj]
    return obj


def _round_coords(value, digits: int):
    if isinstance(value, list | tuple):
        return [_round_coords(v, digits) for v in value]
    return round(float(value), digits)


def gzip_json(obj) -> bytes:
    """Compact, deterministic gzipped JSON (for files the browser fetches)."""
    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    return gzip.compress(raw, compresslevel=6, mtime=0)
