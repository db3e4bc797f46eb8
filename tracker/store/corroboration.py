"""Corroboration: the same event from several reports is one claim with several sources.

A claim matches another report's proposal when it is at the same place within its precision
(the same place id, or a point within the precision's radius), by the same side with the same
action, dated within two days, and neither rejected nor deleted. Two claims contradict each
other when different claimants give the place to opposite sides (capture or control) within
those days."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta

import sqlalchemy as sa

from tracker.errors import ConflictError, NotFoundError
from tracker.geo import haversine_km
from tracker.model import Action, Claim, Status, parse_iso_date
from tracker.store.bulk import InsertRows, row_values, sqlalchemy_insert_rows
from tracker.store.core import Store, utcnow
from tracker.store.rows import CLAIM_COLUMNS, claim_from_row
from tracker.store.schema import claim_history, claim_sources, claims

DAYS = 2
# How far apart two points may be and still be "the same place", by the coarser precision.
RADIUS_KM = {1: 3.0, 2: 10.0, 3: 40.0}
HOLDING = (str(Action.CAPTURE), str(Action.CONTROL))
CHUNK = 500


def same_place(a: Mapping | Claim, b: Mapping | Claim) -> bool:
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return _same_place_of(a.get, b.get)  # (a batch's proposals: no getter per field)
    return _same_place_of(lambda key: _getter(a, key), lambda key: _getter(b, key))


def _same_place_of(get_a, get_b) -> bool:
    if get_a("place_id") and get_a("place_id") == get_b("place_id"):
        return True
    coarser = max(int(get_a("precision") or 1), int(get_b("precision") or 1))
    point_a = (float(get_a("lat")), float(get_a("lon")))
    return haversine_km(point_a, (float(get_b("lat")), float(get_b("lon")))) <= RADIUS_KM[coarser]


def same_event(fields: Mapping, other: Mapping) -> bool:
    """Two proposals that are one event: the same side and action, dated within DAYS, at the
    same place."""
    return (
        fields["side"] == other["side"]
        and fields["action"] == other["action"]
        and abs((fields["event_date"] - other["event_date"]).days) <= DAYS
        and same_place(fields, other)
    )


def _cos(lat: float) -> float:
    return max(0.2, math.cos(math.radians(lat)))


def _getter(item, key):
    return item.get(key) if isinstance(item, Mapping) else getattr(item, key)


_c = claims.c
_NEAR = (
    _c.deleted_at.is_(None),
    _c.status != str(Status.REJECTED),
    _c.side.in_(sa.bindparam("sides", expanding=True)),
    _c.action.in_(sa.bindparam("actions", expanding=True)),
    _c.event_date.between(sa.bindparam("first_day"), sa.bindparam("last_day")),
    _c.lat.between(sa.bindparam("south"), sa.bindparam("north")),
    _c.lon.between(sa.bindparam("west"), sa.bindparam("east")),
)
# Compiled once: the claims near a point and date (the bounds as parameters), whole or only
# what matching needs (a batch asks this once per proposal).
_NEARBY = sa.select(*CLAIM_COLUMNS).where(*_NEAR)
_NEARBY_KEYS = sa.select(
    _c.id, _c.place_id, _c.lat, _c.lon, _c.precision, _c.created_at, _c.event_date
).where(*_NEAR)


def _bounds(fields: Mapping, sides, actions) -> dict:
    day = fields["event_date"]
    day = day if isinstance(day, date) else parse_iso_date("event_date", day)
    lat, lon = float(fields["lat"]), float(fields["lon"])
    span = RADIUS_KM[3] / 111.0 + 0.01
    return {
        "sides": list(sides),
        "actions": list(actions),
        "first_day": day - timedelta(days=DAYS),
        "last_day": day + timedelta(days=DAYS),
        "south": lat - span,
        "north": lat + span,
        "west": lon - span / _cos(lat),
        "east": lon + span / _cos(lat),
    }


def _nearby(conn, fields: Mapping, *, sides, actions) -> list[Claim]:
    found = [claim_from_row(row) for row in conn.execute(_NEARBY, _bounds(fields, sides, actions))]
    return [claim for claim in found if same_place(fields, claim)]


def find_match(store: Store, fields: Mapping) -> Claim | None:
    """The claim this proposal's event already is (same place id first, then the nearest,
    then the oldest, then the earliest event, then by point and id: the same on every back
    end), or None. (tracker.store.matching does the same for a batch, in memory.)"""
    bounds = _bounds(fields, [str(fields["side"])], [str(fields["action"])])
    with store._reading() as conn:
        rows = conn.execute(_NEARBY_KEYS, bounds).mappings().all()
        found = [row for row in rows if same_place(fields, row)]
        if not found:
            return None
        point = (float(fields["lat"]), float(fields["lon"]))
        best = min(
            found,
            key=lambda r: (
                r["place_id"] != fields.get("place_id"),
                haversine_km(point, (r["lat"], r["lon"])),
                r["created_at"],
                r["event_date"],
                r["lat"],
                r["lon"],
                r["id"],
            ),
        )
        row = conn.execute(sa.select(*CLAIM_COLUMNS).where(_c.id == best["id"])).one()
    return claim_from_row(row)


def attach(
    store: Store,
    claim: Claim,
    fields: Mapping,
    *,
    by: str | None = None,
) -> bool:
    """Record the report in `fields` as another source of `claim`; False when that report
    already backs it. Attaching is a new version of the claim with an `attach` event in its
    history (`record_attached`), so other sessions and the map's incremental refresh see the
    new source count."""
    by = store._author("add", by)
    report_id = fields.get("report_id")
    if report_id and report_id == claim.report_id:
        return False
    with store.transaction() as conn:
        store._locked(conn, claim.id)
        if report_id:
            known = conn.execute(
                sa.select(claim_sources.c.id).where(
                    claim_sources.c.claim_id == claim.id, claim_sources.c.report_id == report_id
                )
            ).first()
            if known:
                return False
        now = utcnow()
        source = source_values(fields)
        conn.execute(
            claim_sources.insert().values(claim_id=claim.id, **source, added_by=by, added_at=now)
        )
        record_attached(conn, [(claim.id, source)], by, now)
    return True


def source_values(fields: Mapping) -> dict:
    """The claim_sources values of a report attached as a source (`fields` as proposed)."""
    day = fields["event_date"]
    return {
        "claimant": str(fields["claimant"])[:200],
        "event_date": day if isinstance(day, date) else parse_iso_date("event_date", day),
        "report_id": fields.get("report_id"),
        "source_name": fields.get("source_name") or None,
        "source_url": fields.get("source_url") or None,
        "quote": fields.get("quote") or None,
    }


ATTACH = "attach"
# What an `attach` event keeps of each source (the quote stays in claim_sources).
EVENT_KEYS = ("claimant", "report_id", "event_date", "source_name", "source_url")


def record_attached(
    conn,
    attached: Sequence[tuple[str, dict]],
    by: str,
    now,
    batch: str | None = None,
    *,
    insert_rows: InsertRows = sqlalchemy_insert_rows,
) -> None:
    """The history of sources just attached ((claim id, source values), in order): one
    `attach` event per claim listing its sources (claimant, report, date, name and URL) with
    who, when and the batch, and one version step per claim; not the claim before and after.
    (`insert_rows`: how the events are inserted, `tracker.store.bulk`.)"""
    listed: dict[str, list[dict]] = {}
    for claim_id, source in attached:
        entry = {key: source.get(key) for key in EVENT_KEYS}
        entry["event_date"] = source["event_date"].isoformat()
        listed.setdefault(claim_id, []).append(entry)
    ids = list(listed)
    versions: dict[str, int] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (
            sa.select(claims.c.id, claims.c.version)
            .where(claims.c.id.in_(ids[start : start + CHUNK]))
            .with_for_update()
        )
        versions.update((row.id, row.version) for row in conn.execute(stmt))
    missing = [claim_id for claim_id in ids if claim_id not in versions]
    if missing:
        raise NotFoundError(f"no claim with id {missing[0]!r}")
    # through the driver (one statement, the rows as plain tuples; `now` as the column binds
    # it): SQLAlchemy's per-row parameter handling cost more than the update
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    [[at]] = row_values(claims, ("updated_at",), conn.dialect.name == "sqlite")(
        [{"updated_at": now}]
    )
    result = conn.exec_driver_sql(
        f"UPDATE claims SET version = {mark}, updated_at = {mark} "
        f"WHERE claims.id = {mark} AND claims.version = {mark}",
        [(versions[i] + 1, at, i, versions[i]) for i in ids],
    )
    if result.rowcount != len(ids):  # cannot happen under the row locks
        raise ConflictError("a claim changed while sources were being attached")
    batch_key = {"batch": batch} if batch else {}
    insert_rows(
        conn,
        claim_history,
        [
            {
                "claim_id": i,
                "version": versions[i] + 1,
                "op": ATTACH,
                "author": by,
                "at": now,
                "before": None,
                "after": {"sources_attached": listed[i], **batch_key},
            }
            for i in ids
        ],
        json_null=True,
    )


def restore_sources(store: Store, found: Mapping[str, list[dict]], *, by: str | None = None) -> int:
    """Store the attached sources of imported claims (claim id -> checked sources, as
    `tracker.io.sourcelist.check_sources` gives them) as they were: the claims arrive at the
    version their file has, so no new version is written. Joins an open transaction."""
    by = store._author("import", by)
    now = utcnow()
    rows = [
        {
            "claim_id": claim_id,
            "claimant": source["claimant"][:200],
            "event_date": source["event_date"],
            "report_id": source.get("report_id"),
            "source_name": source.get("source_name"),
            "source_url": source.get("source_url"),
            "quote": source.get("quote"),
            "added_by": by,
            "added_at": source.get("added_at") or now,
        }
        for claim_id, sources in found.items()
        for source in sources
    ]
    if rows:
        with store.transaction() as conn:
            for start in range(0, len(rows), CHUNK):
                conn.execute(claim_sources.insert(), rows[start : start + CHUNK])
    return len(rows)


def own_source(record: Mapping) -> dict:
    """The claim's own report as a source (the first of its sources)."""
    return {
        "claimant": record["claimant"],
        "event_date": str(record["event_date"]),
        "report_id": record.get("report_id"),
        "source_name": record.get("source_name"),
        "source_url": record.get("source_url"),
        "quote": record.get("quote"),
        "added_at": record.get("created_at"),
    }


