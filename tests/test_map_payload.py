"""The compact claims payload of the browser map: what it encodes, and that what the browser
shows for a date and window is what the store counts."""

from __future__ import annotations

import gzip
import random
from datetime import date, timedelta

import numpy as np
import pytest

from tracker import map_payload as mp
from tracker.store import Store

START = date(2025, 11, 1)


def record(i: int, **over) -> dict:
    base = {
        "id": f"id-{i}",
        "event_date": (START + timedelta(days=i % 30)).isoformat(),
        "reported_at": None,
        "name": f"Place {i % 7}",
        "lat": 48.0 + i * 0.01234567,
        "lon": 37.0 - i * 0.00765432,
        "side": ("RU", "UA")[i % 2],
        "action": mp.ACTIONS[i % len(mp.ACTIONS)],
        "status": mp.STATUSES[i % len(mp.STATUSES)],
        "claimant": ("MoD", "General Staff", "ISW")[i % 3],
    }
    return {**base, **over}


def test_round_trip_keeps_every_column():
    records = [record(i) for i in range(200)]
    records[5]["reported_at"] = "2025-12-20"  # reported long after the event
    columns = mp.columns_from_records(records)
    out = mp.decode(mp.encode(columns))
    header = out["header"]
    assert header["n"] == 200 and header["origin"] == "2025-11-01"
    lat = out["lat"] / header["scale"]
    lon = out["lon"] / header["scale"]
    assert np.abs(lat - [r["lat"] for r in records]).max() <= 0.5 / mp.SCALE + 1e-12
    assert np.abs(lon - [r["lon"] for r in records]).max() <= 0.5 / mp.SCALE + 1e-12
    days = [(date.fromisoformat(r["event_date"]) - START).days for r in records]
    assert out["day"].tolist() == days
    assert out["lag"][5] == (date(2025, 12, 20) - date.fromisoformat(records[5]["event_date"])).days
    assert out["lag"].sum() == out["lag"][5]
    codes = header["codes"]
    for i, r in enumerate(records):
        code = int(out["code"][i])
        assert header["sides"][code >> codes["side_shift"]] == r["side"]
        assert header["actions"][(code >> codes["action_shift"]) & 7] == r["action"]
        assert header["statuses"][code & ((1 << codes["action_shift"]) - 1)] == r["status"]
        assert header["names"][out["name"][i]] == r["name"]
        assert header["claimants"][out["claimant"][i]] == r["claimant"]
    assert columns.ids == tuple(r["id"] for r in records)


def test_values_outside_the_vocabulary_get_the_other_code():
    columns = mp.columns_from_records([record(0, side="XX", action="parade", status="?")])
    assert (columns.side[0], columns.action[0], columns.status[0]) == (
        len(mp.SIDES),
        len(mp.ACTIONS),
        len(mp.STATUSES),
    )
    assert columns.label(0) == "2025-11-01 · Place 0 · other other · MoD · id-0"


def test_labels_tell_apart_claims_at_one_place_on_one_day():
    same = {"event_date": "2025-12-03", "name": "Kupiansk", "side": "UA", "action": "control"}
    columns = mp.columns_from_records(
        [record(0, **same, id="aaaaaaaa-1"), record(1, **same, id="bbbbbbbb-2", claimant="ISW")]
    )
    assert columns.label(0) == "2025-12-03 · Kupiansk · UA control · MoD · aaaaaaaa"
    assert columns.label(1) == "2025-12-03 · Kupiansk · UA control · ISW · bbbbbbbb"


def test_payload_is_deterministic_and_compact():
    records = [record(i) for i in range(5000)]
    first = mp.encode(mp.columns_from_records(records))
    again = mp.encode(mp.columns_from_records([dict(r) for r in records]))
    assert first == again and mp.digest(first) == mp.digest(again)
    assert len(mp.digest(first)) == 20
    # Well under the ~25 bytes per claim of the raw columns (ids stay on the server).
    assert len(first) < 5000 * 12


@pytest.mark.parametrize(("names", "dtype"), [(200, "u1"), (300, "u2"), (70_000, "u4")])
def test_string_indexes_take_the_smallest_integer(names, dtype):
    records = [record(i, name=f"n{i % names}") for i in range(max(names, 10))]
    header = mp.decode(mp.encode(mp.columns_from_records(records)))["header"]
    assert {c["name"]: c["dtype"] for c in header["columns"]}["name"] == dtype


def test_empty_selection():
    columns = mp.columns_from_records([])
    assert len(columns) == 0 and columns.span() is None
    assert columns.counts(date(2025, 1, 1), date(2025, 1, 1)) == (0, 0)
    assert mp.decode(mp.encode(columns))["header"]["n"] == 0


