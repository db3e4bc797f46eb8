"""The place-search page in a real browser: type a spelling, see candidates and the map."""

from __future__ import annotations

from tests.support.browser import screenshot


def test_search_shows_candidates_and_a_marker(streamlit_server, browser_page):
    page = browser_page
    page.goto(f"{streamlit_server}/places", wait_until="domcontentloaded")
    box = page.get_by_label("Place name")
    box.wait_for(timeout=60_000)
    box.fill("Koupiansk")
    box.press("Enter")
    page.get_by_role("heading", name="Kupiansk").wait_for(timeout=60_000)
    assert "Kharkiv Oblast" in page.inner_text("body")

    # The folium map is a component iframe; its Leaflet marker for the chosen place.
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
    marker = frame.locator(".leaflet-marker-pane .awesome-marker-icon-red")
    marker.wait_for(timeout=60_000)
    assert marker.count() == 1
    regions = frame.locator("path.leaflet-interactive")
    assert regions.count() >= 27  # oblasts drawn as vectors, readable without tiles
    assert page.url.endswith("?q=Koupiansk")
    screenshot(page, "place_search")
    assert page.dialogs == []


def test_query_in_the_url_is_restored(streamlit_server, browser_page):
    page = browser_page
    page.goto(f"{streamlit_server}/places?q=Часів+Яр", wait_until="domcontentloaded")
    page.get_by_role("heading", name="Chasiv Yar").wait_for(timeout=60_000)
    assert "Donetsk Oblast" in page.inner_text("body")
