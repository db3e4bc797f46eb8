"""Real-browser fixtures: `streamlit run app.py` on 127.0.0.1 and Debian's Chromium via
Playwright. Skipped where Chromium is missing, unless TRACKER_REQUIRE_BROWSER=1 (CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    XSS_CLAIM_ID,
    XSS_QUOTE,
    start_dashboard,
    stop_dashboard,
)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        if os.environ.get("TRACKER_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (apt-get install chromium) but missing")
        pytest.skip("Chromium is not installed")
    return CHROMIUM


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """A demo database built from the sample reports, plus one claim whose quote is HTML."""
    from tracker.demo.build import build
    from tracker.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('e2e-db') / 'demo.db'}"
    build(url)
    with Store(url) as store:
        store.add_claim(
            {
                "event_date": "2025-12-14",
                "name": "Bakhmut",
                "lat": 48.5953,
                "lon": 38.0003,
                "side": "RU",
                "action": "attack",
                "claimant": "XSS test",
                "source_url": "https://example.org/xss",
                "quote": XSS_QUOTE,
            },
            claim_id=XSS_CLAIM_ID,
        )
    return url


@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory, chromium_path, demo_db):
    """The dashboard served by a real `streamlit run` process on the demo database; yields
    its base URL."""
    try:
        process, base = start_dashboard(
            {"TRACKER_DATA_DIR": str(tmp_path_factory.mktemp("e2e-data")), "TRACKER_DB": demo_db}
        )
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield base
    stop_dashboard(process)


@pytest.fixture()
def browser_page(chromium_path):
    """A fresh page in headless Chromium; fails the test on any JS dialog or page error."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        yield page
        context.close()
        browser.close()
