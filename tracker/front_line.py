"""Where the fighting is, as a prior for homonyms: the line of contact, the Russian border
areas that see fighting, and the 2024 line south of Pokrovsk, as public reporting described
them in late 2025.

Real reports name the villages where the fighting is. Among settlements of the same name and
the same standing, the one near these lines is what a report most likely means (Myrne west of
Kupiansk, not the Myrne 140 km away in the same oblast). The prior is small: a region, a cue,
the report's other places or the front of an analyst's own claims (`tracker.extract.front`)
outweigh it. Drawn by hand through towns and villages the reporting names, within some 10 km
of the line; update it as the front moves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

import numpy as np

from tracker.geo import EARTH_RADIUS_KM, haversine_km, least_haversine_term
from tracker.model import Place, PlaceKind

AS_OF = "2025-11"

# Polylines of (lat, lon), each in order along the line.
LINES: tuple[tuple[tuple[float, float], ...], ...] = (
    # the Kursk and Belgorod borders: Tyotkino, Yunakivka, Sudzha; Hrabovske, Velyka
    # Pysarivka, Shebekino, Vovchansk
    ((51.27, 34.32), (51.13, 34.82), (51.20, 35.01), (51.19, 35.27)),
    ((50.48, 35.68), (50.42, 35.48)),
    ((50.41, 36.89), (50.29, 36.94)),
    # Vovchansk to the Dnipro delta: the border to Dvorichna, Kupiansk and the Oskil, Borova,
    # Lyman, Siversk, Chasiv Yar, Kostiantynivka, Toretsk, the Dobropillia salient, Pokrovsk,
    # Udachne, Novopavlivka, the Dnipropetrovsk border, Huliaipole, Orikhiv, Stepnohirsk, the
    # Dnipro to Kherson
    (
        (50.29, 36.94),
        (50.22, 37.30),
        (49.85, 37.68),
        (49.71, 37.61),
        (49.38, 37.62),
        (49.33, 37.95),
        (49.20, 37.85),
        (49.05, 38.22),
        (48.99, 37.81),
        (48.87, 38.10),
        (48.59, 37.84),
        (48.53, 37.71),
        (48.45, 37.55),
        (48.40, 37.80),
        (48.45, 37.35),
        (48.51, 37.28),
        (48.35, 37.20),
        (48.28, 37.18),
        (48.33, 37.08),
        (48.24, 36.98),
        (48.14, 36.79),
        (48.10, 36.64),
        (47.97, 36.46),
        (47.92, 36.62),
        (47.98, 36.24),
        (47.90, 36.19),
        (47.78, 36.42),
        (47.67, 36.26),
        (47.57, 35.79),
        (47.45, 35.84),
        (47.59, 35.36),
        (47.50, 34.66),
        (47.15, 33.90),
        (46.81, 33.49),
        (46.62, 32.71),
        (46.64, 32.61),
        (46.52, 32.52),
        (46.55, 31.90),
    ),
    # the 2024 line: Ocheretyne, Avdiivka, Krasnohorivka, Kurakhove, Vuhledar
    ((48.27, 37.60), (48.14, 37.75), (48.00, 37.50), (47.98, 37.28), (47.78, 37.25)),
)
WEIGHT = 0.1
SCALE_KM = 40.0
STEP_KM = 10.0  # the lines are sampled this finely


def _sampled(lines) -> tuple[tuple[float, float, float], ...]:
    """(lat, lon in radians, cos lat) of points every STEP_KM or less along the lines."""
    points: list[tuple[float, float]] = []
    for line in lines:
        points.append(line[0])
        for a, b in pairwise(line):
            steps = max(1, math.ceil(haversine_km(a, b) / STEP_KM))
            points.extend(
                (a[0] + (b[0] - a[0]) * k / steps, a[1] + (b[1] - a[1]) * k / steps)
                for k in range(1, steps + 1)
            )
    return tuple(
        (math.radians(lat), math.radians(lon), math.cos(math.radians(lat))) for lat, lon in points
    )


# In order of latitude: `distance_km` reads them outwards from a place's latitude.
_POINTS = tuple(sorted(_sampled(LINES)))
_LATITUDES = [point[0] for point in _POINTS]


# Distances worked out ahead for many points at once (`remember_distances`): a batch's
# forkserver fills it for the gazetteer's settlements, so its workers inherit them instead of
# each walking the lines again for every place it meets.
_AHEAD: dict[tuple[float, float], float] = {}


@lru_cache(maxsize=200_000)
def distance_km(lat: float, lon: float) -> float:
    """How far a point lies from the lines (a place far from the front in longitude reads
    every point; most places read a few)."""
    ahead = _AHEAD.get((lat, lon))
    if ahead is not None:
        return ahead
    phi = math.radians(lat)
    term = least_haversine_term(phi, math.radians(lon), math.cos(phi), _POINTS, _LATITUDES)
    return _km(term)


def _km(term: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, term)))


# numpy's sines may differ from `math.sin` in the last bits: a line point whose term numpy
# puts within this factor of the least may be the nearest, and is taken again as the walk
# takes it.
_NEAR_LEAST = 1 + 1e-9
_ROWS = 2048  # points worked out per array (a few MB)


def remember_distances(points: Iterable[tuple[float, float]]) -> None:
    """Work out the distances of many (lat, lon) points at once, each the very float
    `distance_km` gives: numpy's terms to every line point only pick out the line points that
    may be the nearest; their terms are then taken by the same operations as the walk's."""
    todo = [
        point
        for point in dict.fromkeys(points)
        if point not in _AHEAD and math.isfinite(point[0]) and math.isfinite(point[1])
    ]
    lats, lons, coss = (np.array(column) for column in zip(*_POINTS, strict=True))
    for start in range(0, len(todo), _ROWS):
        rows = todo[start : start + _ROWS]
        phis = [math.radians(lat) for lat, _ in rows]
        lams = [math.radians(lon) for _, lon in rows]
        cos_phis = [math.cos(phi) for phi in phis]
        phi, lam, cos_phi = (np.array(column)[:, None] for column in (phis, lams, cos_phis))
        terms = np.sin((phi - lats) / 2) ** 2 + cos_phi * coss * np.sin((lam - lons) / 2) ** 2
        near = terms <= terms.min(axis=1, keepdims=True) * _NEAR_LEAST
        least = [math.inf] * len(rows)
        for row, index in zip(*(part.tolist() for part in np.nonzero(near)), strict=True):
            phi0, lam0, cos0 = _POINTS[index]
            term = (
                math.sin((phis[row] - phi0) / 2) ** 2
                + cos_phis[row] * cos0 * math.sin((lams[row] - lam0) / 2) ** 2
            )
            if term < least[row]:
                least[row] = term
        _AHEAD.update(zip(rows, map(_km, least), strict=True))


