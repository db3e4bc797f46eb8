"""Distances on the Earth's surface (great circle, in km)."""

from __future__ import annotations

import math
from bisect import bisect_left

EARTH_RADIUS_KM = 6371.0088


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


# A point whose latitude term alone exceeds the least haversine term found so far by this
# factor cannot be nearer, nor can any point farther in latitude (sin² grows with |Δlat| up
# to π; the factor covers the last bits of the computed sine).
_BEYOND = 1.000000001


def least_haversine_term(
    phi: float,
    lam: float,
    cos_phi: float,
    points: list[tuple[float, float, float]] | tuple[tuple[float, float, float], ...],
    lats: list[float],
) -> float:
    """The least haversine term from (phi, lam) (radians; cos_phi its latitude's cosine) to
    `points` ((lat, lon, cos lat) in radians, in order of latitude; `lats` their latitudes):
    the points are read outwards from phi's latitude and the walk stops at the first whose
    latitude term alone already exceeds the least found (the term is the latitude term plus a
    non-negative one). Each term is the float a scan of every point computes; only terms that
    cannot be the least are skipped. inf when there are no points."""
    sin = math.sin
    above = bisect_left(lats, phi)
    below = above - 1
    count = len(points)
    least = math.inf
    while above < count or below >= 0:
        if below < 0 or (above < count and lats[above] - phi <= phi - lats[below]):
            phi0, lam0, cos0 = points[above]
            above += 1
        else:
            phi0, lam0, cos0 = points[below]
            below -= 1
        north = sin((phi - phi0) / 2) ** 2
        if north > least * _BEYOND:
            break
        if north < least:
            term = north + cos_phi * cos0 * sin((lam - lam0) / 2) ** 2
            if term < least:
                least = term
    return least
