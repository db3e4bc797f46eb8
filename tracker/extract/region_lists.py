"""Several regions sharing one plural region word, in Latin script: "the Donetsk and
Dnipropetrovsk oblasts", "on the border of the Sumy and Kharkiv regions", "dans les régions
de Zaporijjia et de Dnipropetrovsk", "in den Gebieten Donezk und Saporischschja". Each name
is the region, not the city that shares it: read as cities, the list put a claim on Donetsk
and Dnipro and pulled the sentence's villages to them."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.gazetteer import Candidate, MatchReason
from tracker.model import PlaceKind

_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]*+"
_AND = r"(?:and|et|und|sowie|or|ou|oder)"
# "regions of", "régions de", "Gebiete(n)": the plural word before the names
_PLURAL_BEFORE = (
    r"(?:regions|oblasts|provinces|régions|Gebieten?|Oblasten?|Regionen)"
    r"\s++(?:of\s++(?:the\s++)?|de\s++|d['’]|des\s++|von\s++)?"
)
# a name in the list after the first: ", Y", "and Y", "et de Y", "und von Y"
_NEXT = rf"(?:\s*+,\s*+(?:{_AND}\s++)?|\s++{_AND}\s++)(?:de\s++|d['’]|von\s++)?{_NAME}"
_BEFORE_LIST = re.compile(rf"{_PLURAL_BEFORE}(?P<names>{_NAME}(?:{_NEXT})++)")
# "the Donetsk and Dnipropetrovsk oblasts", "Sumy, Kharkiv and Chernihiv regions"
_AFTER_LIST = re.compile(
    rf"(?P<names>{_NAME}(?:{_NEXT})++)\s++(?:oblasts|regions|provinces|Oblasts|Regions)(?!\w)"
)
# "on the Kharkiv–Luhansk administrative border", "the Sumy-Kharkiv border", "along the
# Luhansk–Donetsk oblast line"
_PART = r"[A-ZÀ-ÖØ-Þ][\w'’]*+"
_BORDER_PAIR = re.compile(
    rf"(?P<names>{_PART}[–—-]{_PART})\s++(?:(?i:administrative\s++|regional\s++|oblast\s++)?"
    r"(?i:border|boundary|frontier)|(?i:oblasts?|regions?)\s++(?i:line|border|boundary))(?!\w)"
)
# "на границе с Луганской", "на межі з Луганщиною": a region's adjective, its noun left out
_ELIDED_BORDER = re.compile(
    r"(?i:границ\w*|кордон\w*|меж[аіуеію]\w*|адмінмеж\w*|адмінкордон\w*)\s++(?i:с|со|з|із)\s++"
    r"(?P<names>[А-ЯІЇЄҐ][а-яіїєґ'’-]*(?:ой|ою|ей|ої))(?![\w-]|\s++(?i:обл|област))"
)
_WORD = re.compile(_PART)  # each name of a list (capitalised: its "and", "de" are not)
# the plural region words' common letters: sentences without them are skipped at C speed
_HINT_WORDS = ("egion", "égion", "blast", "ebiet", "rovince", "order", "oundary", "rontier")
_HINT_WORDS += ("границ", "кордон", "меж")
_HINT = re.compile("|".join(_HINT_WORDS))


def may_list_regions(text: str) -> bool:
    """False only when `region_list_spans` finds nothing in any part of the text (it has
    none of the plural region words' letters)."""
    return any(word in text for word in _HINT_WORDS)  # (as _HINT.search, by str's search)


def region_list_spans(
    text: str, start: int, end: int, lookup: Callable[[str], list[Candidate]]
) -> list[tuple[int, int, list[Candidate]]]:
    """(start, end, region candidates) of each name of a plural-region list in
    text[start:end]; a list with a name that is not a region is left alone."""
    if _HINT.search(text, start, end) is None:
        return []
    spans: list[tuple[int, int, list[Candidate]]] = []
    for pattern in (_BEFORE_LIST, _AFTER_LIST, _BORDER_PAIR, _ELIDED_BORDER):
        for match in pattern.finditer(text, start, end):
            if pattern is _ELIDED_BORDER:
                word = match.group("names")
                candidates = _region_of_adjective(word, lookup)
                found = (
                    [(match.start("names"), match.end("names"), candidates)] if candidates else []
                )
            else:
                found = _regions(text, match.start("names"), match.end("names"), lookup)
            if found and not any(s[0] < found[-1][1] and found[0][0] < s[1] for s in spans):
                spans.extend(found)
    return sorted(spans)


def _regions(text: str, start: int, end: int, lookup) -> list[tuple[int, int, list[Candidate]]]:
    regions = []
    for word in _WORD.finditer(text, start, end):
        name = word.group().rstrip("'’")
        candidates = region_named(name, lookup)
        if not candidates:
            return []
        regions.append((word.start(), word.start() + len(name), candidates))
    return regions


def region_named(name: str, lookup: Callable[[str], list[Candidate]]) -> list[Candidate]:
    """The region a name stands for after a region word ("Zaporojié" in "région de
    Zaporojié"), by any spelling of the city it is named after; [] when none."""
    return [
        c
        for c in lookup(f"{name} Oblast")
        if c.place.kind == PlaceKind.REGION and c.reason != MatchReason.FUZZY
    ]


def _region_of_adjective(word: str, lookup: Callable[[str], list[Candidate]]) -> list[Candidate]:
    """The region a Cyrillic adjective names without its noun ("Луганской", "Харківською")."""
    for noun in ("области", "області"):
        candidates = [c for c in lookup(f"{word} {noun}") if c.place.kind == PlaceKind.REGION]
        if candidates:
            return candidates
    return []
