"""The front extraction weighs homonyms by: the accepted claims of the weeks before a report,
never the review queue's proposals or rejections, nor deleted claims; found through the
status and date index however long the queue. On SQLite and on PostgreSQL+PostGIS."""

from __future__ import annotations

from datetime import date

from tests.support.store import claim_fields
from tracker.extract.front import front_points
from tracker.store import Store, review


def test_front_points_are_accepted_claims_newest_first(db_url):
    with Store(db_url) as store:
        old = store.add_claim(claim_fields(event_date=date(2025, 11, 1), lat=48.1), by="a")
        new = store.add_claim(
            claim_fields(event_date=date(2025, 11, 20), lat=48.2, status="confirmed"), by="a"
        )
        gone = store.add_claim(claim_fields(event_date=date(2025, 11, 21), lat=48.3), by="a")
        store.delete_claim(gone.id, by="a")
        store.add_claim(claim_fields(event_date=date(2025, 8, 1), lat=48.4), by="a")  # too old
        [proposed, rejected] = review.add_proposals(
            store,
            [
                (claim_fields(event_date=date(2025, 11, 25), lat=48.5), 0.5, None, None),
                (claim_fields(event_date=date(2025, 11, 26), lat=48.6), 0.5, None, None),
            ],
        )
        review.reject(store, [rejected.id], reason="wrong")
        points = front_points(store, date(2025, 12, 1))
        if not store.is_postgis:
            with store._reading() as conn:
                plan = conn.exec_driver_sql(
                    "EXPLAIN QUERY PLAN SELECT id FROM claims WHERE deleted_at IS NULL "
                    "AND event_date >= '2025-10-02' AND event_date <= '2025-12-01' "
                    "AND status IN ('claimed', 'confirmed', 'disputed', 'refuted')"
                ).all()
            assert "ix_claims_status_date" in " ".join(str(row) for row in plan)
    assert points == [
        (round(new.lat, 3), round(new.lon, 3)),
        (round(old.lat, 3), round(old.lon, 3)),
    ]
    assert proposed.status == "proposed"
