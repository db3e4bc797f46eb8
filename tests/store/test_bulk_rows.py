"""Rows written through the driver (`tracker.store.bulk`: what the review queue and the
sources a batch attaches are written with) hold exactly what SQLAlchemy's `table.insert()`
of the same rows stores, on SQLite and on PostgreSQL+PostGIS: dates, UTC times, floats,
Unicode, JSON — and with `json_null`, a None in a JSON column is JSON's null, as SQLAlchemy
binds it, not SQL NULL."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from tests.support.store import claim_fields
from tracker.store import Store
from tracker.store.rows import claim_row
from tracker.store.schema import claim_history, claim_sources, claims, proposals

AT = datetime(2025, 3, 4, 5, 6, 7, 89, tzinfo=UTC)
AFTER = {"sources_attached": [{"claimant": "ISW", "event_date": "2025-03-01"}], "km": 1.5}


@pytest.fixture
def store(db_url):
    with Store(db_url) as s:
        yield s


def _claim_row(claim, key: str) -> dict:
    return claim_row(replace(claim, id=key, notes=None, reported_at=None, quote="«Покровськ»"))


# table -> (its row for a key, the column the key is in)
CASES = {
    "claims": (claims, _claim_row, "id"),
    "claim_history": (
        claim_history,
        lambda claim, key: {
            "claim_id": key,
            "version": 7,
            "op": "attach",
            "author": "ann",
            "at": AT,
            "before": None,
            "after": AFTER,
        },
        "claim_id",
    ),
    "proposals": (
        proposals,
        lambda claim, key: {
            "claim_id": key,
            "confidence": 0.123,
            "why": "the only Udachne near the front",
            "mention": None,
            "created_at": AT,
        },
        "claim_id",
    ),
    "claim_sources": (
        claim_sources,
        lambda claim, key: {
            "claim_id": key,
            "claimant": "ISW",
            "event_date": date(2025, 3, 1),
            "report_id": None,
            "source_name": "ISW",
            "source_url": None,
            "quote": "Покровськ",
            "added_by": "ann",
            "added_at": AT,
        },
        "claim_id",
    ),
}


def _stored(conn, table: sa.Table, key_column: str, key: str) -> list[tuple]:
    """Each column of the key's rows as the database holds it: as text, and whether NULL
    (the row id and the key aside)."""
    columns = [c for c in table.c if c.name not in ("id", key_column)]
    if table is claim_history:
        where = [table.c[key_column] == key, table.c.version == 7]
    else:
        where = [table.c[key_column] == key]
    stmt = sa.select(*[sa.cast(c, sa.Text) for c in columns], *[c.is_(None) for c in columns])
    return [tuple(row) for row in conn.execute(stmt.where(*where))]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bulk_rows_hold_what_sqlalchemy_stores(store, name: str) -> None:
    table, row, key_column = CASES[name]
    claim = store.add_claim(claim_fields(), by="ann")
    other = store.add_claim(claim_fields(), by="ann")
    # (new claims' ids for the claims table; the two claims' for the tables that refer to one)
    keys = (str(uuid.uuid4()), str(uuid.uuid4())) if table is claims else (claim.id, other.id)
    with store.transaction() as conn:
        conn.execute(table.insert(), [row(claim, keys[0])])
        store.backend.insert_rows(conn, table, [row(claim, keys[1])], json_null=True)
    with store.transaction() as conn:
        by_sqlalchemy = _stored(conn, table, key_column, keys[0])
        by_driver = _stored(conn, table, key_column, keys[1])
    assert len(by_sqlalchemy) == 1
    assert by_driver == by_sqlalchemy
    if table is claim_history:
        before = [c.name for c in table.c if c.name not in ("id", key_column)].index("before")
        assert by_driver[0][before] == "null"  # JSON's null, not SQL NULL
