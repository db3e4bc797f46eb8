"""Open formats: RFC 7946 GeoJSON, CSV, GeoPackage, KML; all-or-nothing import; round trips."""

from __future__ import annotations

import json
from datetime import date

import pyogrio
import pytest
from click.testing import CliRunner

from tests.support.store import claim_fields
from tracker.cli import main
from tracker.errors import ImportRowsError
from tracker.io import export_claims, import_file
from tracker.io.csvfile import neutralise, read_csv
from tracker.io.rfc7946 import check, check_file
from tracker.store import Store

TRICKY = [
    dict(name="Udachne", lat=48.24099, lon=36.99243, quote='He said "we hold it", then left.'),
    dict(
        name="Huliaipole",
        lat=47.6629,
        lon=36.2562,
        side="UA",
        action="repel",
        claimant="Генштаб ЗСУ",
        quote="Відбито 5 атак\nбіля Гуляйполя",
        notes='=HYPERLINK("http://evil")',
        status="confirmed",
        precision=2,
        time_precision=2,
        reported_at="2024-05-03",
    ),
    dict(
        name="Kupiansk", lat=49.7106, lon=37.6156, notes="-1 village; @here +more", source_url=None
    ),
    dict(name="Robotyne", lat=47.44, lon=35.84, event_date="2023-08-28", claimant="'=quoted"),
]


@pytest.fixture
def filled(store):
    claims = [store.add_claim(claim_fields(**row), by="ann") for row in TRICKY]
    store.update_claim(claims[0].id, {"status": "disputed"}, version=1, by="bob")
    store.delete_claim(claims[3].id, by="bob")
    return store


def test_geojson_export_is_rfc7946(filled, tmp_path):
    path = tmp_path / "claims.geojson"
    assert export_claims(filled.claims(), path, "geojson") == 3
    assert check_file(path) == []
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    assert set(by_name) == {"Udachne", "Huliaipole", "Kupiansk"}
    udachne = by_name["Udachne"]
    assert udachne["geometry"] == {"type": "Point", "coordinates": [36.99243, 48.24099]}
    stored = filled.claims(place="Udachne")[0]
    assert udachne["id"] == stored.id
    assert udachne["properties"]["event_date"] == "2024-05-01"
    assert udachne["properties"]["status"] == "disputed"
    assert udachne["properties"]["version"] == 2
    assert by_name["Huliaipole"]["properties"]["reported_at"] == "2024-05-03"
    assert "lat" not in udachne["properties"]


def test_geojson_reads_back_with_gdal(filled, tmp_path):
    path = tmp_path / "claims.geojson"
    export_claims(filled.claims(), path, "geojson")
    frame = pyogrio.read_dataframe(path)
    assert frame.crs.to_epsg() == 4326
    assert sorted(frame["name"]) == ["Huliaipole", "Kupiansk", "Udachne"]
    row = frame[frame["name"] == "Huliaipole"].iloc[0]
    assert (row.geometry.x, row.geometry.y) == (36.2562, 47.6629)
    assert row["claimant"] == "Генштаб ЗСУ"
    assert set(frame["id"]) == {c.id for c in filled.claims()}  # GDAL keeps string ids
    assert str(frame["event_date"].dtype).startswith("datetime64")  # ISO dates are typed
    assert sorted(frame["version"]) == [1, 1, 2]


@pytest.mark.parametrize("fmt", ["gpkg", "kml"])
def test_gpkg_and_kml_read_back(filled, tmp_path, fmt):
    path = tmp_path / f"claims.{fmt}"
    assert export_claims(filled.claims(), path, fmt) == 3
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == 3
    names = sorted(frame["name"] if "name" in frame else frame["Name"])
    assert names == ["Huliaipole", "Kupiansk", "Udachne"]
    points = sorted((round(g.x, 5), round(g.y, 5)) for g in frame.geometry)
    assert points == sorted((round(c.lon, 5), round(c.lat, 5)) for c in filled.claims())
    if fmt == "gpkg":
        assert frame.crs.to_epsg() == 4326
        assert set(frame["id"]) == {c.id for c in filled.claims()}


