"""A city's district said as such ("the Kyivskyi district", «у Київському районі», "le quartier
de Saltivka", "im Stadtteil Schewtschenkiwskyj"). Many cities have a district of the same name
(Kyivskyi in Kharkiv, Donetsk and Poltava; Shevchenkivskyi in Kyiv, Zaporizhzhia, Kharkiv
and Luhansk), and the gazetteer knows only some of them: such a district it knows is read only
when the report names that district's city (or "the capital" for Kyiv's); otherwise the
mention is left unplaced. A district named by a noun (Saltivka, Darnytsia) is its city's own."""

from __future__ import annotations

import re

from tracker.extract.capitals import is_capital_candidate
from tracker.extract.found import Found
from tracker.extract.place_lookup import PlaceLookup

# The words that call a name a district: before it ("the district of", "le quartier de",
# "im Stadtteil", "мікрорайон") or after it ("the Kyivskyi district", "Київському районі",
# a list's: "the Saltivskyi and Kyivskyi districts", "Киевский и Куйбышевский районы").
# (Not "в районе X": Russian for "near X".)
_DISTRICT_BEFORE = re.compile(
    r"(?:(?<!\w)(?:(?:micro)?district|quartier|arrondissement)s?\s+(?:of\s+|de\s+|d['’]|du\s+)?|"
    r"(?<!\w)(?:Stadt)?(?:[Bb]ezirk|[Ss]tadtteil|[Vv]iertel)\s+|"
    r"(?<!\w)(?:мікрорайон|микрорайон)\w*\s+)$"
)
_DISTRICT_AFTER = re.compile(
    r"(?:\s*+(?:,|and|et|und|и|і|й|та)\s++[^\W\d_][\w'’-]*+){0,3}\s++"
    r"(?:districts?|район(?:[аиуіеы]|ом|ах)?|rayons?|raions?|Bezirke?|arrondissements?)(?!\w)",
    re.IGNORECASE,
)
# Names many cities give a district (after a city, a person, a river, a direction: Kyivskyi,
# Shevchenkivskyi, Dniprovskyi, Tsentralnyi), in the gazetteer's romanisation
_ADJECTIVE_NAME = re.compile(r"(?:yi|iy|yy)(?:\s+raion)?$", re.IGNORECASE)
# "у Шевченківському районі столиці", "im Stadtbezirk Darnyzja der Hauptstadt"
_THE_CAPITAL = re.compile(r"(?<!\w)(?:столиц\w*|capital\w*|hauptstadt)", re.IGNORECASE)
CAPITAL = "the capital"
# A district named by an adjective as written ("Шевченківський район", "Pokrovskyï"): read as a
# village of the noun (Shevchenko) it is no district either
_ADJECTIVE_WORD = re.compile(
    r"(?:ськ|цьк|зьк|ск|цк)(?:ий|ому|ого|им|ій|ом|ем)\s+район\w*$|"
    r"(?:skyi|skyy|skiy|skyï|skij|sky)\s+(?:district|raion|rajon)$",
    re.IGNORECASE,
)
_DISTRICT_IN_NAME = re.compile(r"\s(?:район\w*|rayon|raion|district)$", re.IGNORECASE)


def mark_city_districts(text: str, found: list[Found]) -> None:
    named: frozenset[str] | None = None
    for mention in found:
        if mention.is_region:
            continue
        before = text[max(0, mention.start - 30) : mention.start]
        if (
            _DISTRICT_IN_NAME.search(mention.text)
            or _DISTRICT_BEFORE.search(before)
            or _DISTRICT_AFTER.match(text, mention.end)
        ):
            if named is None:  # (a capital named as a government counts too: "Russia struck
                # Kyiv ... in the Darnytskyi district"; and "the capital" names it)
                named = frozenset(m.candidates[0].place.id for m in found if m.candidates)
                if _THE_CAPITAL.search(text):
                    named |= {CAPITAL}
            mention.district_of = named


def refuse_districts_of_unnamed_cities(places: PlaceLookup, found: list[Found]) -> None:
    """A district chosen for a mention the text calls a district stays placed only when the
    report names a city it may belong to ("в Донецке ... Киевский район"); "Kharkiv ... the
    Kyivskyi district" is not Donetsk's."""
    chosen = {m.choice.place.id for m in found if m.choice is not None}
    for mention in found:
        if mention.district_of is None or mention.choice is None:
            continue
        adjective = _ADJECTIVE_NAME.search(mention.choice.place.name)
        if not (adjective or _ADJECTIVE_WORD.search(mention.text)):
            continue  # a district named by a noun is its city's own (Saltivka, Darnytsia)
        cities = places.cities_of_district(mention.choice.place)
        if not cities:
            # ("une entreprise du district de Pokrovskyï" in Kryvyi Rih: a district the
            # gazetteer lacks, not the Kursk village Pokrovskiy)
            mention.reason = (
                f"a city's district the gazetteer lacks: {mention.choice.place.name} in "
                f"{mention.choice.place.admin1} is a village, not a district"
            )
            mention.choice, mention.confidence = None, 0.0
            continue
        if any(
            c.id in mention.district_of
            or c.id in chosen
            or (CAPITAL in mention.district_of and is_capital_candidate(c.country, c.name))
            for c in cities
        ):
            continue
        mention.reason = (
            f"a city's district: the gazetteer's {mention.choice.place.name} is a district of "
            f"{' or '.join(city.name for city in cities)}, which the report does not name"
        )
        mention.choice, mention.confidence = None, 0.0
