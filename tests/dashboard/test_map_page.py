"""The map page with AppTest: the slider, window and filters change what is queried."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.support.apptest import claims_list, run_page
from tracker.dashboard import resources
from tracker.store import Store


def count_line(at) -> str:
    return next(m.value for m in at.markdown if re.search(r"\d claims?, ", m.value))


def test_renders_every_claim_as_of_the_last_date(db_url):
    at = run_page("map_page.py")
    with Store(db_url) as store:
        total = store.count_claims()
    assert count_line(at).startswith(f"**{total} claims, 2025-11-01 → 2025-12-14**")
    assert at.slider(key="as_of").value == date(2025, 12, 14)


def test_slider_changes_the_query_and_the_url(db_url):
    at = run_page("map_page.py")
    at.slider(key="as_of").set_value(date(2025, 11, 10)).run()
    assert not at.exception
    with Store(db_url) as store:
        expected = store.count_claims(as_of=date(2025, 11, 10))
    assert count_line(at).startswith(f"**{expected} claims, 2025-11-01 → 2025-11-10**")
    assert at.query_params["as_of"] == "2025-11-10"


@pytest.mark.parametrize("event_date", ["2025-12-20", "2025-10-20"])
def test_another_writers_claim_that_moves_the_range_keeps_the_date(db_url, event_date):
    """A claim dated after (or before) the slider's range, written by someone else: the range
    grows and the map stays on the analyst's date (it jumped to the range's first day)."""
    at = run_page("map_page.py")
    at.slider(key="as_of").set_value(date(2025, 12, 10)).run()
    with Store(db_url) as store:
        before = store.count_claims(as_of=date(2025, 12, 10))
        store.add_claim(
            {
                "event_date": event_date,
                "name": "Siversk",
                "lat": 48.8686,
                "lon": 38.0995,
                "side": "RU",
                "action": "attack",
                "claimant": "Another analyst",
            }
        )
    resources.refresh_after_write()  # (what STATE_TTL_SECONDS does for an open map)
    at.run()
    assert not at.exception
    slider = at.slider(key="as_of")
    assert slider.value == date(2025, 12, 10)
    assert at.query_params["as_of"] == "2025-12-10"
    expected = before + (event_date < "2025-12-10")
    assert count_line(at).startswith(f"**{expected} claims, ")
    bounds = [
        datetime.fromtimestamp(b / 1e6, UTC).date().isoformat() for b in (slider.min, slider.max)
    ]
    assert event_date in bounds  # the range did move


def test_filters_change_the_count(db_url):
    at = run_page("map_page.py")
    at.multiselect(key="f_side").set_value(["UA"])
    at.multiselect(key="f_action").set_value(["repel"]).run()
    with Store(db_url) as store:
        expected = store.count_claims(side="UA", action="repel")
    assert count_line(at).startswith(f"**{expected} claims")
    at.text_input(key="f_text").input("Kupiansk").run()
    with Store(db_url) as store:
        expected = store.count_claims(side="UA", action="repel", text="Kupiansk")
    assert 0 < expected < 10
    assert count_line(at).startswith(f"**{expected} claims")


def test_url_restores_the_view(db_url):
    at = run_page("map_page.py", {"as_of": "2025-11-20", "window": "30", "side": "RU"})
    with Store(db_url) as store:
        expected = store.count_claims(side="RU", as_of=date(2025, 11, 20))
    assert count_line(at).startswith(f"**{expected} claims")
    assert f"{expected} in the last 30 days" in count_line(at)


def test_window_counts_recent_claims(db_url):
    at = run_page("map_page.py")
    at.radio(key="window").set_value(1).run()
    with Store(db_url) as store:
        expected = store.count_claims(since=date(2025, 12, 14), as_of=date(2025, 12, 14))
    assert f"· {expected} in the last 1 day" in count_line(at)


def test_selected_claim_shows_record_and_history(db_url):
    at = run_page("map_page.py")
    with Store(db_url) as store:
        claim = store.claims()[-1]
    claims_list(at).set_value(claim.id).run()
    assert not at.exception
    assert at.subheader[0].value == f"{claim.name} — {claim.event_date.isoformat()}"
    assert any("insert" in str(df.value) for df in at.dataframe)


def test_play_steps_one_day(db_url):
    at = run_page("map_page.py", {"as_of": "2025-11-10"})
    at.session_state["advance"] = True
    at.run()
    assert at.slider(key="as_of").value == date(2025, 11, 11)


def test_sessions_publishing_the_same_file_at_once_do_not_collide():
    import threading
    import uuid
    from pathlib import Path

    from tracker.dashboard.map_component import files_dir, publish

    errors: list[str] = []
    rounds, sessions = 40, 8
    run = uuid.uuid4().hex[:8]
    barrier = threading.Barrier(sessions)

    def session(k: int) -> None:
        for j in range(rounds):
            barrier.wait()  # every session publishes the same new file at the same moment
            try:
                publish("test", f"{run}-{j}", bytes([j]) * 4000, suffix="bin.gz")
            except Exception as exc:  # collected and asserted below
                errors.append(repr(exc))

    threads = [threading.Thread(target=session, args=(k,)) for k in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    folder = Path(files_dir())
    written = {p.name: p.read_bytes() for p in folder.glob(f"test-{run}-*")}
    assert written == {f"test-{run}-{j}.bin.gz": bytes([j]) * 4000 for j in range(rounds)}
    assert not list(folder.glob("*.part"))


def test_claims_dated_on_the_first_day_show_from_the_day_they_were_reported(db_url):
    # The demo's first claim is dated 2025-11-01 and reported 2025-11-02: the slider starts
    # where it shows, and a URL naming 2025-11-01 opens on it, not on an empty map.
    with Store(db_url) as store:
        first_day = [r for r in store.claim_records() if r["event_date"] == "2025-11-01"]
    assert len(first_day) >= 1
    at = run_page("map_page.py", {"as_of": "2025-11-01"})
    # (AppTest gives the slider's bounds in microseconds since the epoch)
    assert at.slider(key="as_of").min == 1_000_000 * 86_400 * (
        date(2025, 11, 2).toordinal() - 719_163
    )
    assert at.slider(key="as_of").value == date(2025, 11, 2)
    with Store(db_url) as store:
        expected = store.count_claims(as_of=date(2025, 11, 2))
    assert expected >= len(first_day)
    assert count_line(at).startswith(f"**{expected} claims, 2025-11-01 → 2025-11-02**")


def test_claims_reported_later_are_counted_aside(db_url):
    with Store(db_url) as store:
        store.add_claim(
            {
                "event_date": "2025-11-20",
                "reported_at": "2025-11-25",
                "name": "Siversk",
                "lat": 48.87,
                "lon": 38.1,
                "side": "RU",
                "action": "attack",
                "claimant": "Late wire",
            }
        )
    at = run_page("map_page.py", {"as_of": "2025-11-21", "claimant": "Late wire"})
    assert "**0 claims, " in count_line(at)
    assert "1 more claim dated by then, reported later" in count_line(at)


def test_one_claim_is_singular(db_url):
    with Store(db_url) as store:
        store.add_claim(
            {
                "event_date": "2025-12-10",
                "name": "Siversk",
                "lat": 48.87,
                "lon": 38.1,
                "side": "RU",
                "action": "attack",
                "claimant": "Lone claimant",
            }
        )
    at = run_page("map_page.py", {"claimant": "Lone claimant"})
    assert count_line(at).startswith("**1 claim, 2025-12-10 → ")
    assert "1 claims" not in count_line(at)


def test_counting_choice_is_in_the_url(db_url):
    at = run_page("map_page.py", {"counting": "confirmed"})
    assert at.radio(key="counting").value == "confirmed"
    at.radio(key="counting").set_value("claimed").run()
    assert at.query_params["counting"] == "claimed"
    at.radio(key="counting").set_value("confirmed").run()
    assert at.query_params["counting"] == "confirmed"


def test_text_filter_finds_a_place_in_any_spelling(db_url):
    with Store(db_url) as store:
        at_kupiansk = store.count_claims(place="Kupiansk")
        quoted = store.count_claims(text="Kupiansk")
    assert at_kupiansk >= 3
    counts = {}
    for spelling in ("Kupiansk", "Koupiansk", "Купянск"):
        at = run_page("map_page.py")
        at.text_input(key="f_text").input(spelling).run()
        counts[spelling] = int(re.match(r"\*\*(\d+) claim", count_line(at)).group(1))
    assert counts["Koupiansk"] == counts["Купянск"] >= at_kupiansk
    assert counts["Kupiansk"] == quoted  # the place's claims are among those naming it


def test_text_filter_still_searches_quotes(db_url):
    with Store(db_url) as store:
        expected = store.count_claims(claimant="XSS test") or store.count_claims(text="MoD")
    at = run_page("map_page.py")
    at.text_input(key="f_text").input("MoD").run()
    assert count_line(at).startswith(f"**{expected} claim")


def test_the_map_is_sent_the_one_style_and_no_benchmark_branch(db_url):
    """The component draws with tracker.map_styles' style (sent with its arguments); the
    page has one map, whatever the URL says (the naive benchmark map lives in benchmarks/)."""
    import json

    from tracker.map_styles import browser_style

    at = run_page("map_page.py", {"naive": "1"})
    components = [e for e in at.get("component_instance") if "claims_map" in e.proto.component_name]
    assert len(components) == 1
    args = json.loads(components[0].proto.json_args)
    assert args["style"] == json.loads(json.dumps(browser_style()))
    assert args["style"]["side_colours"][:2] == ["#d63e2a", "#38aadd"]
    assert "layer_names" not in args  # in the style
    assert not [e for e in at.get("component_instance") if "st_folium" in e.proto.component_name]


def _map_args(at) -> dict:
    import json

    [component] = [
        e for e in at.get("component_instance") if "claims_map" in e.proto.component_name
    ]
    return json.loads(component.proto.json_args)


def test_proposals_are_a_separate_layer_off_by_default_and_in_the_url(db_url):
    from tests.support.store import claim_fields
    from tracker import map_payload
    from tracker.dashboard.map_component import files_dir
    from tracker.store import review

    with Store(db_url) as store:
        for k in range(3):
            review.add_proposal(
                store,
                claim_fields(event_date=date(2025, 12, 1 + k), lat=48.2 + k / 100),
                confidence=0.5,
            )
        total = store.count_claims()
    at = run_page("map_page.py")
    assert at.toggle(key="show_proposals").value is False
    assert _map_args(at)["proposals"] is None and "proposals" not in at.query_params
    line = count_line(at)
    at.toggle(key="show_proposals").set_value(True).run()
    assert not at.exception
    assert at.query_params["proposals"] == "1"
    sent = _map_args(at)["proposals"]
    assert sent["url"].endswith(".bin.gz") and sent["digest"]
    # The file the map fetches holds the three proposals and nothing else.
    name = sent["url"].rsplit("/", 1)[1]
    decoded = map_payload.decode((Path(files_dir()) / name).read_bytes())
    assert decoded["header"]["n"] == 3
    assert set(decoded["header"]["statuses"][c & 7] for c in decoded["code"]) == {"proposed"}
    # Never counted: the claims line is what it was, the proposals said aside.
    assert count_line(at) == line and line.startswith(f"**{total} claims")
    assert any(c.value.startswith("3 proposals shown dimmed") for c in at.caption)
    # The URL restores it; proposals=0 turns it off.
    assert run_page("map_page.py", {"proposals": "1"}).toggle(key="show_proposals").value
    assert not run_page("map_page.py", {"proposals": "0"}).toggle(key="show_proposals").value
