"""The add/edit claim form with AppTest: bad input is refused field by field, nothing
written; good input lands in the store; a stale edit is refused."""

from __future__ import annotations

from datetime import date

from tests.support.apptest import fill, run_page, submit
from tracker.store import Store


def test_bad_input_shows_errors_next_to_fields_and_writes_nothing(db_url):
    with Store(db_url) as store:
        before = store.count_claims()
    at = run_page("claim_form.py")
    fill(at, c_name="Pokrovsk", c_lat="95", c_lon="37.1", c_source_url="javascript:alert(1)")
    submit(at)
    errors = [e.value for e in at.error]
    assert any("latitude 95.0 is outside" in e for e in errors), errors
    assert any("must start with http" in e for e in errors), errors
    assert any("event_date" in e for e in errors), errors
    assert any("side" in e for e in errors) and any("claimant" in e for e in errors)
    with Store(db_url) as store:
        assert store.count_claims() == before


def test_place_search_fills_the_point_and_good_input_is_stored(db_url):
    at = run_page("claim_form.py")
    at.text_input(key="c_place_query").input("Часів Яр").run()
    assert "Donetsk Oblast" in at.radio(key="c_candidate").options[0]
    assert at.text_input(key="c_name").value == "Chasiv Yar"
    fill(
        at,
        c_date=date(2025, 12, 1),
        c_side="RU",
        c_action="advance",
        c_claimant="Test claimant",
        c_source_url="https://example.org/x",
        c_quote="<b>quoted</b>",
    )
    submit(at)
    assert not at.error, [e.value for e in at.error]
    assert "Added Chasiv Yar on 2025-12-01" in at.success[0].value
    with Store(db_url) as store:
        [claim] = store.claims(claimant="Test claimant")
    assert claim.place_id and claim.side == "RU" and claim.quote == "<b>quoted</b>"
    assert round(claim.lat, 2) == 48.59


def test_typed_coordinates_with_comma_decimals(db_url):
    at = run_page("claim_form.py")
    fill(
        at,
        c_name="Hamlet",
        c_lat="48,1",
        c_lon="37,5",
        c_date=date(2025, 11, 30),
        c_side="UA",
        c_action="repel",
        c_claimant="Typed",
    )
    submit(at)
    with Store(db_url) as store:
        [claim] = store.claims(claimant="Typed")
    assert (claim.lat, claim.lon) == (48.1, 37.5)


def test_edit_uses_the_version_and_reports_a_conflict(db_url):
    with Store(db_url) as store:
        claim = store.claims()[0]
    at = run_page("claim_form.py", {"id": claim.id})
    assert at.text_input(key="c_name").value == claim.name
    at.text_area(key="c_notes").input("first edit")
    # Someone else edits the claim meanwhile.
    with Store(db_url) as store:
        store.update_claim(claim.id, {"notes": "other edit"}, version=claim.version)
    submit(at)
    assert any("someone else changed this claim" in e.value for e in at.error)
    with Store(db_url) as store:
        assert store.get_claim(claim.id).notes == "other edit"
    at.button(key="reload_claim").click().run()
    assert at.text_area(key="c_notes").value == "other edit"
    at.text_area(key="c_notes").input("second edit")
    submit(at)
    assert "Saved" in at.success[0].value
    with Store(db_url) as store:
        assert store.get_claim(claim.id).notes == "second edit"


def good_claim(at, claimant: str = "Twice clicked"):
    at.text_input(key="c_place_query").input("Siversk").run()
    return fill(
        at,
        c_date=date(2025, 12, 2),
        c_side="RU",
        c_action="attack",
        c_claimant=claimant,
    )


def test_the_form_is_cleared_after_a_save(db_url):
    at = good_claim(run_page("claim_form.py"))
    submit(at)
    assert "Added Siversk" in at.success[0].value
    # A second click on an emptied form adds nothing.
    assert at.text_input(key="c_name").value == ""
    assert at.text_input(key="c_claimant").value == ""
    assert at.date_input(key="c_date").value is None
    assert at.text_input(key="c_place_query").value == ""
    submit(at)
    with Store(db_url) as store:
        assert len(store.claims(claimant="Twice clicked")) == 1


def test_a_likely_duplicate_is_refused_until_confirmed(db_url):
    submit(good_claim(run_page("claim_form.py")))
    at = good_claim(run_page("claim_form.py"), claimant="Another claimant")
    submit(at)
    warning = " ".join(w.value for w in at.warning)
    assert "already holds 1 claim at this place on this date" in warning
    [table] = [d.value for d in at.dataframe]
    assert table[["place", "date", "claimant"]].values.tolist() == [
        ["Siversk", "2025-12-02", "Twice clicked"]
    ]
    with Store(db_url) as store:
        assert store.claims(claimant="Another claimant") == []
    submit(at)  # the same claim again: the analyst means it
    with Store(db_url) as store:
        assert len(store.claims(claimant="Another claimant")) == 1


def test_a_future_date_says_so_beside_the_field(db_url):
    at = good_claim(run_page("claim_form.py"))
    at.date_input(key="c_date").set_value(date(2030, 1, 5))
    submit(at)
    errors = [e.value for e in at.error]
    assert any("event_date 2030-01-05 is in the future (today in Kyiv is" in e for e in errors), (
        errors
    )
    assert not any("missing required" in e for e in errors), errors
    with Store(db_url) as store:
        assert store.claims(claimant="Twice clicked") == []


def pick_map_args(at) -> dict:
    """What the form's small map (streamlit-folium) is sent: its centre, zoom and markers."""
    import json

    [component] = [e for e in at.get("component_instance") if "st_folium" in e.proto.component_name]
    return json.loads(component.proto.json_args)


def test_the_small_map_centres_on_and_marks_the_chosen_place(db_url):
    at = run_page("claim_form.py")
    at.text_input(key="c_place_query").input("Siversk").run()
    args = pick_map_args(at)
    lat, lon = float(at.text_input(key="c_lat").value), float(at.text_input(key="c_lon").value)
    assert [round(v, 3) for v in args["center"]] == [round(lat, 3), round(lon, 3)]
    assert args["zoom"] >= 9
    assert f"{lat:.5f}" in args["feature_group"] or str(round(lat, 5)) in args["feature_group"]


def test_the_small_map_marks_an_edited_claim(db_url):
    with Store(db_url) as store:
        claim = store.claims()[0]
    at = run_page("claim_form.py", {"id": claim.id})
    args = pick_map_args(at)
    assert [round(v, 3) for v in args["center"]] == [round(claim.lat, 3), round(claim.lon, 3)]
