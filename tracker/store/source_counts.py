"""How many independent claimants back each claim (its own and those of the reports attached
to it by corroboration), for maps that mark or size claims by it: read in one query over the
attached sources, which are few beside the claims."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from tracker.store.core import Store
from tracker.store.corroboration import independent
from tracker.store.schema import claim_sources, claims


def independent_counts(store: Store, ids: Iterable[str] | None = None) -> dict[str, int]:
    """claim id -> independent claimants, for the claims (of `ids`, or all) that have attached
    sources; a claim missing here has one (its own)."""
    s, c = claim_sources.c, claims.c
    stmt = (
        sa.select(s.claim_id, c.claimant.label("own"), s.claimant)
        .select_from(claim_sources.join(claims, c.id == s.claim_id))
        .order_by(s.claim_id, s.id)
    )
    if ids is not None:
        wanted = list(ids)
        if not wanted:
            return {}
        stmt = stmt.where(s.claim_id.in_(sa.bindparam("ids", expanding=True)))
        params = {"ids": wanted}
    else:
        params = {}
    found: dict[str, list[dict]] = {}
    with store._reading() as conn:
        for row in conn.execute(stmt, params):
            found.setdefault(row.claim_id, [{"claimant": row.own}]).append(
                {"claimant": row.claimant}
            )
    return {claim_id: len(independent(sources)) for claim_id, sources in found.items()}


def with_counts(records: list[dict], counts: dict[str, int]) -> list[dict]:
    """The records, each with `source_count` (what `tracker.map_payload` reads)."""
    for record in records:
        record["source_count"] = counts.get(record["id"], 1)
    return records
