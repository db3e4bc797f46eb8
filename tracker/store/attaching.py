"""Reports as further sources of stored claims, many at once: `corroboration.attach` for a
batch, with one read and one multi-row insert (what bulk ingestion writes). Keep the two in
step: whatever attaching one source writes, this writes for each."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import sqlalchemy as sa

from tracker.model import Claim, parse_iso_date
from tracker.store.core import Store, utcnow
from tracker.store.corroboration import new_versions
from tracker.store.schema import claim_sources


def attach_many(
    store: Store, pairs: Sequence[tuple[Claim, Mapping]], *, by: str | None = None
) -> list[bool]:
    """Record the report in each `fields` as another source of its claim, in order; False
    where that report already backs the claim (its own report, or attached before)."""
    if not pairs:
        return []
    by = store._author("add", by)
    s = claim_sources.c
    report_ids = {fields.get("report_id") for _, fields in pairs} - {None, ""}
    done, rows = [], []
    with store.transaction() as conn:
        known = set()
        if report_ids:
            stmt = sa.select(s.claim_id, s.report_id).where(
                s.report_id.in_(sorted(report_ids)),
                s.claim_id.in_(sorted({claim.id for claim, _ in pairs})),
            )
            known = {tuple(row) for row in conn.execute(stmt)}
        for claim, fields in pairs:
            report_id = fields.get("report_id")
            if report_id and (report_id == claim.report_id or (claim.id, report_id) in known):
                done.append(False)
                continue
            if report_id:
                known.add((claim.id, report_id))
            day = fields["event_date"]
            source = {
                "claimant": str(fields["claimant"])[:200],
                "event_date": day if isinstance(day, date) else parse_iso_date("event_date", day),
                "report_id": report_id,
                "source_name": fields.get("source_name") or None,
                "source_url": fields.get("source_url") or None,
                "quote": fields.get("quote") or None,
            }
            rows.append((claim.id, source))
            done.append(True)
        if rows:
            now = utcnow()
            conn.execute(
                claim_sources.insert(),
                [{"claim_id": i, **src, "added_by": by, "added_at": now} for i, src in rows],
            )
            # each attached source is a new version of its claim, as `attach` writes it
            new_versions(store, conn, rows, by, now)
    return done