def _attached(conn, ids: list[str]) -> dict[str, list[dict]]:
    s = claim_sources.c
    out: dict[str, list[dict]] = {}
    stmt = (
        sa.select(
            s.claim_id,
            s.claimant,
            s.event_date,
            s.report_id,
            s.source_name,
            s.source_url,
            s.quote,
            s.added_at,
        )
        .where(s.claim_id.in_(ids))
        .order_by(s.id)
    )
    for row in conn.execute(stmt):
        out.setdefault(row.claim_id, []).append(
            {
                "claimant": row.claimant,
                "event_date": row.event_date.isoformat(),
                "report_id": row.report_id,
                "source_name": row.source_name,
                "source_url": row.source_url,
                "quote": row.quote,
                "added_at": row.added_at.isoformat() if row.added_at else None,
            }
        )
    return out


def independent(sources: Iterable[Mapping]) -> list[str]:
    """The distinct claimants among sources (case and spacing ignored), first spelling kept."""
    seen: dict[str, str] = {}
    for source in sources:
        name = str(source["claimant"])
        seen.setdefault(" ".join(name.casefold().split()), name)
    return list(seen.values())


def with_sources(store: Store, records: Iterable[dict]) -> Iterator[dict]:
    """Each claim record (a `to_dict()` dict) with `sources` (its own first, then the
    attached ones) and `claimants` (the independent ones); streamed in chunks."""
    iterator = iter(records)
    while True:
        chunk = [r for _, r in zip(range(CHUNK), iterator, strict=False)]
        if not chunk:
            return
        with store._reading() as conn:
            attached = _attached(conn, [r["id"] for r in chunk])
        for record in chunk:
            sources = [own_source(record), *attached.get(record["id"], [])]
            yield {**record, "sources": sources, "claimants": independent(sources)}


