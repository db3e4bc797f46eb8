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
# Where a claim of each precision is filed: (precision searching, radius, cell sizes).
_FILED = {
    theirs: tuple(
        (mine, radius, _CELL[radius], _LON_CELL[radius])
        for mine in PRECISIONS
        for radius in [RADIUS_KM[max(mine, theirs)]]
    )
    for theirs in PRECISIONS
}

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
        # (side, action, day) whose days around (`_around`) are all loaded
        self._ready: set[tuple[str, str, date]] = set()
        # (side, action, precision, radius) -> cell -> day -> the latitudes of the cell's
        # claims that day, in order, and the claims
        self._grids: dict[tuple, dict[tuple[int, int], dict[date, tuple[list, list]]]] = {}
        # (side, action, place id) -> day -> the claims
        self._places: dict[tuple, dict[date, list[Candidate]]] = {}
        self._size = 0
        self._seq = 0
        self._history_mark: int | None = None
        # claims a batch has planned but not written yet, by (side, action, day), for
        # stretches of days loaded before they are written (`remember(written=False)`)
        self._unwritten: dict[tuple[str, str, date], list[tuple]] = {}

    def clear(self) -> None:
        self._loaded.clear()
        self._ready.clear()
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
        self._unwritten.clear()
        self.clear()

    def forget_unwritten(self) -> None:
        """The claims remembered as not written yet will not be (rolled back): start again
        from the database."""
        self._unwritten.clear()
        self.clear()

    def written(self) -> None:
        """The claims remembered as not written yet are in the database now."""
        self._unwritten.clear()

    # -- matching ---------------------------------------------------------------------------
    def find(self, fields: Mapping) -> str | None:
        """The id of the claim `find_match` would return for these fields, or None."""
        day = fields["event_date"]
        day = day if isinstance(day, date) else parse_iso_date("event_date", day)
        side, action = str(fields["side"]), str(fields["action"])
        days = _around(day)
        if (side, action, day) not in self._ready:
            self._load(side, action, list(days))
            self._ready.add((side, action, day))
        lat, lon = float(fields["lat"]), float(fields["lon"])
        point = (lat, lon)
        place_id = fields.get("place_id")
        mine = _precision(fields.get("precision"))
        # find_match's box (corroboration._bounds) and each radius's cells and spans
        south, north, west, east, boxes = _search(mine, lat, lon)
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

        if place_id:
            by_day = self._places.get((side, action, place_id))
            if by_day is not None:
                for each in days:
                    for candidate in by_day.get(each, ()):
                        consider(candidate)
        # (a cell's claims are in order of latitude: those further in latitude alone than a
        # radius's span are further than the radius, and not read; nor, without a haversine,
        # those further in longitude than its span there, as `_cells` reckons it)
        grids = self._grids
        for radius, cells, low, high, lon_span in boxes:
            grid = grids.get((side, action, mine, radius))
            if grid is None:
                continue
            for cell_key in cells:
                by_day = grid.get(cell_key)
                if by_day is None:
                    continue
                for each in days:
                    cell = by_day.get(each)
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

    def remember(self, claim: Claim, *, written: bool = True) -> None:
        """A claim the batch just wrote (in a loaded stretch of days: else it is read later),
        or will write by `written()` (`written=False`: until then, a stretch of days loaded
        takes it from here)."""
        if str(claim.status) == str(Status.REJECTED) or claim.deleted:
            return
        key = (str(claim.side), str(claim.action), claim.event_date)
        values = (claim.place_id, claim.lat, claim.lon, claim.precision, claim.created_at, claim.id)
        if key in self._loaded:
            self._add(key, *values)
        elif not written:
            self._unwritten.setdefault(key, []).append(values)

    # -- internals ----------------------------------------------------------------------------
    def _add(self, key, place_id, lat, lon, precision, created_at, claim_id) -> None:
        self._seq += 1
        theirs = _precision(precision)
        candidate = (place_id, lat, lon, theirs, created_at, key[2], self._seq, claim_id)
        side, action, day = key
        grids = self._grids
        floor = math.floor
        for mine, radius, lat_cell, lon_cell in _FILED[theirs]:
            cell = (floor(lat / lat_cell), floor(lon / lon_cell))
            grid = grids.get((side, action, mine, radius))
            if grid is None:
                grid = grids[(side, action, mine, radius)] = {}
            by_day = grid.get(cell)
            if by_day is None:
                by_day = grid[cell] = {}
            found = by_day.get(day)
            if found is None:
                found = by_day[day] = ([], [])
            lats, members = found
            at = bisect_right(lats, lat)  # (in order of latitude, for `find`)
            lats.insert(at, lat)
            members.insert(at, candidate)
        if place_id:
            self._places.setdefault((side, action, place_id), {}).setdefault(day, []).append(
                candidate
            )
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
        for day in sorted(wanted):
            for values in self._unwritten.get((side, action, day), ()):
                self._add((side, action, day), *values)
        self._loaded.update((side, action, d) for d in missing)


@functools.lru_cache(maxsize=4_096)
def _around(day: date) -> tuple[date, ...]:
    """The days a claim on `day` may be the same event as (within DAYS)."""
    return tuple(day + timedelta(days=n) for n in range(-DAYS, DAYS + 1))


@functools.lru_cache(maxsize=65_536)  # a batch names the same places again and again
def _search(mine: int, lat: float, lon: float) -> tuple:
    """Where `find` looks for a proposal of precision `mine` at (lat, lon): find_match's box
    (corroboration._bounds, computed the same way: south, north, west, east) and, per
    radius, its grid cells, latitude band and longitude span."""
    boxes = tuple(
        (
            radius,
            _cells(radius, lat, lon),
            lat - _lat_span(radius),
            lat + _lat_span(radius),
            _lon_span(radius, lat),
        )
        for radius in _RADII[mine]
    )
    west, east = lon - _BOX_SPAN / _cos(lat), lon + _BOX_SPAN / _cos(lat)
    return lat - _BOX_SPAN, lat + _BOX_SPAN, west, east, boxes


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
