"""Sources and `tracker fetch` against a local HTTP server on 127.0.0.1: RSS and Atom feeds
and their articles, conditional GET (304), retries with backoff, the per-host delay, one
failing source that stops no other, and duplicates and repeats across fetches. On SQLite
and on PostgreSQL+PostGIS (the state lives in the store)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.support.feed_server import FeedServer, Page, atom, now, rss
from tracker.errors import InvalidInputError
from tracker.sources.feeds import parse_feed
from tracker.sources.http import Fetcher, FetchError
from tracker.store import Store, corroboration, review

PLACES = ["Udachne", "Kurakhove", "Avdiivka", "Kupiansk", "Pokrovsk", "Huliaipole"]
DATE = "Wed, 03 Dec 2025 09:00:00 +0000"


def article(i: int) -> bytes:
    """Article i: 30 events (6 places × 5 days five days apart), article i and i + 30 being
    the same event."""
    place = PLACES[i % len(PLACES)]
    day = 1 + 5 * ((i // len(PLACES)) % 5)
    return (
        f"<html><body><nav>Menu</nav><article><h1>Report {i}</h1><p>The Russian Ministry "
        f"of Defence claimed the capture of {place} on {day} November (item {i}).</p>"
        "</article></body></html>"
    ).encode()


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


def fetch(cli, *names) -> dict[str, dict]:
    out = cli("fetch", *names, "--delay", "0", "--retries", "1", "--json").stdout
    return {r["name"]: r for r in json.loads(out)}


def publish(server, path: str, ids: list[int], *, etag: str) -> None:
    items = [(f"Report {i}", f"{server.url}/a/{i}", DATE, f"summary {i}") for i in ids]
    server.pages[path] = Page(rss(items), "application/rss+xml", etag=etag)
    for i in ids:
        server.pages.setdefault(f"/a/{i}", Page(article(i)))


def test_fetch_feeds_once_then_only_what_is_new(cli, server, db_url, tmp_path):
    publish(server, "/wire.xml", [1, 2, 3], etag='"v1"')
    server.pages["/atom.xml"] = Page(
        atom([("Atom 9", f"{server.url}/a/9", "2025-12-03T10:00:00Z", "<p>summary</p>")]),
        "application/atom+xml",
        last_modified=now(),
    )
    server.pages["/a/9"] = Page(article(9))
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "note.txt").write_bytes(article(4).replace(b"<", b" ").replace(b">", b" "))
    (folder / "ignored.pdf").write_bytes(b"%PDF")
    cli("source", "add", "wire", "--rss", f"{server.url}/wire.xml")
    cli("source", "add", "atomfeed", "--atom", f"{server.url}/atom.xml")
    cli("source", "add", "broken", "--rss", f"{server.url}/gone.xml")
    cli("source", "add", "drop", "--folder", folder)

    first = fetch(cli)
    assert first["broken"]["status"] == "error" and "HTTP 404" in first["broken"]["errors"][0]
    assert {n: (r["status"], r["reports"]) for n, r in first.items() if n != "broken"} == {
        "wire": ("ok", 3),
        "atomfeed": ("ok", 1),
        "drop": ("ok", 1),
    }
    with Store(db_url) as store:
        reports = {r.source_url: r for r in store.reports()}
        queued = review.queue(store)
    assert "Menu" in reports[f"{server.url}/a/1"].text  # the article's text, not the summary
    assert "Kurakhove" in reports[f"{server.url}/a/1"].text
    assert reports[f"{server.url}/a/9"].source_name == "atomfeed"
    assert {p.claim.source_url for p in queued if p.claim.source_name == "wire"} == {
        f"{server.url}/a/{i}" for i in (1, 2, 3)
    }

    # Nothing changed: 304 for both feeds, nothing fetched or added again.
    second = fetch(cli, "wire", "atomfeed")
    assert {n: r["status"] for n, r in second.items()} == {
        "wire": "not modified",
        "atomfeed": "not modified",
    }
    assert server.pages["/wire.xml"].headers[-1]["If-None-Match"] == '"v1"'
    assert "If-Modified-Since" in server.pages["/atom.xml"].headers[-1]

    # A new version repeats two old items and adds one: only the new article is fetched.
    publish(server, "/wire.xml", [2, 3, 5], etag='"v2"')
    third = fetch(cli, "wire")["wire"]
    assert (third["status"], third["reports"], third["skipped"]) == ("ok", 1, 2)
    assert [server.hits[f"/a/{i}"] for i in (1, 2, 3, 5)] == [1, 1, 1, 1]
    listed = {s["name"]: s for s in json.loads(cli("source", "list", "--json").stdout)}
    assert listed["wire"]["etag"] == '"v2"' and listed["broken"]["last_error"]
    assert listed["drop"]["last_error"] is None and listed["drop"]["fetched_at"]


def test_a_feed_of_200_items_with_duplicates_and_repeats(cli, server, db_url):
    """The issue's check: 200 items, of which repeats (the same link twice) and duplicates
    (the same text under another link); 120 articles of 30 events: the queue holds each
    event once, with its four reports as sources."""
    ids = [i % 120 for i in range(200)]  # 80 repeated links
    items = [(f"Report {i}", f"{server.url}/a/{i}", DATE, "s") for i in ids]
    items += [(f"Copy {i}", f"{server.url}/copy/{i}", DATE, "s") for i in range(10)]
    server.pages["/big.xml"] = Page(rss(items), "application/rss+xml", etag='"big"')
    for i in range(120):
        server.pages[f"/a/{i}"] = Page(article(i))
    for i in range(10):
        server.pages[f"/copy/{i}"] = Page(article(i))  # same text as /a/i
    cli("source", "add", "big", "--rss", f"{server.url}/big.xml")
    result = fetch(cli)["big"]
    assert (result["reports"], result["errors"]) == (120, [])
    assert (result["proposals"], result["corroborated"], result["skipped"]) == (30, 90, 90)
    with Store(db_url) as store:
        queued = review.queue(store)
        assert len(store.reports()) == 120
        sources = [len(corroboration.evidence(store, p.claim.id)["sources"]) for p in queued]
    events = [(p.claim.name, p.claim.event_date) for p in queued]
    assert len(events) == len(set(events)) == 30
    assert sources == [4] * 30
    assert max(server.hits[f"/a/{i}"] for i in range(120)) == 1


def test_add_source_bad_input_is_one_line_and_exit_2(cli, tmp_path):
    cli("source", "add", "wire", "--rss", "http://127.0.0.1:9/feed.xml")
    for args, message in [
        (["wire", "--rss", "http://127.0.0.1:9/x"], "exists already"),
        (["x", "--rss", "file:///etc/passwd"], "must be an http"),
        (["x", "--rss", "http://a/x", "--atom", "http://a/y"], "exactly one"),
        (["x"], "exactly one"),
        (["x", "--folder", tmp_path / "missing"], "is not a folder"),
        (["x", "--telegram-export", tmp_path / "none.json"], "not a readable file"),
        (["bad/name", "--rss", "http://a/x"], "source name"),
    ]:
        result = cli("source", "add", *args, code=2)
        assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert cli("fetch", "nope", code=2).output.strip().endswith("shows them)")
    assert [s["name"] for s in json.loads(cli("source", "list", "--json").stdout)] == ["wire"]


def test_retries_with_backoff_then_success(server):
    server.pages["/f"] = Page(b"ok", fail_first=2)
    slept: list[float] = []
    fetcher = Fetcher(retries=2, backoff=0.5, delay=0, sleep=slept.append)
    assert fetcher.get(f"{server.url}/f").body == b"ok"
    assert slept == [0.5, 1.0] and server.hits["/f"] == 3


def test_gives_up_after_the_retries_and_never_retries_a_404(server):
    server.pages["/busy"] = Page(b"", fail_first=10)
    fetcher = Fetcher(retries=1, backoff=0, delay=0, sleep=lambda s: None)
    with pytest.raises(FetchError, match=r"HTTP 503 .*\(2 attempts\)"):
        fetcher.get(f"{server.url}/busy")
    with pytest.raises(FetchError, match=r"HTTP 404 .*\(1 attempt\)"):
        fetcher.get(f"{server.url}/missing")
    assert server.hits["/missing"] == 1


def test_a_host_that_refuses_connections_is_an_error():
    fetcher = Fetcher(retries=1, backoff=0, delay=0, sleep=lambda s: None)
    with pytest.raises(FetchError, match="cannot connect"):
        fetcher.get("http://127.0.0.1:9/feed.xml")


def test_polite_delay_per_host(server):
    server.pages["/p"] = Page(b"ok")
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    fetcher = Fetcher(delay=2.0, sleep=sleep, clock=lambda: clock[0])
    fetcher.get(f"{server.url}/p")
    clock[0] += 0.5
    fetcher.get(f"{server.url}/p")
    assert slept == [1.5]
    other = server.url.replace("127.0.0.1", "localhost")
    fetcher.get(f"{other}/p")  # another host: no wait
    assert slept == [1.5]


def test_parse_rss_and_atom():
    kind, [entry] = parse_feed(
        rss([("T <b>1</b>", "https://x.example/1", DATE, "<p>Body &amp; more</p>")])
    )
    assert (kind, entry.link, entry.title, entry.text) == (
        "rss",
        "https://x.example/1",
        "T 1",
        "Body & more",
    )
    assert entry.published.isoformat() == "2025-12-03"
    kind, [entry] = parse_feed(
        atom([("A", "javascript:alert(1)", "2025-12-02T23:30:00Z", "<script>x</script><p>y</p>")])
    )
    assert (kind, entry.link, entry.text) == ("atom", None, "y")
    # 23:30 UTC is already the next day in Kyiv.
    assert entry.published == (now() - timedelta(days=1)).date()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title>'
            b"</item></channel></rss>",
            "DOCTYPE",
        ),
        (b"<rss><channel><item>", "not well-formed"),
        (b"<html><body>hi</body></html>", "neither RSS 2.0 nor Atom"),
    ],
)
def test_hostile_or_broken_feeds_are_refused(body, message):
    with pytest.raises(InvalidInputError, match=message):
        parse_feed(body)