@pytest.mark.parametrize("fmt", ["geojson", "csv"])
def test_round_trip_reproduces_every_claim(filled, make_db_url, tmp_path, fmt, gazetteer):
    first = tmp_path / f"first.{fmt}"
    second = tmp_path / f"second.{fmt}"
    originals = filled.claims(include_deleted=True)
    assert len(originals) == 4
    export_claims(filled.claim_records(include_deleted=True), first, fmt)  # the CLI's path
    with Store(make_db_url()) as empty:
        report = import_file(empty, first, by="carol", gazetteer=gazetteer)
        assert report.counts() == {"new": 4, "unchanged": 0, "error": 0}
        assert report.written == 4
        copies = empty.claims(include_deleted=True)
        assert copies == originals  # every field, including versions, times and deletion
        export_claims(copies, second, fmt)
        assert [h.op for h in empty.history(originals[0].id)] == ["import"]
        again = import_file(empty, second, gazetteer=gazetteer)
        assert again.counts() == {"new": 0, "unchanged": 4, "error": 0}
        assert again.written == 0
    assert second.read_bytes() == first.read_bytes()


def test_bad_row_writes_nothing_and_names_row_and_reason(store, tmp_path):
    path = tmp_path / "bad.geojson"
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [37.0 + i / 10, 48.0]},
            "properties": {
                "name": f"Place {i}",
                "event_date": "2024-05-01",
                "side": "RU",
                "action": "attack",
                "claimant": "ISW",
            },
        }
        for i in range(5)
    ]
    features[2]["properties"]["side"] = "NATO"
    features[4]["geometry"]["coordinates"] = [48.0, 137.0]  # lat/lon swapped
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(ImportRowsError) as caught:
        import_file(store, path)
    report = caught.value.report
    assert [(r.row, r.status) for r in report.errors] == [
        ("feature 3", "error"),
        ("feature 5", "error"),
    ]
    assert "side 'NATO' is not one of" in report.errors[0].reason
    assert "latitude 137.0 is outside -90..90" in report.errors[1].reason
    assert store.count_claims(include_deleted=True) == 0
    assert store.history_count() == 0

    result = CliRunner().invoke(main, ["import", str(path), "--db", store.url])
    assert result.exit_code == 2
    assert "feature 3: error: side 'NATO' is not one of" in result.output
    assert "2 of 5 rows cannot be imported, so nothing was written" in result.output
    assert store.count_claims(include_deleted=True) == 0


def test_same_id_with_other_content_is_refused(filled, tmp_path):
    path = tmp_path / "claims.geojson"
    export_claims(filled.claims(), path, "geojson")
    data = json.loads(path.read_text())
    data["features"][0]["properties"]["status"] = "refuted"
    data["features"].append(data["features"][1])
    path.write_text(json.dumps(data))
    with pytest.raises(ImportRowsError) as caught:
        import_file(filled, path)
    reasons = {r.row: r.reason for r in caught.value.report.errors}
    assert "already in the store with other content (version 2)" in reasons["feature 1"]
    assert "is also used by feature 2" in reasons["feature 4"]
    assert filled.claims(place="Udachne")[0].status == "disputed"


