"""The dashboard sees the database's custom places as they change: the ingest page proposes
claims at a place added after the server (its workspace and gazetteer) started."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tracker.store import Store

PAGE = Path(__file__).resolve().parents[2] / "tracker" / "dashboard" / "ingest_page.py"


def ingest(text: str) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=60)
    at.run()
    at.date_input(key="i_date").set_value(date(2025, 12, 4))
    at.text_area(key="i_text").input(text).run()
    assert not at.exception, at.exception
    at.toggle(key="i_tick_all").set_value(True).run()
    at.button(key="i_accept").click().run()
    assert not at.exception, at.exception
    return at


def test_claims_land_on_custom_places_added_while_the_server_runs(db_url):
    with Store(db_url) as store:
        first = store.add_custom_place("Kalynova Zatoka", 48.1, 37.6, created_by="ann")
    at = ingest("The Russian Ministry of Defence claimed the capture of Kalynova Zatoka.")
    assert "and 1 claim(s)" in at.success[0].value
    with Store(db_url) as store:
        second = store.add_custom_place("Zolota Nyva Khutir", 48.2, 37.5, created_by="ann")
    at = ingest("The Russian Ministry of Defence claimed the capture of Zolota Nyva Khutir.")
    assert "and 1 claim(s)" in at.success[0].value
    with Store(db_url) as store:
        placed = {c.place_id for c in store.claims(since="2025-12-01") if c.report_id}
    assert {first.id, second.id} <= placed
