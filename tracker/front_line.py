"""Where the fighting is, as a prior for homonyms: points along the line of contact and the
Russian border areas that see fighting, as public reporting described them in late 2025.

Real reports name the villages where the fighting is. Among settlements of the same name and
the same standing, the one near this line is what a report most likely means (Myrne west of
Kupiansk, not the Myrne 140 km away in the same oblast). The prior is small: a region, a cue,
the report's other places or the front of an analyst's own claims (`tracker.extract.front`)
outweigh it. Drawn by hand, about 10 km accurate; update it as the front moves.
"""

from __future__ import annotations

import math

AS_OF = "2025-11"

# (lat, lon), north to south: the Kursk and Belgorod borders, Kharkiv Oblast, the Oskil, Lyman,
# Siversk, Chasiv Yar, Kostiantynivka, Pokrovsk and Dobropillia, the Dnipropetrovsk and
# Zaporizhzhia borders, Huliaipole, Orikhiv, Stepnohirsk, the Dnipro to Kherson and its delta;
# then the 2024 line it moved from.
LINE_OF_CONTACT: tuple[tuple[float, float], ...] = (
    (51.27, 34.32),
    (51.20, 35.01),
    (51.19, 35.27),
    (51.13, 34.82),
    (50.48, 35.68),
    (50.42, 35.48),
    (50.41, 36.89),
    (50.29, 36.94),
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
    (48.51, 37.28),
    (48.45, 37.35),
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
    # the 2024 line south and east of Pokrovsk, which reporting of that year names: Ocheretyne,
    # Avdiivka, Krasnohorivka, Kurakhove, Vuhledar
    (48.27, 37.60),
    (48.14, 37.75),
    (48.00, 37.50),
    (47.98, 37.28),
    (47.78, 37.25),
)
WEIGHT = 0.1
SCALE_KM = 40.0
_EARTH_RADIUS_KM = 6371.0088
_RADIANS = tuple((math.radians(lat), math.radians(lon)) for lat, lon in LINE_OF_CONTACT)


def closeness(lat: float, lon: float) -> float:
    """WEIGHT * exp(-distance to the nearest point of the line / SCALE_KM)."""
    phi, lam = math.radians(lat), math.radians(lon)
    cos_phi = math.cos(phi)
    nearest = min(
        math.sin((phi - phi0) / 2) ** 2 + cos_phi * math.cos(phi0) * math.sin((lam - lam0) / 2) ** 2
        for phi0, lam0 in _RADIANS
    )
    distance = 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, nearest)))
    return WEIGHT * math.exp(-distance / SCALE_KM)
