"""Malformed baseline files are refused with a clear message, and nothing is written."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tracker.control import BaselineFileError
from tracker.control.service import import_baseline
from tracker.store import Store

SQUARE = [[[30.0, 48.0], [31.0, 48.0], [31.0, 49.0], [30.0, 49.0], [30.0, 48.0]]]


def collection(*geometries, crs: str | None = None) -> str:
    data = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": g} for g in geometries],
    }
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(data)


BAD_FILES = {
    "bad json": ('{"type": "FeatureCollection", "features": [', "not valid JSON"),
    "not geojson": ("[1, 2, 3]", "not a GeoJSON object"),
    "point": (collection({"type": "Point", "coordinates": [30, 48]}), "'Point' is not allowed"),
    "line": (
        collection({"type": "LineString", "coordinates": [[30, 48], [31, 49]]}),
        "'LineString' is not allowed",
    ),
    "latitude out of range": (
        collection({"type": "Polygon", "coordinates": [[[30, 48], [31, 95], [31, 49], [30, 48]]]}),
        "latitude 95 is outside -90..90",
    ),
    "text coordinate": (
        collection(
            {"type": "Polygon", "coordinates": [[[30, 48], ["31", 48], [31, 49], [30, 48]]]}
        ),
        "longitude '31' is not a number",
    ),
    "short ring": (
        collection({"type": "Polygon", "coordinates": [[[30, 48], [31, 48], [30, 48]]]}),
        "at least 4 positions",
    ),
    "empty collection": (collection(), "holds no polygon"),
    "null geometry": (
        '{"type": "FeatureCollection", "features": [{"type": "Feature", '
        '"properties": {}, "geometry": null}]}',
        "holds no polygon",
    ),
    "zero area": (
        collection({"type": "Polygon", "coordinates": [[[30, 48], [31, 48], [32, 48], [30, 48]]]}),
        "encloses no area",
    ),
    "projected crs": (
        collection({"type": "Polygon", "coordinates": SQUARE}, crs="urn:ogc:def:crs:EPSG::3857"),
        "not WGS 84",
    ),
    "empty file": ("", "not valid JSON"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_malformed_baseline_is_refused_and_nothing_is_written(case, tmp_path, db_url):
    text, message = BAD_FILES[case]
    path = tmp_path / "layer.geojson"
    path.write_text(text)
    with Store(db_url) as store:
        with pytest.raises(BaselineFileError) as caught:
            import_baseline(store, path, day=date(2025, 1, 1), side="RU")
        assert store.baselines() == []
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_missing_file_is_refused(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        with pytest.raises(BaselineFileError, match="cannot read"):
            import_baseline(store, tmp_path / "nope.geojson", day=date(2025, 1, 1), side="RU")
        assert store.baselines() == []


def test_a_good_layer_is_stored_with_its_date_side_and_source(tmp_path, db_url):
    path = tmp_path / "layer.geojson"
    path.write_text(
        collection(
            {"type": "MultiPolygon", "coordinates": [SQUARE]}, crs="urn:ogc:def:crs:OGC:1.3:CRS84"
        )
    )
    with Store(db_url) as store:
        record, area = import_baseline(
            store, path, day="2025-01-02", side="ru", source="DeepStateMap", created_by="ana"
        )
        (stored,) = store.baselines()
    assert (stored.id, stored.day, stored.side, stored.source, stored.created_by) == (
        record.id,
        date(2025, 1, 2),
        "RU",
        "DeepStateMap",
        "ana",
    )
    assert 8_000 < area < 8_300  # 1° × 1° at 48–49° N ≈ 8,160 km²


@pytest.mark.parametrize(
    ("day", "side", "message"),
    [
        ("2025-13-01", "RU", "is not a date"),
        ("2025-01-01", "XX", "is not one of: RU, UA"),
    ],
)
def test_the_store_checks_date_and_side(tmp_path, day, side, message):
    with Store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        with pytest.raises(ValueError, match=message):
            store.add_baseline(day, side, json.dumps({"type": "Polygon", "coordinates": SQUARE}))
        assert store.baselines() == []
