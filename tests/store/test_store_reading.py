"""What extraction asks of the store (custom places, the front around a date) is read once
per chunk of a batch, not once per report (`ingest.StoreReading`), and gives what asking per
report gives."""

from __future__ import annotations

from datetime import date

from tracker import ingest
from tracker.extract import front
from tracker.sources import Item, batch
from tracker.workspace import Workspace


def _items(n: int, days: int = 1) -> list[Item]:
    return [
        Item(
            text=f"Report {i}: the Russian MoD claimed the capture of Andriivka on 1 December.",
            published=date(2025, 12, 4 + i % days),
            origin=f"item {i}",
            size=100,
        )
        for i in range(n)
    ]


def _counting(monkeypatch, ws: Workspace) -> dict[str, int]:
    asked = {"custom places": 0, "front": 0}
    custom_places, front_points = ws.store.custom_places, front.front_points

    def count_places():
        asked["custom places"] += 1
        return custom_places()

    def count_front(store, day):
        asked["front"] += 1
        return front_points(store, day)

    monkeypatch.setattr(ws.store, "custom_places", count_places)
    monkeypatch.setattr(front, "front_points", count_front)  # (ingest imports it per call)
    return asked


def test_a_batch_reads_the_store_once_per_chunk_and_date(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK", 4)
    with Workspace(f"sqlite:///{tmp_path / 'claims.db'}") as ws:
        asked = _counting(monkeypatch, ws)
        result = batch.run(ws, _items(6, days=2))
    assert (result.reports, result.errors) == (6, [])
    # two chunks (4 + 2 reports), each of two report dates
    assert asked == {"custom places": 2, "front": 4}


def test_a_reading_gives_what_asking_per_report_gives(tmp_path):
    with Workspace(f"sqlite:///{tmp_path / 'claims.db'}") as ws:
        ws.store.add_custom_place(name="Zarichne-Nove", lat=48.1, lon=37.5, admin1="Donetsk")
        reading = ingest.StoreReading(ws)
        for item in _items(3, days=3):
            alone = ingest.propose(item.text, published=item.published, workspace=ws)
            shared = ingest.propose(item.text, published=item.published, reading=reading)
            assert repr(shared) == repr(alone)
        assert reading.gazetteer() is ws.gazetteer()  # (the overlay of the same places)


def test_a_worker_reads_the_store_again_at_each_new_chunk(tmp_path, monkeypatch):
    with Workspace(f"sqlite:///{tmp_path / 'claims.db'}") as ws:
        monkeypatch.setattr(batch, "_worker", ws)
        monkeypatch.setattr(batch, "_reading", None)
        first = batch._worker_reading(7)
        assert batch._worker_reading(7) is first
        second = batch._worker_reading(8)
        assert second is not first and second.workspace is ws
