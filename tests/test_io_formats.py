"""The registry of export/import formats: what each carries, how an unknown one is refused
(in Python and, as one line with exit code 2, on the CLI), and that the CLI chooses by it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.errors import InvalidInputError
from tracker.io import (
    EXPORT_FORMATS,
    FORMATS,
    IMPORT_FORMATS,
    detect_format,
    export_claims,
    export_format,
    import_format,
)
from tracker.store import Store

CLAIM = {
    "event_date": "2025-12-01",
    "name": "Pokrovsk",
    "lat": 48.28,
    "lon": 37.18,
    "side": "RU",
    "action": "attack",
    "claimant": "Russian MoD",
}


def test_each_format_carries_its_mime_type_suffix_and_label():
    assert {n: (f.label, f.mime, f.suffix) for n, f in FORMATS.items()} == {
        "geojson": ("GeoJSON", "application/geo+json", ".geojson"),
        "csv": ("CSV", "text/csv", ".csv"),
        "gpkg": ("GPKG", "application/geopackage+sqlite3", ".gpkg"),
        "kml": ("KML", "application/vnd.google-earth.kml+xml", ".kml"),
    }
    assert EXPORT_FORMATS == ("geojson", "csv", "gpkg", "kml")
    assert IMPORT_FORMATS == ("geojson", "csv")
    assert [n for n, f in FORMATS.items() if not f.text] == ["gpkg", "kml"]


@pytest.mark.parametrize("name", ["GeoJSON", " csv ", "KML"])
def test_names_are_taken_in_any_case(name):
    assert export_format(name).name == name.strip().lower()


@pytest.mark.parametrize(
    ("pick", "name", "message"),
    [
        (export_format, "shp", "unknown export format 'shp'; known: geojson, csv, gpkg, kml"),
        (import_format, "kml", "unknown import format 'kml'; known: geojson, csv"),
        (import_format, None, "unknown import format None; known: geojson, csv"),
    ],
)
def test_an_unknown_format_names_the_known_ones(pick, name, message):
    with pytest.raises(InvalidInputError) as caught:
        pick(name)
    assert str(caught.value) == message


def test_export_claims_refuses_an_unknown_format_before_writing(tmp_path):
    target = tmp_path / "claims.shp"
    with pytest.raises(InvalidInputError, match="known: geojson, csv, gpkg, kml"):
        export_claims([], target, "shp")
    assert not target.exists()


@pytest.mark.parametrize(
    ("file", "expected"),
    [("a.geojson", "geojson"), ("a.JSON", "geojson"), ("b.Csv", "csv")],
)
def test_import_format_from_the_file_ending(file, expected):
    assert detect_format(file) == expected


def test_an_unrecognised_ending_says_which_are():
    with pytest.raises(InvalidInputError) as caught:
        detect_format("claims.xlsx")
    assert str(caught.value) == (
        "cannot import 'claims.xlsx': give --format geojson or csv "
        "(files ending .geojson, .json or .csv are recognised)"
    )


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    with Store(url) as store:
        store.add_claim(CLAIM)
    return url


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "shp"], "unknown export format 'shp'; known: geojson, csv"),
        (["import", "claims.csv", "--format", "xlsx"], "unknown import format 'xlsx'; known:"),
    ],
)
def test_cli_refuses_an_unknown_format_in_one_line(db, tmp_path, args, message):
    (tmp_path / "claims.csv").write_text("event_id\n", encoding="utf-8")
    args = [a if a != "claims.csv" else str(tmp_path / a) for a in args]
    result = CliRunner().invoke(main, [*args, "--db", db])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "fmt", "starts"),
    [
        ("out.csv", "csv", b"event_id,"),
        ("out.GeoJSON", "geojson", b'{"type":"FeatureCollection"'),
        ("out.kml", "kml", b"<?xml"),
    ],
)
def test_cli_export_chooses_the_format_by_the_files_ending(db, tmp_path, name, fmt, starts):
    out = tmp_path / name
    result = CliRunner().invoke(main, ["export", "-o", str(out), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"file": str(out), "format": fmt, "claims": 1}
    assert out.read_bytes().startswith(starts)


def test_cli_binary_formats_need_a_file(db):
    result = CliRunner().invoke(main, ["export", "--format", "GPKG", "--db", db])
    assert result.exit_code == 2
    assert result.output.strip() == "Error: gpkg is a binary or multi-part format; give -o FILE"


def test_the_csv_columns_cover_every_claim_field():
    from tracker.io.csvfile import COLUMNS
    from tracker.model import CLAIM_FIELDS

    assert sorted(f for f in COLUMNS.values() if f) == sorted(CLAIM_FIELDS)


@pytest.mark.parametrize("fmt", IMPORT_FORMATS)
def test_every_field_survives_export_then_import(tmp_path, fmt):
    from datetime import UTC, date, datetime

    from tracker.io import import_file
    from tracker.model import Claim

    claim = Claim.from_dict(
        {
            **CLAIM,
            "id": "6f1c1d9e-8f7a-4a51-9a43-0c9d3b2e7a10",
            "event_date": date(2025, 11, 30),
            "status": "disputed",
            "precision": 2,
            "time_precision": 2,
            "reported_at": date(2025, 12, 1),
            "place_id": "geonames:703656",
            "source_name": "ISW",
            "source_url": "https://example.org/isw",
            "quote": "=1+1 said the post",
            "report_id": "report-7",
            "notes": "second source pending",
            "created_by": "ann",
            "created_at": datetime(2025, 12, 1, 8, 30, tzinfo=UTC),
            "updated_at": datetime(2025, 12, 2, 9, 15, 30, 250000, tzinfo=UTC),
            "version": 3,
            "deleted_at": datetime(2025, 12, 3, 10, 0, tzinfo=UTC),
        }
    )
    path = tmp_path / f"claims{FORMATS[fmt].suffix}"
    assert export_claims([claim], path, fmt) == 1
    with Store(f"sqlite:///{tmp_path / 'copy.db'}") as store:
        report = import_file(store, path, by="importer")
        assert (report.format, report.written) == (fmt, 1)
        assert store.get_claim(claim.id) == claim
