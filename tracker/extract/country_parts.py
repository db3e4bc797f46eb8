"""A part of Ukraine said of a place: "Zolochiv in western Ukraine", "Zolotchiv, dans l'ouest de
l'Ukraine", "в Олександрії на заході України", "the eastern Ukrainian town of X". It says which
of a name's namesakes across the country is meant (Zolochiv of Lviv Oblast, not of Kharkiv
Oblast): the oblasts the part is said of (`Found.country_part`), each of their places alike
(Rivne the city, in the west, is no less western than a village of Lviv Oblast)."""

from __future__ import annotations

import re

from tracker.extract.found import Found

_WEST = ("Lviv", "Volyn", "Rivne", "Ternopil", "Ivano-Frankivsk", "Zakarpattia", "Chernivtsi",
         "Khmelnytskyi")  # fmt: skip
_SOUTH = ("Odesa", "Mykolaiv", "Kherson", "Zaporizhzhia")
# Each part's oblasts and its words: English and French adjectives or nouns, German compounds
# and nouns, Ukrainian and Russian locatives. ("Eastern Ukraine" takes in Dnipropetrovsk
# Oblast, as wire copy writes it.)
_PARTS = (
    (
        ("Sumy", "Kharkiv", "Chernihiv"),
        r"north-?east\w*|nord-est|Nordost\w*|північному\s+сході|северо-востоке",
    ),
    (
        ("Zaporizhzhia", "Donetsk", "Dnipropetrovsk"),
        r"south-?east\w*|sud-est|Südost\w*|південному\s+сході|юго-востоке",
    ),
    (
        ("Odesa", "Chernivtsi"),
        r"south-?west\w*|sud-ouest|Südwest\w*|південному\s+заході|юго-западе",
    ),
    (
        ("Volyn", "Rivne", "Lviv", "Zhytomyr"),
        r"north-?west\w*|nord-ouest|Nordwest\w*|північному\s+заході|северо-западе",
    ),
    (("Chernihiv", "Sumy", "Kyiv", "Zhytomyr"), r"north\w*|nord|Nord\w*|півночі|севере"),
    (_SOUTH, r"south\w*|sud|Süd\w*|півдні|юге"),
    (("Kharkiv", "Donetsk", "Luhansk", "Dnipropetrovsk"), r"east\w*|est|Ost\w*|сході|востоке"),
    (_WEST, r"west\w*|ouest|West\w*|заході|западе"),
    (
        ("Kyiv", "Cherkasy", "Kirovohrad", "Poltava", "Vinnytsia", "Dnipropetrovsk", "Zhytomyr"),
        r"central|centre|center|Zentral\w*|Zentrum|центрі|центре",
    ),
)
_OBLASTS = tuple(
    frozenset(
        {f"{name} Oblast" for name in names}
        | ({"Kyiv City"} if "Kyiv" in names else set())
        | ({"Crimea", "Sevastopol"} if names is _SOUTH else set())
    )
    for names, _ in _PARTS
)
_PART = "|".join(f"(?P<p{index}>{words})" for index, (_, words) in enumerate(_PARTS))
_UKRAINE = r"(?:Ukraine|l['’]Ukraine|der\s+Ukraine|України|Украины)"
# after the place: "in western Ukraine", "dans l'ouest de l'Ukraine", "in der Westukraine", "im
# Westen der Ukraine", "на заході України"
_AFTER = re.compile(
    rf"\s*,?\s*\(?\s*(?:in|dans\s+l['’]|dans\s+le|in\s+der|im|на|в|у)\s*(?:the\s+)?(?:{_PART})"
    rf"(?:ern)?(?:\s+(?:of\s+)?(?:de\s+)?{_UKRAINE}|ukraine)(?!\w)",
    re.IGNORECASE,
)
# before it, in English: "the western Ukrainian town of Zolochiv"
_BEFORE = re.compile(
    rf"(?<!\w)(?:{_PART})(?:ern)?\s+Ukrainian\s+(?:city|town|village|settlement)\s+of\s+$",
    re.IGNORECASE,
)
# (a report that names no Ukraine in any language names no part of it)
_UKRAINE_WORD = re.compile(r"krain|країн|краин", re.IGNORECASE)


def attach_country_parts(text: str, found: list[Found]) -> None:
    """Sets `country_part` of a settlement a part of Ukraine is said of."""
    if not _UKRAINE_WORD.search(text):
        return
    for mention in found:
        if mention.is_region or not mention.candidates:
            continue
        match = _AFTER.match(text, mention.end) or _BEFORE.search(
            text, max(0, mention.start - 48), mention.start
        )
        if match is not None:
            mention.country_part = _OBLASTS[_matched(match)]


def _matched(match: re.Match) -> int:
    return next(int(name[1:]) for name, value in match.groupdict().items() if value)
