"""The hostile-string corpus in a real browser: on the map (popups, record, history), the data
table, the edit form and the ingest highlighter. Nothing may open a dialog, raise a script
error or set `window.__pwned` in any frame; links are http(s) only."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.support.browser import (
    MAP,
    click_claim,
    screenshot,
    start_dashboard,
    stop_dashboard,
    wait_for_count,
)
from tests.support.hostile import HOSTILE
from tracker.store import Store

LEGACY_URL = "javascript:window.__pwned=1"  # as if an old row bypassed today's validation


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> tuple[str, list[str]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.db'}"
    ids = []
    with Store(url) as store:
        for k, text in enumerate(HOSTILE):
            claim = store.add_claim(
                {
                    "event_date": f"2025-11-{20 + k % 10}",
                    # Spread over Ukraine so that each claim is its own marker.
                    "lat": 46.6 + (k % 5) * 0.9,
                    "lon": 24.5 + (k // 5) * 3.0,
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
            ids.append(claim.id)
        with store.transaction() as conn:
            conn.execute(sa.text("UPDATE claims SET source_url = :u WHERE id = :i"),
                         {"u": LEGACY_URL, "i": ids[0]})  # fmt: skip
    return url, ids


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, chromium_path, hostile_db):
    process, base = start_dashboard(
        {"TRACKER_DATA_DIR": str(tmp_path_factory.mktemp("data")), "TRACKER_DB": hostile_db[0]}
    )
    yield base
    stop_dashboard(process)


def assert_nothing_ran(page, errors: list[str]) -> None:
    assert page.dialogs == [], page.dialogs
    assert errors == [], errors
    for frame in page.frames:
        assert frame.evaluate("() => window.__pwned === undefined"), frame.url


def watch(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def open_map(page, base: str):
    """The map with every hostile claim drawn; (its frame, the latest popup)."""
    page.goto(f"{base}/?as_of=2025-12-01&window=30", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    wait_for_count(page, frame, len(HOSTILE))
    return frame, frame.locator(".leaflet-popup-content").last  # the one just opened


def popup_quote(popup) -> str:
    popup.locator("blockquote").wait_for(timeout=30_000)
    return popup.locator("blockquote").inner_text().strip().strip("“”")


def test_map_popups_record_and_history_show_hostile_text_as_text(
    hostile_server, browser_page, hostile_db
):
    page = browser_page
    errors = watch(page)
    frame, popup = open_map(page, hostile_server)
    seen = set()
    for k in range(len(HOSTILE)):
        click_claim(page, frame, k)
        quote = popup_quote(popup)
        assert quote in {h.strip() for h in HOSTILE}, quote  # the whole string, as text
        seen.add(quote)
        for tag in ("img", "script", "svg", "iframe", "textarea"):
            assert popup.locator(tag).count() == 0, (tag, quote)
        for link in popup.locator("a").all():
            assert link.get_attribute("href").startswith(("http://", "https://"))
    assert seen == {h.strip() for h in HOSTILE}
    # The claim record and history under the map (after the last click).
    page.get_by_text("History").first.wait_for(timeout=30_000)
    screenshot(page, "hostile-map")
    assert_nothing_ran(page, errors)


def test_legacy_javascript_url_is_not_a_link(hostile_server, browser_page, hostile_db):
    page = browser_page
    errors = watch(page)
    frame, popup = open_map(page, hostile_server)
    for k in range(len(HOSTILE)):
        click_claim(page, frame, k)
        if popup_quote(popup) == HOSTILE[0]:
            break
    else:
        raise AssertionError("the claim with the legacy URL was not found on the map")
    assert popup.locator("a").count() == 0
    assert "javascript:" not in popup.inner_html()
    assert_nothing_ran(page, errors)


def test_data_page_form_and_ingest_keep_hostile_text_inert(
    hostile_server, browser_page, hostile_db
):
    page = browser_page
    errors = watch(page)
    page.goto(f"{hostile_server}/data", wait_until="domcontentloaded")
    page.get_by_text(f"{len(HOSTILE)} claims").first.wait_for(timeout=60_000)
    screenshot(page, "hostile-data")
    assert_nothing_ran(page, errors)

    _, ids = hostile_db
    page.goto(f"{hostile_server}/claim?id={ids[1]}", wait_until="domcontentloaded")
    name = page.get_by_label("Place name")
    name.wait_for(timeout=60_000)
    assert name.input_value() == HOSTILE[1]
    areas = page.locator("textarea")
    for _ in range(100):  # the form's text areas fill in as the page finishes its run
        if HOSTILE[1] in [areas.nth(i).input_value() for i in range(areas.count())]:
            break
        page.wait_for_timeout(100)
    values = [areas.nth(i).input_value() for i in range(areas.count())]
    assert values.count(HOSTILE[1]) == 2, values  # quote and notes, as text
    assert_nothing_ran(page, errors)

    page.goto(f"{hostile_server}/ingest", wait_until="domcontentloaded")
    report = "Russian forces attacked Pokrovsk. " + " ".join(HOSTILE) + " Kupiansk holds."
    area = page.get_by_label("…or paste its text")
    area.wait_for(timeout=60_000)
    area.fill(report)
    area.press("Control+Enter")
    highlighted = page.locator(".report-text")
    highlighted.wait_for(timeout=60_000)
    assert highlighted.locator("mark").count() >= 2
    for tag in ("img", "script", "svg", "iframe", "a"):
        assert highlighted.locator(tag).count() == 0, tag
    assert "<script>" in highlighted.inner_text()  # shown as text
    screenshot(page, "hostile-ingest")
    assert_nothing_ran(page, errors)
