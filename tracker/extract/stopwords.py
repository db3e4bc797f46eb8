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
_STOP_KEYS = _keys(NOT_PLACES - AMBIGUOUS_COMMON)
_GIVEN = GIVEN_NAMES | GIVEN_NAMES_ALSO_PLACES
_GIVEN_STEMS = frozenset(k for w in _GIVEN if has_cyrillic(w) for k in stem_keys(w, indexing=True))


@lru_cache(maxsize=50_000)
def stop_kind(word: str) -> str | None:
    """ "common" for ordinary words that are also villages (Mir, Druzhba), "stop" for words
    that are never places alone (people, months, institutions), else None."""
    folded = fold(word)
    if folded in AMBIGUOUS_COMMON:
        return "common"
    if folded in NOT_PLACES:
        return "stop"
    keys = stem_keys(word) if has_cyrillic(word) else match_keys(word)
    if keys & _COMMON_KEYS:
        return "common"
    if has_cyrillic(word) and keys & _STOP_KEYS:
        return "stop"
    return None


@lru_cache(maxsize=50_000)
def is_given_name(word: str) -> bool:
    """A common Ukrainian or Russian given name, in any spelling or (Cyrillic) case form:
    Ivan, Iwan, Андрій, Андрія, Ивана."""
    folded = fold(word)
    if folded in _GIVEN:
        return True
    return has_cyrillic(word) and bool(stem_keys(word) & _GIVEN_STEMS)
