"""Where a relative cue puts a place: "12 km northeast of Pokrovsk", "південніше Гуляйполя",
"près de Koupiansk". For a place the gazetteer lacks, the cue gives an approximate location
(never the anchor's own point as if it were the place)."""

from __future__ import annotations

import math
import re

from tracker.gazetteer import EARTH_RADIUS_KM, haversine_km

# Compass words in the five languages, by the bearing they name (degrees from north); the
# sixteen-point ones first ("north-northwest" is 337.5, not the northwest its end spells).
_COMPASS = (
    (337.5, r"north-?north-?west|nord-nord-ouest|nordnordwest\w*|северо-северо-запад\w*"),
    (22.5, r"north-?north-?east|nord-nord-est|nordnordöst\w*|северо-северо-восток\w*"),
    (67.5, r"east-?north-?east|est-nord-est|ostnordöst\w*|востоко-северо-восток\w*"),
    (112.5, r"east-?south-?east|est-sud-est|ostsüdöst\w*|востоко-юго-восток\w*"),
    (157.5, r"south-?south-?east|sud-sud-est|südsüdöst\w*|юго-юго-восток\w*"),
    (202.5, r"south-?south-?west|sud-sud-ouest|südsüdwest\w*|юго-юго-запад\w*"),
    (247.5, r"west-?south-?west|ouest-sud-ouest|westsüdwest\w*|западо-юго-запад\w*"),
    (292.5, r"west-?north-?west|ouest-nord-ouest|westnordwest\w*|западо-северо-запад\w*"),
    (
        45.0,
        r"north-?east|nord-est|nordöstlich|північно-східн\w*|на\s+північн(?:ий|ому)\s+сх(?:ід|оді)|"
        r"северо-восточн\w*|(?:на\s+|к\s+)?северо-восток\w*",
    ),
    (
        315.0,
        r"north-?west|nord-ouest|nordwestlich|північно-західн\w*|на\s+північн(?:ий|ому)\s+зах(?:ід|оді)|"
        r"северо-западн\w*|(?:на\s+|к\s+)?северо-запад\w*",
    ),
    (
        135.0,
        r"south-?east|sud-est|südöstlich|південно-східн\w*|на\s+південн(?:ий|ому)\s+сх(?:ід|оді)|"
        r"юго-восточн\w*|(?:на\s+|к\s+)?юго-восток\w*",
    ),
    (
        225.0,
        r"south-?west|sud-ouest|südwestlich|південно-західн\w*|на\s+південн(?:ий|ому)\s+зах(?:ід|оді)|"
        r"юго-западн\w*|(?:на\s+|к\s+)?юго-запад\w*",
    ),
    (0.0, r"north|nord|nördlich|північн\w*|на\s+півночі|на\s+північ|северн\w*|севернее|к\s+северу"),
    (180.0, r"south|sud|südlich|південн\w*|на\s+півдні|на\s+південь|южн\w*|южнее|к\s+югу"),
    (90.0, r"east|est|östlich|східн\w*|на\s+сході|на\s+схід|восточн\w*|восточнее|к\s+востоку"),
    (270.0, r"west|ouest|westlich|західн\w*|на\s+заході|на\s+захід|западн\w*|западнее|к\s+западу"),
)
_BEARINGS = [
    (bearing, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE))
    for bearing, words in _COMPASS
]
# French "est" is also "is": only "à l'est", "au nord-est" ... name the east.
_FRENCH_EAST = re.compile(r"(?:à\s+l['’]|au\s+|l['’])\s*$", re.IGNORECASE)
_DISTANCE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:(km|kilomet\w*|kilomèt\w*|км|кілометр\w*|километр\w*)|miles?)",
    re.I,
)
_KM_PER_MILE = 1.609
# "une cinquantaine de kilomètres", "a dozen kilometres"
_ABOUT_NUMBERS = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "dozen": 12,
}
_ABOUT_KM = re.compile(
    rf"(?<!\w)({'|'.join(_ABOUT_NUMBERS)})\s+(?:de\s+|of\s+)?(?:km|kilom)", re.IGNORECASE
)

# Without a distance, a village located by a town usually lies within this of it.
DEFAULT_KM = 8.0
DEFAULT_RADIUS_KM = 10.0
NEAR_RADIUS_KM = 12.0


def bearing(cue: str) -> float | None:
    """The bearing a cue names (the compass word nearest its end: the one just before the
    anchor), or None ("near X")."""
    found = [
        (match.end(), -match.start(), degrees)
        for degrees, pattern in _BEARINGS
        for match in pattern.finditer(cue)
        if match.group().lower() != "est" or _FRENCH_EAST.search(cue, 0, match.start())
    ]
    return max(found)[2] if found else None  # the last, and of those the longest


def distance_km(cue: str) -> float | None:
    match = _DISTANCE.search(cue)
    if match is None:
        about = _ABOUT_KM.search(cue)
        return float(_ABOUT_NUMBERS[about.group(1).lower()]) if about else None
    number = float(match.group(1).replace(",", "."))
    return number if match.group(2) else round(number * _KM_PER_MILE, 1)  # "5 miles south of"


def ring_km(cue: str) -> float | None:
    """The distance of a cue without a compass word ("за 40 км від X"): a ring around X."""
    return distance_km(cue) if bearing(cue) is None else None


def located(anchor: tuple[float, float], cue: str) -> tuple[float, float, float]:
    """(lat, lon, radius_km) of a place the cue locates relative to `anchor`."""
    degrees = bearing(cue)
    if degrees is None:
        return anchor[0], anchor[1], NEAR_RADIUS_KM
    km = distance_km(cue)
    radius = round(max(3.0, km * 0.3), 1) if km is not None else DEFAULT_RADIUS_KM
    lat, lon = offset(anchor, degrees, km if km is not None else DEFAULT_KM)
    return lat, lon, radius


def wrong_side(anchor: tuple[float, float], cue_degrees: float, point: tuple[float, float]) -> bool:
    """Whether `point` lies on the other side of `anchor` than the cue's bearing says (more
    than a right angle off it), a few km out at least (a village by the town is on every
    side of it)."""
    if haversine_km(anchor, point) < _SIDE_MIN_KM:
        return False
    off = abs((initial_bearing(anchor, point) - cue_degrees + 180.0) % 360.0 - 180.0)
    return off > 90.0


_SIDE_MIN_KM = 5.0


def initial_bearing(start: tuple[float, float], end: tuple[float, float]) -> float:
    """The bearing (degrees from north) at `start` of the great circle to `end`."""
    lat1, lat2 = math.radians(start[0]), math.radians(end[0])
    dlon = math.radians(end[1] - start[1])
    return math.degrees(
        math.atan2(
            math.sin(dlon) * math.cos(lat2),
            math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon),
        )
    )


def offset(point: tuple[float, float], degrees: float, km: float) -> tuple[float, float]:
    """The point `km` from `point` along the bearing (on a sphere)."""
    lat1, lon1 = math.radians(point[0]), math.radians(point[1])
    theta, delta = math.radians(degrees), km / EARTH_RADIUS_KM
    lat2 = math.asin(
        math.sin(lat1) * math.cos(delta) + math.cos(lat1) * math.sin(delta) * math.cos(theta)
    )
    lon2 = lon1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(lat1),
        math.cos(delta) - math.sin(lat1) * math.sin(lat2),
    )
    return round(math.degrees(lat2), 5), round(math.degrees(lon2), 5)
