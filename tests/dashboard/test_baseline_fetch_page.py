"""The map page's "Fetch a baseline" panel (admins), against a local DeepStateMap-like server."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.apptest import run_page
from tests.support.provider_server import ProviderServer, deepstate_history, deepstate_map
from tracker.store import Store


@pytest.fixture
def deepstate(monkeypatch):
    with ProviderServer() as server:
        server.routes["/api/history/public"] = (200, deepstate_history())
        server.routes["/api/history/1764792000/geojson"] = (200, deepstate_map())
        monkeypatch.setenv("TRACKER_DEEPSTATE_URL", server.url)
        yield server


def fetch(at, day: date):
    at.selectbox(key="bf_provider").set_value("deepstate")
    at.date_input(key="bf_day").set_value(day)
    at.button[[b.label for b in at.button].index("Fetch and import")].click().run()
    assert not at.exception
    return at


def test_an_admin_fetches_deepstate_from_the_map_page(db_url, deepstate):
    at = fetch(run_page("map_page.py"), date(2025, 12, 10))
    with Store(db_url) as store:
        fetched = [b for b in store.baselines() if b.source.startswith("DeepStateMap")]
    (layer,) = fetched
    assert (layer.day, layer.coverage) == (date(2025, 12, 3), "country")
    assert "CC BY-NC-SA 4.0" in layer.licence
    assert any("CC BY-NC-SA 4.0" in s.value for s in at.success)
    # With a whole-country layer in force the map no longer says it has no baseline.
    at.slider(key="as_of").set_value(date(2025, 12, 10)).run()
    assert not any("control is shown only where claims" in i.value for i in at.info)
    assert at.session_state["control_figures"]["areas_km2"]["unknown"] < 1_000


def test_a_failed_fetch_says_why_and_writes_nothing(db_url, deepstate):
    deepstate.routes["/api/history/1764792000/geojson"] = (502, {"message": "bad gateway"})
    at = fetch(run_page("map_page.py"), date(2025, 12, 10))
    assert any("answered HTTP 502" in e.value for e in at.error)
    with Store(db_url) as store:
        assert not [b for b in store.baselines() if (b.source or "").startswith("DeepState")]


def test_server_text_in_an_error_is_not_markdown():
    from tracker.dashboard.baseline_fetch import inert_markdown

    shown = inert_markdown("x ![img](http://evil.test/a.png) **bold** <b>")
    assert "![" not in shown and "](" not in shown and "**" not in shown
    assert shown.replace("\\", "") == "x ![img](http://evil.test/a.png) **bold** <b>"


def test_viewers_get_no_fetch_panel(db_url):
    from streamlit.testing.v1 import AppTest

    from tests.support.apptest import DASHBOARD

    at = AppTest.from_file(str(DASHBOARD / "map_page.py"), default_timeout=60)
    at.secrets["access"] = {"local_role": "viewer"}
    at.run()
    assert not at.exception
    assert "Fetch and import" not in [b.label for b in at.button]
    assert not [e for e in at.expander if "Fetch a baseline" in e.label]
