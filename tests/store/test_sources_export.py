"""Exports carry each claim's sources (GeoJSON: the array and the independent claimants;
CSV: a count and the claimants; GeoPackage/KML: both plus the array as JSON text), and a
GeoJSON re-import restores them. On SQLite and on PostgreSQL+PostGIS."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from click.testing import CliRunner

from tracker import ingest
from tracker.cli import main
from tracker.store import corroboration, review
from tracker.workspace import Workspace

DAY = date(2025, 12, 4)
MOD = "The Russian Ministry of Defence claimed the capture of Kurakhove on 2 December."
WAR_BLOG = "Rybar reports that Russian forces captured Kurakhove on 3 December."
HOSTILE = '=HYPERLINK("http://evil.example")'


@pytest.fixture
def corroborated(ws):
    """One accepted claim backed by two reports from two claimants."""
    [claim] = ingest.queue(
        ws, MOD, published=DAY, source_name="mil.ru", source_url="https://mil.example/1"
    ).proposals
    ingest.queue(ws, WAR_BLOG, published=DAY, source_name=HOSTILE, source_url="https://t.example/2")
    review.accept(ws.store, [claim.id])
    return ws.store.get_claim(claim.id)


def export(db_url, path, *extra):
    result = CliRunner().invoke(main, ["export", "-o", str(path), "--db", db_url, *extra])
    assert result.exit_code == 0, result.output
    return path


def test_geojson_carries_sources_and_the_independent_count(ws, db_url, corroborated, tmp_path):
    [feature] = json.loads(export(db_url, tmp_path / "c.geojson").read_text())["features"]
    props = feature["properties"]
    assert props["independent_claimants"] == 2
    assert [s["source_url"] for s in props["sources"]] == [
        "https://mil.example/1",
        "https://t.example/2",
    ]
    second = props["sources"][1]
    assert second["source_name"] == HOSTILE and second["event_date"] == "2025-12-03"
    assert second["quote"] == WAR_BLOG and second["report_id"]
    assert props["claimants"][0] == corroborated.claimant


def test_geojson_round_trip_restores_the_sources(ws, db_url, make_db_url, corroborated, tmp_path):
    path = export(db_url, tmp_path / "c.geojson")
    before = corroboration.evidence(ws.store, corroborated.id)
    other = make_db_url()
    result = CliRunner().invoke(main, ["import", str(path), "--db", other, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["counts"]["new"] == 1
    with Workspace(other) as copy:
        after = corroboration.evidence(copy.store, corroborated.id)
        assert copy.store.get_claim(corroborated.id).version == corroborated.version
    assert after["sources"] == before["sources"]
    assert after["claimants"] == before["claimants"]
    # Importing the file again is harmless: unchanged, and no source doubled.
    again = CliRunner().invoke(main, ["import", str(path), "--db", other, "--json"])
    assert json.loads(again.stdout)["counts"] == {"new": 0, "unchanged": 1, "error": 0}
    with Workspace(other) as copy:
        assert len(corroboration.evidence(copy.store, corroborated.id)["sources"]) == 2


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("two", "sources must be an array"),
        ([{"event_date": "2025-12-03"}], "sources[1]: missing required field(s): claimant"),
        ([{"claimant": "ISW", "event_date": "3 Dec"}], "sources[1]: event_date '3 Dec'"),
        (
            [{"claimant": "ISW", "event_date": "2025-12-03", "source_url": "javascript:x"}],
            "must start with http",
        ),
    ],
)
def test_bad_sources_refuse_the_row_and_write_nothing(
    ws, db_url, make_db_url, corroborated, tmp_path, sources, message
):
    path = export(db_url, tmp_path / "c.geojson")
    data = json.loads(path.read_text())
    data["features"][0]["properties"]["sources"] = sources
    path.write_text(json.dumps(data))
    other = make_db_url()
    result = CliRunner().invoke(main, ["import", str(path), "--db", other])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    with Workspace(other) as copy:
        assert copy.store.count_claims() == 0


def test_csv_has_the_source_count_and_claimants_formula_safe(ws, db_url, corroborated, tmp_path):
    ws.store.update_claim(corroborated.id, {"claimant": "=cmd|' /C calc'!A0"}, version=None)
    path = export(db_url, tmp_path / "c.csv")
    [row] = list(csv.DictReader(path.open(encoding="utf-8")))
    assert row["source_count"] == "2"
    names = row["claimants"].split("; ")
    assert names[0] == "'=cmd|' /C calc'!A0" and len(names) == 2
    # The columns are export-only: the file imports as before.
    result = CliRunner().invoke(main, ["import", str(path), "--db", db_url, "--dry-run"])
    assert "cannot be imported" not in result.output


def test_geopackage_has_the_sources(ws, db_url, corroborated, tmp_path):
    import pyogrio

    frame = pyogrio.read_dataframe(export(db_url, tmp_path / "c.gpkg"))
    assert int(frame["source_count"][0]) == 2
    assert frame["claimants"][0].count("; ") == 1
    urls = [s["source_url"] for s in json.loads(frame["sources"][0])]
    assert urls == ["https://mil.example/1", "https://t.example/2"]


def test_a_source_naming_the_claims_own_report_is_not_attached_twice(
    ws, db_url, make_db_url, corroborated, tmp_path
):
    path = export(db_url, tmp_path / "c.geojson")
    data = json.loads(path.read_text())
    sources = data["features"][0]["properties"]["sources"]
    sources[0]["quote"] = "the same report, quoted otherwise"  # still the claim's own report
    path.write_text(json.dumps(data))
    other = make_db_url()
    result = CliRunner().invoke(main, ["import", str(path), "--db", other])
    assert result.exit_code == 0, result.output
    with Workspace(other) as copy:
        found = corroboration.evidence(copy.store, corroborated.id)["sources"]
    assert [s["source_url"] for s in found] == ["https://mil.example/1", "https://t.example/2"]
