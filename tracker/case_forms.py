"""Which names a Ukrainian or Russian case form can decline.

Stemming matches "Шахтарського" to both Шахтарськ and Шахтарське; the grammar does not: -ського
is an adjective's ending, and only a name declined as an adjective (Шахтарське) takes it. The
gazetteer's answers and the extractor's readings of one word both ask these rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from tracker.model import Place
from tracker.names import has_cyrillic

# Case endings only adjectives take (a noun in -ськ declines -ська, -ську, -ськом).
ADJECTIVE_CASE = re.compile(
    r"(?:ого|его|ому|ему|ої|ым|ими|ыми|ским|ським|цким|цьким)$", re.IGNORECASE
)
# A case form of a town in -ськ/-ск (Сіверська, Волчанске, Покровську): never of a neuter
# adjective (Сіверське, Волчанское), whose forms are -ського, -ському, -ским. (Russian -ском
# is both: Покровском is a town's instrumental and a village's locative.)
TOWN_NOUN_CASE = re.compile(r"(?:(?:ськ|цьк|зьк)(?:а|у|ом|і)|(?:ск|цк)(?:а|у|е))$", re.IGNORECASE)
# A town noun's nominative (Покровськ, Покровск, Сіверськ): never a form of a neuter adjective
# (Покровське, Покровское), which no case leaves without an ending.
TOWN_NOUN_NOMINATIVE = re.compile(r"(?:ськ|цьк|зьк|ск|цк)$", re.IGNORECASE)
# A neuter adjective's nominative (Покровське, Волчанское): never a form of Покровськ.
NEUTER_NOMINATIVE = re.compile(r"(?:ське|цьке|зьке|ское|цкое)$", re.IGNORECASE)
# A feminine accusative (or a masculine dative): Межову, Андреевку, Харкову; not -ому/-ему.
FEMININE_ACCUSATIVE = re.compile(r"(?<![оеОЕ]м)[уюУЮ]$")
# A masculine adjective's nominative (Первомайський, Первомайский): only a masculine name's
# form (not of the neuter Первомайське, nor of the town Первомайськ).
MASCULINE_NOMINATIVE = re.compile(r"(?:ський|цький|зький|ский|цкий)$", re.IGNORECASE)
# A feminine adjective's oblique case (Лозової, у Лозовій, по Лозовой) or a masculine's
# nominative (Луговой, Синій): never a form of a neuter (Лозове, Лозовое: Лозового, у
# Лозовому).
FEMININE_OBLIQUE = re.compile(r"(?<=[бвгґджзклмнпрстфхцчшщ])(?:ої|ой|ій)$", re.IGNORECASE)


def _last_word(place: Place) -> str:
    return (place.name_uk or place.name).split()[-1].lower()


def is_neuter(place: Place) -> bool:
    """Whether a place's name is a neuter (Межове, Покровське, Вороное)."""
    name = _last_word(place)
    return name[-1:] in "еєо" or name.endswith("ое")


def is_town_noun(place: Place) -> bool:
    """Whether one of a place's Cyrillic names is a noun in -ськ/-ск (Сіверськ, Волчанск,
    Днепропетровск), which -ська/-ске decline."""
    return any(
        name.lower().endswith(("ськ", "цьк", "зьк", "ск", "цк"))
        for name in (place.name_uk or "", *place.alternate_names)
    )


def declines_as_adjective(place: Place) -> bool:
    """Whether a place's name ends like an adjective's nominative (Покровське, Борова,
    Pokrovske, Velykyi), not in a consonant."""
    return _last_word(place)[-1:] in "аеєиіїйояуюaeiouy"


# A genitive plural (Олешків, Сумів, Копанів) or a masculine nominative in -ов/-ів
# (Харків, Орехов, Саратов): never a form of a feminine or neuter name (Сарата, Межове).
PLURAL_GENITIVE = re.compile(r"(?:ов|ев|ів|їв)$", re.IGNORECASE)
# A singular's locative or dative after a consonant (Кременчуге, Покровске, Степне): never a
# form of a plural name (Кременчуки declines Кременчуках).
SINGULAR_IN_E = re.compile(r"[бвгґджзклмнпрстфхцчшщ]е$", re.IGNORECASE)
# A neuter in -ове (Лозове) or a Russian locative of a name in -ов (в Орехове): never a form of
# a feminine adjective (Лозова: Лозової, Лозовій, Лозову).
IN_OVE = re.compile(r"(?:ов|ев|єв)е$", re.IGNORECASE)


def plural_or_in_ov(place: Place) -> bool:
    """Whether one of a place's Cyrillic names is a plural (Олешки, Суми) or ends in -ов/-ів
    (Харків, Саратов)."""
    return any(
        last[-1:] in "иыії" or last.endswith(("ов", "ев", "ів", "їв"))
        for name in (place.name_uk or "", *place.alternate_names)
        if name and has_cyrillic(name)
        for last in (name.split()[-1].lower(),)
    )


@lru_cache(maxsize=100_000)
def case_form_test(word: str) -> Callable[[Place], bool] | None:
    """A test of whether a place's name can take the case form `word` (one word, as
    written), or None when its ending says nothing. Remembered per word: nine patterns per
    place named, and the same names recur in every report."""
    if FEMININE_OBLIQUE.search(word):
        return _adjective_not_neuter
    if ADJECTIVE_CASE.search(word):
        return declines_as_adjective
    if MASCULINE_NOMINATIVE.search(word):
        return _masculine_adjective
    if TOWN_NOUN_CASE.search(word) or TOWN_NOUN_NOMINATIVE.search(word):
        return is_town_noun
    if NEUTER_NOMINATIVE.search(word):
        return is_neuter
    if FEMININE_ACCUSATIVE.search(word):
        return _not_neuter
    if PLURAL_GENITIVE.search(word):
        return plural_or_in_ov
    if IN_OVE.search(word):
        return _neither_plural_nor_feminine_adjective
    if SINGULAR_IN_E.search(word):
        return _not_plural
    return None


def _adjective_not_neuter(place: Place) -> bool:
    return declines_as_adjective(place) and not is_neuter(place)


def _masculine_adjective(place: Place) -> bool:
    return any(
        name.split()[-1].lower().endswith(("ий", "ій", "ый", "ой"))
        for name in (place.name_uk or "", *place.alternate_names)
        if name and has_cyrillic(name)
    )


def _not_plural(place: Place) -> bool:
    # (the official Ukrainian name only: other languages' alternates end as they please)
    return not place.name_uk or _last_word(place)[-1:] not in "иы"


def _neither_plural_nor_feminine_adjective(place: Place) -> bool:
    return _not_plural(place) and not (
        declines_as_adjective(place) and _last_word(place)[-1:] in "ая"
    )


def _not_neuter(place: Place) -> bool:
    return not is_neuter(place)
