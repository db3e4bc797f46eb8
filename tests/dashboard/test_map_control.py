"""Control areas on the map page: layers, km² as `control_report`, the slider, changed hands."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.support.apptest import run_page
from tests.support.control import report_areas
from tracker.control.service import control_report, model_from_store
from tracker.map_styles import CONTROL_LAYER_NAMES, FRONTLINE_LAYER_NAME
from tracker.maps import claims_map, control_layers
from tracker.store import Store

LAYERS = [*CONTROL_LAYER_NAMES.values(), FRONTLINE_LAYER_NAME]


def changed_tables(at) -> list:
    """The changed-hands table(s) on the page (AppTest does not expose dataframe keys)."""
    return [d.value for d in at.dataframe if "from" in getattr(d.value, "columns", ())]


def metric_values(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_control_layers_match_control_report(db_url):
    at = run_page("map_page.py")
    assert at.session_state["control_layer_names"] == LAYERS
    figures = at.session_state["control_figures"]
    assert figures["date"] == "2025-12-14"
    expected = report_areas(db_url, date(2025, 12, 14))
    assert figures["areas_km2"] == expected
    # The demo baseline (Crimea and Sevastopol) plus the captures: RU holds some land.
    assert expected["RU"] > 25_000
    assert metric_values(at)["RU km²"] == f"{expected['RU']:,.0f}"


def test_the_demo_tells_the_truth(db_url):
    """No whole-country baseline offline: Donetsk and Luhansk are not Ukrainian-held, most of
    the country is unknown, and the page says why and how to fetch one."""
    at = run_page("map_page.py")
    assert not at.exception
    areas = at.session_state["control_figures"]["areas_km2"]
    assert areas["unknown"] > 400_000  # of ~603,000 km²: only claims and Crimea are known
    assert areas["UA"] < 20_000  # what claims give Ukraine, not "everything else"
    with Store(db_url) as store:
        report = control_report(model_from_store(store), date(2025, 12, 14))
    for code in ("UA.09", "UA.14"):  # Donetsk, Luhansk
        assert report["areas_by_oblast_km2"][code]["UA"] < 0.1 * sum(
            report["areas_by_oblast_km2"][code][k] for k in ("RU", "UA", "contested", "unknown")
        )
    (layer,) = report["baselines"]
    assert layer["coverage"] == "extent"
    notices = [i.value for i in at.info]
    assert any("control is shown only where claims" in n for n in notices), notices
    assert any("tracker baseline fetch deepstate" in n for n in notices)
    assert metric_values(at)["unknown km²"] == f"{areas['unknown']:,.0f}"


def test_the_map_payload_hatches_claims_and_leaves_unknown_out(db_url):
    from tracker.dashboard.control_data import day_payload

    with Store(db_url) as store:
        payload = day_payload(model_from_store(store, counting="claimed"), date(2025, 12, 14))
    sides = {f["properties"]["side"]: f["properties"] for f in payload["areas"]["features"]}
    assert "unknown" not in sides  # counted, not drawn
    assert sides["RU"]["kind"] == "control_area" and "assessed" in sides["RU"]["label"]
    assert "Crimea and Sevastopol" in sides["RU"]["label"]  # the baseline behind it
    assert sides["claimed-RU"]["kind"] == "claimed_area"
    assert sides["claimed-RU"]["area_km2"] == pytest.approx(
        payload["claimed_only_km2"]["RU"], abs=0.01
    )
    assert payload["notice"] and payload["frontline"]["features"][0]["properties"]["parts"] == 0


def test_the_counting_choice_is_in_the_url(db_url):
    at = run_page("map_page.py", {"counting": "confirmed"})
    assert not at.exception
    assert at.session_state["counting"] == "confirmed"
    expected = report_areas(db_url, date(2025, 12, 14), counting="confirmed")
    assert at.session_state["control_figures"]["areas_km2"] == expected
    assert any("count assessed: baselines and confirmed claims" in c.value for c in at.caption)
    at.radio(key="counting").set_value("claimed").run()
    assert at.query_params["counting"] == "claimed"
    bad = run_page("map_page.py", {"counting": "everything"})
    assert not bad.exception and bad.session_state["counting"] == "claimed"


def test_counting_switch_uses_confirmed_claims_only(db_url):
    at = run_page("map_page.py")
    at.radio(key="counting").set_value("confirmed").run()
    assert not at.exception
    expected = report_areas(db_url, date(2025, 12, 14), counting="confirmed")
    assert at.session_state["control_figures"]["areas_km2"] == expected


def test_slider_changes_the_control_figures(db_url):
    at = run_page("map_page.py")
    late = at.session_state["control_figures"]["areas_km2"]
    at.slider(key="as_of").set_value(date(2025, 11, 5)).run()
    assert not at.exception
    early = at.session_state["control_figures"]
    assert early["date"] == "2025-11-05"
    assert early["areas_km2"] == report_areas(db_url, date(2025, 11, 5))
    assert early["areas_km2"]["RU"] < late["RU"]


@pytest.fixture()
def capture_store(tmp_path, monkeypatch) -> str:
    """A small store: Pokrovsk captured on 2025-11-20 (confirmed), a repel elsewhere before."""
    url = f"sqlite:///{tmp_path / 'capture.db'}"
    common = {"claimant": "General Staff", "status": "confirmed", "source_name": "test"}
    with Store(url) as store:
        store.add_claim(
            {
                **common,
                "event_date": "2025-11-01",
                "place_id": "geonames:707898",
                "name": "Huliaipole",
                "lat": 47.66685,
                "lon": 36.25576,
                "side": "UA",
                "action": "repel",
            }
        )
        store.add_claim(
            {
                **common,
                "event_date": "2025-11-20",
                "place_id": "geonames:704422",
                "name": "Pokrovsk",
                "lat": 48.28014,
                "lon": 37.17706,
                "side": "RU",
                "action": "capture",
            }
        )
        store.add_claim(
            {
                **common,
                "event_date": "2025-11-30",
                "place_id": "geonames:707898",
                "name": "Huliaipole",
                "lat": 47.66685,
                "lon": 36.25576,
                "side": "UA",
                "action": "repel",
            }
        )
        # A whole-country layer (Crimea RU, the rest UA): without one, Pokrovsk would go
        # from unknown to RU, which is no change of hands.
        store.add_baseline(
            "2025-10-01", "RU", json.dumps(crimea_geometry()), "test layer", coverage="country"
        )
    monkeypatch.setenv("TRACKER_DB", url)
    return url


def crimea_geometry() -> dict:
    from shapely.geometry import mapping

    from tracker.control import oblasts

    (crimea,) = [o.geometry for o in oblasts() if o.code == "UA.11"]
    return mapping(crimea)


def test_changed_hands_lists_a_place_captured_between_the_dates(capture_store):
    at = run_page("map_page.py", {"as_of": "2025-11-25"})
    # The chart and the table load heavy browser libraries: they are shown on request.
    assert changed_tables(at) == [] and at.get("vega_lite_chart") == []
    at.toggle(key="show_trends").set_value(True).run()
    assert len(at.get("vega_lite_chart")) == 1
    at.date_input(key="ch_since").set_value(date(2025, 11, 10)).run()
    assert not at.exception
    [table] = changed_tables(at)
    row = table[table["place"] == "Pokrovsk"].iloc[0]
    assert (row["from"], row["to"]) == ("UA", "RU")
    assert any("1 place changed hands" in m.value for m in at.markdown)
    # Before the capture nothing has changed hands yet.
    at.slider(key="as_of").set_value(date(2025, 11, 15)).run()
    assert changed_tables(at) == []
    assert any("0 places changed hands" in m.value for m in at.markdown)


def test_a_contest_expiring_is_not_a_change_of_hands(capture_store):
    """Huliaipole, contested by a repel on 11-01, is back to UA after 7 days: that is listed
    apart from the places that changed hands."""
    at = run_page("map_page.py", {"as_of": "2025-11-10"})
    at.toggle(key="show_trends").set_value(True).run()
    at.date_input(key="ch_since").set_value(date(2025, 11, 5)).run()
    assert not at.exception
    assert any("0 places changed hands" in m.value for m in at.markdown)
    [table] = changed_tables(at)
    row = table[table["place"] == "Huliaipole"].iloc[0]
    assert (row["from"], row["to"]) == ("contested", "UA")
    assert any("1 place became or stopped being contested" in m.value for m in at.markdown)


def test_control_layers_render_with_classes_and_escaped_labels(capture_store):
    with Store(capture_store) as store:
        model = model_from_store(store, counting="confirmed")
    from tracker.dashboard.control_data import day_payload

    payload = day_payload(model, date(2025, 11, 25))
    # Labels are plain text where they are made (the browser map sets them as text)...
    labels = [f["properties"]["label"] for f in payload["areas"]["features"]]
    assert labels and all("&" not in label for label in labels), labels
    assert labels[0].startswith("Russian-held (assessed) · ")
    payload["areas"]["features"][0]["properties"]["label"] += " <b>x</b> & co"
    groups = control_layers(payload["areas"], payload["frontline"])
    assert [g.layer_name for g in groups] == LAYERS
    fmap = claims_map([])
    for group in groups:
        group.add_to(fmap)
    page = fmap.get_root().render()
    assert "control-area control-RU" in page and "control-area control-UA" in page
    # ...and escaped once by folium's layer (the page embeds them as JSON, `&` as \u0026).
    assert "\\u0026lt;b\\u0026gt;x\\u0026lt;/b\\u0026gt; \\u0026amp; co" in page
    assert "<b>x</b>" not in page and "\\u0026amp;lt;" not in page
