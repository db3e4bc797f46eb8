"""Sources attached to a claim are compact `attach` events in its history (the sources, who,
when, the batch), one per claim and batch: a bulk chunk that attaches two reports to one
claim writes one event listing both; a report rolled back leaves no trace in it; a database
from before (schema 8, attachments as full `update` rows) migrates with its history intact.
On SQLite and on PostgreSQL+PostGIS."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from tracker import ingest
from tracker.cli import main
from tracker.errors import InvalidInputError
from tracker.store import corroboration
from tracker.store import schema as schema_module
from tracker.store.changes import changes_since, field_changes
from tracker.store.migrations import _history_append_only
from tracker.workspace import Workspace

DAY = date(2025, 12, 5)
MOD = "The Russian Ministry of Defence claimed the capture of Udachne on 3 December."
ISW = "ISW assessed that Russian forces captured Udachne on 4 December."
RYBAR = "Rybar reports that Russian forces captured Udachne on 3 December."


def _incoming(ws, text: str, url: str) -> ingest.Incoming:
    extraction = ingest.propose(text, published=DAY, workspace=ws)
    return ingest.Incoming(text=text, published=DAY, extraction=extraction, source_url=url)


def test_a_chunk_attaching_two_reports_to_a_claim_writes_one_event(ws, db_url):
    [queued] = ingest.queue_many(ws, [_incoming(ws, MOD, "https://a.example/1")])
    [claim] = queued.proposals
    done = ingest.queue_many(
        ws, [_incoming(ws, ISW, "https://b.example/2"), _incoming(ws, RYBAR, "https://c/3")]
    )
    assert [[c.id for c in q.corroborated] for q in done] == [[claim.id], [claim.id]]
    history = ws.store.history(claim.id)
    assert [h.op for h in history] == ["insert", "attach"]
    event = history[-1]
    assert event.version == ws.store.get_claim(claim.id).version == claim.version + 1
    reports = {r.source_url: r.id for r in ws.store.reports()}
    assert [s["report_id"] for s in event.after["sources_attached"]] == [
        reports["https://b.example/2"],
        reports["https://c/3"],
    ]
    assert [s["claimant"] for s in event.after["sources_attached"]] == ["ISW", "Russian milblogger"]
    assert event.after["batch"] and event.author
    # what every reader of the history shows: the CLI, the dashboard's "changed" column, the
    # edit form's conflict list
    shown = CliRunner().invoke(main, ["history", claim.id, "--db", db_url])
    assert shown.exit_code == 0, shown.output
    assert shown.output.count("source added:") == 2
    assert f"report {reports['https://c/3']}" in " ".join(shown.output.split())
    [(field, (was, now))] = field_changes(event.before, event.after).items()
    assert field == "source added" and was is None
    assert now.startswith("ISW, ") and "; Russian milblogger, https://c/3, " in now
    [change] = changes_since(ws.store, claim.id, claim.version)
    assert (change.op, list(change.fields)) == ("attach", ["source added"])
    # the sources themselves, with their quotes, for the review page and exports
    found = corroboration.evidence(ws.store, claim.id)
    assert [s["source_url"] for s in found["sources"]] == [
        "https://a.example/1",
        "https://b.example/2",
        "https://c/3",
    ]
    assert found["sources"][2]["quote"] == RYBAR
    assert found["sources"][2]["added_at"] == event.at.isoformat()


def test_a_claim_added_and_attached_in_one_chunk_is_attached_after_it_was_added(ws):
    done = ingest.queue_many(
        ws, [_incoming(ws, MOD, "https://a.example/1"), _incoming(ws, ISW, "https://b/2")]
    )
    [claim] = done[0].proposals
    assert [c.id for c in done[1].corroborated] == [claim.id]
    stored = ws.store.get_claim(claim.id)
    inserted, event = ws.store.history(claim.id)
    assert (inserted.op, event.op) == ("insert", "attach")
    assert stored.created_at <= event.at == stored.updated_at
    [_, source] = corroboration.evidence(ws.store, claim.id)["sources"]
    assert source["source_url"] == "https://b/2" and source["added_at"] == event.at.isoformat()


def test_a_report_rolled_back_leaves_no_source_in_the_event(ws):
    [queued] = ingest.queue_many(ws, [_incoming(ws, MOD, "https://a.example/1")])
    [claim] = queued.proposals
    refused = _incoming(ws, ISW, "https://b.example/2")
    sent = ingest.proposals_of(refused.extraction)
    [(fields, confidence, why, named)] = sent.items
    # a second proposal the store refuses (its claimant is too long), after the first was
    # attached to the stored claim: the report is refused whole
    elsewhere = {
        **fields,
        "place_id": "custom:elsewhere",
        "lat": fields["lat"] + 2.0,
        "claimant": "x" * 201,
    }
    refused = ingest.Incoming(
        text=refused.text,
        published=refused.published,
        extraction=ingest.Proposals(
            sent.lang, ((fields, confidence, why, named), (elsewhere, confidence, why, named))
        ),
        source_url=refused.source_url,
    )
    done = ingest.queue_many(ws, [refused, _incoming(ws, RYBAR, "https://c/3")])
    assert isinstance(done[0], InvalidInputError) and "claimant" in str(done[0])
    assert [c.id for c in done[1].corroborated] == [claim.id]
    event = ws.store.history(claim.id)[-1]
    assert [s["source_url"] for s in event.after["sources_attached"]] == ["https://c/3"]
    urls = [s["source_url"] for s in corroboration.evidence(ws.store, claim.id)["sources"]]
    assert urls == ["https://a.example/1", "https://c/3"]
    assert {r.source_url for r in ws.store.reports()} == {"https://a.example/1", "https://c/3"}


def _old_update_row(claim, at: datetime) -> dict:
    """An attachment as schema 8 recorded it: the whole claim before and after."""
    before = claim.to_dict()
    after = {
        **before,
        "version": claim.version + 1,
        "source_added": {
            "claimant": "Rybar",
            "event_date": "2025-12-03",
            "report_id": None,
            "source_name": "Rybar",
            "source_url": "https://old.example/9",
            "quote": RYBAR,
        },
    }
    return {
        "claim_id": claim.id,
        "version": claim.version + 1,
        "op": "update",
        "author": "old",
        "at": at,
        "before": before,
        "after": after,
    }


def test_a_version_8_database_keeps_its_history_and_records_attach_events(make_db_url, gazetteer):
    url = make_db_url()
    with Workspace(url, gazetteer=gazetteer) as ws:
        [claim] = ingest.queue(ws, MOD, published=DAY, source_url="https://a.example/1").proposals
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # take the database back to version 8, history and all
        conn.exec_driver_sql("DELETE FROM schema_migrations WHERE version >= 9")
        check = schema_module._in("op", schema_module.HISTORY_OPS_V1)
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE claim_history DROP CONSTRAINT ck_history_op")
            conn.exec_driver_sql(
                f"ALTER TABLE claim_history ADD CONSTRAINT ck_history_op CHECK ({check})"
            )
        else:
            conn.exec_driver_sql("ALTER TABLE claim_history RENAME TO h8")
            schema_module.HISTORY_V1.create(conn)
            conn.exec_driver_sql("INSERT INTO claim_history SELECT * FROM h8")
            conn.exec_driver_sql("DROP TABLE h8")
            _history_append_only(conn)
        conn.execute(
            schema_module.claims.update()
            .where(schema_module.claims.c.id == claim.id)
            .values(version=claim.version + 1)
        )
        conn.execute(
            schema_module.claim_history.insert(), _old_update_row(claim, datetime.now(UTC))
        )
        with pytest.raises(sa.exc.IntegrityError), conn.begin_nested():  # no `attach` yet
            conn.execute(
                schema_module.claim_history.insert(),
                {**_old_update_row(claim, datetime.now(UTC)), "version": 9, "op": "attach"},
            )
        old = conn.execute(sa.text("SELECT * FROM claim_history ORDER BY id")).all()
    engine.dispose()
    with Workspace(url, gazetteer=gazetteer) as ws:
        assert ws.store.schema_version() == 9
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT * FROM claim_history ORDER BY id")).all() == old
        entries = ws.store.history(claim.id)
        assert [e.op for e in entries] == ["insert", "update"]
        # the old row still reads as the source it attached
        assert field_changes(entries[1].before, entries[1].after) == {
            "source added": (None, "Rybar, Rybar, https://old.example/9")
        }
        ingest.queue(ws, ISW, published=DAY, source_url="https://b.example/2")
        entries = ws.store.history(claim.id)
        assert [(e.op, e.version) for e in entries] == [
            ("insert", 1),
            ("update", 2),
            ("attach", 3),
        ]
        assert entries[2].after["sources_attached"][0]["claimant"] == "ISW"
        # still append-only
        with engine.begin() as conn, pytest.raises(sa.exc.DBAPIError):
            conn.exec_driver_sql("UPDATE claim_history SET author = 'x'")
        with engine.begin() as conn, pytest.raises(sa.exc.DBAPIError):
            conn.exec_driver_sql("DELETE FROM claim_history")
        engine.dispose()
    shown = CliRunner().invoke(main, ["history", claim.id, "--db", url])
    assert shown.exit_code == 0, shown.output
    assert "source added: Rybar" in shown.output and "source added: ISW" in shown.output