def closeness(lat: float, lon: float) -> float:
    """WEIGHT * exp(-distance to the lines / SCALE_KM)."""
    return WEIGHT * math.exp(-distance_km(lat, lon) / SCALE_KM)


def prior(place: Place) -> float:
    """What closeness to the lines adds to a settlement's rank (nothing to a region's)."""
    return closeness(place.lat, place.lon) if place.kind == PlaceKind.SETTLEMENT else 0.0


# The ground Russia holds: the line of contact (LINES[3] from the Russian border by Vovchansk
# to Vasylivka, then the Dnipro) closed around the east by the sea off Crimea, the Azov coast
# and the Russian border (Russia itself falls inside too: only places of Ukraine are asked
# about). Below Vasylivka the line is the river, which has not moved since November 2022: drawn
# along the bed of the former Kakhovka reservoir between its banks (Nikopol and
# Kamianka-Dniprovska, Kachkarivka and Tykhyi Lyman) and down past Kherson. (Which side a place
# is on reads this line; closeness to the front reads LINES' coarser one.)
_RIVER = (
    (47.59, 35.36),
    (47.55, 35.10),
    (47.56, 34.80),
    (47.535, 34.55),
    (47.53, 34.40),
    (47.49, 34.20),
    (47.42, 34.03),
    (47.31, 34.03),
    (47.22, 33.98),
    (47.10, 33.84),
    (47.02, 33.68),
    (46.95, 33.66),
    (46.86, 33.60),
    (46.78, 33.38),  # the dam at Nova Kakhovka
    (46.77, 33.20),
    (46.74, 33.05),
    (46.69, 32.88),
    (46.64, 32.61),  # Kherson
    (46.52, 32.52),
    (46.55, 31.90),
)
_RIVER_FROM = LINES[3].index(_RIVER[0])
_HELD_BY_RUSSIA = (
    LINES[3][:_RIVER_FROM]
    + _RIVER
    + (
        (46.565, 31.56),  # (the Kinburn spit, not Ochakiv across the strait)
        (46.30, 31.50),
        (45.30, 32.30),
        (44.30, 33.30),
        (44.20, 34.50),  # (off the south coast: Alupka, Foros)
        (44.70, 35.80),
        (44.90, 36.60),  # (off the Kerch peninsula)
        (45.40, 36.80),
        (46.80, 38.20),
        (47.30, 39.80),
        (48.20, 40.00),
        (49.00, 40.30),
        (49.60, 40.20),
        (50.10, 39.30),
        (50.30, 38.00),
    )
)
# Places this near the line are not told apart (nearer the river: its banks are not moving).
SIDE_MARGIN_KM = 15.0
RIVER_MARGIN_KM = 3.0


def held_by_russia(place: Place) -> bool | None:
    """Whether a settlement of Ukraine lies on the Russian-held side of the line of contact
    as drawn here (True), the Ukrainian-held side (False), or too near the line to say
    (None). Places abroad: None."""
    if place.country != "UA":
        return None
    lat, lon = place.point
    land_km, river_km = _contact_km(lat, lon)
    if land_km < SIDE_MARGIN_KM or river_km < RIVER_MARGIN_KM:
        return None
    inside = False
    for (lat_a, lon_a), (lat_b, lon_b) in pairwise(_HELD_BY_RUSSIA + _HELD_BY_RUSSIA[:1]):
        if (lat_a > lat) != (lat_b > lat):
            crossing = lon_a + (lat - lat_a) * (lon_b - lon_a) / (lat_b - lat_a)
            if crossing > lon:
                inside = not inside
    return inside


# (in order of latitude, as `_POINTS`): the line on land, and along the river
_CONTACT_PARTS = tuple(
    (points, [point[0] for point in points])
    for points in (
        tuple(sorted(_sampled((LINES[3][: _RIVER_FROM + 1],)))),
        tuple(sorted(_sampled((_RIVER,)))),
    )
)


@lru_cache(maxsize=100_000)
def _contact_km(lat: float, lon: float) -> tuple[float, float]:
    """How far a point lies from the line of contact itself (not the older or border lines):
    from its part on land and from its part along the Dnipro."""
    phi = math.radians(lat)
    land, river = (
        _km(least_haversine_term(phi, math.radians(lon), math.cos(phi), points, latitudes))
        for points, latitudes in _CONTACT_PARTS
    )
    return land, river
