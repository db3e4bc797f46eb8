"""The bulk writer: a report's rows built ahead (in a batch's worker) are the rows the store
writes — the claim as stored, its `insert` event's JSON, its proposal — with the writer's ids
and time; rows built for another report's metadata are built again; a report another writer
stored meanwhile is skipped as before; a batch commits without waiting for the disk on
SQLite and resumes without duplicates after being killed. On SQLite and PostgreSQL+PostGIS."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from tracker import ingest
from tracker.sources import Item, batch
from tracker.store import corroboration, queueing, review
from tracker.workspace import Workspace

DAY = date(2025, 12, 5)
TEXTS = [
    "The Russian Ministry of Defence claimed the capture of Udachne on 3 December.",
    'ISW assessed that Russian forces advanced near Kotlyne on 2 December ("geolocated", \\ '
    "footage).",
    "Генштаб ЗСУ: російські війська атакували в районі Покровська 4 грудня.",
    "The Russian MoD claimed the capture of Udachne on 3 December, and of Kotlyne on 2 December.",
]


def _incoming(ws, text: str, url: str | None, source: str | None = None) -> ingest.Incoming:
    extraction = ingest.propose(text, published=DAY, workspace=ws)
    return ingest.Incoming(
        text=text, published=DAY, extraction=extraction, source_name=source, source_url=url
    )


def test_rows_built_ahead_are_the_claims_events_and_proposals_stored(ws):
    incoming = [
        _incoming(ws, text, f"https://example.org/{n}", source="  Wire «Ф» ")
        for n, text in enumerate(TEXTS)
    ]
    done = ingest.queue_many(ws, incoming)
    added = [claim for queued in done for claim in queued.proposals]
    assert len(added) >= 3
    with ws.store.transaction() as conn:
        events = dict(
            conn.execute(
                sa.text("select claim_id, after from claim_history where op = 'insert'")
            ).all()
        )
        extra = {
            row[0]: row[1:]
            for row in conn.execute(sa.text("select claim_id, confidence, why from proposals"))
        }
    queued = {p.claim.id: p for p in review.queue(ws.store, limit=None)}
    for claim in added:
        stored = ws.store.get_claim(claim.id)
        if stored.version == 1:  # (a claim a later report was attached to is version 2)
            assert stored == claim
        assert stored.source_name == "Wire «Ф»" and stored.status == "proposed"
        assert stored.source_url.startswith("https://example.org/")
        after = events[claim.id]
        if ws.store.is_postgis:
            assert after == claim.to_dict()
        else:  # the very text json.dumps writes
            assert after == json.dumps(claim.to_dict())
        assert extra[claim.id] == (queued[claim.id].confidence, queued[claim.id].why)


def test_a_worker_prepares_the_rows_and_the_writer_uses_them(ws, monkeypatch):
    items = [Item(text=t, published=DAY, origin=f"r{n}") for n, t in enumerate(TEXTS[:2])]
    reading = ingest.StoreReading(ws)  # (a chunk reads the store once)
    sent = [batch._extract(item, reading) for item in items]
    assert all(s.rows is not None for s in sent)
    calls = []
    real = ingest.prepare_report
    monkeypatch.setattr(ingest, "prepare_report", lambda *a, **k: calls.append(1) or real(*a, **k))
    # rows prepared for other metadata (another text and URL) are prepared again
    other = ingest.Incoming(TEXTS[2], DAY, sent[0], source_url="https://other.example/1")
    assert not sent[0].rows.fits(TEXTS[2], DAY, None, "https://other.example/1", "en", True)
    [queued] = ingest.queue_many(ws, [other])
    assert calls == [1] and queued.report.text == TEXTS[2]
    assert [c.source_url for c in queued.proposals] == ["https://other.example/1"]
    # rows prepared for the very report are taken as they are
    [done] = ingest.queue_many(ws, [batch._incoming(items[1], sent[1])])
    assert calls == [1] and len(done.proposals) == 1


def test_a_report_another_writer_stored_meanwhile_is_skipped(ws, monkeypatch):
    [first] = ingest.queue_many(ws, [_incoming(ws, TEXTS[0], "https://a.example/1")])
    # the chunk's look-up misses it (as if another writer committed it just after): the
    # insert meets the store's unique hash, and the chunk is written one report at a time
    nothing = queueing._KNOWN.where(sa.false())
    monkeypatch.setattr(queueing, "_KNOWN", nothing)
    done = ingest.queue_many(
        ws,
        [
            _incoming(ws, TEXTS[0], "https://b.example/2"),
            _incoming(ws, TEXTS[1], "https://b.example/3"),
        ],
    )
    assert done[0].skipped == "text" and done[0].report is None
    assert len(done[1].proposals) == 1
    assert len(ws.store.reports()) == 2
    assert len(review.queue(ws.store, limit=None)) == len(first.proposals) + 1


def test_a_batch_commits_without_waiting_for_the_disk_on_sqlite(tmp_path, gazetteer):
    seen = []
    with Workspace(f"sqlite:///{tmp_path / 'claims.db'}", gazetteer=gazetteer) as ws:

        def progress(item: Item) -> None:
            with ws.store.transaction() as conn:
                seen.append(conn.exec_driver_sql("PRAGMA synchronous").scalar())

        items = [Item(text=t, published=DAY, origin=f"r{n}") for n, t in enumerate(TEXTS[:2])]
        assert batch.run(ws, items, progress=progress).reports == 2
        with ws.store.transaction() as conn:
            after = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    assert seen == [1, 1] and after == 2  # NORMAL during the batch, FULL again after


_KILLED_CHILD = """
import os, signal, sys
from datetime import date
from tracker.sources import Item, batch
from tracker.workspace import Workspace
texts = [line for line in open(sys.argv[2], encoding="utf-8").read().split("\\n") if line]
items = [Item(text=t, published=date(2025, 12, 5), origin=str(n)) for n, t in enumerate(texts)]
batch.CHUNK = 2
done = []
def progress(item):
    done.append(item)
    if len(done) == 5:  # killed in the middle of its third chunk's bookkeeping
        os.kill(os.getpid(), signal.SIGKILL)