def test_acled_style_csv_from_elsewhere_matches_places(store, tmp_path, gazetteer):
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_date,location,latitude,longitude,geo_precision,actor,action,claimant,source\n"
        "2024-05-01,Udachne,48.245,36.99,1,RU,capture,Russian MoD,mil.ru\n"
        "2024-05-02,Pokrovsk,48.28,37.18,2,UA,repel,Ukrainian General Staff,\n"
        "2024-05-02,Nowhere Farm,48.0,36.0,1,UA,repel,Ukrainian General Staff,\n",
        encoding="utf-8",
    )
    report = import_file(store, path, by="dave", gazetteer=gazetteer)
    assert report.written == 3
    claims = {c.name: c for c in store.claims()}
    assert claims["Udachne"].place_id == "geonames:690841"
    assert (
        claims["Pokrovsk"].place_id
        == gazetteer.candidates("Pokrovsk", near=(48.28, 37.18))[0].place.id
    )
    assert claims["Nowhere Farm"].place_id is None
    assert claims["Udachne"].source_name == "mil.ru"
    assert claims["Pokrovsk"].precision == 2
    assert claims["Udachne"].created_by == "dave" and claims["Udachne"].version == 1


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+49 123", "'+49 123"),
        ("-2 villages", "'-2 villages"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-", "'-"),
        ("'=already", "''=already"),
        ("plain text", "plain text"),
        ("it's fine", "it's fine"),
    ],
)
def test_csv_cells_are_neutralised_and_restored(store, tmp_path, text, cell):
    assert neutralise(text) == cell
    claim = store.add_claim(claim_fields(notes=f"x{text}", quote=text.strip() and text))
    path = tmp_path / "claims.csv"
    export_claims([claim], path, "csv")
    ((label, record),) = read_csv(path)
    assert label == "row 2"
    assert record["quote"] == claim.quote
    assert record["lat"] == "48.2"
    raw = path.read_text(encoding="utf-8")
    if cell != text:
        assert f",{cell}," in raw or f',"{cell}",' in raw


def test_export_filters(filled, tmp_path):
    path = tmp_path / "ru.geojson"
    result = CliRunner().invoke(
        main,
        ["export", "-o", str(path), "--side", "RU", "--since", "2024-01-01", "--db", filled.url],
    )
    assert result.exit_code == 0, result.output
    names = sorted(f["properties"]["name"] for f in json.loads(path.read_text())["features"])
    assert names == ["Kupiansk", "Udachne"]


@pytest.mark.parametrize(
    ("obj", "problem"),
    [
        ({"type": "FeatureCollection", "features": [], "crs": {}}, "'crs' member"),
        (
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [48.2, 137.0]},
                "properties": {},
            },
            "latitude 137.0 is outside -90..90",
        ),
        ({"type": "Feature", "geometry": None}, "must have a 'properties' member"),
        ({"type": "Feature", "properties": None}, "must have a 'geometry' member"),
        (
            {"type": "Feature", "id": [1], "geometry": None, "properties": None},
            "id: must be a string or a number",
        ),
        (
            {"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]},
            "exterior ring must be counterclockwise",
        ),
        (
            {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},
            "must be closed",
        ),
        ({"type": "LineString", "coordinates": [[0, 0]]}, "at least 2 positions"),
        ({"type": "Point", "coordinates": [1, 2, 3, 4]}, "at most 3 numbers"),
        ({"type": "FeatureCollection", "features": [{"type": "Point"}]}, "must be a Feature"),
        ({"type": "Circle"}, "is not a GeoJSON type"),
        ({"type": "Point", "coordinates": [0, 0], "bbox": [1, 2, 3]}, "4 or 6 numbers"),
    ],
)
def test_rfc7946_checker_catches(obj, problem):
    problems = check(obj)
    assert any(problem in p for p in problems), problems


def test_rfc7946_checker_file_level(tmp_path):
    good = {"type": "Point", "coordinates": [37.0, 48.0]}
    path = tmp_path / "x.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(good).encode())
    assert "byte order mark" in check_file(path)[0]
    path.write_text('{"type": "Point", "coordinates": [NaN, 48.0]}')
    assert "NaN is not a JSON number" in check_file(path)[0]
    path.write_text(json.dumps(good))
    assert check_file(path) == []
    assert (
        check({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}) == []
    )


def test_old_dates_in_files_need_force(store, tmp_path):
    claim = store.add_claim(claim_fields(event_date=date(2013, 5, 1)), allow_old_dates=True)
    path = tmp_path / "old.csv"
    export_claims([claim], path, "csv")
    with Store(store.url) as same:
        with pytest.raises(ImportRowsError, match="before 2014-01-01"):
            import_file(same, path)
        assert import_file(same, path, allow_old_dates=True).counts()["unchanged"] == 1