def contradictions(store: Store, claim: Claim) -> list[Claim]:
    """Claims by other claimants that give the same place to the other side (capture or
    control) within two days of this one."""
    if str(claim.action) not in HOLDING:
        return []
    other = "UA" if str(claim.side) == "RU" else "RU"
    with store._reading() as conn:
        found = _nearby(conn, claim.to_dict(), sides=[other], actions=list(HOLDING))
        attached = _attached(conn, [claim.id])
    ours = {
        n.casefold()
        for n in independent([own_source(claim.to_dict()), *attached.get(claim.id, [])])
    }
    return [c for c in found if c.claimant.casefold() not in ours]


# Claimants whose word is an assessment (geolocated footage, a mapped front), not a side's.
ASSESSED = ("ISW", "DeepState")


def suggested_status(claimants: list[str], contradicted: bool) -> tuple[str | None, str]:
    """The status the evidence suggests, and why; the analyst decides. Disputed when another
    claimant says the opposite; confirmed when claimants of both sides agree or an assessed
    source supports it; else no suggestion."""
    from tracker.extract.claimants import CLAIMANT_SIDE

    if contradicted:
        return "disputed", "another claimant gives the place to the other side"
    sides = {CLAIMANT_SIDE.get(name) for name in claimants} - {None}
    if len(sides) == 2:
        return "confirmed", "claimants of both sides agree"
    assessed = [name for name in claimants if name in ASSESSED]
    if assessed:
        return "confirmed", f"an assessed source supports it ({', '.join(assessed)})"
    return None, "one side's claimants only"


def evidence(store: Store, claim_id: str) -> dict:
    """A claim with its sources, independent claimants, contradicting claims and the status
    the evidence suggests (`suggested_status`, `suggested_because`)."""
    claim = store.get_claim(claim_id)
    [record] = with_sources(store, [claim.to_dict()])
    record["contradicted_by"] = [
        {"id": c.id, "claimant": c.claimant, "side": str(c.side), "event_date": str(c.event_date)}
        for c in contradictions(store, claim)
    ]
    status, because = suggested_status(record["claimants"], bool(record["contradicted_by"]))
    record["suggested_status"], record["suggested_because"] = status, because
    return record
