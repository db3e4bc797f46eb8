"""`tracker ingest FILES…` and the batch under it: text, HTML and Telegram exports become
reports whose proposals wait in the review queue; nothing is added twice (by URL or text),
an interrupted batch resumes, a bad file is reported while the others go in. On SQLite and
on PostgreSQL+PostGIS."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tracker.errors import TrackerError
from tracker.sources import Item, batch
from tracker.sources.telegram import channel_items
from tracker.store import Store, review
from tracker.workspace import Workspace

DAY = "2025-12-04"
MOD = "The Russian Ministry of Defence claimed the capture of Udachne on 3 December."
EXPORT = {
    "name": "Frontline channel",
    "username": "frontline_test",
    "type": "public_channel",
    "messages": [
        {"id": 1, "type": "service", "date": "2025-12-01T10:00:00", "action": "create_channel"},
        {
            "id": 2,
            "type": "message",
            "date": "2025-12-02T10:00:00",
            "text": [
                "Russian forces ",
                {"type": "bold", "text": "captured Kurakhove"},
                ", the Russian MoD claims.",
            ],
        },
        {"id": 3, "type": "message", "date": "2025-12-03T11:00:00", "text": ""},
        {
            "id": 4,
            "type": "message",
            "date": "2025-12-03T12:00:00",
            "text": "Ukrainian General Staff: Russian attacks near Kupiansk were repelled.",
        },
    ],
}


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mod.txt").write_text(MOD, encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><script>var x = 'Russian forces captured Kyiv';</script></head><body>"
        "<p>Russian forces captured Huliaipole, the Russian MoD said on 2 December."
        "<img src=x onerror=alert(1)></p></body></html>",
        encoding="utf-8",
    )
    (folder / "channel.json").write_text(json.dumps(EXPORT), encoding="utf-8")
    return folder


def _queue(db_url):
    with Store(db_url) as store:
        return review.queue(store), store.reports(), store.count_claims()


def test_ingest_files_into_the_queue_once(cli, files, db_url):
    paths = sorted(files.iterdir())
    out = json.loads(cli("ingest", *paths, "--date", DAY, "--json").stdout)
    assert (out["items"], out["reports"], out["skipped"], out["errors"]) == (4, 4, 0, [])
    proposals, reports, claims = _queue(db_url)
    assert claims == 0  # nothing is on the map before review
    assert out["proposals"] == len(proposals) >= 4
    by_place = {(p.claim.name, str(p.claim.side), str(p.claim.action)) for p in proposals}
    assert {
        ("Udachne", "RU", "capture"),
        ("Huliaipole", "RU", "capture"),
        ("Kurakhove", "RU", "capture"),
        ("Kupiansk", "UA", "repel"),
    } <= by_place
    assert "Kyiv" not in {p.claim.name for p in proposals}  # the script's text is no report
    html_report = next(r for r in reports if "Huliaipole" in r.text)
    assert "<" not in html_report.text and "alert" not in html_report.text
    telegram = {r.source_url: r for r in reports if r.source_name == "Frontline channel"}
    assert set(telegram) == {
        "https://t.me/frontline_test/2",
        "https://t.me/frontline_test/4",
    }
    assert telegram["https://t.me/frontline_test/2"].published == date(2025, 12, 2)
    assert telegram["https://t.me/frontline_test/2"].text == (
        "Russian forces captured Kurakhove, the Russian MoD claims."
    )
    udachne = next(p for p in proposals if p.claim.name == "Udachne")
    assert (udachne.claim.reported_at, udachne.claim.status) == (date(2025, 12, 4), "proposed")
    assert udachne.claim.report_id in {r.id for r in reports}

    again = json.loads(cli("ingest", *paths, "--date", DAY, "--json").stdout)
    assert (again["reports"], again["proposals"], again["skipped"]) == (0, 0, 4)
    assert [len(x) if isinstance(x, list) else x for x in _queue(db_url)] == [
        len(proposals),
        len(reports),
        0,
    ]


def test_a_bad_file_is_reported_and_the_others_go_in(cli, files, db_url):
    (files / "broken.json").write_text("{not json", encoding="utf-8")
    (files / "cp1251.txt").write_bytes("Русские войска взяли Угледар".encode("cp1251"))
    (files / "other.json").write_text('{"messages": 5}', encoding="utf-8")
    result = cli("ingest", *sorted(files.iterdir()), "--date", DAY)
    assert result.stdout.startswith("7 items: 4 new reports") or "4 new reports" in result.stdout
    failed = [line for line in result.stderr.splitlines() if "failed:" in line]
    assert len(failed) == 3
    assert any("broken.json is not JSON" in line for line in failed)
    assert any("cp1251.txt" in line and "UTF-8" in line for line in failed)
    assert any("not a Telegram Desktop channel export" in line for line in failed)
    assert len(_queue(db_url)[1]) == 4


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.txt", "is not a readable file"), ("report.pdf", "is not a report file")],
)
def test_what_cannot_be_ingested_is_one_line_and_exit_2(cli, files, db_url, name, message):
    (files / "report.pdf").write_bytes(b"%PDF-1.4")
    result = cli("ingest", files / "mod.txt", files / name, code=2)
    assert message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert _queue(db_url)[1] == []  # checked before anything was read


def test_bad_date_is_exit_2(cli, files):
    result = cli("ingest", files / "mod.txt", "--date", "2025-13-01", code=2)
    assert "--date" in result.output and "Traceback" not in result.output


def test_progress_shows_items_and_megabytes_per_second(cli, files):
    result = cli("ingest", *sorted(files.iterdir()), "--date", DAY, "--progress")
    assert "items/s" in result.stderr and "MB/s" in result.stderr and "ETA" in result.stderr
    assert "4 items" in result.stderr


# Eight places: item i and item i + 8 are one event (same place, dates within two days).
PLACES = [
    "Udachne",
    "Kurakhove",
    "Avdiivka",
    "Kupiansk",
    "Pokrovsk",
    "Huliaipole",
    "Chasiv Yar",
    "Vovchansk",
]


def _items(n: int, *, url: bool = False) -> list[Item]:
    places = PLACES
    return [
        Item(
            text=f"Report {i}: the Russian MoD claimed the capture of {places[i % 8]} on "
            f"{1 + i % 3} December.",
            published=date(2025, 12, 4),
            origin=f"item {i}",
            source_name="wire",
            url=f"https://example.org/{i}" if url else None,
            size=100,
        )
        for i in range(n)
    ]


def test_an_interrupted_batch_resumes_without_duplicates(db_url, gazetteer, monkeypatch):
    items = _items(8)
    monkeypatch.setattr(batch, "CHUNK", 2)  # a chunk is one transaction

    def interrupted():
        yield from items[:5]
        raise KeyboardInterrupt

    with Workspace(db_url, gazetteer=gazetteer) as ws:
        with pytest.raises(KeyboardInterrupt):
            batch.run(ws, interrupted())
        assert len(ws.store.reports()) == 4  # two whole chunks; the third was never written
        done = batch.run(ws, items)
        assert (done.items, done.reports, done.skipped) == (8, 4, 4)
        reports = ws.store.reports()
        proposals = review.queue(ws.store)
    assert len(reports) == 8
    assert len({r.sha256 for r in reports}) == 8
    keys = [(p.claim.report_id, p.claim.name, str(p.claim.action)) for p in proposals]
    assert len(keys) == len(set(keys)) == 8


def test_a_url_seen_before_is_skipped_even_with_new_text(db_url, gazetteer):
    first = _items(2, url=True)
    edited = [Item(**{**vars_of(first[0]), "text": first[0].text + " Updated."})]
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        assert batch.run(ws, first).reports == 2
        again = batch.run(ws, edited)
        assert (again.reports, again.skipped) == (0, 1)
        assert len(ws.store.reports()) == 2


def vars_of(item: Item) -> dict:
    return {name: getattr(item, name) for name in item.__slots__}


def test_two_processes_queue_what_one_does(make_db_url, gazetteer):
    items = _items(12)
    found = []
    for jobs in (1, 2):
        with Workspace(make_db_url(), gazetteer=gazetteer) as ws:
            result = batch.run(ws, items, jobs=jobs)
            assert (result.reports, result.errors) == (12, [])
            # Items 8..11 repeat the events of items 0..3: sources of those claims.
            assert (result.proposals, result.corroborated) == (8, 4)
            found.append(
                sorted(
                    (p.claim.name, str(p.claim.action), p.claim.event_date, p.confidence)
                    for p in review.queue(ws.store)
                )
            )
    assert found[0] == found[1] and len(found[0]) == 8


def test_two_processes_run_again_skip_everything(db_url, gazetteer):
    items = _items(6)
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        first = batch.run(ws, items, jobs=2)
        again = batch.run(ws, items, jobs=2)  # (the workers answer "known", pickled)
        assert len(ws.store.reports()) == 6
    assert (first.reports, first.skipped, first.errors) == (6, 0, [])
    assert (again.items, again.reports, again.skipped, again.errors) == (6, 0, 6, [])


def test_telegram_messages():
    items = list(channel_items(EXPORT, "export.json"))
    assert [i.origin for i in items] == ["export.json#2", "export.json#4"]
    assert items[0].text == "Russian forces captured Kurakhove, the Russian MoD claims."
    assert (items[0].published, items[0].source_name) == (date(2025, 12, 2), "Frontline channel")
    without_username = {k: v for k, v in EXPORT.items() if k != "username"}
    assert {i.url for i in channel_items(without_username, "e")} == {None}


@pytest.mark.parametrize(
    ("asked", "size", "expected"),
    [(None, 10_000, 1), (None, 5_000_000, "cores"), (1, 5_000_000, 1), (64, 10, "cores")],
)
def test_jobs_default_to_every_core_for_a_big_batch(monkeypatch, asked, size, expected):
    from tracker.cli import ingest as ingest_cli

    monkeypatch.setattr(ingest_cli.os, "cpu_count", lambda: 3)
    assert ingest_cli.default_jobs(asked, size) == (3 if expected == "cores" else expected)


def test_workers_that_cannot_start_stop_the_batch_with_an_error(db_url, gazetteer, monkeypatch):
    """A multiprocessing.Pool would start failing workers again forever; the batch must end."""
    items = _items(4)
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        # the workers open this database: one nobody can reach
        monkeypatch.setattr(Workspace, "url", property(lambda self: "nosuchdb://nowhere"))
        with pytest.raises(TrackerError, match="extraction processes stopped"):
            batch.run(ws, items, jobs=2)
        assert ws.store.reports() == []  # nothing of the chunk was written


def test_a_pool_broken_while_a_chunk_is_handed_over_stops_the_batch_with_an_error(
    db_url, gazetteer, monkeypatch
):
    """Workers that fail to start can break the pool before every item of a chunk is
    submitted: the same error as when it breaks later, not a traceback."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def broken(self, *args, **kwargs):
        raise BrokenProcessPool("a child process terminated abruptly")

    monkeypatch.setattr(ProcessPoolExecutor, "submit", broken)
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        with pytest.raises(TrackerError, match="extraction processes stopped"):
            batch.run(ws, _items(4), jobs=2)
        assert ws.store.reports() == []


def test_a_message_with_a_lone_surrogate_is_refused_and_the_others_go_in(cli, files, db_url):
    export = json.loads(json.dumps(EXPORT))
    export["messages"].append(
        {"id": 9, "type": "message", "date": "2025-12-03T13:00:00", "text": "Near Sumy \ud800"}
    )
    (files / "channel.json").write_text(json.dumps(export), encoding="utf-8")  # "\ud800" escaped
    result = cli("ingest", *sorted(files.iterdir()), "--date", DAY)
    assert "Traceback" not in result.output
    assert any("surrogate" in line for line in result.stderr.splitlines()), result.stderr
    assert len(_queue(db_url)[1]) == 4  # every other item stored