def test_decode_rejects_other_data():
    with pytest.raises(mp.PayloadError, match="not gzip"):
        mp.decode(b"plain bytes")
    with pytest.raises(mp.PayloadError, match="starts with"):
        mp.decode(gzip.compress(b"XXXX\0\0\0\0"))
    good = gzip.decompress(mp.encode(mp.columns_from_records([record(i) for i in range(50)])))
    with pytest.raises(mp.PayloadError, match="truncated"):
        mp.decode(gzip.compress(good[:-40]))


def test_compact_geojson_rounds_coordinates_only():
    feature = {
        "type": "Feature",
        "properties": {"label": "x", "km2": 12.3456789},
        "geometry": {"type": "LineString", "coordinates": [[37.123456789, 48.987654321]]},
    }
    out = mp.compact_geojson({"type": "FeatureCollection", "features": [feature]})
    [f] = out["features"]
    assert f["geometry"]["coordinates"] == [[37.1235, 48.9877]]
    assert f["properties"] == {"label": "x", "km2": 12.3456789}


@pytest.fixture(scope="module")
def store_url(tmp_path_factory) -> str:
    """Claims over a month, a quarter of them reported up to five days after the event."""
    url = f"sqlite:///{tmp_path_factory.mktemp('payload') / 'claims.db'}"
    rng = random.Random(7)
    with Store(url) as store:
        for i in range(120):
            event = START + timedelta(days=rng.randrange(30))
            fields = {
                "event_date": event.isoformat(),
                "name": f"Village {i % 9}",
                "lat": 47.5 + rng.random(),
                "lon": 36.5 + rng.random(),
                "side": rng.choice(["RU", "UA"]),
                "action": rng.choice(mp.ACTIONS),
                "status": rng.choice(mp.STATUSES),
                "claimant": rng.choice(["MoD", "General Staff"]),
            }
            if i % 4 == 0:
                fields["reported_at"] = (event + timedelta(days=rng.randrange(0, 6))).isoformat()
            store.add_claim(fields, allow_old_dates=True)
    return url


@pytest.mark.parametrize("filters", [{}, {"side": "RU"}, {"action": ("capture", "attack")}])
@pytest.mark.parametrize("window", [1, 7, 30])
def test_counts_match_the_store(store_url, filters, window):
    with Store(store_url) as store:
        columns = mp.columns_from_records(store.claim_records(**filters))
        for day in (START - timedelta(days=1), START, START + timedelta(days=9), date(2025, 12, 3)):
            since = day - timedelta(days=window - 1)
            expected = (
                store.count_claims(as_of=day, **filters),
                store.count_claims(as_of=day, since=since, **filters),
            )
            assert columns.counts(day, since) == expected, (day, window)
    # Some claims are reported after their event: the as-of view and the event date differ.
    assert (columns.visible > columns.day).any()


def test_first_date_is_the_earliest_shown(store_url):
    with Store(store_url) as store:
        columns = mp.columns_from_records(store.claim_records())
        day = START + timedelta(days=5)
        shown = store.claims(as_of=day)
    assert columns.first_date(day) == min(c.event_date for c in shown)
    assert columns.first_date(START - timedelta(days=1)) is None


def test_region_level_claims_name_the_region_holding_them():
    import shapely.geometry

    regions = [
        shapely.geometry.box(30, 45, 35, 50),  # lon/lat boxes
        shapely.geometry.box(35, 45, 40, 50),
    ]
    records = [
        record(0, lat=47.0, lon=37.0, precision=3),
        record(1, lat=47.0, lon=37.0, precision=1),
        record(2, lat=47.0, lon=31.0, precision=3),
        record(3, lat=60.0, lon=31.0, precision=3),  # outside every region
    ]
    columns = mp.columns_from_records(records, regions=regions)
    assert columns.region.tolist() == [1, mp.NO_REGION, 0, mp.NO_REGION]
    out = mp.decode(mp.encode(columns))
    assert out["region"].tolist() == [1, mp.NO_REGION, 0, mp.NO_REGION]
    assert mp.columns_from_records(records).region is None


def test_the_sources_column_is_sent_only_when_a_claim_has_several():
    plain = [record(i, source_count=1) for i in range(40)]
    columns = mp.columns_from_records(plain)
    assert columns.sources.tolist() == [1] * 40
    # Every claim has one claimant: the payload is what it was without counts.
    assert mp.encode(columns) == mp.encode(mp.columns_from_records([record(i) for i in range(40)]))
    assert "sources" not in [c["name"] for c in mp.decode(mp.encode(columns))["header"]["columns"]]
    backed = [record(i, source_count=(3 if i == 5 else 1)) for i in range(40)]
    backed[7]["source_count"] = 400  # capped
    decoded = mp.decode(mp.encode(mp.columns_from_records(backed)))
    counts = decoded["sources"].tolist()
    assert counts[5] == 3 and counts[7] == 255 and counts.count(1) == 38


def test_records_without_counts_have_no_sources_column():
    assert mp.columns_from_records([record(i) for i in range(3)]).sources is None
