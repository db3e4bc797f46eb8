"""`front_line.distance_km` reads the line's points outwards in latitude and stops early: it
must give the very float of the haversine taken to every point."""

from __future__ import annotations

import math
import random

import pytest

from tracker import front_line
from tracker.gazetteer import default_gazetteer
from tracker.geo import haversine_km


def _every_point(lat: float, lon: float) -> float:
    """The plain reading: the least haversine term over every point of the lines."""
    phi, lam = math.radians(lat), math.radians(lon)
    cos_phi = math.cos(phi)
    nearest = min(
        math.sin((phi - phi0) / 2) ** 2 + cos_phi * cos0 * math.sin((lam - lam0) / 2) ** 2
        for phi0, lam0, cos0 in front_line._POINTS
    )
    return 2 * front_line.EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, nearest)))


def _distance(lat: float, lon: float) -> float:
    return front_line.distance_km.__wrapped__(lat, lon)  # (not the remembered value)


def test_the_gazetteer_s_places_are_as_far_as_every_point_says() -> None:
    places = default_gazetteer().places[::7]
    assert len(places) > 2_000
    for place in places:
        assert _distance(place.lat, place.lon) == _every_point(place.lat, place.lon), place


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_points_anywhere_are_as_far_as_every_point_says(seed: int) -> None:
    rng = random.Random(seed)
    points = [(rng.uniform(35, 62), rng.uniform(15, 60)) for _ in range(2_000)]
    # on the line's own points, on their latitudes and between two of them
    points += [(math.degrees(p[0]), math.degrees(p[1])) for p in front_line._POINTS]
    points += [(math.degrees(p[0]), rng.uniform(20, 45)) for p in front_line._POINTS]
    for lat, lon in points:
        assert _distance(lat, lon) == _every_point(lat, lon), (lat, lon)


def test_distances_worked_out_ahead_are_the_walk_s(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(front_line, "_AHEAD", {})
    rng = random.Random(4)
    points = [(p.lat, p.lon) for p in default_gazetteer().places[::5]]
    points += [(rng.uniform(35, 62), rng.uniform(15, 60)) for _ in range(2_000)]
    # on the line's own points, on their latitudes; then several rows of arrays
    points += [(math.degrees(p[0]), math.degrees(p[1])) for p in front_line._POINTS]
    points += [(math.degrees(p[0]), rng.uniform(20, 45)) for p in front_line._POINTS]
    front_line.remember_distances(points)
    assert len(front_line._AHEAD) == len(set(points))
    for (lat, lon), km in front_line._AHEAD.items():
        assert km == _every_point(lat, lon), (lat, lon)


def test_distance_km_gives_what_was_worked_out_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(front_line, "_AHEAD", {(10.0, 20.0): 1.5})
    assert front_line.distance_km.__wrapped__(10.0, 20.0) == 1.5


# Which of several villages of a name is meant: the one nearest this point.
_NEAR = {"Pokrovka": (46.48, 31.69)}


@pytest.mark.parametrize(
    ("name", "admin1", "held"),
    [
        ("Melitopol", "Zaporizhzhia Oblast", True),
        ("Donetsk", "Donetsk Oblast", True),
        ("Sevastopol", "Sevastopol", True),
        ("Sumy", "Sumy Oblast", False),
        ("Zaporizhzhia", "Zaporizhzhia Oblast", False),
        ("Odesa", "Odesa Oblast", False),
        ("Kramatorsk", "Donetsk Oblast", False),
        ("Kherson", "Kherson Oblast", None),  # on the Dnipro, the line itself
        # the banks of the former Kakhovka reservoir, a few km from the river's bed
        ("Nikopol", "Dnipropetrovsk Oblast", False),
        ("Marhanets", "Dnipropetrovsk Oblast", False),
        ("Kamianka-Dniprovska", "Zaporizhzhia Oblast", True),
        ("Enerhodar", "Zaporizhzhia Oblast", True),
        ("Hornostaivka", "Kherson Oblast", True),
        ("Beryslav", "Kherson Oblast", False),
        ("Oleshky", "Kherson Oblast", True),  # the left bank below Kherson
        ("Alupka", "Crimea", True),  # the south coast of Crimea
        ("Pokrovka", "Mykolaiv Oblast", True),  # the Kinburn spit
        ("Ochakiv", "Mykolaiv Oblast", False),  # across the strait from it
    ],
)
def test_which_side_of_the_line_holds_a_town(name, admin1, held):
    named = [p for p in default_gazetteer().places if p.name == name and p.admin1 == admin1]
    if name in _NEAR:
        place = min(named, key=lambda p: haversine_km(p.point, _NEAR[name]))
        assert haversine_km(place.point, _NEAR[name]) < 5, place
    else:
        place = max(named, key=lambda p: p.population)
    assert front_line.held_by_russia(place) is held
