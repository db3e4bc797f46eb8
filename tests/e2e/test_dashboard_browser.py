"""The dashboard pages in a real browser: markers, slider, form, download, escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.e2e.conftest import XSS_QUOTE, screenshot
from tracker.store import Store

MAP = "iframe[title='streamlit_folium.st_folium']"


def shown_claims(frame) -> int:
    """Claims on the map: single markers plus the counts on cluster icons."""
    frame.locator(".leaflet-marker-pane > *").first.wait_for(timeout=60_000)
    singles = frame.locator(".leaflet-marker-pane .awesome-marker").count()
    clustered = sum(
        int(t) for t in frame.locator(".leaflet-marker-pane .marker-cluster span").all_inner_texts()
    )
    return singles + clustered


def count_line(page) -> int:
    text = page.get_by_text(re.compile(r"\d+ claims, ")).first.inner_text(timeout=60_000)
    return int(re.match(r"([\d,]+) claims", text).group(1).replace(",", ""))


def wait_for_count(page, frame, expected: int, timeout_ms: int = 30_000) -> None:
    for _ in range(timeout_ms // 250):
        try:
            if count_line(page) == expected and shown_claims(frame) == expected:
                return
        except Exception:  # the iframe is being updated
            pass
        page.wait_for_timeout(250)
    raise AssertionError(f"map did not settle on {expected} claims: {count_line(page)}")


def test_map_renders_markers_and_the_slider_changes_them(streamlit_server, browser_page, demo_db):
    page = browser_page
    page.goto(f"{streamlit_server}/", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    with Store(demo_db) as store:
        total = store.count_claims()
    wait_for_count(page, frame, total)
    assert frame.locator("path.leaflet-interactive").count() >= 27  # oblasts as vectors
    assert "Claims" in frame.locator(".leaflet-control-layers").inner_text()
    # Control areas and the frontline are vector paths in the map iframe, in the layer control.
    for layer in ("Control: RU", "Control: UA", "Control: contested", "Frontline"):
        assert layer in frame.locator(".leaflet-control-layers").inner_text()
    ru_path = frame.locator("path.control-RU").first
    ru_path.wait_for(state="attached", timeout=30_000)
    assert frame.locator("path.control-UA").count() >= 1
    assert frame.locator("path.frontline").count() >= 1
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
    # The control areas follow the slider: fewer captures by 2025-11-24, another RU outline.
    for _ in range(120):
        if frame.locator("path.control-RU").first.get_attribute("d") != ru_before:
            break
        page.wait_for_timeout(250)
    else:
        raise AssertionError("the RU control area did not change with the slider")
    assert page.dialogs == []


def test_quote_with_html_is_shown_as_text(streamlit_server, browser_page):
    page = browser_page
    page.goto(f"{streamlit_server}/?q=XSS+test", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    wait_for_count(page, frame, 1)
    # A DOM click on the marker icon (what Leaflet listens to); a mouse click at computed
    # coordinates can land elsewhere while the page above the map is still laying out.
    frame.locator(".leaflet-marker-pane .awesome-marker").first.dispatch_event("click")
    # The click selects the claim: its record and history show under the map (a rerun).
    page.get_by_role("heading", name="Bakhmut — 2025-12-14").wait_for(timeout=30_000)
    frame = page.frame_locator(MAP)
    frame.locator(".leaflet-marker-pane .awesome-marker").first.dispatch_event("click")
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=30_000)
    assert XSS_QUOTE in popup.inner_text()
    assert popup.locator("img").count() == 0
    assert frame.locator("img[src='x']").count() == 0
    assert page.locator("img[src='x']").count() == 0
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
    button = page.get_by_role("button", name="⬇ GeoJSON")
    button.wait_for(timeout=60_000)
    page.get_by_text("Timeline").wait_for()
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