with Workspace(sys.argv[1]) as ws:
    batch.run(ws, items, progress=progress)
"""


def test_a_batch_killed_midway_resumes_without_duplicates(make_db_url, gazetteer, tmp_path):
    texts = [
        f"Report {n}: the Russian MoD claimed the capture of {place} on {1 + n % 3} December."
        for n, place in enumerate(
            ["Udachne", "Kotlyne", "Pishchane", "Novopavlivka", "Myrnohrad", "Rodynske", "Zoria"]
        )
    ]
    texts += [f"Again: {t}" for t in texts[:2]]  # sources of the same claims
    listed = tmp_path / "texts.txt"
    listed.write_text("\n".join(texts), encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    url = make_db_url()
    child = subprocess.run(
        [sys.executable, "-c", _KILLED_CHILD, url, str(listed)],
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    items = [Item(text=t, published=DAY, origin=str(n)) for n, t in enumerate(texts)]
    found = []
    for database in (url, make_db_url()):  # resumed, and in one go into a fresh store
        with Workspace(database, gazetteer=gazetteer) as ws:
            written = len(ws.store.reports())
            done = batch.run(ws, items)
            assert (done.reports + done.skipped, done.errors) == (len(texts), [])
            reports = {r.id: r.text for r in ws.store.reports()}
            queued = review.queue(ws.store, limit=None)
            found.append(
                sorted(
                    (reports[p.claim.report_id], p.claim.name, len(sources["sources"]))
                    for p, sources in zip(
                        queued,
                        corroboration.with_sources(ws.store, [p.claim.to_dict() for p in queued]),
                        strict=True,
                    )
                )
            )
        if database == url:
            assert 4 <= written < len(texts)  # the chunks committed before the kill stayed
            assert done.skipped == written
    assert found[0] == found[1] and len(found[0]) >= 4
    assert any(sources == 2 for *_, sources in found[0])  # a claim said again: two sources


@pytest.mark.parametrize("text", ["", "  \n "])
def test_an_empty_report_is_refused_and_the_others_written(ws, text):
    good = _incoming(ws, TEXTS[0], None)
    empty = ingest.Incoming(text, DAY, ingest.Proposals(None, ()))
    done = ingest.queue_many(ws, [empty, good])
    assert str(done[0]) == "the report text is empty"
    assert len(done[1].proposals) == 1 and len(ws.store.reports()) == 1


def test_known_reports_asks_many_at_once_as_knows_report_asks_one(ws):
    ingest.queue_many(ws, [_incoming(ws, TEXTS[0], "https://a.example/1")])
    asked = [
        (TEXTS[0], None),  # the same text
        ("  " + TEXTS[0].replace(" ", "\n  "), None),  # the same after normalising spaces
        ("Another text entirely.", " https://a.example/1 "),  # the same URL
        ("Another text entirely.", "https://a.example/2"),
        (TEXTS[1], None),
    ]
    assert ws.store.known_reports(asked) == [True, True, True, False, False]
    assert [ws.store.knows_report(t, url=u) for t, u in asked] == [True, True, True, False, False]
    assert ws.store.known_reports([]) == []
