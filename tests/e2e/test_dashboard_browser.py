"""The dashboard pages in a real browser: markers, slider, form, download, escaping."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.support.browser import (
    MAP,
    STATUS,
    XSS_QUOTE,
    click_claim,
    hook,
    map_counts,
    painted_pixels,
    screenshot,
    wait_for_count,
)
from tracker.store import Store


def test_map_renders_markers_and_the_slider_changes_them(streamlit_server, browser_page, demo_db):
    page = browser_page
    page.goto(f"{streamlit_server}/", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    with Store(demo_db) as store:
        total = store.count_claims()
    wait_for_count(page, frame, total)
    assert painted_pixels(frame) > 100
    assert frame.locator("path.leaflet-interactive").count() >= 27  # oblasts as vectors
    assert "Claims" in frame.locator(".leaflet-control-layers").inner_text()
    # Control areas and the frontline are vector paths in the map iframe, in the layer control.
    layers = ("Control: RU", "Control: UA", "Control: contested", "Claimed only: RU", "Frontline")
    for layer in layers:
        assert layer in frame.locator(".leaflet-control-layers").inner_text()
    # The demo's claims are only "claimed": hatched apart from the assessed areas (Crimea).
    ru_path = frame.locator("path.control-claimed-RU").first
    ru_path.wait_for(state="attached", timeout=30_000)
    assert ru_path.get_attribute("fill") == "url(#hatch-RU)"
    assert frame.locator("path.control-RU").count() >= 1
    # No whole-country baseline: no front is drawn and the map says why.
    assert frame.locator("path.frontline").count() == 0
    notice = frame.locator(".claims-notice")
    assert "control is shown only where claims" in notice.inner_text(timeout=30_000)
    ru_before = ru_path.get_attribute("d")
    screenshot(page, "map")

    thumb = page.get_by_role("slider").first
    thumb.focus()
    for _ in range(20):
        thumb.press("ArrowLeft")
    page.wait_for_url(re.compile(r"as_of=2025-11-24"), timeout=30_000)
    with Store(demo_db) as store:
        expected = store.count_claims(as_of="2025-11-24")
    assert expected < total
    wait_for_count(page, frame, expected)
    assert map_counts(frame)["as_of"] == "2025-11-24"
    # The control areas follow the slider: fewer captures by 2025-11-24, another RU outline.
    for _ in range(120):
        if frame.locator("path.control-claimed-RU").first.get_attribute("d") != ru_before:
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError("the RU control area did not change with the slider")
    assert page.dialogs == []


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ("as_of=2025-11-20&window=30", {}),
        ("as_of=2025-12-05&window=7&side=RU", {"side": "RU"}),
        ("as_of=2025-12-14&window=1&action=capture,advance", {"action": ("capture", "advance")}),
    ],
)
def test_map_layer_shows_the_stores_count_for_a_date_and_filter(
    streamlit_server, browser_page, demo_db, query, filters
):
    page = browser_page
    page.goto(f"{streamlit_server}/?{query}", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    params = dict(part.split("=") for part in query.split("&"))
    as_of = date.fromisoformat(params["as_of"])
    window = int(params["window"])
    with Store(demo_db) as store:
        expected = store.count_claims(as_of=as_of, **filters)
        recent = store.count_claims(
            as_of=as_of, since=as_of - timedelta(days=window - 1), **filters
        )
    assert expected > 0
    wait_for_count(page, frame, expected)
    counts = map_counts(frame)
    assert counts == {
        "shown": expected,
        "recent": recent,
        "drawn": expected,
        "window": window,
        "as_of": as_of.isoformat(),
    }
    status = frame.locator(STATUS).inner_text()
    assert status.startswith(f"{expected:,} claims as of {as_of.isoformat()} · {recent:,} in")


def test_clicking_a_claim_shows_its_record(streamlit_server, browser_page, demo_db):
    page = browser_page
    page.goto(f"{streamlit_server}/?side=UA", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    with Store(demo_db) as store:
        wait_for_count(page, frame, store.count_claims(side="UA"))
    i = click_claim(page, frame)
    claim = hook(frame, f"claim({i})")
    # The popup names the claim at once; the record and history show under the map.
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=30_000)
    assert popup.locator("b").first.inner_text() == claim["name"]
    heading = f"{claim['name']} — {claim['date']}"
    page.get_by_role("heading", name=heading).wait_for(timeout=30_000)
    page.get_by_text("History").wait_for(timeout=30_000)
    with Store(demo_db) as store:
        [match] = [
            c
            for c in store.claims(side="UA")
            if c.name == claim["name"]
            and c.event_date.isoformat() == claim["date"]
            and c.action == claim["action"]
            and abs(c.lat - claim["lat"]) < 1e-4
        ]
    # The quote comes back from the server into the popup (as text).
    if match.quote:
        frame.locator(".leaflet-popup-content blockquote").wait_for(timeout=30_000)
        assert match.quote in popup.inner_text()
    screenshot(page, "map_claim")
    assert page.dialogs == []


def test_quote_with_html_is_shown_as_text(streamlit_server, browser_page):
    page = browser_page
    page.goto(f"{streamlit_server}/?q=XSS+test", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    wait_for_count(page, frame, 1)
    # A mouse click where the claim is drawn on the canvas.
    click_claim(page, frame)
    # The click selects the claim: its record and history show under the map (a rerun).
    page.get_by_role("heading", name="Bakhmut — 2025-12-14").wait_for(timeout=30_000)
    popup = frame.locator(".leaflet-popup-content")
    frame.locator(".leaflet-popup-content blockquote").wait_for(timeout=30_000)
    assert XSS_QUOTE in popup.inner_text()
    assert popup.locator("img").count() == 0
    assert frame.locator("img[src='x']").count() == 0
    assert page.locator("img[src='x']").count() == 0
    link = popup.locator("a")
    assert link.get_attribute("href") == "https://example.org/xss"
    assert link.get_attribute("rel") == "noopener noreferrer"
    page.wait_for_timeout(500)
    assert page.dialogs == []


def choose(page, label: str, option: str) -> None:
    page.get_by_label(label).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_form_adds_a_marker(streamlit_server, browser_page, demo_db):
    page = browser_page
    page.goto(f"{streamlit_server}/claim", wait_until="domcontentloaded")
    page.get_by_label("Place name").fill("Browser hamlet")
    page.get_by_label("Latitude").fill("48.4")
    page.get_by_label("Longitude").fill("37.9")
    for part, value in (("year", "2025"), ("month", "12"), ("day", "14")):
        page.get_by_role("spinbutton", name=f"{part}, Event date").click()
        page.keyboard.type(value)
    choose(page, "Side (whose forces)", "UA")
    choose(page, "Action", "advance")
    page.get_by_label("Claimant (who says so)").fill("Browser claimant")
    page.get_by_label("Quote").fill("Typed in a browser")
    screenshot(page, "claim_form")
    page.get_by_role("button", name="Add claim").click()
    page.get_by_text("Added Browser hamlet on 2025-12-14").wait_for(timeout=30_000)
    with Store(demo_db) as store:
        [claim] = store.claims(claimant="Browser claimant")
    assert (claim.lat, claim.lon, claim.side) == (48.4, 37.9, "UA")

    page.goto(f"{streamlit_server}/?q=Browser+claimant", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    wait_for_count(page, frame, 1)
    assert page.dialogs == []


def test_geojson_download_holds_the_filtered_claims(streamlit_server, browser_page, demo_db):
    page = browser_page
    page.goto(f"{streamlit_server}/data?side=UA", wait_until="domcontentloaded")
    prepare = page.get_by_role("button", name="Prepare the file")
    prepare.wait_for(timeout=60_000)
    page.get_by_text("Timeline").wait_for()
    prepare.click()
    button = page.get_by_role("button", name=re.compile(r"⬇ claims\.geojson \(\d+ claims"))
    button.wait_for(timeout=30_000)
    screenshot(page, "data")
    with page.expect_download(timeout=30_000) as info:
        button.click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    with Store(demo_db) as store:
        ids = {c.id for c in store.claims(side="UA")}
    assert data["type"] == "FeatureCollection"
    assert {f["id"] for f in data["features"]} == ids
    assert {f["properties"]["side"] for f in data["features"]} == {"UA"}
    assert all(f["geometry"]["type"] == "Point" for f in data["features"])


def test_a_date_typed_then_download_gives_the_table(streamlit_server, browser_page, demo_db):
    # Typing a date and clicking at once: the file is the table shown after the click.
    page = browser_page
    page.goto(f"{streamlit_server}/data", wait_until="domcontentloaded")
    prepare = page.get_by_role("button", name="Prepare the file")
    prepare.wait_for(timeout=60_000)
    page.get_by_text("Timeline").wait_for()
    page.get_by_role("spinbutton", name="year, From").click()
    page.keyboard.type("20251210")  # the year, month and day segments in turn
    prepare.click()
    button = page.get_by_role("button", name=re.compile(r"⬇ claims\.geojson \("))
    button.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as info:
        button.click()
    data = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    with Store(demo_db) as store:
        ids = {c.id for c in store.claims(since="2025-12-10")}
    assert {f["id"] for f in data["features"]} == ids
    assert f"({len(ids)} claims, as in the table)" in button.inner_text()


def test_ingest_page_highlights_places(streamlit_server, browser_page):
    page = browser_page
    page.goto(f"{streamlit_server}/ingest", wait_until="domcontentloaded")
    box = page.get_by_label("…or paste its text")
    box.fill("Russian forces advanced near Vovchansk. <img src=x onerror=alert(2)>")
    box.press("Control+Enter")
    page.locator("mark").first.wait_for(timeout=30_000)
    assert page.locator("mark").first.inner_text() == "Vovchansk"
    assert "<img src=x onerror=alert(2)>" in page.inner_text("body")
    screenshot(page, "ingest")
    assert page.dialogs == []
