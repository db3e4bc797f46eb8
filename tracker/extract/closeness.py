"""Closeness of each candidate place to a few points of context: exp(-distance / scale) to
the nearest point, with the haversine inlined (this runs for every homonym of every report)."""

from __future__ import annotations

import math
from collections.abc import Collection

from tracker.gazetteer import Candidate
from tracker.geo import least_haversine_term

_TRIGONOMETRY: dict[int, tuple[list, list[tuple[float, float, float]]]] = {}


def closeness_to(
    base: list[tuple[float, Candidate]],
    points: Collection[tuple[float, float]],
    two_r_over_scale: float,
) -> list[float]:
    """exp(-distance / scale) from each candidate to the nearest of the points (haversine,
    inlined: this runs for every homonym of every report)."""
    exp, asin, sqrt = math.exp, math.asin, math.sqrt
    if not points:
        if base:
            raise ValueError("closeness to no point")
        return []
    # The points in order of latitude, read outwards from each candidate's (`geo`'s walk).
    # The nearest point has the least haversine term: asin, sqrt and min(1, x) only grow,
    # so they are taken once, of the least term (the same float as taking them per point).
    known = _ANCHORS
    anchors = sorted([known.get(point) or _anchor(point) for point in points])
    lats = [anchor[0] for anchor in anchors]
    least = [
        least_haversine_term(lat, lon, cos_lat, anchors, lats)
        for lat, lon, cos_lat in _trigonometry(base)
    ]
    closeness = [exp(-two_r_over_scale * asin(sqrt(min(1.0, term)))) for term in least]
    return closeness


def clear_trigonometry() -> None:
    _TRIGONOMETRY.clear()


# (lat, lon in radians, cos lat) of each context point, by (lat, lon) in degrees: a report's
# places are the context of every homonym near them, point sets differ, the points recur
_ANCHORS: dict[tuple[float, float], tuple[float, float, float]] = {}


def _anchor(point: tuple[float, float]) -> tuple[float, float, float]:
    lat, lon = point
    anchor = (math.radians(lat), math.radians(lon), math.cos(math.radians(lat)))
    if len(_ANCHORS) > 100_000:
        _ANCHORS.clear()
    _ANCHORS[point] = anchor
    return anchor


def _trigonometry(base: list[tuple[float, Candidate]]) -> list[tuple[float, float, float]]:
    """(lat, lon in radians, cos lat) of each scored candidate, remembered per scored list."""
    known = _TRIGONOMETRY.get(id(base))
    if known is not None and known[0] is base:
        return known[1]
    values = []
    for _, candidate in base:
        lat = math.radians(candidate.place.lat)
        values.append((lat, math.radians(candidate.place.lon), math.cos(lat)))
    if len(_TRIGONOMETRY) > 100_000:
        _TRIGONOMETRY.clear()
    _TRIGONOMETRY[id(base)] = (base, values)
    return values
