"""A part of a region a report names instead of a place: "a farm near Pokrovske in the east of
the region", "на сході області", "im Süden des Gebiets". It says which of a name's namesakes in
that region is meant: the part lies toward the direction from the region's middle."""

from __future__ import annotations

import re

from tracker.extract.cues import offset
from tracker.extract.found import Found

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
# How far from the region's middle its "east" lies (a region is some 200 km across).
PART_KM = 90.0
# A part locates the places named this close to the words, in their sentence.
PART_REACH = 60


def attach_region_parts(text: str, found: list[Found]) -> None:
    """Sets `part` of the settlements named by a region's part to the part's middle."""
    for match in PART_OF_REGION.finditer(text):
        region = next((m for m in reversed(found) if m.is_region and m.end <= match.start()), None)
        if region is None or region.candidates[0].place.lat is None:
            continue
        index = next(i for i, name in enumerate(match.groupdict().values()) if name)
        degrees = _PARTS[index][0]
        middle = region.candidates[0].place.point
        point = offset(middle, degrees, PART_KM)
        for mention in found:
            low, high = sorted((mention.end, match.start()))
            if (
                not mention.is_region
                and abs(mention.start - match.start()) <= PART_REACH
                and not any(mark in text[low:high] for mark in ".;!?")
            ):
                mention.part = point
