"""Closeness of each candidate place to a few points of context: exp(-distance / scale) to
the nearest point, with the haversine inlined (this runs for every homonym of every report)."""

from __future__ import annotations

import math

from tracker.gazetteer import Candidate

_TRIGONOMETRY: dict[int, tuple[list, list[tuple[float, float, float]]]] = {}


def closeness_to(
    base: list[tuple[float, Candidate]],
    points: tuple[tuple[float, float], ...],
    two_r_over_scale: float,
) -> list[float]:
    """exp(-distance / scale) from each candidate to the nearest of the points (haversine,
    inlined: this runs for every homonym of every report)."""
    sin, exp, asin, sqrt, radians, cos = (
        math.sin,
        math.exp,
        math.asin,
        math.sqrt,
        math.radians,
        math.cos,
    )
    anchors = [(radians(lat), radians(lon), cos(radians(lat))) for lat, lon in points]
    # The nearest point has the least haversine term: asin, sqrt and min(1, x) only grow, so
    # they are taken once, of the least term (the same float as taking them for each point).
    least = [
        min(
            [
                sin((lat - lat0) / 2) ** 2 + cos0 * cos_lat * sin((lon - lon0) / 2) ** 2
                for lat0, lon0, cos0 in anchors
            ]
        )
        for lat, lon, cos_lat in _trigonometry(base)
    ]
    closeness = [exp(-two_r_over_scale * asin(sqrt(min(1.0, term)))) for term in least]
    return closeness


def clear_trigonometry() -> None:
    _TRIGONOMETRY.clear()


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
