"""The data page with AppTest: filters, export content, history with restore, import."""

from __future__ import annotations

import json

from tests.support.apptest import run_page
from tracker.dashboard.actions import export_bytes
from tracker.store import Store


def test_renders_with_table_count_and_timeline(db_url):
    at = run_page("data_page.py")
    with Store(db_url) as store:
        total = store.count_claims()
    assert f"**{total:,} claims**" in [m.value for m in at.markdown]
    assert at.radio(key="d_format").options == ["GeoJSON", "CSV", "GPKG", "KML"]
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_filters_change_the_table(db_url):
    at = run_page("data_page.py")
    at.multiselect(key="f_side").set_value(["RU"]).run()
    with Store(db_url) as store:
        expected = store.count_claims(side="RU")
    assert f"**{expected:,} claims**" in [m.value for m in at.markdown]
    assert set(at.dataframe[0].value["side"]) == {"RU"}


def test_export_content_honours_the_filters(db_url):
    with Store(db_url) as store:
        records = store.claim_records(side="UA", action="repel")
    data = json.loads(export_bytes(records, "geojson"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == len(records) > 0
    assert {f["properties"]["side"] for f in data["features"]} == {"UA"}
    csv_text = export_bytes(records, "csv").decode("utf-8")
    assert len(csv_text.strip().splitlines()) == len(records) + 1
    assert export_bytes(records, "kml").lstrip().startswith(b"<?xml")
    assert export_bytes(records, "gpkg")[:16] == b"SQLite format 3\x00"


def test_delete_then_restore_from_the_history(db_url):
    with Store(db_url) as store:
        claim = store.claims()[0]
    at = run_page("data_page.py")
    at.selectbox(key="d_claim").set_value(claim.id).run()
    at.button(key="d_delete").click().run()
    # First a question, and nothing deleted yet.
    warning = " ".join(w.value for w in at.warning)
    assert f"Delete claim {claim.event_date.isoformat()} · {claim.name}" in warning
    assert claim.id[:8] in warning
    with Store(db_url) as store:
        assert not store.get_claim(claim.id).deleted
    at.button(key="d_delete_yes").click().run()
    assert not at.exception
    with Store(db_url) as store:
        assert store.get_claim(claim.id).deleted
    assert any(s.value.startswith("Deleted claim ") and claim.id[:8] in s.value for s in at.success)
    # The selector does not jump to another claim.
    assert at.selectbox(key="d_claim").value is None
    at.radio(key="d_deleted").set_value("only").run()
    at.selectbox(key="d_claim").set_value(claim.id).run()
    history = next(df.value for df in at.dataframe if "op" in df.value.columns)
    assert list(history["op"]) == ["insert", "delete"]
    at.button(key="d_restore").click().run()
    at.button(key="d_restore_yes").click().run()
    assert any(s.value.startswith("Restored claim ") for s in at.success)
    with Store(db_url) as store:
        assert not store.get_claim(claim.id).deleted
        assert [h.op for h in store.history(claim.id)] == ["insert", "delete", "restore"]


def test_cancel_deletes_nothing(db_url):
    with Store(db_url) as store:
        claim = store.claims()[0]
    at = run_page("data_page.py")
    at.selectbox(key="d_claim").set_value(claim.id).run()
    at.button(key="d_delete").click().run()
    at.button(key="d_delete_no").click().run()
    assert not at.warning
    with Store(db_url) as store:
        assert not store.get_claim(claim.id).deleted


def test_labels_tell_claims_apart(db_url):
    at = run_page("data_page.py")
    options = at.selectbox(key="d_claim").options
    assert len(options) == len(set(options)) > 20


def test_the_download_is_made_from_the_table_shown(db_url):
    from datetime import date

    at = run_page("data_page.py")
    # A date typed and the button clicked at once: one run, with the date.
    at.date_input(key="d_since").set_value(date(2025, 12, 10))
    at.button(key="d_prepare").click().run()
    with Store(db_url) as store:
        expected = store.count_claims(since=date(2025, 12, 10))
    rows = len(at.dataframe[0].value)
    assert rows == expected
    [button] = at.get("download_button")
    assert f"({rows} claims, as in the table)" in button.proto.label
    # A filter changed after preparing takes the (now stale) file away.
    at.date_input(key="d_since").set_value(date(2025, 12, 1)).run()
    assert at.get("download_button") == []


def test_import_reports_every_row(db_url):
    import pytest

    from tracker.errors import ImportRowsError
    from tracker.io.uploads import import_upload

    with Store(db_url) as store:
        records = store.claim_records()[:2]
        data = export_bytes(records, "geojson")
        report = import_upload(store, "claims.geojson", data)
        assert report.counts() == {"new": 0, "unchanged": 2, "error": 0}
        bad = json.loads(data)
        bad["features"][1]["properties"]["side"] = "XX"
        bad["features"][1]["properties"]["id"] = "11111111-1111-4111-8111-111111111111"
        before = store.count_claims()
        with pytest.raises(ImportRowsError) as caught:
            import_upload(store, "claims.geojson", json.dumps(bad).encode())
        assert [r.status for r in caught.value.report.rows] == ["unchanged", "error"]
        assert store.count_claims() == before


def _downloaded(button) -> bytes:
    """The bytes behind a download button (AppTest keeps them in its media file storage)."""
    import gc

    from streamlit.runtime.media_file_manager import MediaFileManager

    file_id = button.proto.url.rsplit("/", 1)[1].split(".")[0]
    for manager in (o for o in gc.get_objects() if isinstance(o, MediaFileManager)):
        try:
            return manager._storage.get_file(file_id).content
        except Exception:  # another AppTest's storage
            continue
    raise AssertionError(f"no stored file {file_id}")


def test_the_download_carries_each_claims_sources(db_url):
    import csv
    import io

    from tracker.store import corroboration

    with Store(db_url) as store:
        claim = store.claims(limit=1)[0]
        corroboration.attach(
            store,
            claim,
            {
                "claimant": "=ISW",
                "event_date": claim.event_date,
                "source_name": "ISW",
                "source_url": "https://isw.example/1",
            },
        )
    at = run_page("data_page.py")
    at.radio(key="d_format").set_value("csv")
    at.button(key="d_prepare").click().run()
    [button] = at.get("download_button")
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(_downloaded(button).decode()))}
    assert rows[claim.id]["source_count"] == "2"
    assert rows[claim.id]["claimants"] == f"{claim.claimant}; =ISW"  # (guarded at the start)
    assert {r["source_count"] for i, r in rows.items() if i != claim.id} == {"1"}


def test_the_history_shows_the_sources_a_batch_attached(db_url):
    from datetime import date

    from tracker.store.attaching import attach_many

    with Store(db_url) as store:
        claim = store.claims()[0]
        sources = [
            {"claimant": c, "event_date": date(2025, 12, 2), "report_id": f"r-{c}"}
            for c in ("ISW", "DeepState")
        ]
        assert attach_many(store, [(claim, s) for s in sources]) == [True, True]
    at = run_page("data_page.py")
    at.selectbox(key="d_claim").set_value(claim.id).run()
    assert not at.exception
    history = next(df.value for df in at.dataframe if "op" in df.value.columns)
    assert list(history["op"]) == ["insert", "attach"]
    assert history["changed"][1] == "source added: ISW, r-ISW; DeepState, r-DeepState"
