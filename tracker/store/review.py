"""The review queue: proposed claims wait here until an analyst accepts (→ claimed, or the
status the analyst sets), edits then accepts, or rejects them with a reason. Every step is a
new version of the claim, so the history keeps it; bulk steps are one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import sqlalchemy as sa

from tracker.errors import InvalidInputError
from tracker.model import (
    MAX_LENGTHS,
    REVIEW_STATUSES,
    Claim,
    Status,
    check_claim_id,
    validate_claim_fields,
)
from tracker.store.core import ClaimQuery, Store, utcnow
from tracker.store.engines import casefold
from tracker.store.rows import CLAIM_COLUMNS, claim_from_row, claim_row
from tracker.store.schema import claim_history, claims, proposals

MAX_REASON = 500


@dataclass(frozen=True, slots=True)
class Proposal:
    """A claim in the queue with what extraction said about it."""

    claim: Claim
    confidence: float | None
    why: str | None
    mention: str | None

    def to_dict(self) -> dict:
        return {
            **self.claim.to_dict(),
            "confidence": self.confidence,
            "why": self.why,
            "mention": self.mention,
        }


def add_proposal(
    store: Store,
    fields: Mapping[str, object],
    *,
    confidence: float,
    why: str | None = None,
    mention: str | None = None,
    by: str | None = None,
) -> Claim:
    """Record an extracted claim as `proposed` with its confidence and reasons."""
    if not 0.0 <= float(confidence) <= 1.0:
        raise InvalidInputError(f"confidence {confidence} is outside 0..1")
    values = {**fields, "status": Status.PROPOSED}
    with store.transaction() as conn:
        claim = store.add_claim(values, by=by)
        conn.execute(
            proposals.insert().values(
                claim_id=claim.id,
                confidence=round(float(confidence), 3),
                why=(why or "")[:2000] or None,
                mention=(mention or "")[:200] or None,
                created_at=claim.created_at,
            )
        )
    return claim


def add_proposals(
    store: Store,
    items: Sequence[tuple[Mapping[str, object], float, str | None, str | None]],
    *,
    by: str | None = None,
) -> list[Claim]:
    """`add_proposal` for many (fields, confidence, why, mention) at once, in one transaction
    with one multi-row insert per table: what batches and feeds write."""
    by = store._author("add", by)
    now = utcnow()
    built, extra = [], []
    for fields, confidence, why, mention in items:
        if not 0.0 <= float(confidence) <= 1.0:
            raise InvalidInputError(f"confidence {confidence} is outside 0..1")
        values = validate_claim_fields({**fields, "status": Status.PROPOSED})
        claim = Claim(
            id=check_claim_id(None), **values, created_by=by, created_at=now, updated_at=now
        )
        built.append(claim)
        extra.append(
            {
                "claim_id": claim.id,
                "confidence": round(float(confidence), 3),
                "why": (why or "")[:2000] or None,
                "mention": (mention or "")[:200] or None,
                "created_at": now,
            }
        )
    if not built:
        return []
    history = [
        {
            "claim_id": c.id,
            "version": 1,
            "op": "insert",
            "author": by,
            "at": now,
            "before": None,
            "after": c.to_dict(),
        }
        for c in built
    ]
    # through the driver (`tracker.store.bulk`): SQLAlchemy's per-row parameter handling was
    # a fifth of a bulk ingestion's writing
    insert_rows = store.backend.insert_rows
    with store.transaction() as conn:
        insert_rows(conn, claims, [claim_row(c) for c in built])
        insert_rows(conn, claim_history, history, json_null=True)
        insert_rows(conn, proposals, extra)
    return built


def queue(
    store: Store,
    *,
    status: str | Status = Status.PROPOSED,
    source: str | None = None,
    place: str | None = None,
    min_confidence: float | None = None,
    max_confidence: float | None = None,
    ids: Iterable[str] | None = None,
    limit: int | None = None,
    places: Iterable[str] | None = None,
) -> list[Proposal]:
    """The queue newest first: proposed claims (or rejected ones with `status="rejected"`),
    filtered by source (name or URL, case-insensitive substring), place (id or name), places
    (ids or names, any of them: the places a text names in any spelling,
    `tracker.place_filter.places_named`) and confidence bounds."""
    status = _review_status(status)
    for name, bound in (("min_confidence", min_confidence), ("max_confidence", max_confidence)):
        if bound is not None and not 0.0 <= bound <= 1.0:
            raise InvalidInputError(f"{name} {bound} is outside 0..1")
    query = ClaimQuery.build(
        status=str(status),
        place=place,
        ids=tuple(check_claim_id(i) for i in ids) if ids is not None else None,
        limit=limit,
    )
    p = proposals.c
    stmt = (
        sa.select(*CLAIM_COLUMNS, p.confidence, p.why, p.mention)
        .select_from(claims.outerjoin(proposals, p.claim_id == claims.c.id))
        .where(*store._where(query))
        .order_by(claims.c.created_at.desc(), claims.c.id)
    )
    if source:
        needle = source.strip().lower()
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(claims.c.source_name).like(pattern, escape="\\"),
                sa.func.lower(claims.c.source_url).like(pattern, escape="\\"),
            )
        )
    if places is not None:
        terms = list(places)
        folded = [casefold(t) for t in terms]
        stmt = stmt.where(
            sa.or_(claims.c.place_id.in_(terms), store._fold(claims.c.name).in_(folded))
        )
    if min_confidence is not None:
        stmt = stmt.where(p.confidence >= min_confidence)
    if max_confidence is not None:
        stmt = stmt.where(p.confidence <= max_confidence)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    n = len(CLAIM_COLUMNS)
    with store._reading() as conn:
        rows = conn.execute(stmt).all()
    return [Proposal(claim_from_row(row[:n]), row[n], row[n + 1], row[n + 2]) for row in rows]


def count(store: Store) -> dict[str, int]:
    """How many claims wait (proposed) and how many were rejected (deleted ones aside)."""
    stmt = (
        sa.select(claims.c.status, sa.func.count())
        .where(claims.c.status.in_([str(s) for s in REVIEW_STATUSES]))
        .where(claims.c.deleted_at.is_(None))
        .group_by(claims.c.status)
    )
    with store._reading() as conn:
        found = dict(conn.execute(stmt).all())
    return {str(s): found.get(str(s), 0) for s in sorted(REVIEW_STATUSES)}


def accept(
    store: Store,
    ids: Iterable[str],
    *,
    changes: Mapping[str, object] | None = None,
    by: str | None = None,
    allow_old_dates: bool = False,
) -> list[Claim]:
    """Accept proposals (or reopen rejected ones), with the same `changes` applied to each
    (edit-then-accept); the status becomes `changes["status"]` or claimed. All or nothing."""
    by = store._author("edit", by)
    values = validate_claim_fields(
        dict(changes or {}), partial=True, allow_old_dates=allow_old_dates
    )
    status = values.pop("status", None) or Status.CLAIMED
    if status in REVIEW_STATUSES:
        raise InvalidInputError(f"accepting sets a reviewed status, not {status}")
    return _step(store, ids, by, {**values, "status": status}, allowed=REVIEW_STATUSES)


def reject(store: Store, ids: Iterable[str], *, reason: str, by: str | None = None) -> list[Claim]:
    """Reject proposals with a reason (kept in the claim's notes and so in its history)."""
    by = store._author("edit", by)
    reason = " ".join(str(reason or "").split())
    if not reason:
        raise InvalidInputError("a rejection needs a reason (--reason)")
    if len(reason) > MAX_REASON:
        raise InvalidInputError(
            f"the reason is {len(reason)} characters; the limit is {MAX_REASON}"
        )
    validate_claim_fields({"notes": reason}, partial=True)  # NUL, surrogates
    return _step(
        store, ids, by, {"status": Status.REJECTED}, allowed={Status.PROPOSED}, reason=reason
    )


def _review_status(status: str | Status) -> Status:
    try:
        value = Status(str(status).strip().lower())
    except ValueError:
        value = None
    if value not in REVIEW_STATUSES:
        allowed = ", ".join(sorted(str(s) for s in REVIEW_STATUSES))
        raise InvalidInputError(f"the review queue holds {allowed} claims, not {status!r}")
    return value


def _step(
    store: Store,
    ids: Iterable[str],
    by: str,
    values: dict,
    *,
    allowed: set | frozenset,
    reason: str | None = None,
) -> list[Claim]:
    wanted = list(dict.fromkeys(check_claim_id(i) for i in ids))
    if not wanted:
        raise InvalidInputError("no claim ids given")
    done = []
    with store.transaction() as conn:
        for claim_id in wanted:
            current = store._locked(conn, claim_id)
            if current.deleted:
                raise InvalidInputError(f"claim {claim_id} is deleted; nothing was changed")
            if current.status not in allowed:
                raise InvalidInputError(
                    f"claim {claim_id} is {current.status}, not "
                    f"{' or '.join(sorted(str(s) for s in allowed))}; nothing was changed"
                )
            change = dict(values)
            if reason is not None:
                note = f"rejected: {reason}"
                notes = f"{note}\n{current.notes}" if current.notes else note
                change["notes"] = notes[: MAX_LENGTHS["notes"]]
            updated = replace(current, **change, updated_at=utcnow(), version=current.version + 1)
            store._write_version(conn, "update", by, current, updated)
            done.append(updated)
    return done


def get(store: Store, claim_id: str) -> Proposal:
    found = queue(store, status=store.get_claim(claim_id).status, ids=[claim_id])
    if not found:
        raise InvalidInputError(f"claim {claim_id} is not in the review queue")
    return found[0]


__all__ = [
    "Proposal",
    "accept",
    "add_proposal",
    "add_proposals",
    "count",
    "get",
    "queue",
    "reject",
]
