"""Well-known cities outside the gazetteer's countries (Ukraine, Russia, Belarus, Moldova, and
the border strip of Poland, Romania, Hungary and Slovakia: Rzeszów and Przemyśl are in it).

Reports name them for talks, visits and summits ("talks in Geneva", "à Berlin", "в Майами").
The gazetteer has none of them, but some share a name with a small Russian or Ukrainian
village (Berlin and Paris in Chelyabinsk Oblast): read as places, they land thousands of
kilometres off. They are recognised as places the gazetteer does not cover and left
unresolved, with that reason — better unresolved than wrong — unless the text locates them in
the gazetteer's countries ("Afiny, Donetsk Oblast"). New York is listed in English only: the
Donetsk town Niu-York is "Нью-Йорк" in its own languages, and "New York near Toretsk" is placed
by its cue.

Capitals and the cities diplomacy and aid go through, in English, French, German, Ukrainian
and Russian. Latin names are compared folded (case, accents kept), Cyrillic names by stem
(Берліні, Вашингтоне, Женеві are forms of listed names).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.extract.found import Found
from tracker.names import fold, has_cyrillic, stem_keys

REASON = (
    "a city outside Ukraine, Russia, Belarus and Moldova, which the gazetteer does not cover "
    "(left unresolved rather than put on a homonym there)"
)

_LATIN = """
berlin paris london londres rome rom madrid lisbon lisbonne lissabon vienna vienne wien
brussels bruxelles brüssel amsterdam the_hague la_haye den_haag warsaw varsovie warschau
prague prag budapest bucharest bucarest bukarest athens athènes athen helsinki stockholm
oslo copenhagen copenhague kopenhagen tallinn vilnius geneva genève genf zurich zürich
davos munich münchen frankfurt francfort hamburg hambourg ramstein krakow kraków cracovie
krakau istanbul ankara antalya washington miami abu_dhabi
abou_dhabi dubai dubaï doha riyadh riyad riad jeddah djeddah tehran téhéran teheran beijing
pékin peking tokyo tokio seoul séoul pyongyang new_delhi neu-delhi tbilisi tbilissi tiflis
yerevan erevan eriwan baku bakou cairo le_caire kairo jerusalem jérusalem tel_aviv ottawa
canberra brasília brasilia new_york
""".split()
_CYRILLIC = """
берлін берлин париж лондон рим мадрид лісабон лиссабон відень вена брюссель амстердам гаага
варшава прага будапешт бухарест афіни афины гельсінкі хельсинки стокгольм осло копенгаген
таллінн таллин вільнюс вильнюс женева цюрих давос мюнхен франкфурт гамбург рамштайн
рамштайне краків краков стамбул анкара анталія анталья вашингтон маямі
майами абу-дабі абу-даби дубай доха ер-ріяд эр-рияд джидда тегеран пекін пекин токіо токио
сеул пхеньян нью-делі нью-дели тбілісі тбилиси єреван ереван баку каїр каир єрусалим
иерусалим тель-авів тель-авив оттава
""".split()

_FOLDED = frozenset(fold(name.replace("_", " ")) for name in _LATIN + _CYRILLIC)
_STEMS = frozenset(k for name in _CYRILLIC for k in stem_keys(name, indexing=True))
# The longest listed name, in words: runs longer than this are not tried.
MAX_WORDS = max(len(fold(name.replace("_", " ")).split()) for name in _LATIN + _CYRILLIC)


@lru_cache(maxsize=20_000)
def is_abroad(name: str) -> bool:
    """Whether `name` (as written, possibly inflected) is a listed city outside the
    gazetteer's countries."""
    folded = fold(name)
    if folded in _FOLDED:
        return True
    if not has_cyrillic(name) or len(folded) < 4:
        return False
    return bool(stem_keys(name) & _STEMS)


# "American" right before a name says it is the city abroad: "з американським Нью-Йорком", "не
# американский Нью-Йорк" (not a town of Ukraine's: "the British Kherson mission" is Kherson's)
_ABROAD_ADJECTIVE = re.compile(
    r"(?<!\w)(?:американськ\w*|американск\w*|american|américain\w*|amerikanisch\w*|"
    r"британськ\w*|британск\w*|british|britannique\w*|britisch\w*)\s+$",
    re.IGNORECASE,
)
_REACH = 24  # how far before a name its adjective may start
_TOWN = 10_000  # a place at home this big is meant by its own name whatever stands before it


def mark_country_adjectives(text: str, found: list[Found]) -> None:
    """A name after "American" that no town at home bears is the city abroad (left
    unresolved, as a listed city is)."""
    for mention in found:
        if mention.is_region or any(c.place.population >= _TOWN for c in mention.candidates):
            continue
        if _ABROAD_ADJECTIVE.search(text, max(0, mention.start - _REACH), mention.start):
            mention.abroad = True


# A listed city abroad that is also a town at home, read at home in a sentence about fighting
# ("Russian forces captured New York", Niu-York by Toretsk; "talks in New York" stay abroad).
HOME_TOO = frozenset({"new york"})


def home_too(name: str) -> bool:
    return fold(name) in HOME_TOO
