"""Reports as further sources of stored claims, many at once: `corroboration.attach` for a
batch, with one read and one multi-row insert (what bulk ingestion writes). Keep the two in
step: whatever attaching one source writes, this writes for each.

A batch's attachments are written at its end (`Attachments.record`): their claim_sources
rows, and one `attach` event per claim listing every source the batch attached to it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

import sqlalchemy as sa

from tracker.model import Claim
from tracker.store.bulk import InsertRows, sqlalchemy_insert_rows
from tracker.store.core import Store, utcnow
from tracker.store.corroboration import record_attached, source_values
from tracker.store.schema import claim_sources


class Attachments:
    """The sources a batch attached, written at its end: their claim_sources rows and one
    history event per claim, all at one time (after every claim the batch added)."""

    def __init__(self) -> None:
        self.batch = str(uuid.uuid4())
        self.pending: list[tuple[str, dict]] = []  # (claim id, source values), in order
        self.by: str | None = None

    def undo_to(self, length: int) -> None:
        """Forget what was attached after `length` entries (a savepoint rolled back)."""
        del self.pending[length:]

    def record(self, conn, insert_rows: InsertRows | None = None) -> None:
        """Write everything attached (inside the batch's transaction; `insert_rows`: the store
        back end's, `tracker.store.bulk`)."""
        if self.pending:
            now = utcnow()
            insert = insert_rows or sqlalchemy_insert_rows
            insert(
                conn,
                claim_sources,
                [
                    {"claim_id": i, **src, "added_by": self.by, "added_at": now}
                    for i, src in self.pending
                ],
            )
            record_attached(conn, self.pending, self.by, now, self.batch, insert_rows=insert)
        self.pending = []


def attach_many(
    store: Store,
    pairs: Sequence[tuple[Claim, Mapping]],
    *,
    by: str | None = None,
    batch: Attachments | None = None,
) -> list[bool]:
    """Record the report in each `fields` as another source of its claim, in order; False
    where that report already backs the claim (its own report, or attached before). With
    `batch`, they are written by `batch.record`; else here."""
    if not pairs:
        return []
    by = store._author("add", by)
    own = batch is None
    batch = Attachments() if own else batch
    batch.by = by
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
            rows.append((claim.id, source_values(fields)))
            done.append(True)
        # (each report attaches to a claim once: what other reports of the batch attach
        # cannot change `known`, so their rows may wait for the batch's end)
        batch.pending.extend(rows)
        if own:
            batch.record(conn, store.backend.insert_rows)
    return done
