"""Corroboration: two reports of one event from different claimants make one claim with two
sources; matching needs the same place (within precision), side, action and dates within two
days; contradictions are flagged; the GeoJSON export carries the sources. On SQLite and on
PostgreSQL+PostGIS."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner

from tests.support.store import claim_fields
from tracker import ingest
from tracker.cli import main
from tracker.store import corroboration, review

DAY = date(2025, 12, 4)
MOD = "The Russian Ministry of Defence claimed the capture of Kurakhove on 2 December."
WAR_BLOG = "Rybar reports that Russian forces captured Kurakhove on 3 December."
GS = "The Ukrainian General Staff said Ukrainian forces control Kurakhove as of 3 December."


def queue(ws, text, source, url):
    return ingest.queue(ws, text, published=DAY, source_name=source, source_url=url)


def test_two_reports_of_one_event_are_one_claim_with_two_sources(ws):
    first = queue(ws, MOD, "mil.ru", "https://mil.example/1")
    [claim] = first.proposals
    second = queue(ws, WAR_BLOG, "Rybar", "https://t.example/2")
    assert second.proposals == [] and [c.id for c in second.corroborated] == [claim.id]
    assert [p.claim.id for p in review.queue(ws.store)] == [claim.id]
    found = corroboration.evidence(ws.store, claim.id)
    assert [s["source_url"] for s in found["sources"]] == [
        "https://mil.example/1",
        "https://t.example/2",
    ]
    assert len(found["claimants"]) == 2 and found["claimants"][0] == claim.claimant
    assert found["sources"][1]["event_date"] == "2025-12-03"
    assert found["contradicted_by"] == []
    # Two Russian claimants: no suggestion (the analyst decides; one side only).
    assert found["suggested_status"] is None
    assert len(ws.store.reports()) == 2


@pytest.mark.parametrize(
    ("overrides", "matches"),
    [
        ({}, True),
        ({"event_date": date(2024, 5, 3)}, True),  # two days later
        ({"event_date": date(2024, 5, 4)}, False),  # three
        ({"side": "UA"}, False),
        ({"action": "attack"}, False),
        ({"place_id": None, "lat": 48.21, "lon": 37.01}, True),  # 1.3 km away
        ({"place_id": None, "lat": 48.3, "lon": 37.1}, False),  # 13 km away, precision 1
        ({"place_id": None, "lat": 48.3, "lon": 37.1, "precision": 2}, False),
        ({"place_id": None, "lat": 48.25, "lon": 37.05, "precision": 2}, True),  # 6.7 km
    ],
)
def test_what_matches(ws, overrides, matches):
    stored = ws.store.add_claim(claim_fields(place_id="geonames:690841"), by="ann")
    other = claim_fields(place_id="geonames:690841", claimant="ISW", **{})
    other.update(overrides)
    found = corroboration.find_match(ws.store, other)
    assert (found is not None and found.id == stored.id) is matches


def test_rejected_and_deleted_claims_match_nothing(ws):
    rejected = review.add_proposal(ws.store, claim_fields(), confidence=0.5)
    review.reject(ws.store, [rejected.id], reason="wrong")
    deleted = ws.store.add_claim(claim_fields(), by="ann")
    ws.store.delete_claim(deleted.id)
    assert corroboration.find_match(ws.store, claim_fields(claimant="ISW")) is None


def test_contradiction_is_flagged(ws):
    [ru] = queue(ws, MOD, "mil.ru", "https://mil.example/1").proposals
    ua = ws.store.add_claim(
        claim_fields(
            name=ru.name,
            place_id=ru.place_id,
            lat=ru.lat,
            lon=ru.lon,
            side="UA",
            action="control",
            claimant="Ukrainian General Staff",
            event_date=date(2025, 12, 3),
        ),
        by="ann",
    )
    assert [c.id for c in corroboration.contradictions(ws.store, ru)] == [ua.id]
    assert [c.id for c in corroboration.contradictions(ws.store, ua)] == [ru.id]
    found = corroboration.evidence(ws.store, ru.id)
    assert found["contradicted_by"][0]["claimant"] == "Ukrainian General Staff"
    assert found["suggested_status"] == "disputed"


@pytest.mark.parametrize(
    ("claimants", "contradicted", "suggested"),
    [
        (["Russian MoD"], False, None),
        (["Russian MoD", "Russian milblogger"], False, None),
        (["Russian MoD", "Ukrainian General Staff"], False, "confirmed"),
        (["Russian MoD", "ISW"], False, "confirmed"),
        (["Russian MoD", "DeepState"], False, "confirmed"),
        (["Russian MoD", "ISW"], True, "disputed"),
    ],
)
def test_suggested_status(claimants, contradicted, suggested):
    assert corroboration.suggested_status(claimants, contradicted)[0] == suggested


def test_the_geojson_export_and_review_show_carry_the_sources(ws, db_url, tmp_path):
    [claim] = queue(ws, MOD, "mil.ru", "https://mil.example/1").proposals
    queue(ws, WAR_BLOG, "Rybar", "https://t.example/2")
    review.accept(ws.store, [claim.id])
    runner = CliRunner()
    out = tmp_path / "claims.geojson"
    result = runner.invoke(main, ["export", "-o", str(out), "--db", db_url])
    assert result.exit_code == 0, result.output
    [feature] = json.loads(out.read_text())["features"]
    urls = [s["source_url"] for s in feature["properties"]["sources"]]
    assert urls == ["https://mil.example/1", "https://t.example/2"]
    assert len(feature["properties"]["claimants"]) == 2
    shown = runner.invoke(main, ["review", "show", claim.id, "--db", db_url])
    assert shown.exit_code == 0, shown.output
    assert "2 independent claimants" in shown.output and "https://t.example/2" in shown.output


def test_attaching_a_source_is_a_new_version_with_the_report_in_the_history(ws, db_url):
    [claim] = queue(ws, MOD, "mil.ru", "https://mil.example/1").proposals
    mark = ws.store.history_mark()
    second = queue(ws, WAR_BLOG, "Rybar", "https://t.example/2")
    assert [c.id for c in second.corroborated] == [claim.id]
    stored = ws.store.get_claim(claim.id)
    assert stored.version == claim.version + 1
    assert stored.updated_at > claim.updated_at
    # Other sessions and the map's incremental refresh see the claim changed.
    changed, _ = ws.store.changes(mark)
    assert changed == frozenset({claim.id})
    entry = ws.store.history(claim.id)[-1]
    assert (entry.op, entry.version, entry.before) == ("attach", stored.version, None)
    [added] = entry.after["sources_attached"]
    assert "quote" not in added and "status" not in entry.after  # not the claim itself
    report = next(r for r in ws.store.reports() if r.source_url == "https://t.example/2")
    assert added["report_id"] == report.id
    assert (added["source_name"], added["source_url"], added["event_date"]) == (
        "Rybar",
        "https://t.example/2",
        "2025-12-03",
    )
    assert added["claimant"] and added["claimant"] != claim.claimant
    # The same report again changes nothing: no new version.
    again = queue(ws, WAR_BLOG, "Rybar", "https://t.example/2")
    assert again.corroborated == [] and ws.store.get_claim(claim.id).version == stored.version
    runner = CliRunner()
    shown = runner.invoke(main, ["history", claim.id, "--db", db_url])
    assert shown.exit_code == 0, shown.output
    assert f"source added: {added['claimant']} (report {report.id}; Rybar" in shown.output
    found = corroboration.evidence(ws.store, claim.id)
    assert found["sources"][1]["report_id"] == report.id
    assert found["sources"][1]["added_at"] == entry.at.isoformat()
    show = runner.invoke(main, ["review", "show", claim.id, "--db", db_url])
    assert show.exit_code == 0, show.output
    assert report.id[:8] in show.output and entry.at.isoformat()[:16] in show.output


def test_an_edit_made_before_a_source_was_attached_is_a_conflict(ws):
    from tracker.errors import ConflictError

    [claim] = queue(ws, MOD, "mil.ru", "https://mil.example/1").proposals
    queue(ws, WAR_BLOG, "Rybar", "https://t.example/2")
    with pytest.raises(ConflictError):
        ws.store.update_claim(claim.id, {"notes": "checked"}, version=claim.version)


def test_a_batch_attaching_one_claim_twice_writes_one_event_listing_both(ws):
    """`attach_many` steps each claim's version once and writes one `attach` event per
    claim, its sources in order, all with the batch's id and time."""
    from tracker.errors import NotFoundError
    from tracker.store.attaching import attach_many

    [claim] = queue(ws, MOD, "mil.ru", "https://mil.example/1").proposals
    [other] = queue(ws, GS, "General Staff", "https://gs.example/1").proposals

    def source(report_id: str, day: int) -> dict:
        return {
            "report_id": report_id,
            "claimant": f"claimant {report_id}",
            "event_date": date(2025, 12, day),
            "quote": "not in the history",
        }

    pairs = [(claim, source("r1", 1)), (other, source("r2", 2)), (claim, source("r3", 3))]
    before = len(ws.store.history(claim.id))
    assert attach_many(ws.store, pairs) == [True, True, True]
    assert ws.store.get_claim(claim.id).version == claim.version + 1
    assert ws.store.get_claim(other.id).version == other.version + 1
    history = ws.store.history(claim.id)
    assert len(history) == before + 1
    event, other_event = history[-1], ws.store.history(other.id)[-1]
    assert (event.op, event.version, event.before) == ("attach", claim.version + 1, None)
    assert [s["report_id"] for s in event.after["sources_attached"]] == ["r1", "r3"]
    assert event.after["sources_attached"][1] == {
        "claimant": "claimant r3",
        "report_id": "r3",
        "event_date": "2025-12-03",
        "source_name": None,
        "source_url": None,
    }
    assert other_event.after["sources_attached"][0]["event_date"] == "2025-12-02"
    assert event.after["batch"] == other_event.after["batch"] and event.at == other_event.at
    # every source is in claim_sources with its quote, added when the event says
    found = corroboration.evidence(ws.store, claim.id)["sources"]
    assert [s["report_id"] for s in found[1:]] == ["r1", "r3"]
    assert {s["added_at"] for s in found[1:]} == {event.at.isoformat()}
    assert found[2]["quote"] == "not in the history"
    # the same reports again: nothing new
    assert attach_many(ws.store, pairs) == [False, False, False]
    assert ws.store.get_claim(claim.id).version == claim.version + 1
    gone = replace(claim, id="00000000-0000-4000-8000-000000000000")
    with pytest.raises(NotFoundError):
        attach_many(ws.store, [(gone, source("r4", 4))])
