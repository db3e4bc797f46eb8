"""The review queue in the store: proposed claims are on no read path (claims, records,
counts, exports, the control model, the map's changes) until accepted; accept, edit-then-accept
and reject (with a reason) are versions in the history; bulk steps are all or nothing. On
SQLite and on PostgreSQL+PostGIS, and across the migration from schema version 4."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from tests.support.store import claim_fields
from tracker.control.status import Counting
from tracker.errors import InvalidInputError
from tracker.io import export_claims
from tracker.store import Store, review
from tracker.store import schema as schema_module


@pytest.fixture
def store(db_url):
    with Store(db_url) as s:
        yield s


def _propose(store, confidence=0.8, **overrides):
    return review.add_proposal(
        store,
        claim_fields(**overrides),
        confidence=confidence,
        why="the only Udachne near the front",
        mention="Udachne",
        by="extractor",
    )


def test_proposals_stay_off_every_read_path(store, tmp_path):
    kept = store.add_claim(claim_fields(name="Kupiansk", lat=49.71, lon=37.61), by="ann")
    proposed = _propose(store)
    assert proposed.status == "proposed"
    assert [c.id for c in store.claims()] == [kept.id]
    assert [r["id"] for r in store.claim_records()] == [kept.id]
    assert store.count_claims() == 1
    assert store.count_claims(as_of=date(2024, 6, 1), since=date(2024, 1, 1)) == 1
    out = tmp_path / "claims.geojson"
    assert export_claims(store.claim_records(), out) == 1
    names = [f["properties"]["name"] for f in json.loads(out.read_text())["features"]]
    assert names == ["Kupiansk"]
    # The control model reads the statuses it counts; the queue is none of them.
    assert [c.id for c in store.claims(status=tuple(Counting.CLAIMED.statuses))] == [kept.id]
    # Asked for by status, they are there.
    assert [c.id for c in store.claims(status="proposed")] == [proposed.id]
    assert review.count(store) == {"proposed": 1, "rejected": 0}


def test_accept_makes_a_claim_and_keeps_the_step_in_the_history(store):
    proposed = _propose(store)
    [accepted] = review.accept(store, [proposed.id], by="ann")
    assert (accepted.status, accepted.version) == ("claimed", 2)
    assert [c.id for c in store.claims()] == [proposed.id]
    history = store.history(proposed.id)
    assert [(h.op, h.before and h.before["status"], h.after["status"]) for h in history] == [
        ("insert", None, "proposed"),
        ("update", "proposed", "claimed"),
    ]
    assert history[-1].author == "ann"
    assert review.queue(store) == []


def test_edit_then_accept(store):
    proposed = _propose(store)
    [accepted] = review.accept(
        store,
        [proposed.id],
        changes={"side": "UA", "action": "repel", "status": "confirmed"},
        by="ann",
    )
    assert (str(accepted.side), str(accepted.action), str(accepted.status)) == (
        "UA",
        "repel",
        "confirmed",
    )
    assert store.get_claim(proposed.id).side == "UA"
    with pytest.raises(InvalidInputError, match="reviewed status"):
        review.accept(store, [_propose(store).id], changes={"status": "proposed"})


def test_reject_keeps_the_reason_and_leaves_the_claim_off_the_map(store):
    proposed = _propose(store)
    [rejected] = review.reject(store, [proposed.id], reason="  wrong  Udachne ", by="bob")
    assert rejected.status == "rejected"
    assert rejected.notes == "rejected: wrong Udachne"
    assert store.claims() == []
    last = store.history(proposed.id)[-1]
    assert (last.author, last.after["status"], last.after["notes"]) == (
        "bob",
        "rejected",
        "rejected: wrong Udachne",
    )
    [listed] = review.queue(store, status="rejected")
    assert listed.claim.id == proposed.id
    # A rejected proposal may be reopened by accepting it; a claim is never rejected.
    review.accept(store, [proposed.id])
    with pytest.raises(InvalidInputError, match="is claimed, not proposed"):
        review.reject(store, [proposed.id], reason="changed my mind")


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501, "bad\x00"])
def test_reject_needs_a_sane_reason(store, reason):
    proposed = _propose(store)
    with pytest.raises(InvalidInputError):
        review.reject(store, [proposed.id], reason=reason)
    assert store.get_claim(proposed.id).status == "proposed"


def test_bulk_steps_are_all_or_nothing(store):
    first, second = _propose(store), _propose(store, name="Pokrovsk")
    claim = store.add_claim(claim_fields(), by="ann")
    with pytest.raises(InvalidInputError, match=claim.id):
        review.accept(store, [first.id, second.id, claim.id])
    assert {c.status for c in store.claims(status="proposed")} == {"proposed"}
    assert len(review.queue(store)) == 2
    done = review.reject(store, [first.id, second.id, first.id], reason="duplicate")
    assert [c.id for c in done] == [first.id, second.id]
    assert review.queue(store) == []


def test_queue_filters_and_orders_newest_first(store):
    low = _propose(store, confidence=0.3, source_name="Rybar", name="Pokrovsk")
    high = _propose(store, confidence=0.9, source_name="ISW", source_url="https://isw.example/a")
    assert [p.claim.id for p in review.queue(store)] == [high.id, low.id]
    assert [p.claim.id for p in review.queue(store, min_confidence=0.5)] == [high.id]
    assert [p.claim.id for p in review.queue(store, max_confidence=0.5)] == [low.id]
    assert [p.claim.id for p in review.queue(store, source="rybar")] == [low.id]
    assert [p.claim.id for p in review.queue(store, source="isw.example")] == [high.id]
    assert [p.claim.id for p in review.queue(store, place="pokrovsk")] == [low.id]
    assert [p.claim.id for p in review.queue(store, source="50%_")] == []
    [top] = review.queue(store, limit=1)
    assert (top.confidence, top.why, top.mention) == (
        0.9,
        "the only Udachne near the front",
        "Udachne",
    )
    with pytest.raises(InvalidInputError, match=r"outside 0\.\.1"):
        review.queue(store, min_confidence=1.5)
    with pytest.raises(InvalidInputError, match="review queue holds"):
        review.queue(store, status="claimed")


def test_a_version_4_database_gains_the_queue(make_db_url):
    """An existing database (schema 4, with claims) migrates: its claims stay, and proposed
    claims can be stored afterwards."""
    url = make_db_url()
    with Store(url) as store:
        old = store.add_claim(claim_fields(), by="ann")
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # take the database back to version 4
        conn.exec_driver_sql("DROP TABLE proposals")
        conn.exec_driver_sql("DROP INDEX ix_reports_source_url")
        conn.exec_driver_sql("DROP TABLE sources")
        conn.exec_driver_sql("DROP TABLE claim_sources")
        conn.exec_driver_sql("DELETE FROM schema_migrations WHERE version >= 5")
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE claims DROP CONSTRAINT ck_claims_status")
            conn.exec_driver_sql(
                "ALTER TABLE claims ADD CONSTRAINT ck_claims_status CHECK "
                f"({schema_module._in('status', schema_module.V1_STATUSES)})"
            )
        else:
            conn.exec_driver_sql("ALTER TABLE claims RENAME TO c4")
            for index in schema_module.CLAIMS_V1.indexes:
                conn.exec_driver_sql(f"DROP INDEX {index.name}")
            schema_module.CLAIMS_V1.create(conn)
            conn.exec_driver_sql("INSERT INTO claims SELECT * FROM c4")
            conn.exec_driver_sql("DROP TABLE c4")
        with pytest.raises(sa.exc.IntegrityError), conn.begin_nested():
            conn.execute(
                schema_module.claims.update().values(
                    status="proposed", updated_at=datetime.now(UTC)
                )
            )
    engine.dispose()
    with Store(url) as store:
        assert store.schema_version() == 9
        assert store.get_claim(old.id) == old
        proposed = _propose(store)
        assert [p.claim.id for p in review.queue(store)] == [proposed.id]
        assert [c.id for c in store.claims()] == [old.id]
