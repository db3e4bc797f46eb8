"""Corroboration matching for a batch: the claims a batch's proposals may be, held in memory and
matched by `corroboration.find_match`'s rule, so a batch reads each stretch of days once instead
of asking the database once per proposal.

Same event: same side and action, dated within `corroboration.DAYS`, inside find_match's box
around the proposal, at the same place (the same place id, or within the radius of the coarser
precision), neither rejected nor deleted; the best is the same place id first, then the nearest,
then the oldest, then the earliest event, then by point and id.

The index is used inside the batch's write transaction: `sync` at its start forgets everything
when anyone else wrote to the claims since the batch's last chunk (the history grew), and
`remember` adds the claims the batch writes. It holds at most `MAX_CANDIDATES` claims; past that
it starts again empty (and reads what it needs again), so memory stays bounded. (On SQLite the
write transaction holds the lock, so the check is exact; on PostgreSQL a transaction that
commits between two chunks with an older history id than the batch's last one goes unseen
until the next change.)"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

import sqlalchemy as sa

from tracker.geo import haversine_km
from tracker.model import Claim, Status, parse_iso_date
from tracker.store.corroboration import DAYS, RADIUS_KM, _cos
from tracker.store.rows import CLAIM_COLUMNS, claim_from_row
from tracker.store.schema import claim_history, claims

MAX_CANDIDATES = 400_000
PRECISIONS = (1, 2, 3)
_KM_PER_DEGREE = 110.0  # a little under the haversine's 111.19: the search boxes err wide


# The radii within which a proposal of each precision matches claims of each precision.
_RADII = {
    mine: tuple(dict.fromkeys(RADIUS_KM[max(mine, theirs)] for theirs in PRECISIONS))
    for mine in PRECISIONS
}
_BOX_SPAN = RADIUS_KM[3] / 111.0 + 0.01  # corroboration._bounds's


def _lat_span(radius: float) -> float:
    return radius / _KM_PER_DEGREE + 0.01


# A claim of precision p is found by a proposal of precision q within RADIUS_KM[max(p, q)]:
# it is filed once per q, on that radius's grid, whose cells are twice the search box (at 60
# degrees of latitude), so a search looks in 2 x 2 cells (more only far north).
_CELL = {radius: 2 * _lat_span(radius) for radius in set(RADIUS_KM.values())}
_LON_CELL = {radius: 2 * cell for radius, cell in _CELL.items()}

_c = claims.c
# A candidate: what matching needs, in find_match's tie-break order after the distance.
# (place_id, lat, lon, precision, created_at, event_date, seq, id)
Candidate = tuple


def _precision(value) -> int:
    return int(value or 1)


class EventIndex:
    """The store's live claims by (side, action, day), on a grid per precision and by place id."""

    def __init__(self, store) -> None:
        self.store = store
        self._loaded: set[tuple[str, str, date]] = set()
        # (the latitudes of a cell's claims, in order, and the claims)
        self._grids: dict[tuple, tuple[list[float], list[Candidate]]] = {}
        self._places: dict[tuple, list[Candidate]] = {}
        self._size = 0
        self._seq = 0
        self._history_mark: int | None = None

    def clear(self) -> None:
        self._loaded.clear()
        self._grids.clear()
        self._places.clear()
        self._size = 0

    def __len__(self) -> int:
        return self._size

    # -- keeping in step with the database -------------------------------------------------
    def sync(self) -> None:
        """At the start of a write transaction: forget everything if the claims changed since
        `mark` (another writer, an analyst's edit)."""
        with self.store._reading() as conn:
            if self._history_mark is None or _last_history(conn) != self._history_mark:
                self.clear()

    def mark(self) -> None:
        """At the end of the batch's write transaction: what the index knows is the store now."""
        with self.store._reading() as conn:
            self._history_mark = _last_history(conn)

    def forget_mark(self) -> None:
        """The transaction failed: start again from the database next time."""
        self._history_mark = None
        self.clear()

    # -- matching ---------------------------------------------------------------------------
    def find(self, fields: Mapping) -> str | None:
        """The id of the claim `find_match` would return for these fields, or None."""
        day = fields["event_date"]
        day = day if isinstance(day, date) else parse_iso_date("event_date", day)
        side, action = str(fields["side"]), str(fields["action"])
        days = [day + timedelta(days=n) for n in range(-DAYS, DAYS + 1)]
        self._load(side, action, days)
        lat, lon = float(fields["lat"]), float(fields["lon"])
        # find_match's box (corroboration._bounds), computed the same way
        south, north = lat - _BOX_SPAN, lat + _BOX_SPAN
        west, east = lon - _BOX_SPAN / _cos(lat), lon + _BOX_SPAN / _cos(lat)
        point = (lat, lon)
        place_id = fields.get("place_id")
        mine = _precision(fields.get("precision"))
        found: dict[int, tuple] = {}

        def consider(candidate: Candidate, km: float | None = None) -> None:
            c_lat, c_lon = candidate[1], candidate[2]
            if not (south <= c_lat <= north and west <= c_lon <= east):
                return
            seq = candidate[6]
            if seq in found:
                return
            km = haversine_km(point, (c_lat, c_lon)) if km is None else km
            found[seq] = (candidate[0] != place_id, km, *candidate[4:6], c_lat, c_lon, candidate[7])

        grids = self._grids
        # (a cell's claims are in order of latitude: those further in latitude alone than a
        # radius's span are further than the radius, and not read; nor, without a haversine,
        # those further in longitude than its span there, as `_cells` reckons it)
        boxes = [
            (
                radius,
                _cells(radius, lat, lon),
                lat - _lat_span(radius),
                lat + _lat_span(radius),
                _lon_span(radius, lat),
            )
            for radius in _RADII[mine]
        ]
        for each in days:
            if place_id:
                for candidate in self._places.get((side, action, each, place_id), ()):
                    consider(candidate)
            for radius, cells, low, high, lon_span in boxes:
                for i, j in cells:
                    cell = grids.get((side, action, each, mine, radius, i, j))
                    if cell is None:
                        continue
                    lats, members = cell
                    for candidate in members[bisect_left(lats, low) : bisect_right(lats, high)]:
                        if abs(candidate[2] - lon) > lon_span:
                            continue
                        km = haversine_km(point, (candidate[1], candidate[2]))
                        if km <= radius:
                            consider(candidate, km)
        if not found:
            return None
        return min(found.values())[-1]

    def remember(self, claim: Claim) -> None:
        """A claim the batch just wrote (in a loaded stretch of days: else it is read later)."""
        key = (str(claim.side), str(claim.action), claim.event_date)
        if key in self._loaded and str(claim.status) != str(Status.REJECTED) and not claim.deleted:
            self._add(
                key,
                claim.place_id,
                claim.lat,
                claim.lon,
                claim.precision,
                claim.created_at,
                claim.id,
            )

    # -- internals ----------------------------------------------------------------------------
    def _add(self, key, place_id, lat, lon, precision, created_at, claim_id) -> None:
        self._seq += 1
        theirs = _precision(precision)
        candidate = (place_id, lat, lon, theirs, created_at, key[2], self._seq, claim_id)
        for mine in PRECISIONS:
            radius = RADIUS_KM[max(mine, theirs)]
            cell = (math.floor(lat / _CELL[radius]), math.floor(lon / _LON_CELL[radius]))
            lats, members = self._grids.setdefault((*key, mine, radius, *cell), ([], []))
            at = bisect_right(lats, lat)  # (in order of latitude, for `find`)
            lats.insert(at, lat)
            members.insert(at, candidate)
        if place_id:
            self._places.setdefault((*key, place_id), []).append(candidate)
        self._size += 1

    def _load(self, side: str, action: str, days: list[date]) -> None:
        missing = [d for d in days if (side, action, d) not in self._loaded]
        if not missing:
            return
        if self._size > MAX_CANDIDATES:
            self.clear()
            missing = days
        wanted = set(missing)
        stmt = sa.select(
            _c.event_date, _c.place_id, _c.lat, _c.lon, _c.precision, _c.created_at, _c.id
        ).where(
            _c.deleted_at.is_(None),
            _c.status != str(Status.REJECTED),
            _c.side == side,
            _c.action == action,
            _c.event_date.between(min(missing), max(missing)),
        )
        with self.store._reading() as conn:
            rows = conn.execute(stmt).all()
        for day, place_id, lat, lon, precision, created_at, claim_id in rows:
            if day in wanted and lat is not None and lon is not None:
                self._add((side, action, day), place_id, lat, lon, precision, created_at, claim_id)
        self._loaded.update((side, action, d) for d in missing)


