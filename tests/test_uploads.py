"""Uploaded files: wrong types and sizes refused clearly; the browser's file name is only a
label, never a path."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tracker.errors import InvalidInputError
from tracker.io.uploads import MAX_IMPORT_BYTES, display_name, import_upload
from tracker.store import Store

FEATURE = {
    "type": "Feature",
    "geometry": {"type": "Point", "coordinates": [37.176, 48.282]},
    "properties": {
        "event_date": "2025-12-01",
        "name": "Pokrovsk",
        "side": "RU",
        "action": "attack",
        "claimant": "Russian MoD",
    },
}
GEOJSON = json.dumps({"type": "FeatureCollection", "features": [FEATURE]}).encode()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "claims.db") as store:
        yield store


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("claims.exe", GEOJSON, "'claims.exe' is not one of the accepted types: .geojson"),
        ("claims.geojson.sh", GEOJSON, "not one of the accepted types"),
        ("claims", GEOJSON, "not one of the accepted types"),
        ("claims.geojson", b"", "'claims.geojson' is empty"),
        ("claims.csv", b"PK\x03\x04\x00\x00zip", "'claims.csv' is binary, not .csv text"),
        ("big.csv", b"a" * (MAX_IMPORT_BYTES + 1), "is 20.0 MB; the limit is 20 MB"),
    ],
)
def test_refused_uploads_write_nothing(store, name, data, message):
    with pytest.raises(InvalidInputError, match=message):
        import_upload(store, name, data)
    assert store.count_claims() == 0


@pytest.mark.parametrize(
    "name",
    [
        "../../../../tmp/tracker-escape.geojson",
        "/tmp/tracker-escape.geojson",
        "..\\..\\tracker-escape.geojson",
        "C:\\Windows\\tracker-escape.geojson",
    ],
)
def test_the_file_name_is_never_a_path(store, name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = set(Path("/tmp").glob("tracker-escape*"))
    report = import_upload(store, name, GEOJSON)
    assert report.counts()["new"] == 1
    assert store.count_claims() == 1
    assert set(Path("/tmp").glob("tracker-escape*")) == before
    assert not any("escape" in p for p in os.listdir(tmp_path))


def test_display_name_keeps_only_a_printable_last_part():
    assert display_name("../../etc/passwd.csv") == "passwd.csv"
    assert display_name("C:\\x\\rep\u202eort.csv") == "rep?ort.csv"
    assert display_name("") == "the file"
    assert len(display_name("a" * 500 + ".csv")) == 80
