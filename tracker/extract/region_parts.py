"""A part of a region a report names instead of a place: "a farm near Pokrovske in the east of
the region", "на сході області", "im Süden des Gebiets". It says which of a name's namesakes in
that region is meant: the part lies toward the direction from the region's middle."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from tracker.extract.cues import offset
from tracker.extract.found import Found
from tracker.extract.prefixed import prefixed

# The part's direction in the five languages (nouns, as "in the east of" names them).
_PARTS = (
    (45.0, r"north-?east|nord-est|Nordosten|північному\s+сході|северо-востоке"),
    (135.0, r"south-?east|sud-est|Südosten|південному\s+сході|юго-востоке"),
    (225.0, r"south-?west|sud-ouest|Südwesten|південному\s+заході|юго-западе"),
    (315.0, r"north-?west|nord-ouest|Nordwesten|північному\s+заході|северо-западе"),
    (0.0, r"north|nord|Norden|півночі|севере"),
    (180.0, r"south|sud|Süden|півдні|юге"),
    (90.0, r"east|est|Osten|сході|востоке"),
    (270.0, r"west|ouest|Westen|заході|западе"),
)
_DIRECTION = "|".join(f"(?P<d{index}>{words})" for index, (_, words) in enumerate(_PARTS))
PART_OF_REGION = re.compile(
    rf"(?<!\w)(?:in\s+the|dans\s+l['’]|dans\s+le|im|на|в|у)\s*(?:{_DIRECTION})(?:ern\s+part)?\s+"
    r"(?:of\s+the\s+(?:region|oblast|province)|de\s+la\s+(?:région|province|oblast)|"
    r"des\s+Gebiets|der\s+(?:Region|Oblast)|області|регіону|области|региона)(?!\w)",
    re.IGNORECASE,
)
# English names the part beside the region: "in southern Donetsk Oblast", "Donetsk Oblast's
# south" (each part's English word is its first)
_ENGLISH_PARTS = tuple((bearing, words.split("|")[0]) for bearing, words in _PARTS)
_ENGLISH = "|".join(f"(?P<e{index}>{words})" for index, (_, words) in enumerate(_ENGLISH_PARTS))
PART_BEFORE_REGION = re.compile(rf"(?<![\w-])(?:{_ENGLISH})ern\s+$", re.IGNORECASE)
# ... and before the region's own name: "на півночі Донеччини", "на юге Запорожской области",
# "in the north of Kharkiv Oblast", "dans l'est de l'oblast de Donetsk"
PART_BEFORE_NAMED_REGION = re.compile(
    rf"(?<!\w)(?:in\s+the|dans\s+l['’]|dans\s+le|на|в|у)\s*(?:{_DIRECTION})"
    r"(?:\s+of(?:\s+the)?|\s+de\s+l['’]|\s+de\s+la)?\s*$",
    re.IGNORECASE,
)
PART_AFTER_REGION = re.compile(rf"['’]s\s+(?:{_ENGLISH})(?![\w-])", re.IGNORECASE)
# (tried only where its words start: it reads every whole report)
PART_OF_REGION = prefixed(PART_OF_REGION)
# How far from the region's middle its "east" lies (a region is some 200 km across).
PART_KM = 90.0
# A part locates the places named this close to the words, in their sentence.
PART_REACH = 60
# "In Zaporizhzhia, ... in the east of the region": the city that names its oblast names the
# region meant (Zaporizhzhia, Dnipro, Kharkiv; not Nikopol).
REGIONAL_CENTRE = 100_000


def _regional_centre(place) -> bool:
    return place.population >= REGIONAL_CENTRE and (place.admin1 or "").startswith(place.name)


def attach_region_parts(
    text: str, found: list[Found], sentences: list[tuple[int, int]], locating: set[int]
) -> None:
    """Sets `part` of the settlements named by a region's part to the part's middle.
    `locating`: the id() of the region mentions that say where places are (not borders)."""
    starts = [m.start for m in found]
    ends = [end for _, end in sentences]
    parts: list[tuple[tuple[int, int], tuple[float, float], int | None]] = []
    for region in found:
        if not region.is_region or id(region) not in locating:
            continue
        if region.candidates[0].place.lat is None:
            continue
        match = PART_BEFORE_REGION.search(text, max(0, region.start - 16), region.start)
        match = match or PART_AFTER_REGION.match(text, region.end)
        if match is not None:
            bearing = _ENGLISH_PARTS[_matched_part(match)][0]
            point = offset(region.candidates[0].place.point, bearing, PART_KM)
            parts.append(((region.start, region.end), point, region.aside))
            continue
        match = PART_BEFORE_NAMED_REGION.search(text, max(0, region.start - 40), region.start)
        if match is not None:
            point = offset(
                region.candidates[0].place.point, _PARTS[_matched_part(match)][0], PART_KM
            )
            parts.append(((match.start(), region.end), point, region.aside))
    for match in PART_OF_REGION.finditer(text):
        region = _region_of(found, starts, ends, match, locating)
        if region is None or region.candidates[0].place.lat is None:
            continue
        point = offset(region.candidates[0].place.point, _PARTS[_matched_part(match)][0], PART_KM)
        parts.append(((match.start(), match.start()), point, None))
    nearest: dict[int, tuple[int, tuple[float, float]]] = {}
    for span, point, aside in parts:
        _locate_by_part(text, found, starts, span, point, nearest, aside)
    for index, (_, point) in nearest.items():
        found[index].part = point


# "liegt nicht bei Saporischschja, sondern im Osten des Gebiets Dnipropetrowsk": the part is
# said instead of the place before the contrast
_INSTEAD = re.compile(r",\s*(?:sondern|but|mais|а|але|но)\s", re.IGNORECASE)


def _matched_part(match: re.Match) -> int:
    return next(i for i, name in enumerate(match.groupdict().values()) if name)


def _locate_by_part(
    text: str,
    found: list[Found],
    starts: list[int],
    span: tuple[int, int],
    point: tuple[float, float],
    nearest: dict[int, tuple[int, tuple[float, float]]],
    aside: int | None = None,
) -> None:
    """Offers the part to the settlements named within reach of the words at `span`, in their
    sentence (and in their aside, when `aside` is given): each takes the nearest part's words
    ("Лиман на півночі Донеччини ... селом Лиман на заході області": one part each)."""
    at, end = span
    low, high = bisect_left(starts, at - PART_REACH), bisect_right(starts, end + PART_REACH)
    for index in range(low, min(high, len(found))):
        mention = found[index]
        left, right = sorted((mention.end, at))
        if (
            not mention.is_region
            and (aside is None or mention.aside == aside)
            and not any(mark in text[left:right] for mark in ".;!?")
            and _INSTEAD.search(text, left, right) is None
        ):
            gap = at - mention.end if mention.end <= at else mention.start - end
            if index not in nearest or gap < nearest[index][0]:
                nearest[index] = (gap, point)


def _region_of(
    found: list[Found], starts: list[int], ends: list[int], match: re.Match, locating: set[int]
) -> Found | None:
    """The region whose part the words name: one named within them or right after ("im
    Osten des Gebiets Saporischschja"), else the last named before in the same or the previous
    sentence ("DNIPROPETROVSK REGION under fire. ... in the east of the region"), with no
    regional centre named between (whose region "the region" may mean)."""
    at = bisect_left(starts, match.start())
    if at < len(found) and found[at].is_region and found[at].start <= match.end() + 2:
        return found[at] if id(found[at]) in locating else None
    sentence = bisect_right(ends, match.start())
    for mention in reversed(found[:at]):
        if mention.sentence < sentence - 1:
            return None
        if mention.is_region:
            return mention if id(mention) in locating else None
        if mention.candidates and _regional_centre(mention.candidates[0].place):
            return None
    return None
