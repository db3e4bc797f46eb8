"""The ingest page with AppTest: mentions highlighted (escaped), claims proposed, accepted
in one transaction."""

from __future__ import annotations

from datetime import date

from tests.support.apptest import run_page
from tracker.store import Store

REPORT = (
    "Russian forces advanced near Vovchansk on December 3. <script>alert(1)</script> "
    "Ukrainian forces repelled attacks near Kupiansk."
)


def test_empty_page_invites_a_report(db_url):
    at = run_page("ingest_page.py")
    assert "Paste or upload" in at.info[0].value


def test_paste_extract_and_accept(db_url):
    with Store(db_url) as store:
        before = store.count_claims()
        reports_before = len(store.reports())
    at = run_page("ingest_page.py")
    at.date_input(key="i_date").set_value(date(2025, 12, 4))
    at.text_input(key="i_source").input("Test desk")
    at.text_input(key="i_url").input("https://example.org/r")
    at.text_area(key="i_text").input(REPORT).run()
    assert not at.exception
    shown = at.get("html")[0].proto.body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "<script>" not in shown
    assert shown.count("<mark") == 2
    # Vovchansk: an RU advance; Kupiansk: an RU attack and the UA repel of it.
    assert "Proposed claims (3)" in [s.value for s in at.subheader]
    at.toggle(key="i_tick_all").set_value(True).run()
    at.button(key="i_accept").click().run()
    assert not at.exception
    assert "and 3 claim(s)" in at.success[0].value
    with Store(db_url) as store:
        assert store.count_claims() == before + 3
        assert len(store.reports()) == reports_before + 1
        [vovchansk] = store.claims(place="Vovchansk", since="2025-12-03")
    assert vovchansk.side == "RU" and vovchansk.report_id and vovchansk.source_name == "Test desk"


def test_a_report_already_ingested_writes_nothing(db_url):
    from tracker.demo.reports import REPORTS

    with Store(db_url) as store:
        before = store.count_claims()
    at = run_page("ingest_page.py")
    at.date_input(key="i_date").set_value(REPORTS[0].published)
    at.text_area(key="i_text").input(REPORTS[0].text).run()
    at.button(key="i_accept").click().run()
    assert any("Nothing was written" in e.value for e in at.error)
    with Store(db_url) as store:
        assert store.count_claims() == before


MIXED = (
    "The Russian MoD claimed the capture of Kindrativka in Sumy Oblast. "
    "Ukrainian forces repelled attacks near Borova."
)


def proposals(db_url, text: str):
    at = run_page("ingest_page.py")
    at.date_input(key="i_date").set_value(date(2025, 12, 4))
    at.text_area(key="i_text").input(text).run()
    assert not at.exception
    return at, at.dataframe[0].value


def test_only_confident_proposals_are_ticked(db_url):
    at, table = proposals(db_url, MIXED)
    assert list(table["accept"]) == [c >= 0.8 for c in table["confidence"]]
    assert table["accept"].any() and not table["accept"].all()
    ticked = int(table["accept"].sum())
    assert at.button(key="i_accept").label == f"Accept the report and {ticked} claim(s)"


def test_the_table_says_why_each_place_and_how_precise(db_url):
    at, table = proposals(db_url, MIXED)
    kindrativka = table[table["place"] == "Kindrativka"].iloc[0]
    assert kindrativka["why"].startswith("“Kindrativka”: exact, region Sumy Oblast")
    assert kindrativka["precision"].startswith("1 ·")
    assert not kindrativka["approximate"]
    # Precision and the approximate flag can be edited; the cue cannot.
    import json

    config = json.loads(at.dataframe[0].proto.columns)
    assert config["why"]["disabled"] is True
    assert not config["precision"].get("disabled")
    assert not config["approximate"].get("disabled")
    at.button(key="i_accept").click().run()
    with Store(db_url) as store:
        [claim] = store.claims(place="Kindrativka", since="2025-12-01")
    assert int(claim.precision) == 1 and claim.notes is None
