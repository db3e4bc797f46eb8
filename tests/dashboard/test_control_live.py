"""The map's control areas under other analysts' writes: the page never waits for a new
control model or a new date's areas while an earlier model's are there (both are computed in
the background, then shown), and a session's own write shows at once; the figures always
equal `tracker control` for the store the model was read from."""

from __future__ import annotations

from datetime import date

from tests.support.apptest import run_page
from tests.support.control import report_areas
from tracker.dashboard import map_data, resources
from tracker.store import Store

DAY = date(2025, 12, 14)  # where the demo's map opens


def capture_near_kyiv(url: str) -> None:
    with Store(url) as store:
        store.add_claim(
            {
                "event_date": "2025-12-10",
                "name": "Brovary",
                "lat": 50.511,
                "lon": 30.790,
                "side": "RU",
                "action": "capture",
                "claimant": "Russian MoD",
                "status": "confirmed",
            },
            by="another analyst",
        )


def background_done(url: str) -> None:
    resources.live_control(url).wait()
    assert map_data.prefetched(timeout=60)


def test_another_analysts_write_reaches_the_areas_without_a_wait(db_url):
    at = run_page("map_page.py")
    before = at.session_state["control_figures"]["areas_km2"]
    assert before == report_areas(db_url, DAY)
    capture_near_kyiv(db_url)
    after = report_areas(db_url, DAY)
    assert after["RU"] > before["RU"]

    resources._store_state.clear()  # the store's state read again (its time to live passed)
    resources._control_state.clear()
    at.run()
    assert not at.exception
    # The page used the model it had (a new one is built in the background).
    assert at.session_state["control_figures"]["areas_km2"] == before
    background_done(db_url)
    at.run()
    # The newest model's areas of this date are computed in the background meanwhile.
    assert at.session_state["control_figures"]["areas_km2"] == before
    background_done(db_url)
    at.run()
    assert at.session_state["control_figures"]["areas_km2"] == after


def test_a_sessions_own_write_shows_at_once(db_url):
    at = run_page("map_page.py")
    assert at.session_state["control_figures"]["areas_km2"] == report_areas(db_url, DAY)
    capture_near_kyiv(db_url)
    resources.refresh_after_write()  # what the pages call after their writes
    at.run()
    assert not at.exception
    assert at.session_state["control_figures"]["areas_km2"] == report_areas(db_url, DAY)


def test_a_newer_model_reuses_a_dates_assessed_areas_and_gives_the_same_payload(db_url):
    from tracker.control.live import LiveControl
    from tracker.dashboard import control_data
    from tracker.workspace import Workspace

    with Workspace(db_url) as workspace:
        live = LiveControl(workspace)
        first = control_data.day_payload(live.refresh().counted("claimed"), DAY)
        # A merely claimed claim: the assessed picture stays, the claimed layer changes.
        workspace.store.add_claim(
            {
                "event_date": "2025-12-10",
                "name": "Brovary",
                "lat": 50.511,
                "lon": 30.790,
                "side": "RU",
                "action": "capture",
                "claimant": "Russian MoD",
            },
            by="another analyst",
        )
        model = live.refresh().counted("claimed")
        newer = control_data.day_payload(model, DAY)
        control_data._ASSESSED.clear()
        scratch = control_data.day_payload(model, DAY)
    assessed = [
        f for f in newer["areas"]["features"] if not f["properties"]["side"].startswith("claimed-")
    ]
    assert assessed and all(
        any(f is g for g in first["areas"]["features"]) for f in assessed
    )  # reused, not recomputed
    assert newer == scratch
    assert newer["areas"] != first["areas"]  # the claimed layer did change
