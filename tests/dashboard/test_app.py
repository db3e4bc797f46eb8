"""The router: app.py opens on the map page, with every page registered."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tracker.dashboard.pages import PAGES, PAGES_DIR

APP = Path(__file__).resolve().parents[2] / "app.py"


def test_app_opens_on_the_map(db_url):
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Claims map"


def test_every_page_module_exists_and_place_search_moved():
    assert all((PAGES_DIR / module).exists() for module, *_ in PAGES)
    assert ("place_search.py", "Place search", "🔎", "places", "read") in PAGES
    assert PAGES[0][0] == "map_page.py"
