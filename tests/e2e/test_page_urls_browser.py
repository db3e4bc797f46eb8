"""Opening a page by its own URL (a bookmark, a shared link) on the dashboard as `tracker
dashboard` serves it: the page shows, and the browser asks the server for nothing that is
not there (Streamlit's frontend used to probe `<page>/_stcore/health` and
`<page>/_stcore/host-config` first, two 404s on every such visit)."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.support.browser import MAP, map_counts, wait_for_count
from tests.support.control import report_areas
from tracker.dashboard.local_server import WARM_SERVE, start_dashboard, stop_dashboard
from tracker.store import Store

# (url path, the page's title); the map's own files are fetched once ready, so it is
# checked for the probes only (below).
PAGES = [
    ("/data", "Claims data"),
    ("/review", "Review queue"),
    ("/places?q=Kupiansk", "Place search"),
    ("/claim", "Add a claim"),
    ("/ingest", "Ingest a report"),
    ("/data/", "Claims data"),
]


@pytest.fixture(scope="module")
def served_db(tmp_path_factory, demo_db) -> str:
    """A copy of the browser tests' demo database: this module writes to it."""
    path = tmp_path_factory.mktemp("page-urls-db") / "demo.db"
    source = sqlite3.connect(demo_db.removeprefix("sqlite:///"))
    target = sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def served(tmp_path_factory, chromium_path, served_db):
    """The dashboard started as `tracker dashboard` starts it (tracker.dashboard.serve)."""
    data = tmp_path_factory.mktemp("page-urls-data")
    try:
        process, base = start_dashboard(
            {"TRACKER_DB": served_db, "TRACKER_DATA_DIR": str(data)}, command=WARM_SERVE
        )
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield base
    stop_dashboard(process)


def failed_requests(page) -> list[tuple[int, str]]:
    """Every response of 400 or more the page gets from now on (filled as they come)."""
    failed: list[tuple[int, str]] = []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    return failed


@pytest.mark.parametrize(("path", "title"), PAGES)
def test_a_page_opened_by_its_url_shows_without_a_failed_request(served, browser_page, path, title):
    page = browser_page
    failed = failed_requests(page)
    page.goto(f"{served}{path}", wait_until="domcontentloaded")
    page.get_by_role("heading", name=title).wait_for(timeout=60_000)
    page.wait_for_timeout(500)  # anything the page asks for once it shows
    assert failed == []
    assert urlsplit(page.url).path == urlsplit(path).path.rstrip("/")  # still that page
    assert page.dialogs == []


def test_the_map_opened_by_its_url_asks_for_no_probe(served, browser_page):
    page = browser_page
    failed = failed_requests(page)
    page.goto(f"{served}/map?as_of=2025-12-01", wait_until="domcontentloaded")
    page.get_by_role("heading", name="Claims map").wait_for(timeout=60_000)
    assert [url for _, url in failed if "_stcore" in url] == []
    assert "as_of=2025-12-01" in page.url  # the map is the default page: its URL is the root's


# Every parameter the map keeps in its URL (tracker.dashboard.state.URL_STATE).
SHARED = {
    "as_of": "2025-12-10",
    "window": "30",
    "side": "RU",
    "action": "attack,advance",
    "status": "claimed",
    "claimant": "Demo Think Tank",
    "q": "Kupiansk",
    "counting": "confirmed",
}


def test_a_shared_map_url_opens_the_same_view(served, browser_page, served_db):
    """README: "The date, filters and counting choice live in the URL, so a view can be
    shared": a colleague opening the URL gets that date, those filters and that counting."""
    page = browser_page
    page.goto(f"{served}/?{urlencode(SHARED)}", wait_until="domcontentloaded")
    with Store(served_db) as store:
        expected = store.count_claims(
            as_of=date(2025, 12, 10),
            side=("RU",),
            action=("attack", "advance"),
            status=("claimed",),
            claimant="Demo Think Tank",
            text="Kupiansk",
        )
        total = store.count_claims(as_of=date(2025, 12, 10))
    assert 0 < expected < total
    frame = page.frame_locator(MAP)
    wait_for_count(page, frame, expected)
    assert map_counts(frame)["as_of"] == "2025-12-10" and map_counts(frame)["window"] == 30
    assert page.get_by_role("radio", name="30 d").is_checked()
    assert page.get_by_role("radio", name="assessed (baselines + confirmed)").is_checked()
    assert page.get_by_role("textbox", name="Place or text").input_value() == "Kupiansk"
    # The page keeps the view in its URL, unchanged, for the next one to share.
    query = {k: ",".join(v) for k, v in parse_qs(urlsplit(page.url).query).items()}
    assert query == SHARED
    assert page.dialogs == []


def test_an_idle_map_shows_another_writers_control_areas(served, browser_page, served_db):
    """README: other analysts' claims reach an open map without a click, "the control areas
    within about 30 s" (the store's state for the areas is read every 30 s, then a model is
    built in the background): the map page reruns once the newer areas of its date are ready."""
    page = browser_page
    page.goto(f"{served}/?as_of=2025-12-14", wait_until="domcontentloaded")
    figures = page.get_by_text(re.compile(r"km² · frontline"))
    before = figures.first.inner_text(timeout=60_000)
    assert before.startswith(f"RU {report_areas(served_db, date(2025, 12, 14))['RU']:,.0f} km²")
    with Store(served_db) as store:  # another analyst, another process: no click on this page
        store.add_claim(
            {
                "event_date": "2025-12-14",
                "name": "Sumy",
                "place_id": "geonames:692194",
                "lat": 50.91741,
                "lon": 34.79906,
                "side": "RU",
                "action": "capture",
                "claimant": "Idle areas writer",
            }
        )
    after = report_areas(served_db, date(2025, 12, 14))
    expected = f"RU {after['RU']:,.0f} km²"
    assert not before.startswith(expected)  # (the claim does change the areas)
    for _ in range(360):  # 30 s of state, the model's update, the date's areas; a busy machine
        if figures.first.inner_text().startswith(expected):
            break
        page.wait_for_timeout(250)
    assert figures.first.inner_text().startswith(expected)
    assert page.dialogs == []
