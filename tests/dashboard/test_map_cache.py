"""The map's first visitor after a restart is served from files prepared beside the database
(tracker.map_cache, tracker.dashboard.warm), keyed by the store's revision."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from tests.support.apptest import run_page
from tracker import map_cache
from tracker.dashboard import warm
from tracker.store import Store


def test_claims_round_trip_and_a_write_makes_them_stale(db_url):
    with Store(db_url) as store:
        records = store.claim_records()
        revision = store.history_count()
    columns, payload = map_cache.build_claims(records, map_cache.region_shapes())
    map_cache.save_claims(db_url, revision, columns, payload)
    assert map_cache.cache_dir(db_url).name == "demo.db.map-cache"
    loaded, loaded_payload = map_cache.load_claims(db_url, revision)
    assert loaded_payload == payload
    assert loaded.ids == columns.ids and loaded.names == columns.names
    for key in ("lat", "lon", "day", "visible", "side", "action", "status", "region"):
        assert np.array_equal(getattr(loaded, key), getattr(columns, key)), key
    assert map_cache.load_claims(db_url, revision + 1) is None


def test_a_damaged_file_is_rebuilt_not_read(db_url):
    with Store(db_url) as store:
        revision = store.history_count()
    warm.prepare(db_url)
    for path in map_cache.cache_dir(db_url).glob("claims-*"):
        path.write_bytes(b"not a cache file")
    assert map_cache.load_claims(db_url, revision) is None


def test_a_prepared_store_opens_without_building_anything(db_url, monkeypatch):
    done = warm.prepare(db_url)
    with Store(db_url) as store:
        total = store.count_claims()
        assert done["claims"] == total and done["revision"] == store.history_count()

    def refuse(*args, **kwargs):
        raise AssertionError("built on the first visit")

    # Neither the claims query nor the control model may run on this first visit.
    monkeypatch.setattr("tracker.map_cache.build_claims", refuse)
    monkeypatch.setattr("tracker.control.service.model_from_store", refuse)
    at = run_page("map_page.py")
    line = next(m.value for m in at.markdown if " claims, " in m.value)
    assert line.startswith(f"**{total} claims, ")
    figures = " ".join(m.value for m in at.markdown)
    assert "km²" in figures and "frontline" in figures


def test_after_a_write_the_page_builds_afresh(db_url, monkeypatch):
    warm.prepare(db_url)
    with Store(db_url) as store:
        store.add_claim(
            {
                "event_date": "2025-12-13",
                "name": "Siversk",
                "lat": 48.87,
                "lon": 38.1,
                "side": "RU",
                "action": "attack",
                "claimant": "After warm",
            }
        )
        total = store.count_claims()
    at = run_page("map_page.py")
    assert next(m.value for m in at.markdown if " claims, " in m.value).startswith(
        f"**{total} claims, "
    )


@pytest.mark.parametrize("url", ["postgresql+psycopg://u@h/db", "sqlite:///:memory:"])
def test_other_databases_cache_under_the_data_dir(url, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path))
    assert map_cache.cache_dir(url).parent == tmp_path / "map-cache"


def test_a_write_grows_the_selection_instead_of_reading_it_whole(db_url, monkeypatch):
    from tracker.dashboard import map_data

    warm.prepare(db_url)
    with Store(db_url) as store:
        first = map_data.selection(db_url, (), store.history_count())
        assert first.mark is not None and first.columns.created is not None
        victim = first.columns.ids[0]
        added = store.add_claim(
            {
                "event_date": "2025-12-13",
                "name": "Siversk",
                "lat": 48.87,
                "lon": 38.1,
                "side": "RU",
                "action": "attack",
                "claimant": "A writer",
            },
            by="t",
        )
        store.delete_claim(victim, by="t")
        rev = store.history_count()
        _, scratch = map_cache.build_claims(store.claim_records(), map_cache.region_shapes())

    def refuse(*args, **kwargs):
        raise AssertionError("the whole selection was read again")

    monkeypatch.setattr("tracker.map_cache.build_claims", refuse)
    grown = map_data.selection(db_url, (), rev)
    assert added.id in grown.columns.ids and victim not in grown.columns.ids
    assert len(grown.columns) == len(first.columns)
    assert grown.mark.count == rev
    assert grown.payload == scratch


def test_a_warmed_server_process_serves_its_first_visitor_from_memory(db_url, monkeypatch):
    from tracker.dashboard import serve

    warm.prepare(db_url)
    done = serve.warm_process(db_url)
    assert done["claims_in_memory"] and done["control_day"] == "2025-12-14"

    def refuse(*args, **kwargs):
        raise AssertionError("read or built on the first visit")

    # The claims come from memory (no file read, no build), the control areas from the cache
    # the warm-up filled (no file read, no control model).
    monkeypatch.setattr("tracker.map_cache._load_claims_file", refuse)
    monkeypatch.setattr("tracker.map_cache.build_claims", refuse)
    monkeypatch.setattr("tracker.map_cache.load_control_day", refuse)
    monkeypatch.setattr("tracker.control.service.model_from_store", refuse)
    at = run_page("map_page.py")
    with Store(db_url) as store:
        total = store.count_claims()
    line = next(m.value for m in at.markdown if " claims, " in m.value)
    assert line.startswith(f"**{total} claims, ")
    assert "frontline" in " ".join(m.value for m in at.markdown)


def test_serve_runs_the_app_once_before_it_takes_visitors(db_url, tmp_path):
    """`python -m tracker.dashboard.serve` runs the app in a session of no browser before it
    answers: the map's component is registered and the claims file published (both happen
    only inside a script run), so the first visitor finds them ready."""
    import urllib.request

    from tracker import map_payload
    from tracker.dashboard.local_server import WARM_SERVE, start_dashboard, stop_dashboard
    from tracker.dashboard.map_component import __name__ as component_module

    process, base = start_dashboard(
        {"TRACKER_DB": db_url, "TRACKER_DATA_DIR": str(tmp_path / "data")}, command=WARM_SERVE
    )
    try:
        with Store(db_url) as store:
            rev = store.history_count()
        _, payload, _ = map_cache.load_claims_marked(db_url, rev)  # what `warm` wrote
        name = f"claims-{map_payload.digest(payload)}.bin.gz"
        files = f"{base}/component/{component_module}.map_files/{name}"
        with urllib.request.urlopen(files, timeout=10) as response:  # no visitor yet
            assert response.status == 200
            assert response.read() == payload
    finally:
        stop_dashboard(process)


def test_a_prepared_store_gets_its_source_counts_on_the_first_visit(db_url, monkeypatch):
    """warm writes the claims without their independent-claimant counts; the first visit adds
    them (no claims query, no build), and keeps them on disk for the next restart."""
    import json

    from tracker import map_payload
    from tracker.dashboard.map_component import files_dir
    from tracker.store import corroboration

    with Store(db_url) as store:
        claim = store.claims(limit=1)[0]
        corroboration.attach(
            store, claim, {"claimant": "ISW", "event_date": claim.event_date}, by="ann"
        )
        revision = store.history_count()
    warm.prepare(db_url)
    assert map_cache.load_claims_marked(db_url, revision)[0].sources is None

    def refuse(*args, **kwargs):
        raise AssertionError("built on the first visit")

    monkeypatch.setattr("tracker.map_cache.build_claims", refuse)
    at = run_page("map_page.py")
    [component] = [
        e for e in at.get("component_instance") if "claims_map" in e.proto.component_name
    ]
    sent = json.loads(component.proto.json_args)["claims"]
    decoded = map_payload.decode((Path(files_dir()) / sent["url"].rsplit("/", 1)[1]).read_bytes())
    saved = map_cache.load_claims_marked(db_url, revision)[0]
    position = saved.ids.index(claim.id)
    assert decoded["sources"][position] == 2 and int(decoded["sources"].sum()) == len(saved) + 1
    assert saved.sources[position] == 2


def test_serve_takes_visitors_once_its_background_work_is_done(db_url, tmp_path):
    """The first run prefetches the control areas of the slider's next dates in a background
    thread; the server answers no one before that is done, so the first visitor does not
    share the process with it (the visitors after never do)."""
    import urllib.request

    from tracker.dashboard import map_data
    from tracker.dashboard.local_server import WARM_SERVE, start_dashboard, stop_dashboard

    with Store(db_url) as store:
        key = (store.history_count(), tuple(b.id for b in store.baselines()))
    # The map opens on the last date (2025-12-14): the day before is prefetched.
    name = f"control-{map_data._control_name(db_url, 'claimed', '2025-12-13', key)}.json.gz"
    process, base = start_dashboard(
        {"TRACKER_DB": db_url, "TRACKER_DATA_DIR": str(tmp_path / "data")},
        command=WARM_SERVE,
        interval=0.01,  # the moment it answers
    )
    try:
        files = f"{base}/component/tracker.dashboard.map_component.map_files/{name}"
        with urllib.request.urlopen(files, timeout=10) as response:  # at once: no visitor yet
            assert response.status == 200
            assert json.loads(gzip.decompress(response.read()))["date"] == "2025-12-13"
    finally:
        stop_dashboard(process)
