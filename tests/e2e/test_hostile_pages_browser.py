"""The wider hostile corpus on every dashboard page in a real browser. The page may contact
127.0.0.1 only (a Markdown image or HTML in a claim would make it fetch another host), open
no dialog, log no console error and run no script from the data."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest

from tests.support.browser import (
    MAP,
    click_claim,
    screenshot,
    start_dashboard,
    stop_dashboard,
    wait_for_count,
)
from tests.support.hostile import (
    HTML,
    INVISIBLE,
    MARKDOWN,
    RICH_MARKUP,
    STORED_CORPUS,
    TERMINAL_ESCAPES,
)
from tracker.dashboard.map_component import TILES
from tracker.store import Store

ON_MAP = MARKDOWN + HTML  # one marker each: their details are opened one by one
LOCAL = {"127.0.0.1", "localhost"}
# The base maps the app itself offers (blocked here all the same: tests use no network).
TILE_HOSTS = {urlsplit(t["url"]).hostname for t in TILES}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> tuple[str, dict[str, str]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    ids: dict[str, str] = {}
    with Store(url) as store:
        for k, text in enumerate(ON_MAP):
            claim = store.add_claim(
                {
                    "event_date": "2025-11-25",
                    "lat": 45.8 + (k % 6) * 1.1,  # a grid over Ukraine: one marker each
                    "lon": 23.5 + (k // 6) * 2.6,
                    "name": text,
                    "claimant": text,
                    "source_name": text,
                    "source_url": "https://example.org/source",
                    "quote": text,
                    "notes": text,
                    "side": "RU" if k % 2 else "UA",
                    "action": "attack",
                }
            )
            ids[text] = claim.id
        for text in RICH_MARKUP + TERMINAL_ESCAPES + INVISIBLE:  # shown in tables and lists
            store.add_claim(
                {"event_date": "2025-11-01", "lat": 48.0, "lon": 37.5, "name": text[:200],
                 "claimant": text, "side": "RU", "action": "advance", "quote": text}
            )  # fmt: skip
    return url, ids


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory, chromium_path, corpus_db):
    process, base = start_dashboard(
        {"TRACKER_DATA_DIR": str(tmp_path_factory.mktemp("data")), "TRACKER_DB": corpus_db[0]}
    )
    yield base
    stop_dashboard(process)


class Watch:
    """Requests to other hosts (blocked and recorded), console errors, uncaught errors."""

    def __init__(self, page) -> None:
        self.page = page
        self.foreign: list[str] = []
        self.missing: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("response", lambda r: r.status == 404 and self.missing.append(r.url))

    def _console(self, message) -> None:
        # "Failed to load resource" is the network's to report: blocked tiles, and Streamlit
        # probing /PAGE/_stcore/health before /_stcore/health. Scripts' errors are kept.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console.append(message.text)

    def _route(self, route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL:
            route.continue_()
        else:
            if host not in TILE_HOSTS:
                self.foreign.append(route.request.url)
            route.abort()

    def check(self) -> None:
        assert self.foreign == [], self.foreign
        assert self.page.dialogs == [], self.page.dialogs
        assert self.errors == [], self.errors
        assert self.console == [], (self.console, self.missing)
        for frame in self.page.frames:
            assert frame.evaluate("() => window.__pwned === undefined"), frame.url


def wait_for_text(page, text: str, timeout: int = 60_000) -> None:
    page.get_by_text(text).first.wait_for(timeout=timeout)


def test_map_details_of_markdown_and_html_claims_fetch_nothing(
    corpus_server, browser_page, corpus_db
):
    page = browser_page
    watch = Watch(page)
    page.goto(f"{corpus_server}/?as_of=2025-11-30&window=7", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    wait_for_count(page, frame, len(ON_MAP) + len(RICH_MARKUP + TERMINAL_ESCAPES + INVISIBLE))
    for k in range(0, len(ON_MAP), 3):  # every third: each opens its record and history
        click_claim(page, frame, k)
        page.get_by_text("History").first.wait_for(timeout=30_000)
        page.wait_for_timeout(300)  # let an image, if any, start loading
    heading = page.locator("h3").filter(has_text="2025-11-25").first
    assert heading.locator("img").count() == 0
    for link in heading.locator("a").all():  # only Streamlit's own anchor to the heading
        assert (link.get_attribute("href") or "").startswith("#"), link.get_attribute("href")
    screenshot(page, "hostile-corpus-map")
    watch.check()


def test_form_success_message_with_a_markdown_name_fetches_nothing(
    corpus_server, browser_page, corpus_db
):
    page = browser_page
    watch = Watch(page)
    _, ids = corpus_db
    page.goto(f"{corpus_server}/claim?id={ids[MARKDOWN[0]]}", wait_until="domcontentloaded")
    name = page.get_by_label("Place name")
    name.wait_for(timeout=60_000)
    for _ in range(100):
        if name.input_value() == MARKDOWN[0]:
            break
        page.wait_for_timeout(100)
    page.get_by_label("Notes").fill("checked by the browser test")
    page.get_by_role("button", name="Save changes").click()
    success = page.get_by_text("Saved ").first
    success.wait_for(timeout=60_000)
    # shown as text, every character (a word joiner, which shows nothing, parts "://")
    assert MARKDOWN[0] in success.inner_text().replace("\u2060", "")
    page.wait_for_timeout(500)
    watch.check()


@pytest.mark.parametrize("path", ["data", "ingest", "places"])
def test_every_other_page_keeps_the_corpus_inert(corpus_server, browser_page, path):
    page = browser_page
    watch = Watch(page)
    if path == "places":
        for query in (MARKDOWN[0], HTML[0], RICH_MARKUP[3], "Kupiansk"):
            page.goto(f"{corpus_server}/places?q={quote(query)}", wait_until="domcontentloaded")
            page.get_by_label("Place name").wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
    elif path == "data":
        page.goto(f"{corpus_server}/data", wait_until="domcontentloaded")
        total = len(ON_MAP) + len(RICH_MARKUP + TERMINAL_ESCAPES + INVISIBLE)
        wait_for_text(page, f"{total} claims")
    else:
        page.goto(f"{corpus_server}/ingest", wait_until="domcontentloaded")
        area = page.get_by_label("…or paste its text")
        area.wait_for(timeout=60_000)
        area.fill("Russian forces attacked Pokrovsk. " + " ".join(STORED_CORPUS))
        area.press("Control+Enter")
        page.locator(".report-text").wait_for(timeout=60_000)
        assert page.locator(".report-text img, .report-text a").count() == 0
    page.wait_for_timeout(500)
    screenshot(page, f"hostile-corpus-{path}")
    watch.check()
