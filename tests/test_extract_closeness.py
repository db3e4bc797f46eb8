"""`closeness_to` reads the context points outwards in latitude and stops early: it must give
the very floats of the haversine taken to every point (the nearest's exp(-d / scale))."""

from __future__ import annotations

import math
import random
from types import SimpleNamespace

import pytest

from tracker.extract.closeness import closeness_to


def _every_point(base, points, two_r_over_scale):
    """The plain reading: the haversine term to every point, the least one's closeness."""
    values = []
    for _, candidate in base:
        lat, lon = math.radians(candidate.place.lat), math.radians(candidate.place.lon)
        cos_lat = math.cos(lat)
        least = min(
            math.sin((lat - math.radians(p_lat)) / 2) ** 2
            + math.cos(math.radians(p_lat))
            * cos_lat
            * math.sin((lon - math.radians(p_lon)) / 2) ** 2
            for p_lat, p_lon in points
        )
        values.append(math.exp(-two_r_over_scale * math.asin(math.sqrt(min(1.0, least)))))
    return values


def _base(coordinates):
    return [(0.0, SimpleNamespace(place=SimpleNamespace(lat=a, lon=b))) for a, b in coordinates]


@pytest.mark.parametrize("seed", range(6))
def test_the_same_floats_as_every_point_read(seed: int):
    rng = random.Random(seed)
    for _ in range(200):
        spread = rng.choice((0.01, 0.5, 5.0, 60.0))  # tight clusters to half the globe
        middle = (rng.uniform(-60, 60), rng.uniform(-170, 170))

        def near(middle=middle, spread=spread):
            return (
                max(-90.0, min(90.0, middle[0] + rng.uniform(-spread, spread))),
                middle[1] + rng.uniform(-spread, spread),
            )

        points = tuple(near() for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.3:  # points on one latitude, and a candidate on a point
            points = tuple((points[0][0], lon) for _, lon in points)
        base = _base([near() for _ in range(rng.randint(1, 10))] + [points[-1]])
        scale = rng.uniform(0.05, 0.5)
        assert closeness_to(base, points, scale) == _every_point(base, points, scale)
        # (the resolver gives the points as a set: in no order)
        assert closeness_to(base, frozenset(points), scale) == _every_point(base, points, scale)


def test_a_candidate_on_a_point_is_at_closeness_one_and_order_does_not_matter():
    points = ((48.0, 37.5), (47.9, 37.6), (48.5, 35.0), (46.0, 38.0))
    base = _base([(47.9, 37.6), (48.3, 36.0)])
    values = closeness_to(base, points, 0.1)
    assert values[0] == 1.0
    assert values == closeness_to(base, tuple(reversed(points)), 0.1)
    assert 0.0 < values[1] < 1.0


def test_no_point_is_an_error_only_when_there_is_a_candidate():
    assert closeness_to([], (), 0.1) == []
    with pytest.raises(ValueError):
        closeness_to(_base([(48.0, 37.0)]), (), 0.1)


def test_points_seen_before_give_the_same_floats():
    """A point's trigonometry is remembered across calls (a report's places recur as the
    context of every homonym near them): a remembered point reads as a new one."""
    rng = random.Random(7)
    seen = [(rng.uniform(44, 52), rng.uniform(30, 40)) for _ in range(40)]
    for _ in range(100):
        # (-0.0 and 0.0 share a key: their terms are the same floats)
        points = frozenset([*rng.sample(seen, rng.randint(1, 25)), (rng.choice((-0.0, 0.0)), 0.0)])
        base = _base([(rng.uniform(44, 52), rng.uniform(30, 40)) for _ in range(6)])
        assert closeness_to(base, points, 0.2) == _every_point(base, points, 0.2)