def _lon_span(radius: float, lat: float) -> float:
    """How far in longitude (degrees) a point within `radius` km of latitude `lat` can be
    (wide: at the band's highest latitude, with `_KM_PER_DEGREE` under the haversine's)."""
    cos = math.cos(math.radians(min(89.0, abs(lat) + _lat_span(radius))))
    return radius / (_KM_PER_DEGREE * max(cos, 0.01)) + 0.01


@functools.lru_cache(maxsize=65_536)  # a batch names the same places again and again
def _cells(radius: float, lat: float, lon: float) -> tuple[tuple[int, int], ...]:
    """The grid cells (of `radius`'s grid) that can hold a point within `radius` km of
    (lat, lon)."""
    span_lat = _lat_span(radius)
    span_lon = _lon_span(radius, lat)
    lat_cell, lon_cell, floor = _CELL[radius], _LON_CELL[radius], math.floor
    return tuple(
        (i, j)
        for i in range(floor((lat - span_lat) / lat_cell), floor((lat + span_lat) / lat_cell) + 1)
        for j in range(floor((lon - span_lon) / lon_cell), floor((lon + span_lon) / lon_cell) + 1)
    )


def _last_history(conn) -> int:
    return conn.execute(sa.select(sa.func.max(claim_history.c.id))).scalar() or 0


def claims_by_id(store, ids: Iterable[str]) -> dict[str, Claim]:
    """Whole claims by id, in one query."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    with store._reading() as conn:
        rows = conn.execute(_CLAIMS_BY_ID, {"ids": wanted}).all()
    return {claim.id: claim for claim in map(claim_from_row, rows)}


# Built once (a statement made per call with the ids in it is hashed for the compiled cache
# each time: asked once per report of a batch)
_CLAIMS_BY_ID = sa.select(*CLAIM_COLUMNS).where(_c.id.in_(sa.bindparam("ids", expanding=True)))
