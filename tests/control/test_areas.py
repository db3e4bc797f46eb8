"""Known-answer control scenarios on synthetic cells: areas, geometries, frontline, export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import shapely
from pyproj import Geod

from tests.support.control import claim, same_area
from tracker.control import (
    BaselineLayer,
    ControlModel,
    areas_geojson,
    frontline_geojson,
    geodesic_area_km2,
    oblasts,
    ukraine_outline,
)
from tracker.model import Side

D = date(2025, 6, 1)
GEOD = Geod(ellps="WGS84")


def place_of(cells, c: int) -> str:
    return cells.place_ids[c][0]


def luhansk_baseline(day: date = D - timedelta(days=30)) -> BaselineLayer:
    (luhansk,) = [o.geometry for o in oblasts() if o.code == "UA.14"]
    return BaselineLayer(day, Side.RU, luhansk, "test")


def test_cells_cover_the_outline_exactly(cells):
    assert cells.area_km2.sum() == pytest.approx(cells.outline_area_km2, rel=1e-6)
    assert sum(p.area_km2 for p in cells.pieces) == pytest.approx(cells.outline_area_km2, rel=5e-3)


def all_ua_baseline(day: date = D - timedelta(days=30)) -> BaselineLayer:
    """A whole-country layer saying Ukraine holds all of it (so every cell starts UA)."""
    return BaselineLayer(day, Side.UA, ukraine_outline(), "all UA")


def test_no_claims_and_no_baseline_means_everything_is_unknown(cells):
    snapshot = ControlModel(cells).snapshot(D)
    assert snapshot.areas_km2["RU"] == 0
    assert snapshot.areas_km2["UA"] == 0
    assert snapshot.areas_km2["unknown"] == pytest.approx(cells.outline_area_km2, rel=1e-6)
    assert snapshot.geometries["UA"].is_empty and snapshot.geometries["RU"].is_empty
    assert same_area(snapshot.geometries["unknown"], cells.outline)
    assert snapshot.frontline.is_empty
    assert all(v["UA"] == 0 for v in snapshot.areas_by_oblast.values())


def test_a_capture_in_unknown_ground_is_known_not_a_change_of_hands(cells, interior_cell):
    c = interior_cell
    model = ControlModel(cells, [claim(place_of(cells, c), D, "RU", "capture")])
    before, after = model.snapshot(D - timedelta(days=1)), model.snapshot(D)
    cell_area = float(cells.area_km2[c])
    assert after.areas_km2["RU"] == pytest.approx(cell_area, rel=1e-9)
    assert after.areas_km2["UA"] == 0
    assert after.areas_km2["unknown"] == pytest.approx(before.areas_km2["unknown"] - cell_area)
    assert after.frontline.is_empty  # RU next to unknown ground is no front
    (row,) = after.changed_places(before)
    assert (row["from"], row["to"], row["change"]) == ("unknown", "RU", "now_known")


def test_a_capture_moves_exactly_that_cell(cells, interior_cell):
    c = interior_cell
    model = ControlModel(
        cells, [claim(place_of(cells, c), D, "RU", "capture")], baselines=[all_ua_baseline()]
    )
    before, after = model.snapshot(D - timedelta(days=1)), model.snapshot(D)
    cell_area = float(cells.area_km2[c])
    assert after.areas_km2["RU"] == pytest.approx(cell_area, rel=1e-9)
    assert after.areas_km2["UA"] == pytest.approx(before.areas_km2["UA"] - cell_area, rel=1e-9)
    assert after.areas_km2["unknown"] == pytest.approx(0, abs=1e-6)
    assert same_area(after.geometries["RU"], cells.geometries[c])
    assert geodesic_area_km2(after.geometries["RU"]) == pytest.approx(cell_area, rel=1e-6)
    changed = after.changed_places(before)
    assert [(p["place_id"], p["from"], p["to"], p["change"]) for p in changed] == [
        (place_of(cells, c), "UA", "RU", "changed_hands")
    ]
    (piece,) = [p for p in cells.pieces if p.cell == c]
    code = cells.oblasts[piece.oblast].code
    assert after.areas_by_oblast[code]["RU"] == pytest.approx(cell_area, rel=1e-9)
    assert sum(v["RU"] for v in after.areas_by_oblast.values()) == pytest.approx(cell_area)


def test_the_frontline_around_one_captured_cell_is_its_boundary(cells, interior_cell):
    c = interior_cell
    model = ControlModel(cells, [claim(place_of(cells, c), D)], baselines=[all_ua_baseline()])
    snapshot = model.snapshot(D)
    perimeter = GEOD.geometry_length(cells.geometries[c].exterior)
    line = snapshot.frontline
    assert line.geom_type == "MultiLineString"
    assert GEOD.geometry_length(line) == pytest.approx(perimeter, rel=1e-6)


def test_a_withdrawal_returns_the_cell(cells, interior_cell):
    c = interior_cell
    claims = [
        claim(place_of(cells, c), D, "RU", "capture"),
        claim(place_of(cells, c), D + timedelta(days=5), "RU", "withdraw"),
    ]
    model = ControlModel(cells, claims, baselines=[all_ua_baseline()])
    assert model.snapshot(D + timedelta(days=4)).areas_km2["RU"] > 0
    back = model.snapshot(D + timedelta(days=5))
    unchanged = ControlModel(cells, baselines=[all_ua_baseline()]).snapshot(D).areas_km2
    assert back.areas_km2 == pytest.approx(unchanged, rel=1e-12, abs=1e-6)
    assert back.geometries["RU"].is_empty


@pytest.mark.parametrize("days", [2, 7])
def test_contested_area_falls_back_after_the_configured_days(cells, interior_cell, days):
    c = interior_cell
    attack = [claim(place_of(cells, c), D, "RU", "attack")]
    model = ControlModel(cells, attack, contested_days=days, baselines=[all_ua_baseline()])
    cell_area = float(cells.area_km2[c])
    during = model.snapshot(D + timedelta(days=days - 1))
    assert during.areas_km2["contested"] == pytest.approx(cell_area, rel=1e-9)
    assert same_area(during.geometries["contested"], cells.geometries[c])
    assert during.frontline.is_empty  # contested edges are not a line between the sides
    after = model.snapshot(D + timedelta(days=days))
    assert after.areas_km2["contested"] == 0
    assert after.areas_km2["UA"] == pytest.approx(cells.outline_area_km2, rel=1e-5)
    (row,) = after.changed_places(during)
    assert (row["from"], row["to"], row["change"]) == ("contested", "UA", "no_longer_contested")


def test_without_a_baseline_an_expired_contest_is_unknown_again(cells, interior_cell):
    c = interior_cell
    model = ControlModel(cells, [claim(place_of(cells, c), D, "RU", "attack")], contested_days=7)
    after = model.snapshot(D + timedelta(days=7))
    assert after.areas_km2["UA"] == 0 and after.areas_km2["contested"] == 0
    assert after.areas_km2["unknown"] == pytest.approx(cells.outline_area_km2, rel=1e-6)
    (row,) = after.changed_places(model.snapshot(D))
    assert (row["from"], row["to"], row["change"]) == (
        "contested",
        "unknown",
        "no_longer_contested",
    )


def test_a_baseline_with_no_claims_reproduces_itself(cells):
    layer = luhansk_baseline()
    snapshot = ControlModel(cells, baselines=[layer]).snapshot(D)
    baseline_area = geodesic_area_km2(layer.geometry)
    assert snapshot.areas_km2["RU"] == pytest.approx(baseline_area, rel=1e-12)
    assert snapshot.geometries["RU"] is layer.geometry
    assert geodesic_area_km2(snapshot.geometries["RU"]) == baseline_area
    total = snapshot.areas_km2["RU"] + snapshot.areas_km2["UA"]
    assert total == pytest.approx(cells.outline_area_km2, rel=1e-3)
    assert snapshot.areas_by_oblast["UA.14"]["RU"] == pytest.approx(baseline_area, rel=1e-3)
    assert snapshot.areas_by_oblast["UA.14"]["UA"] == pytest.approx(0, abs=1.0)


def test_before_its_date_a_baseline_does_not_apply(cells):
    layer = luhansk_baseline(D)
    model = ControlModel(cells, baselines=[layer])
    assert model.snapshot(D - timedelta(days=1)).areas_km2["RU"] == 0
    assert model.snapshot(D).areas_km2["RU"] > 20_000


def test_the_frontline_of_a_baseline_excludes_the_border(cells):
    layer = luhansk_baseline()
    snapshot = ControlModel(cells, baselines=[layer]).snapshot(D)
    line = snapshot.frontline
    length_km = GEOD.geometry_length(line) / 1000
    border = shapely.intersection(layer.geometry.boundary, cells.outline.boundary.buffer(0.02))
    assert not line.is_empty
    # Luhansk's edge with Kharkiv and Donetsk oblasts (~400 km), not its ~750 km with Russia.
    assert 250 < length_km < 550
    assert shapely.intersection(line, border.buffer(0.001)).length < 0.01 * line.length


def test_claims_after_the_baseline_change_it_cell_by_cell(cells, interior_cell):
    layer = luhansk_baseline()
    inside = next(
        c
        for c in range(len(cells))
        if layer.geometry.contains(cells.geometries[c])
        and cells.geometries[c].distance(cells.outline.boundary) > 0.2
    )
    captured = interior_cell
    claims = [
        claim(place_of(cells, inside), D, "UA", "control", claimant="General Staff"),
        claim(place_of(cells, captured), D, "RU", "capture"),
        claim(place_of(cells, captured), layer.day - timedelta(days=1), "UA", "control"),
    ]
    model = ControlModel(cells, claims, baselines=[layer])
    snapshot = model.snapshot(D)
    expected = geodesic_area_km2(layer.geometry) - cells.area_km2[inside] + cells.area_km2[captured]
    assert snapshot.areas_km2["RU"] == pytest.approx(expected, rel=1e-9)
    assert geodesic_area_km2(snapshot.geometries["RU"]) == pytest.approx(expected, rel=1e-6)
    changes = {
        p["place_id"]: p["to"]
        for p in snapshot.changed_places(model.snapshot(D - timedelta(days=1)))
    }
    assert changes == {place_of(cells, inside): "UA", place_of(cells, captured): "RU"}


def test_counting_claimed_includes_unconfirmed_captures(cells, interior_cell):
    claims = [claim(place_of(cells, interior_cell), D, status="claimed")]
    assert ControlModel(cells, claims).snapshot(D).areas_km2["RU"] == 0
    counted = ControlModel(cells, claims, counting="claimed").snapshot(D)
    assert counted.areas_km2["RU"] == pytest.approx(float(cells.area_km2[interior_cell]))


def test_a_claim_without_a_place_id_falls_in_the_cell_of_its_point(cells, interior_cell):
    lon, lat = cells.points[interior_cell]
    loose = claim("", D, lat=float(lat) + 0.01, lon=float(lon) - 0.01)
    snapshot = ControlModel(cells, [loose]).snapshot(D)
    assert snapshot.areas_km2["RU"] == pytest.approx(float(cells.area_km2[interior_cell]))


def test_a_daily_series_reuses_the_cells(cells, interior_cell):
    model = ControlModel(cells, [claim(place_of(cells, interior_cell), D)])
    series = model.series(D - timedelta(days=2), D + timedelta(days=2))
    assert [s.day for s in series] == [D + timedelta(days=i) for i in range(-2, 3)]
    assert [s.areas_km2["RU"] > 0 for s in series] == [False, False, True, True, True]


def test_geojson_export_is_rfc7946(cells, interior_cell):
    claims = [claim(place_of(cells, interior_cell), D)]
    snapshot = ControlModel(cells, claims, baselines=[all_ua_baseline()]).snapshot(D)
    areas = areas_geojson(snapshot)
    assert "crs" not in areas
    by_side = {f["properties"]["side"]: f for f in areas["features"]}
    assert set(by_side) == {"RU", "UA"}
    ru = by_side["RU"]
    assert ru["properties"]["date"] == D.isoformat()
    assert ru["properties"]["area_km2"] == pytest.approx(
        float(cells.area_km2[interior_cell]), rel=1e-5
    )
    lon, lat = (
        ru["geometry"]["coordinates"][0][0][:2]
        if ru["geometry"]["type"] == "Polygon"
        else ru["geometry"]["coordinates"][0][0][0][:2]
    )
    assert 22 < lon < 41 and 44 < lat < 53  # [lon, lat] order
    ring = shapely.geometry.shape(ru["geometry"])
    assert shapely.is_ccw(shapely.get_exterior_ring(shapely.get_parts(ring)[0]))
    front = frontline_geojson(snapshot)
    (feature,) = front["features"]
    assert feature["geometry"]["type"] == "MultiLineString"
    assert feature["properties"] == {
        "date": D.isoformat(),
        "side": "RU/UA",
        "kind": "frontline",
        "parts": 1,
    }
