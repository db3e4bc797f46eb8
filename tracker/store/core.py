"""The claim store: one URL opens an SQLite file (default) or PostgreSQL+PostGIS."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import threading
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import UTC, date, datetime

import sqlalchemy as sa

from tracker.access import Identity, local_identity
from tracker.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    StoreBusyError,
    StoreError,
    StoreUnavailableError,
)
from tracker.model import (
    MAX_REPORT_CHARS,
    MAX_ROWS,
    REVIEW_STATUSES,
    Action,
    Claim,
    Place,
    PlaceKind,
    Report,
    Side,
    Status,
    check_claim_id,
    check_coordinates,
    check_int,
    parse_iso_date,
    validate_claim_fields,
)
from tracker.store import migrations
from tracker.store.dialects import DEFAULT_URL as DEFAULT_URL  # re-exported: the CLI reads it
from tracker.store.dialects import dialect_for, display_url, resolve_url
from tracker.store.engines import casefold, is_memory, set_synchronous
from tracker.store.rows import CLAIM_COLUMNS, claim_from_row, claim_row, record_from_raw
from tracker.store.schema import (
    UTCDateTime,
    baselines,
    claim_history,
    claims,
    custom_places,
    reports,
)

INSERT_BATCH = 2_000


def _first_line(error: object) -> str:
    return (str(error).strip().splitlines() or ["no answer"])[0][:200]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class BBox:
    """A bounding box in degrees; `west > east` means it crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        check_coordinates(self.south, self.west)
        check_coordinates(self.north, self.east)
        if self.south > self.north:
            raise InvalidInputError(
                f"bounding box south {self.south} is north of its north edge {self.north}"
            )

    @classmethod
    def parse(cls, text: str) -> BBox:
        """'WEST,SOUTH,EAST,NORTH' (the GeoJSON / RFC 7946 order)."""
        try:
            west, south, east, north = (float(p) for p in text.split(","))
        except ValueError:
            raise InvalidInputError(
                f"bounding box {text!r} is not WEST,SOUTH,EAST,NORTH (e.g. 36.5,47.5,38.5,49)"
            ) from None
        return cls(west, south, east, north)


def _tuple(value, enum_type=None) -> tuple | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str | int) else list(value)
    if enum_type is None:
        return tuple(items)
    out = []
    for item in items:
        try:
            out.append(
                enum_type(item.upper() if enum_type is Side else item.lower())
                if isinstance(item, str)
                else enum_type(item)
            )
        except ValueError:
            allowed = ", ".join(str(m) for m in enum_type)
            raise InvalidInputError(f"{item!r} is not one of: {allowed}") from None
    return tuple(out)


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Filters for `Store.claims`; every filter given must hold.

    Without a `status` filter, proposed and rejected claims (the review queue) are left out:
    they are on no map, in no export and in no count until asked for by status.
    `since`/`until` bound `event_date` (inclusive). `as_of` is the view on that day: claims that
    had happened and been reported by then (event_date and reported_at not after it). `bbox`
    is a BBox. `side`, `action`, `status` take one value or several. `claimant` matches
    case-insensitively; `place` is a place id or a place name; `text` searches name, claimant,
    source, quote and notes, and with `text_places` (place ids and names, e.g. the places the
    text names in any spelling: `tracker.place_filter`) also matches claims at those places.
    """

    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    bbox: BBox | None = None
    side: tuple[Side, ...] | None = None
    action: tuple[Action, ...] | None = None
    status: tuple[Status, ...] | None = None
    claimant: str | None = None
    place: str | None = None
    text: str | None = None
    text_places: tuple[str, ...] | None = None
    ids: tuple[str, ...] | None = None
    include_deleted: bool = False
    only_deleted: bool = False
    limit: int | None = None
    offset: int = 0

    @classmethod
    def build(cls, **filters) -> ClaimQuery:
        """Like the constructor, but accepts strings for dates, bbox and vocabularies."""
        values = {k: v for k, v in filters.items() if v is not None and v != ()}
        for key in ("since", "until", "as_of"):
            if isinstance(values.get(key), str):
                values[key] = parse_iso_date(key, values[key])
        for key in ("limit", "offset"):
            if key in values:
                values[key] = check_int(key, values[key], 0, MAX_ROWS)
        if isinstance(values.get("bbox"), str):
            values["bbox"] = BBox.parse(values["bbox"])
        elif isinstance(values.get("bbox"), Sequence):
            values["bbox"] = BBox(*values["bbox"])
        if "ids" in values:
            values["ids"] = tuple(str(i) for i in values["ids"])
        for key, enum_type in (("side", Side), ("action", Action), ("status", Status)):
            if key in values:
                values[key] = _tuple(values[key], enum_type)
        return cls(**values)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One append-only record: what a claim was before and after an operation, by whom, when."""

    claim_id: str
    version: int
    op: str
    author: str | None
    at: datetime
    before: dict | None
    after: dict | None

    def to_dict(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "version": self.version,
            "op": self.op,
            "author": self.author,
            "at": self.at.isoformat(),
            "before": self.before,
            "after": self.after,
        }


