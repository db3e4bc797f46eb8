"""An analyst's day in a real browser: other writers' claims reach an idle map, the page fits
a laptop screen, no developer toolbar, the view's claims as a keyboard list."""

from __future__ import annotations

import re

from tests.support.browser import MAP, count_line, painted_pixels
from tracker.store import Store


def settle(page, predicate, timeout_ms: int = 20_000):
    """Poll `predicate()` (exceptions count as not yet) until it holds; returns its value."""
    value = None
    for _ in range(timeout_ms // 250):
        try:
            value = predicate()
            if value:
                return value
        except Exception:  # the page is being updated
            pass
        page.wait_for_timeout(250)
    raise AssertionError(f"the page did not settle (last value {value!r})")


def test_an_idle_map_shows_another_writers_claim(streamlit_server, browser_page, demo_db):
    page = browser_page
    page.goto(f"{streamlit_server}/?claimant=Idle+map+writer", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    settle(page, lambda: count_line(page) == 0)
    frame.locator(".claims-status[data-drawn]").wait_for(state="attached", timeout=60_000)
    with Store(demo_db) as store:  # another analyst, another process: no click on this page
        store.add_claim(
            {
                "event_date": "2025-12-12",
                "name": "Siversk",
                "lat": 48.8686,
                "lon": 38.0995,
                "side": "RU",
                "action": "attack",
                "claimant": "Idle map writer",
            }
        )
    # The README promises 3 s; the wait allows for a busy test machine.
    settle(page, lambda: count_line(page) == 1, timeout_ms=15_000)
    status = frame.locator(".claims-status[data-drawn]")
    settle(page, lambda: status.get_attribute("data-shown") == "1", timeout_ms=15_000)
    assert page.dialogs == []


def test_no_deploy_button_for_users(streamlit_server, browser_page):
    page = browser_page
    page.goto(f"{streamlit_server}/data", wait_until="domcontentloaded")
    page.get_by_role("heading", name="Claims data").wait_for(timeout=60_000)
    assert page.get_by_role("button", name=re.compile("Deploy")).count() == 0
    assert page.get_by_text("Deploy", exact=True).count() == 0


def test_a_laptop_screen_shows_the_slider_and_the_map_together(streamlit_server, chromium_path):
    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{streamlit_server}/", wait_until="domcontentloaded")
        frame = page.frame_locator(MAP)
        frame.locator(".claims-status[data-drawn]").wait_for(state="attached", timeout=60_000)
        slider = page.get_by_role("slider").first.bounding_box()
        map_box = page.locator(MAP).bounding_box()
        assert page.evaluate("window.scrollY") == 0
        assert slider["y"] > 0 and slider["y"] + slider["height"] < 768
        assert map_box["y"] + 400 < 768, map_box  # most of the map on the first screen
        # The filters have room for their placeholders ("Choose options", not "Choose c").
        side = page.get_by_role("combobox", name="Side")
        room = side.evaluate(
            """e => { const c = document.createElement('canvas').getContext('2d');
                      c.font = getComputedStyle(e).font;
                      return [c.measureText(e.placeholder).width, e.clientWidth]; }"""
        )
        assert room[0] <= room[1], room
        box = side.bounding_box()
        assert box["x"] + box["width"] < 1366
        browser.close()


def test_the_claims_of_the_view_are_a_keyboard_list(streamlit_server, browser_page, demo_db):
    page = browser_page
    page.goto(f"{streamlit_server}/?side=UA", wait_until="domcontentloaded")
    listing = page.get_by_role("radiogroup", name=re.compile("Claims of the view"))
    listing.wait_for(timeout=60_000)
    none = listing.get_by_role("radio").first
    none.focus()
    page.keyboard.press("ArrowDown")  # the newest claim of the view
    heading = page.get_by_role("heading", name=re.compile(r" — 2025-\d\d-\d\d"))
    heading.wait_for(timeout=30_000)
    with Store(demo_db) as store:
        newest = max(store.claims(side="UA"), key=lambda c: (c.event_date, c.created_at))
    assert heading.inner_text().startswith(f"{newest.name} — ")
    page.get_by_text("History").first.wait_for(timeout=30_000)
    # The list keeps the keyboard's focus: the next arrow key opens the next claim.
    first = heading.inner_text()
    page.keyboard.press("ArrowDown")
    page.wait_for_function(
        """first => [...document.querySelectorAll('h3')].some(
               h => / — 2025-/.test(h.innerText) && h.innerText !== first)""",
        arg=first,
        timeout=30_000,
    )


def test_a_region_level_claim_is_drawn_as_its_region(streamlit_server, browser_page, demo_db):
    with Store(demo_db) as store:
        store.add_claim(
            {
                "event_date": "2025-12-09",
                "name": "Sumy Oblast",
                "lat": 50.85,
                "lon": 34.2,
                "precision": 3,
                "side": "RU",
                "action": "advance",
                "claimant": "Region-level test",
            }
        )
    page = browser_page
    page.goto(f"{streamlit_server}/?claimant=Region-level+test", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    status = frame.locator(".claims-status[data-drawn]")
    settle(page, lambda: status.get_attribute("data-shown") == "1", timeout_ms=60_000)
    assert status.get_attribute("data-drawn") == "1"
    region = frame.locator("path.region-claim")
    region.first.wait_for(state="attached", timeout=30_000)
    assert region.count() >= 1  # the oblast's outline (one path per polygon)
    assert region.first.get_attribute("stroke-dasharray") == "8 5"
    assert region.first.get_attribute("stroke") == "#d63e2a"  # RU
    # No pin on the canvas for it, and its own legend and layer entries.
    assert painted_pixels(frame) == 0
    assert "region-level claim" in frame.locator(".claims-legend").inner_text()
    assert "Region-level claims" in frame.locator(".leaflet-control-layers").inner_text()
    assert page.dialogs == []


# The focused element's tag, looking into iframes.
FOCUSED = """() => { let e = document.activeElement;
    while (e && e.tagName === 'IFRAME') e = e.contentDocument.activeElement;
    return e ? e.tagName.toLowerCase() : ''; }"""


def test_tab_does_not_walk_through_the_map_shapes(streamlit_server, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{streamlit_server}/", wait_until="domcontentloaded")
    frame = page.frame_locator(MAP)
    frame.locator("path.control-RU").first.wait_for(state="attached", timeout=60_000)
    settle(page, lambda: frame.locator("path.leaflet-interactive").count() >= 27)
    page.wait_for_timeout(3000)  # (the oblasts' tooltips are bound once they are drawn)
    frame.locator(".leaflet-control-zoom-in").focus()
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert not [s for s in stops if s.startswith("path")], stops
    assert "input" in stops  # (the walk did go through the map's own controls)
