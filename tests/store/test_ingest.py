"""The ingest service: a report → proposed claims → the report and its accepted claims in
one transaction; on SQLite and on PostgreSQL+PostGIS."""

from __future__ import annotations

from datetime import date

import pytest

from tracker import ingest
from tracker.errors import InvalidInputError
from tracker.gazetteer_overlay import clear_overlays
from tracker.workspace import Workspace

TEXT = "The Russian Ministry of Defence claimed the capture of Kalynova Zatoka on 3 December."
DAY = date(2025, 12, 4)


@pytest.fixture
def workspace(db_url, gazetteer):
    clear_overlays()
    with Workspace(db_url, gazetteer=gazetteer) as ws:
        yield ws
    clear_overlays()


def accept(workspace, claims, **options):
    return ingest.accept(
        workspace,
        TEXT,
        published=DAY,
        source_name="MoD",
        source_url="https://example.org/mod",
        language="en",
        claims=claims,
        **options,
    )


def test_proposals_know_the_databases_custom_places(workspace):
    place = workspace.store.add_custom_place("Kalynova Zatoka", 48.1, 37.6, created_by="ann")
    result = ingest.propose(TEXT, published=DAY, source_name="MoD", workspace=workspace)
    [claim] = result.claims
    assert claim.place.id == place.id
    assert (str(claim.side), str(claim.action), claim.event_date) == (
        "RU",
        "capture",
        date(2025, 12, 3),
    )
    without = ingest.propose(TEXT, published=DAY, source_name="MoD")
    assert all(c.place.id != place.id for c in without.claims)


def test_accept_records_the_report_and_its_claims(workspace):
    workspace.store.add_custom_place("Kalynova Zatoka", 48.1, 37.6, created_by="ann")
    result = ingest.propose(TEXT, published=DAY, source_name="MoD", workspace=workspace)
    fields = [ingest.claim_fields(p) for p in result.claims]
    written = accept(workspace, fields, by="ann")
    assert written.created
    [claim] = written.claims
    assert claim.report_id == written.report.id
    assert claim.reported_at == DAY
    assert claim.source_url == "https://example.org/mod"
    assert claim.source_name == "MoD"
    assert claim.name == "Kalynova Zatoka" and claim.created_by == "ann"
    assert workspace.store.count_claims() == 1
    assert len(workspace.store.reports()) == 1


def test_a_known_report_is_refused_or_skipped_and_nothing_is_added_twice(workspace, gazetteer):
    place = gazetteer.candidates("Kupiansk", limit=1)[0].place
    proposal = {
        "event_date": "2025-12-03",
        "place_id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "side": "RU",
        "action": "capture",
        "claimant": "Russian MoD",
        "status": "claimed",
    }
    accept(workspace, [proposal])
    with pytest.raises(InvalidInputError, match="already in the store"):
        accept(workspace, [proposal])
    skipped = accept(workspace, [proposal], if_known="skip")
    assert (skipped.created, skipped.claims) == (False, [])
    assert workspace.store.count_claims() == 1


def test_one_bad_claim_writes_nothing(workspace, gazetteer):
    place = gazetteer.candidates("Kupiansk", limit=1)[0].place
    good = {
        "event_date": "2025-12-03",
        "place_id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "side": "RU",
        "action": "capture",
        "claimant": "Russian MoD",
        "status": "claimed",
    }
    with pytest.raises(InvalidInputError):
        accept(workspace, [good, {**good, "side": "XX"}])
    assert workspace.store.count_claims() == 0
    assert workspace.store.reports() == []


def test_claim_fields_take_the_place_an_analyst_chose(workspace, gazetteer):
    result = ingest.propose(
        "Russian forces captured Kupiansk on 3 December.", published=DAY, workspace=workspace
    )
    [proposed] = result.claims
    other = gazetteer.candidates("Kostiantynivka", limit=1)[0].place
    fields = ingest.claim_fields(proposed, place=other)
    assert (fields["place_id"], fields["name"], fields["lat"]) == (other.id, other.name, other.lat)
    assert fields["side"] == "RU" and fields["action"] == "capture"
    assert "report_id" not in fields