@dataclass(frozen=True, slots=True)
class HistoryMark:
    """A point in the append-only history: its length, its last row's id and that row's
    (claim id, version), which tells the same history from another database's."""

    count: int
    last_id: int
    last_key: tuple[str, int] | None


def report_sha256(text: str) -> str:
    """Hash of a report's text with Unicode and whitespace normalised, for dedupe."""
    # (a batch asks it of one report three times: whether it is known, again in the write
    # transaction, and to store it: the last text's is remembered)
    global _LAST_SHA256
    known, digest = _LAST_SHA256
    if known is text:
        return digest
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    # (a lone surrogate hashes too: the report is refused by `report_values`, not a batch)
    digest = hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()
    _LAST_SHA256 = (text, digest)
    return digest


_LAST_SHA256: tuple[str | None, str] = (None, "")


# The stored reports among some hashes and URLs (compiled once: asked once per batch chunk).
_KNOWN_REPORTS = sa.select(reports.c.sha256, reports.c.source_url).where(
    sa.or_(
        reports.c.sha256.in_(sa.bindparam("hashes", expanding=True)),
        reports.c.source_url.in_(sa.bindparam("urls", expanding=True)),
    )
)


def report_values(
    text: str,
    published: date | str | None,
    source_name: str | None,
    source_url: str | None,
    language: str | None,
) -> dict:
    """A report's checked metadata (published, source_name, source_url, language) as the
    store keeps it; InvalidInputError for a text or metadata it refuses."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInputError("the report text is empty")
    if len(text) > MAX_REPORT_CHARS:
        raise InvalidInputError(
            f"the report is {len(text):,} characters long; the limit is {MAX_REPORT_CHARS:,}"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInputError("the report text has an unpaired surrogate character") from None
    meta = validate_claim_fields(
        {"reported_at": published, "source_name": source_name, "source_url": source_url},
        partial=True,
    )
    return {
        "published": meta["reported_at"],
        "source_name": meta["source_name"],
        "source_url": meta["source_url"],
        "language": (language or None) and language.strip()[:16],
    }


class Store:
    """Claims with full history, reports and custom places, behind one database URL.

    SQLite (default): WAL mode, a busy timeout, one write path that begins IMMEDIATE
    transactions and a separate read-only path, so readers never block writers.
    PostgreSQL+PostGIS: a generated `geometry(Geometry, 4326)` column with a GiST index does
    the spatial filtering in the database.
    """

    def __init__(
        self,
        url: str | os.PathLike | None = None,
        *,
        migrate: bool = True,
        identity: Identity | None = None,
    ) -> None:
        self.url = resolve_url(url)
        # Who writes: every write checks this identity's role and records its name as the
        # author. Default: the local user as admin (a laptop install, the CLI).
        self.identity = identity or local_identity()
        self.backend = dialect_for(self.url)
        self.dialect = self.backend.sqlalchemy_name
        self._write, self._read = self.backend.open_engines(self.url)
        self._local = threading.local()
        if migrate:
            self.migrate()

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def is_postgis(self) -> bool:
        return self.backend.is_postgis

    @property
    def display_url(self) -> str:
        return display_url(self.url)

    def migrate(self) -> list[int]:
        """Bring the schema up to date; returns the steps applied now."""
        try:
            with self._reading() as conn:  # the common case needs no write lock
                if max(migrations.applied_versions(conn), default=0) == migrations.LATEST:
                    return []
            with self.transaction() as conn:
                return migrations.migrate(conn)
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot open the database {self.display_url}: {exc.orig}") from None

    def schema_version(self) -> int:
        with self._reading() as conn:
            done = migrations.applied_versions(conn)
        return max(done, default=0)

    def acting_as(self, identity: Identity) -> Store:
        """The same database (shared engines), writing as `identity`; don't close the copy."""
        other = copy.copy(self)
        other.identity = identity
        return other

    def _author(self, operation: str, by: str | None) -> str:
        """Check the role for `operation`; the author is `by` (CLI --as) or the identity."""
        self.identity.require(operation)
        return (by or "").strip()[:100] or self.identity.name

    def close(self) -> None:
        self._write.dispose()
        if self._read is not self._write:
            self._read.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.display_url!r})"

    # -- transactions --------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """One atomic write: everything inside commits together or not at all.

        Store methods called inside join the open transaction (like sqlite-utils' atomic()).
        """
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        with self._unavailable_as_error(), self._write.begin() as conn:
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None

    @contextmanager
    def bulk_commits(self) -> Iterator[None]:
        """For a bulk ingestion: SQLite commits without waiting for the disk each time
        (`synchronous = NORMAL` in WAL mode, `engines.SYNCHRONOUS`). The database stays
        consistent whatever happens and a crash of the program loses nothing committed; a
        power loss may lose the last transactions, which a batch run again writes again (it
        skips what is stored). Nothing changes on PostgreSQL or in memory."""
        if self.is_postgis or is_memory(self.url):
            yield
            return
        before = self._write.dialect.tracker_synchronous
        set_synchronous(self._write, "NORMAL")
        try:
            yield
        finally:
            set_synchronous(self._write, before)

    @contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        with self._unavailable_as_error(), self._read.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _unavailable_as_error(self) -> Iterator[None]:
        """A database that stops answering becomes one clear StoreUnavailableError (the open
        transaction is rolled back, so nothing half-written remains); SQL errors pass through."""
        try:
            yield
        except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
            if not self._is_outage(exc):
                raise
            if self._is_busy(exc):
                raise StoreBusyError(
                    f"the database {self.display_url} is busy: another writer (a big import?) "
                    "holds its write lock; nothing was written — try again in a moment"
                ) from exc
            raise StoreUnavailableError(
                f"the database {self.display_url} is unavailable ({_first_line(exc.orig)}); "
                "nothing was written — try again when it is back"
            ) from exc

    def _is_busy(self, exc: sa.exc.DBAPIError) -> bool:
        text = str(exc.orig).lower()
        return not self.is_postgis and ("locked" in text or "busy" in text)

    def _is_outage(self, exc: sa.exc.DBAPIError) -> bool:
        if self.is_postgis:  # psycopg raises OperationalError only for connection trouble
            return True
        text = str(exc.orig).lower()
        return any(s in text for s in ("locked", "unable to open", "disk i/o", "readonly"))

    # -- claims: writes ------------------------------------------------------------------------

    def _log(
        self,
        conn: sa.Connection,
        op: str,
        author: str | None,
        at: datetime,
        before: Claim | None,
        after: Claim,
    ) -> None:
        conn.execute(
            claim_history.insert().values(
                claim_id=after.id,
                version=after.version,
                op=op,
                author=author,
                at=at,
                before=before.to_dict() if before else None,
                after=after.to_dict(),
            )
        )

    def add_claim(
        self,
        fields: Mapping[str, object],
        *,
        by: str | None = None,
        claim_id: str | None = None,
        allow_old_dates: bool = False,
    ) -> Claim:
        """Validate and record a new claim (version 1); returns it as stored."""
        by = self._author("add", by)
        values = validate_claim_fields(fields, allow_old_dates=allow_old_dates)
        now = utcnow()
        claim = Claim(
            id=check_claim_id(claim_id),
            **values,
            created_by=by,
            created_at=now,
            updated_at=now,
            version=1,
        )
        with self.transaction() as conn:
            if self._exists(conn, claim.id):
                raise ConflictError(f"a claim with id {claim.id} already exists")
            conn.execute(claims.insert().values(claim_row(claim)))
            self._log(conn, "insert", by, now, None, claim)
        return claim

    def insert_claims(
        self,
        items: Iterable[Claim],
        *,
        by: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Record complete claims as they are (imports keep ids, times and versions).

        Each gets an `import` history entry. All in one transaction: all or nothing.
        """
        by = self._author("import", by)
        now = utcnow()
        count = 0
        with self.transaction() as conn:
            batch: list[Claim] = []

            def flush() -> None:
                self.backend.insert_rows(conn, claims, [claim_row(c) for c in batch])
                self.backend.insert_rows(
                    conn,
                    claim_history,
                    [
                        {
                            "claim_id": c.id,
                            "version": c.version,
                            "op": "import",
                            "author": by,
                            "at": now,
                            "before": None,
                            "after": c.to_dict(),
                        }
                        for c in batch
                    ],
                )
                if progress:
                    progress(len(batch))
                batch.clear()

            for claim in items:
                batch.append(claim)
                count += 1
                if len(batch) >= INSERT_BATCH:
                    flush()
            if batch:
                flush()
        return count

    def _exists(self, conn: sa.Connection, claim_id: str) -> bool:
        found = conn.execute(sa.select(claims.c.id).where(claims.c.id == claim_id)).first()
        return found is not None

    def _locked(self, conn: sa.Connection, claim_id: str) -> Claim:
        row = conn.execute(
            sa.select(*CLAIM_COLUMNS).where(claims.c.id == claim_id).with_for_update()
        ).first()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id!r}")
        return claim_from_row(row)

    def _write_version(
        self, conn: sa.Connection, op: str, by: str | None, before: Claim, after: Claim
    ) -> None:
        result = conn.execute(
            claims.update()
            .where(claims.c.id == before.id, claims.c.version == before.version)
            .values(claim_row(after))
        )
        if result.rowcount != 1:  # cannot happen under the row lock; never overwrite blindly
            raise ConflictError(f"claim {before.id} changed while it was being written")
        self._log(conn, op, by, after.updated_at, before, after)

    @staticmethod
    def _check_version(current: Claim, version: int | None) -> None:
        if version is not None and int(version) != current.version:
            raise ConflictError(
                f"claim {current.id} is at version {current.version}, but the edit was made on "
                f"version {version}; reload it and apply the edit again",
                current_version=current.version,
            )

    def update_claim(
        self,
        claim_id: str,
        changes: Mapping[str, object],
        *,
        version: int | None,
        by: str | None = None,
        allow_old_dates: bool = False,
    ) -> Claim:
        """Apply `changes` to the claim if it is still at `version` (optimistic locking).

        A stale version raises ConflictError naming the current one; nothing is overwritten.
        `version=None` skips the check (only for callers that just read the claim).
        """
        by = self._author("edit", by)
        values = validate_claim_fields(changes, partial=True, allow_old_dates=allow_old_dates)
        with self.transaction() as conn:
            current = self._locked(conn, claim_id)
            self._check_version(current, version)
            if current.deleted:
                raise InvalidInputError(
                    f"claim {claim_id} is deleted; restore it before editing it"
                )
            if all(getattr(current, k) == v for k, v in values.items()):
                return current
            updated = replace(current, **values, updated_at=utcnow(), version=current.version + 1)
            self._write_version(conn, "update", by, current, updated)
        return updated

    def delete_claim(
        self, claim_id: str, *, by: str | None = None, version: int | None = None
    ) -> Claim:
        """Soft delete: the claim leaves queries but stays in the store and its history."""
        return self._set_deleted(claim_id, True, by=self._author("delete", by), version=version)

    def restore_claim(
        self, claim_id: str, *, by: str | None = None, version: int | None = None
    ) -> Claim:
        """Undo a soft delete."""
        return self._set_deleted(claim_id, False, by=self._author("restore", by), version=version)

    def _set_deleted(self, claim_id: str, deleted: bool, *, by: str, version: int | None) -> Claim:
        with self.transaction() as conn:
            current = self._locked(conn, claim_id)
            self._check_version(current, version)
            if current.deleted == deleted:
                state = "already deleted" if deleted else "not deleted"
                raise InvalidInputError(f"claim {claim_id} is {state}")
            now = utcnow()
            changed = replace(
                current,
                deleted_at=now if deleted else None,
                updated_at=now,
                version=current.version + 1,
            )
            self._write_version(conn, "delete" if deleted else "restore", by, current, changed)
        return changed

    # -- claims: reads -------------------------------------------------------------------------

    def get_claim(self, claim_id: str) -> Claim:
        """The claim with this id, deleted or not."""
        with self._reading() as conn:
            row = conn.execute(sa.select(*CLAIM_COLUMNS).where(claims.c.id == claim_id)).first()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id!r}")
        return claim_from_row(row)

    def _where(self, query: ClaimQuery) -> list:
        c = claims.c
        where: list = []
        if query.only_deleted:
            where.append(c.deleted_at.is_not(None))
        elif not query.include_deleted:
            where.append(c.deleted_at.is_(None))
        if query.since:
            where.append(c.event_date >= query.since)
        if query.until:
            where.append(c.event_date <= query.until)
        if query.as_of:
            where.append(c.event_date <= query.as_of)
            where.append(sa.or_(c.reported_at.is_(None), c.reported_at <= query.as_of))
        if query.bbox:
            where.append(self._bbox_clause(query.bbox))
        if query.side:
            where.append(c.side.in_([str(s) for s in query.side]))
        if query.action:
            where.append(c.action.in_([str(a) for a in query.action]))
        if query.status:
            where.append(c.status.in_([str(s) for s in query.status]))
        else:  # the review queue (proposed, rejected) only when its statuses are asked for
            where.append(c.status.not_in([str(s) for s in sorted(REVIEW_STATUSES)]))
        if query.claimant:
            where.append(self._fold(c.claimant) == casefold(query.claimant.strip()))
        if query.ids is not None:
            where.append(c.id.in_(list(query.ids)))
        if query.place:
            place = query.place.strip()
            where.append(sa.or_(c.place_id == place, self._fold(c.name) == casefold(place)))
        if query.text:
            needle = casefold(query.text.strip())
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            words = c.search_text.like(f"%{escaped}%", escape="\\")
            if query.text_places:
                terms = list(query.text_places)
                folded = [casefold(t) for t in terms]
                words = sa.or_(words, c.place_id.in_(terms), self._fold(c.name).in_(folded))
            where.append(words)
        return where

    def _fold(self, column):
        return sa.func.casefold(column) if self.dialect == "sqlite" else sa.func.lower(column)

    def _bbox_clause(self, box: BBox):
        if self.is_postgis:

            def envelope(west: float, east: float):
                return sa.text("geom && ST_MakeEnvelope(:w, :s, :e, :n, 4326)").bindparams(
                    w=west, s=box.south, e=east, n=box.north
                )

            if box.west <= box.east:
                return envelope(box.west, box.east)
            return sa.or_(envelope(box.west, 180.0), envelope(-180.0, box.east))
        c = claims.c
        lon = (
            c.lon.between(box.west, box.east)
            if box.west <= box.east
            else sa.or_(c.lon >= box.west, c.lon <= box.east)
        )
        return sa.and_(c.lat.between(box.south, box.north), lon)

    def _select(self, query: ClaimQuery, columns) -> sa.Select:
        stmt = (
            sa.select(*columns)
            .select_from(claims)
            .where(*self._where(query))
            .order_by(claims.c.event_date, claims.c.created_at, claims.c.id)
        )
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        if query.offset:
            stmt = stmt.offset(query.offset)
        return stmt

    def claims(self, query: ClaimQuery | None = None, **filters) -> list[Claim]:
        """Claims matching the filters (ClaimQuery or its keywords), oldest event first."""
        query = query or ClaimQuery.build(**filters)
        with self._reading() as conn:
            return [claim_from_row(row) for row in conn.execute(self._select(query, CLAIM_COLUMNS))]

    def claim_records(self, query: ClaimQuery | None = None, **filters) -> list[dict]:
        """Like `claims`, but as `Claim.to_dict()` dicts made straight from the database values.

        The export path: it skips building Claim objects, several times faster at 100k rows.
        """
        return list(self.iter_claim_records(query, **filters))

    def iter_claim_records(
        self, query: ClaimQuery | None = None, *, batch_size: int = 10_000, **filters
    ) -> Iterator[dict]:
        """`claim_records` as a stream (batches of `batch_size` rows), for large exports."""
        query = query or ClaimQuery.build(**filters)
        # Untyped columns: the driver's raw values, without SQLAlchemy's per-value processing.
        raw = [sa.column(c.name) for c in CLAIM_COLUMNS]  # positions as in rows.CLAIM_FIELDS
        if self.is_postgis:
            # PostgreSQL writes the text SQLite stores ('YYYY-MM-DD HH:MM:SS.ffffff', UTC).
            for i, column in enumerate(CLAIM_COLUMNS):
                if isinstance(column.type, sa.Date):
                    raw[i] = sa.func.to_char(raw[i], "YYYY-MM-DD")
                elif isinstance(column.type, UTCDateTime):
                    raw[i] = sa.func.to_char(
                        sa.func.timezone("UTC", raw[i]), "YYYY-MM-DD HH24:MI:SS.US"
                    )
        with self._reading() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(
                self._select(query, raw)
            )
            for rows in result.partitions():
                yield from map(record_from_raw, rows)

    def count_claims(self, query: ClaimQuery | None = None, **filters) -> int:
        query = query or ClaimQuery.build(**filters)
        stmt = sa.select(sa.func.count()).select_from(claims).where(*self._where(query))
        with self._reading() as conn:
            return conn.execute(stmt).scalar_one()

    def existing_ids(self, ids: Iterable[str]) -> dict[str, Claim]:
        """The claims among `ids` that the store already holds."""
        ids = list(ids)
        found: dict[str, Claim] = {}
        with self._reading() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                stmt = sa.select(*CLAIM_COLUMNS).where(claims.c.id.in_(chunk))
                for row in conn.execute(stmt):
                    found[row.id] = claim_from_row(row)
        return found

    def history(self, claim_id: str) -> list[HistoryEntry]:
        """Every recorded operation on one claim, oldest first."""
        h = claim_history.c
        stmt = sa.select(claim_history).where(h.claim_id == claim_id).order_by(h.version, h.id)
        with self._reading() as conn:
            rows = conn.execute(stmt).all()
        if not rows:
            raise NotFoundError(f"no claim with id {claim_id!r}")
        return [
            HistoryEntry(r.claim_id, r.version, r.op, r.author, r.at, r.before, r.after)
            for r in rows
        ]

    def history_count(self) -> int:
        with self._reading() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(claim_history)).scalar_one()

    def history_mark(self) -> HistoryMark:
        """Where the history stands now: what `changes` counts from."""
        h = claim_history.c
        with self._reading() as conn:
            count, last = conn.execute(sa.select(sa.func.count(), sa.func.max(h.id))).one()
            if last is None:
                return HistoryMark(0, 0, None)
            claim_id, version = conn.execute(
                sa.select(h.claim_id, h.version).where(h.id == last)
            ).one()
        return HistoryMark(count, last, (claim_id, version))

    def changes(self, mark: HistoryMark) -> tuple[frozenset[str], HistoryMark] | None:
        """The ids of the claims written (added, edited, deleted, restored) after `mark`, and
        the new mark; None when that cannot be told exactly (a write committed out of id order,
        or another database behind the URL): then read everything again."""
        h = claim_history.c
        total = sa.select(sa.func.count().label("n")).select_from(claim_history).subquery()
        # One statement, one snapshot: the count and the rows agree even on PostgreSQL.
        stmt = (
            sa.select(total.c.n, h.id, h.claim_id, h.version)
            .select_from(total.outerjoin(claim_history, h.id >= mark.last_id))
            .order_by(h.id)
        )
        with self._reading() as conn:
            rows = conn.execute(stmt).all()
        count = rows[0].n if rows else 0
        if mark.last_id:
            head = rows.pop(0) if rows and rows[0].id == mark.last_id else None
            if head is None or (head.claim_id, head.version) != mark.last_key:
                return None
        rows = [r for r in rows if r.id is not None]
        if count - mark.count != len(rows):  # a lower id committed late, or history vanished
            return None
        if not rows:
            return frozenset(), mark
        last = rows[-1]
        return (
            frozenset(r.claim_id for r in rows),
            HistoryMark(count, last.id, (last.claim_id, last.version)),
        )

    # -- reports -------------------------------------------------------------------------------

    def add_report(
        self,
        text: str,
        *,
        published: date | str | None = None,
        source_name: str | None = None,
        source_url: str | None = None,
        language: str | None = None,
        by: str | None = None,
    ) -> tuple[Report, bool]:
        """Record a report text; the same text again returns the stored one and False."""
        by = self._author("ingest", by)
        meta = report_values(text, published, source_name, source_url, language)
        report = Report(
            id=str(uuid.uuid4()),
            text=text,
            sha256=report_sha256(text),
            **meta,
            created_by=by,
            created_at=utcnow(),
        )
        insert = self.backend.insert(reports)
        row = {f.name: getattr(report, f.name) for f in dataclass_fields(Report)}
        stmt = insert.values(**row).on_conflict_do_nothing(index_elements=["sha256"])
        with self.transaction() as conn:
            created = conn.execute(stmt.returning(reports.c.id)).first() is not None
            if not created:
                row = conn.execute(
                    sa.select(reports).where(reports.c.sha256 == report.sha256)
                ).one()
                report = Report(**row._mapping)
        return report, created

    def knows_report(self, text: str | None = None, *, url: str | None = None) -> bool:
        """Whether a report with this text (by its normalised hash) or from this URL is
        stored: a batch skips it before extracting anything."""
        conditions = []
        if text is not None:
            conditions.append(reports.c.sha256 == report_sha256(text))
        if url:
            conditions.append(reports.c.source_url == url.strip())
        if not conditions:
            return False
        with self._reading() as conn:
            found = conn.execute(sa.select(reports.c.id).where(sa.or_(*conditions)).limit(1))
            return found.first() is not None

    def known_reports(self, reports_: Sequence[tuple[str, str | None]]) -> list[bool]:
        """`knows_report` of many (text, URL) at once, in one query per 500: what a batch
        asks of each chunk before extracting it."""
        hashes = [report_sha256(text) for text, _ in reports_]
        urls = [url.strip() for _, url in reports_ if url]
        known_hashes, known_urls = set(), set()
        with self._reading() as conn:
            for start in range(0, max(len(hashes), len(urls)), 500):
                found = conn.execute(
                    _KNOWN_REPORTS,
                    {"hashes": hashes[start : start + 500], "urls": urls[start : start + 500]},
                )
                for sha256, url in found:
                    known_hashes.add(sha256)
                    known_urls.add(url)
        return [
            digest in known_hashes or bool(url and url.strip() in known_urls)
            for digest, (_, url) in zip(hashes, reports_, strict=True)
        ]

    def get_report(self, report_id: str) -> Report:
        with self._reading() as conn:
            row = conn.execute(sa.select(reports).where(reports.c.id == report_id)).first()
        if row is None:
            raise NotFoundError(f"no report with id {report_id!r}")
        return Report(**row._mapping)

    def reports(self) -> list[Report]:
        with self._reading() as conn:
            rows = conn.execute(sa.select(reports).order_by(reports.c.created_at)).all()
        return [Report(**row._mapping) for row in rows]

    # -- custom places -------------------------------------------------------------------------

    def add_custom_place(
        self,
        name: str,
        lat: float,
        lon: float,
        *,
        admin1: str | None = None,
        admin1_code: str | None = None,
        country: str = "UA",
        created_by: str | None = None,
    ) -> Place:
        """A place analysts add (a hamlet the gazetteer lacks); id `custom:<uuid>`."""
        from tracker.names import validate_name

        created_by = self._author("add_place", created_by)
        name = validate_name(name)
        lat, lon = check_coordinates(lat, lon)
        country = (country or "").strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", country):
            raise InvalidInputError(f"country {country!r} is not a two-letter code such as UA")
        if admin1 and admin1_code is None and re.fullmatch(r"[A-Z]{2}\.\w+", admin1.strip()):
            admin1_code, admin1 = admin1.strip(), None
        place = Place(
            id=f"custom:{uuid.uuid4()}",
            name=name,
            lat=lat,
            lon=lon,
            country=country,
            admin1_code=admin1_code,
            admin1=(admin1 or "").strip()[:200] or None,
            kind=PlaceKind.SETTLEMENT,
            geonameid=None,
        )
        with self.transaction() as conn:
            conn.execute(
                custom_places.insert().values(
                    id=place.id,
                    name=place.name,
                    lat=place.lat,
                    lon=place.lon,
                    country=place.country,
                    admin1_code=place.admin1_code,
                    admin1=place.admin1,
                    created_by=created_by,
                    created_at=utcnow(),
                )
            )
        return place

    def custom_places(self) -> list[Place]:
        """Analysts' places, for `gazetteer.add_places(store.custom_places())`."""
        with self._reading() as conn:
            rows = conn.execute(sa.select(custom_places).order_by(custom_places.c.created_at)).all()
        return [
            Place(
                id=r.id,
                name=r.name,
                lat=r.lat,
                lon=r.lon,
                country=r.country,
                admin1_code=r.admin1_code,
                admin1=r.admin1,
                kind=PlaceKind.SETTLEMENT,
                geonameid=None,
            )
            for r in rows
        ]

    # -- baselines (imported control layers) ---------------------------------------------------

    def add_baseline(
        self,
        day: date | str,
        side: Side | str,
        geometry_geojson: str,
        source: str | None = None,
        created_by: str | None = None,
        *,
        coverage: str = "country",
        licence: str | None = None,
        source_url: str | None = None,
    ) -> Baseline:
        """Record a control layer for `day` held by `side`; the GeoJSON text is kept as given.
        `coverage` is "country" (the rest of the country is the other side's) or "extent"
        (the layer says nothing outside its polygons).

        Parse and check the file first (tracker.control.parse_baseline): the store only checks
        that the text is a JSON object.
        """
        created_by = self._author("baseline", created_by)
        try:
            day = day if isinstance(day, date) else date.fromisoformat(str(day).strip())
        except ValueError:
            raise InvalidInputError(f"date {day!r} is not a date; write it as YYYY-MM-DD") from None
        try:
            side = Side(str(side).strip().upper())
        except ValueError:
            raise InvalidInputError(f"side {side!r} is not one of: RU, UA") from None
        try:
            parsed = json.loads(geometry_geojson)
        except (TypeError, ValueError):
            parsed = None
        if not isinstance(parsed, dict):
            raise InvalidInputError("a baseline geometry must be GeoJSON object text")
        coverage = str(coverage).strip().lower()
        if coverage not in ("country", "extent"):
            raise InvalidInputError(f"coverage {coverage!r} is not one of: country, extent")
        row = {
            "day": day,
            "side": str(side),
            "geometry": geometry_geojson,
            "source": (source or "").strip()[:200] or None,
            "created_by": created_by,
            "created_at": utcnow(),
            "coverage": coverage,
            "licence": (licence or "").strip()[:300] or None,
            "source_url": (source_url or "").strip()[:500] or None,
        }
        with self.transaction() as conn:
            new_id = conn.execute(baselines.insert().values(**row)).inserted_primary_key[0]
        return Baseline(id=new_id, **row)

    def baselines(self) -> list[Baseline]:
        """Every imported control layer, oldest date first."""
        with self._reading() as conn:
            rows = conn.execute(
                sa.select(baselines).order_by(baselines.c.day, baselines.c.id)
            ).all()
        return [Baseline(**row._mapping) for row in rows]


@dataclass(frozen=True, slots=True)
class Baseline:
    """An imported control layer: `geometry` (GeoJSON text) is the area `side` held on `day`."""

    id: int
    day: date
    side: str
    geometry: str = field(repr=False)
    source: str | None = None
    created_by: str | None = None
    created_at: datetime | None = None
    coverage: str = "country"
    licence: str | None = None
    source_url: str | None = None


def open_store(url: str | os.PathLike | None = None) -> Store:
    """Open (creating and migrating on first use) the store at `url` or $TRACKER_DB."""
    return Store(url)
