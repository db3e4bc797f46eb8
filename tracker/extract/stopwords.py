"""Is a word one of the lexicon's non-places, in any of its case forms?

Latin words are compared by their transliteration skeleton (Druschba is Druzhba), Cyrillic
words by their stems (Кремле, Путина, Зеленського are forms of listed words).
"""

from __future__ import annotations

from functools import lru_cache

from tracker.extract.lexicon import (
    AMBIGUOUS_COMMON,
    GIVEN_NAMES,
    GIVEN_NAMES_ALSO_PLACES,
    NOT_PLACES,
    NOT_PLACES_AS_WRITTEN,
    PEOPLE,
    STEMS_OF_PLACES,
    UKRAINIAN_ADJECTIVES,
)
from tracker.names import fold, has_cyrillic, match_keys, stem_keys


def _keys(words) -> frozenset[str]:
    keys: set[str] = set()
    for word in words:
        if has_cyrillic(word):
            keys |= stem_keys(word, indexing=True)
        else:
            keys |= match_keys(word)
    return frozenset(keys)


_COMMON_KEYS = _keys(AMBIGUOUS_COMMON)
# Given names are matched by their case forms (_given_form), not by stem: a stem would make
# Олександрії (the town Oleksandriia) a form of Олександр.
_STOP_KEYS = _keys(
    NOT_PLACES - AMBIGUOUS_COMMON - GIVEN_NAMES - UKRAINIAN_ADJECTIVES - STEMS_OF_PLACES
)
_GIVEN = GIVEN_NAMES | GIVEN_NAMES_ALSO_PLACES
# Latin spellings of people's names compared by skeleton: Syrskyj is Syrskyi, Yuri is Yurii.
_PEOPLE_KEYS = _keys(w for w in PEOPLE if not has_cyrillic(w))
_GIVEN_KEYS = _keys(w for w in _GIVEN if not has_cyrillic(w))
_GIVEN_ONLY_KEYS = _keys(w for w in GIVEN_NAMES if not has_cyrillic(w))
# Case endings a Ukrainian or Russian given name takes, and what they replace in the
# nominative: Андрія (Андрій), Ольги (Ольга), Івана (Іван), Марії (Марія).
_NAME_ENDINGS = tuple("ові еві ом ем ою ею єю ой ей а у і и е ю я ї".split())
_NOMINATIVE_TAILS = ("", "а", "я", "о", "й", "ій", "ий", "ія", "ь")


# Towns whose Latin spelling keys are a given name's (Oleksandriia's are Oleksandra's: a
# spelling key reads "-iia" as "-a"): compared as written, they are the towns.
_TOWNS_KEYED_AS_NAMES = frozenset(
    {"oleksandriia", "oleksandriya", "oleksandrija", "aleksandriya", "aleksandrija"}
)


@lru_cache(maxsize=50_000)
def stop_kind(word: str) -> str | None:
    """ "common" for ordinary words that are also villages (Mir, Druzhba), "stop" for words
    that are never places alone (people, months, institutions), else None."""
    folded = fold(word)
    if folded in _TOWNS_KEYED_AS_NAMES:
        return None
    if folded in AMBIGUOUS_COMMON or folded in GIVEN_NAMES_ALSO_PLACES:
        # Stepan, Anna: a person as often as a place, a place only after "in", "у", "near".
        return "common"
    if folded in NOT_PLACES or folded in NOT_PLACES_AS_WRITTEN:
        return "stop"
    cyrillic = has_cyrillic(word)
    keys = stem_keys(word) if cyrillic else match_keys(word)
    if keys & _COMMON_KEYS:
        return "common"
    if cyrillic:
        if keys & _STOP_KEYS:
            return "stop"
        given = _given_form(folded)
        if given is not None:
            return "common" if given in GIVEN_NAMES_ALSO_PLACES else "stop"
    elif keys & (_PEOPLE_KEYS | _GIVEN_ONLY_KEYS):
        return "stop"
    return None


@lru_cache(maxsize=50_000)
def is_given_name(word: str) -> bool:
    """A common Ukrainian or Russian given name, in any spelling or (Cyrillic) case form:
    Ivan, Iwan, Андрій, Андрія, Ивана."""
    folded = fold(word)
    if folded in _GIVEN:
        return True
    if folded in _TOWNS_KEYED_AS_NAMES:
        return False
    if not has_cyrillic(word):
        return bool(match_keys(word) & _GIVEN_KEYS)
    return _given_form(folded) is not None


def _given_form(folded: str) -> str | None:
    """The given name a Cyrillic word is a case form of, or None. Only real case endings
    count: Олександрії is Олександрія (a town), not a form of Олександр."""
    if folded in _GIVEN:
        return folded
    for ending in _NAME_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            stem = folded[: -len(ending)]
            for tail in _NOMINATIVE_TAILS:
                if stem + tail in _GIVEN:
                    return stem + tail
    return None
