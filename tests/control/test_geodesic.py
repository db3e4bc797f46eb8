"""Geodesic areas: checked against an analytic WGS 84 formula and the country's known size."""

from __future__ import annotations

import json
import math
from datetime import date

import numpy as np
import pytest
from shapely.geometry import Polygon, mapping

from tracker.control import geodesic_area_km2, parse_baseline, ukraine_outline
from tracker.control.geo import oblasts, to_geojson_geometry
from tracker.control.service import layers_from_store
from tracker.store import Store

A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
E = math.sqrt(E2)
B = A * (1 - F)


def _q(lat_deg: float) -> float:
    s = math.sin(math.radians(lat_deg))
    return s / (1 - E2 * s * s) + math.log((1 + E * s) / (1 - E * s)) / (2 * E)


def authalic_box_km2(lon0: float, lat0: float, lon1: float, lat1: float) -> float:
    """Exact area of a box bounded by meridians and parallels on the WGS 84 ellipsoid."""
    return math.radians(lon1 - lon0) * B * B / 2 * (_q(lat1) - _q(lat0)) / 1e6


def box_along_parallels(lon0, lat0, lon1, lat1, n: int = 2000) -> Polygon:
    """A box whose north and south edges follow the parallels (densified)."""
    lons = np.linspace(lon0, lon1, n)
    ring = [(x, lat0) for x in lons] + [(x, lat1) for x in lons[::-1]]
    return Polygon(ring)


@pytest.mark.parametrize(
    "box",
    [(30.0, 48.0, 31.0, 49.0), (22.0, 44.0, 40.0, 52.5), (36.0, 47.5, 36.2, 47.6)],
)
def test_geodesic_area_matches_the_authalic_formula(box):
    expected = authalic_box_km2(*box)
    measured = geodesic_area_km2(box_along_parallels(*box))
    assert measured == pytest.approx(expected, rel=1e-3)


def test_holes_are_subtracted():
    outer = box_along_parallels(30.0, 48.0, 32.0, 50.0)
    hole = box_along_parallels(30.5, 48.5, 31.0, 49.0)
    with_hole = Polygon(outer.exterior.coords, [hole.exterior.coords])
    expected = authalic_box_km2(30.0, 48.0, 32.0, 50.0) - authalic_box_km2(30.5, 48.5, 31.0, 49.0)
    assert geodesic_area_km2(with_hole) == pytest.approx(expected, rel=1e-3)


def test_ukraine_outline_is_within_one_percent_of_603628_km2():
    assert geodesic_area_km2(ukraine_outline()) == pytest.approx(603_628, rel=0.01)


def test_oblasts_tile_the_outline():
    total = sum(geodesic_area_km2(o.geometry) for o in oblasts())
    assert len(oblasts()) == 27  # 24 oblasts, Crimea, Kyiv and Sevastopol cities; no Donbas
    assert total == pytest.approx(geodesic_area_km2(ukraine_outline()), rel=0.005)


def deepstate_like(geometry) -> str:
    """The DeepStateMap archive shape: legacy crs member, empty properties, one MultiPolygon."""
    return json.dumps(
        {
            "type": "FeatureCollection",
            "name": "occupied",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
            "features": [{"type": "Feature", "properties": {}, "geometry": mapping(geometry)}],
        }
    )


def occupied_like():
    """A MultiPolygon built from the shipped oblasts (Crimea, Sevastopol, Luhansk)."""
    from shapely.geometry import MultiPolygon

    from tracker.control.geo import polygons_of

    keep = {"UA.11", "UA.20", "UA.14"}
    parts = [p for o in oblasts() if o.code in keep for p in polygons_of(o.geometry)]
    import shapely

    return MultiPolygon(polygons_of(shapely.union_all(parts)))


def test_baseline_import_and_export_keep_the_area(tmp_path, db_url):
    from tracker.control.service import import_baseline

    geometry = occupied_like()
    area = geodesic_area_km2(geometry)
    path = tmp_path / "occupied.geojson"
    path.write_text(deepstate_like(geometry))
    with Store(db_url) as store:
        record, imported_area = import_baseline(store, path, day=date(2025, 1, 1), side="RU")
        (layer,) = layers_from_store(store)
    assert record.side == "RU" and layer.day == date(2025, 1, 1)
    assert imported_area == pytest.approx(area, rel=1e-4)
    assert geodesic_area_km2(layer.geometry) == pytest.approx(area, rel=1e-4)
    exported = to_geojson_geometry(layer.geometry)  # rounded to 1e-7°, counter-clockwise
    reparsed = parse_baseline(json.dumps(exported))
    assert geodesic_area_km2(reparsed) == pytest.approx(area, rel=1e-4)
    assert 40_000 < area < 60_000  # Crimea + Sevastopol + Luhansk ≈ 27,100 + 26,300
