"""Bulk ingestion's corroboration: the in-memory index of a batch (tracker.store.matching) finds
the claim `corroboration.find_match` finds, for every probe of a generated store; a batch
written chunk by chunk stores the same claims, sources and queue as reports queued one by one;
an analyst's rejection between chunks is seen. On SQLite and on PostgreSQL+PostGIS."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tests.support.store import claim_fields
from tracker import ingest
from tracker.sources import Item, batch
from tracker.store import corroboration, review
from tracker.store.matching import EventIndex
from tracker.workspace import Workspace

DAY = date(2025, 11, 10)
# Places 4-9 km apart, one 30-40 km away (a region-wide match only) and one far away: matches
# across place ids by distance, by place id, and none.
PLACES = [
    ("geonames:1", "Aaa", 48.200, 37.000),
    ("geonames:2", "Bbb", 48.230, 37.020),
    ("geonames:3", "Ccc", 48.260, 37.080),
    ("geonames:5", "Eee", 48.470, 37.250),
    ("geonames:4", "Ddd", 49.500, 36.200),
]


def _random_fields(
    rng: random.Random, n: int, days: int = 6, kind=None, place=None, exact=False
) -> dict:
    place_id, name, lat, lon = place or rng.choice(PLACES)
    roll = 1.0 if exact else rng.random()
    if roll < 0.3:  # off its place's point (up to ~15 km), or with no place id at all
        lat += rng.uniform(-0.12, 0.12)
        lon += rng.uniform(-0.15, 0.15)
        place_id = rng.choice([place_id, None])
    elif roll < 0.4:  # its place id, but far from it: outside the search box
        lat += rng.choice([-0.6, 0.6])
    side, action = kind or (rng.choice(["RU", "UA"]), rng.choice(["capture", "advance"]))
    return claim_fields(
        event_date=DAY + timedelta(days=rng.randint(0, days)),
        place_id=place_id,
        name=name,
        lat=lat,
        lon=lon,
        precision=rng.choice([1, 1, 2, 3]),
        side=side,
        action=action,
        claimant=f"claimant {n}",
    )


def test_the_index_finds_what_find_match_finds(db_url):
    rng = random.Random(3)
    with Workspace(db_url) as ws:
        store = ws.store
        # Claims in all states; each group is one report's proposals, written at one time, of
        # one kind at one place: they tie on created_at and often on distance (the database's
        # index order decides).
        added = []
        for _ in range(20):
            kind, place = ("RU", rng.choice(["capture", "advance"])), rng.choice(PLACES)
            group = [
                _random_fields(rng, len(added), kind=kind, place=place, exact=n < 3)
                for n in range(6)
            ]
            added += review.add_proposals(store, [(g, 0.7, None, None) for g in group], by="t")
        accepted = [store.add_claim(_random_fields(rng, n), by="ann") for n in range(40)]
        review.reject(store, [c.id for c in added[:10]], reason="wrong place")
        for claim in accepted[:5]:
            store.delete_claim(claim.id, by="ann")
        index = EventIndex(store)
        probes = [_random_fields(rng, 1000 + n, days=12) for n in range(400)]
        expected = [corroboration.find_match(store, fields) for fields in probes]
        found = [index.find(fields) for fields in probes]
    assert [c.id if c else None for c in expected] == found
    assert sum(f is not None for f in found) > 100  # the probes do match, often
    assert sum(f is None for f in found) > 20


def _report(rng: random.Random, n: int) -> str:
    sentences = []
    for _ in range(rng.randint(1, 4)):
        place = rng.choice(["Udachne", "Kotlyne", "Pishchane", "Sukhyi Yar", "Kurakhove"])
        event = rng.choice(
            [
                f"Russian forces captured {place}",
                f"Russian forces advanced near {place}",
                f"Ukrainian forces repelled Russian attacks near {place}",
            ]
        )
        day = rng.randint(1, 9)
        who = rng.choice(["The Russian Ministry of Defence claimed", "ISW assessed"])
        sentences.append(f"{who} that {event} on {day} November.")
    return f"Report {n}. " + " ".join(sentences)


def _stored(store) -> tuple[list, list]:
    """Claims and their sources, keyed by report text (ids differ between databases)."""
    texts = {r.id: r.text for r in store.reports()}
    claims = review.queue(store, limit=None)
    by_id = {p.claim.id: p for p in claims}
    rows = sorted(
        (
            texts[p.claim.report_id],
            p.claim.place_id,
            str(p.claim.event_date),
            str(p.claim.side),
            str(p.claim.action),
            p.claim.quote,
            p.confidence,
        )
        for p in claims
    )
    with_sources = corroboration.with_sources(store, [p.claim.to_dict() for p in claims])
    sources = sorted(
        (texts[by_id[r["id"]].claim.report_id], r["quote"], s["quote"], texts[s["report_id"]])
        for r in with_sources
        for s in r["sources"][1:]
    )
    return rows, sources


def test_a_batch_stores_what_reports_queued_one_by_one_store(make_db_url, gazetteer, monkeypatch):
    rng = random.Random(11)
    texts = [_report(rng, n) for n in range(40)]
    texts += texts[:3]  # repeated reports: skipped
    published = date(2025, 11, 10)
    results = []
    with Workspace(make_db_url(), gazetteer=gazetteer) as ws:
        for text in texts:
            ingest.queue(ws, text, published=published)
        results.append(_stored(ws.store))
    monkeypatch.setattr(batch, "CHUNK", 7)  # several chunks, one index kept across them
    items = [Item(text=t, published=published, origin=f"r{n}") for n, t in enumerate(texts)]
    with Workspace(make_db_url(), gazetteer=gazetteer) as ws:
        done = batch.run(ws, items)
        results.append(_stored(ws.store))
    assert (done.reports, done.skipped, done.errors) == (40, 3, [])
    assert done.corroborated == len(results[1][1]) > 10
    assert results[0] == results[1]
    assert len(results[0][0]) == done.proposals > 10


def test_a_claim_rejected_between_chunks_is_not_matched(db_url, gazetteer):
    first = "The Russian Ministry of Defence claimed the capture of Udachne on 3 December."
    second = "ISW assessed that Russian forces captured Udachne on 4 December."
    published = date(2025, 12, 5)
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        index = EventIndex(ws.store)

        def write(text: str) -> ingest.Queued:
            extraction = ingest.propose(text, published=published, workspace=ws)
            [done] = ingest.queue_many(
                ws, [ingest.Incoming(text, published, extraction)], index=index
            )
            return done

        [claim] = write(first).proposals
        review.reject(ws.store, [claim.id], reason="not confirmed")
        done = write(second)
    assert done.corroborated == [] and len(done.proposals) == 1


@pytest.mark.parametrize("chunk", [1, 3])
def test_one_bad_report_leaves_the_others_of_its_chunk(db_url, gazetteer, monkeypatch, chunk):
    monkeypatch.setattr(batch, "CHUNK", chunk)
    texts = [
        "The Russian Ministry of Defence claimed the capture of Udachne on 3 December.",
        " \n ",  # refused by the store: "the report text is empty"
        "ISW assessed that Russian forces advanced near Kotlyne on 2 December.",
    ]
    items = [Item(text=t, published=date(2025, 12, 5), origin=f"r{n}") for n, t in enumerate(texts)]
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        done = batch.run(ws, items)
        assert len(ws.store.reports()) == 2
    assert (done.reports, done.proposals) == (2, 2)
    assert len(done.errors) == 1 and done.errors[0].startswith("r1: ")


def test_a_source_attached_by_a_batch_is_a_new_version_with_its_report(db_url, gazetteer):
    first = "The Russian Ministry of Defence claimed the capture of Udachne on 3 December."
    second = "ISW assessed that Russian forces captured Udachne on 4 December."
    published = date(2025, 12, 5)
    items = [
        Item(text=t, published=published, origin=f"r{n}") for n, t in enumerate([first, second])
    ]
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        done = batch.run(ws, items)
        [claim] = [p.claim for p in review.queue(ws.store, limit=None)]
        history = ws.store.history(claim.id)
    assert done.corroborated == 1
    assert claim.version == 2
    assert history[-1].op == "attach"
    [added] = history[-1].after["sources_attached"]
    assert (added["claimant"], added["event_date"]) == ("ISW", "2025-12-04")


def test_what_a_worker_sends_the_writer_is_plain_values(db_url, gazetteer):
    """The hand-over between processes: claim fields and a few strings, not the mentions and
    their places (unpickling those cost the writer as much as writing)."""
    import pickle

    text = "The Russian Ministry of Defence claimed the capture of Udachne on 3 December."
    item = Item(text=text, published=date(2025, 12, 5), origin="r0")
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        sent = batch._extract(item, ingest.StoreReading(ws))
        extraction = ingest.propose(text, published=item.published, workspace=ws)
    assert isinstance(sent, ingest.Proposals)
    assert sent.items == ingest.proposals_of(extraction).items
    # the rows the writer writes, built in the worker for this report and driver
    assert sent.rows is not None and sent.rows.error is None
    assert sent.rows.fits(text, item.published, None, None, "en", ws.store.backend.text_dates)
    [(fields, confidence, why, named)] = sent.items
    assert fields == ingest.claim_fields(extraction.claims[0])
    assert (confidence, why, named) == (
        extraction.claims[0].confidence,
        extraction.claims[0].mention.reason,
        "Udachne",
    )
    assert b"tracker.extract" not in pickle.dumps(sent)
