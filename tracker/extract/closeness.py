"""Closeness of each candidate place to a few points of context: exp(-distance / scale) to
the nearest point, with the haversine inlined (this runs for every homonym of every report)."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Collection

from tracker.gazetteer import Candidate

_TRIGONOMETRY: dict[int, tuple[list, list[tuple[float, float, float]]]] = {}

# A point whose latitude term alone exceeds the least haversine term found so far by this
# factor cannot be nearer, nor can any point farther in latitude (sin² grows with |Δlat| up
# to π; the factor covers the last bits of the computed sine).
_BEYOND = 1.000000001


def closeness_to(
    base: list[tuple[float, Candidate]],
    points: Collection[tuple[float, float]],
    two_r_over_scale: float,
) -> list[float]:
    """exp(-distance / scale) from each candidate to the nearest of the points (haversine,
    inlined: this runs for every homonym of every report)."""
    sin, exp, asin, sqrt = math.sin, math.exp, math.asin, math.sqrt
    if not points:
        if base:
            raise ValueError("closeness to no point")
        return []
    # The points in order of latitude: from each candidate they are read outwards, nearest
    # latitude first, and the walk stops at the first point whose latitude term alone
    # already exceeds the least term found (the haversine term is the latitude term plus a
    # non-negative one). The nearest point has the least haversine term: asin, sqrt and
    # min(1, x) only grow, so they are taken once, of the least term (the same float as
    # taking them for each point). Each term is the same float as before, computed by the
    # same operations; only terms that cannot be the least are skipped.
    known = _ANCHORS
    anchors = sorted([known.get(point) or _anchor(point) for point in points])
    lats = [anchor[0] for anchor in anchors]
    count = len(anchors)
    least = []
    for lat, lon, cos_lat in _trigonometry(base):
        above = bisect_left(lats, lat)
        below = above - 1
        best = math.inf
        while above < count or below >= 0:
            if below < 0 or (above < count and lats[above] - lat <= lat - lats[below]):
                lat0, lon0, cos0 = anchors[above]
                above += 1
            else:
                lat0, lon0, cos0 = anchors[below]
                below -= 1
            north = sin((lat - lat0) / 2) ** 2
            if north > best * _BEYOND:
                break
            if north < best:
                term = north + cos0 * cos_lat * sin((lon - lon0) / 2) ** 2
                if term < best:
                    best = term
        least.append(best)
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
