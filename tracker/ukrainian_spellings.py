"""Ukrainian spellings of Russian place names, for places in Russia that Ukrainian reporting
names in its own spelling: "Мартинівку" (Мартыновка), "Журавлівки" (Журавлевка), "Тьоткіно"
(Тёткино), "Курськ" (Курск). Only the regular correspondences: ы → и, и → і, э → е, ё → ьо,
е after a vowel → є, the suffix -овка/-евка → -івка, and adjective endings."""

from __future__ import annotations

import re

from tracker.names import has_cyrillic

# Russian endings and their Ukrainian spelling, longest first (the stem before them is
# respelled letter by letter).
_ENDINGS = (
    ("еевка", "іївка"),
    ("аевка", "аївка"),
    ("оевка", "оївка"),
    ("уевка", "уївка"),
    ("овка", "івка"),
    ("евка", "івка"),
    ("ёвка", "івка"),
    ("ский", "ський"),
    ("цкий", "цький"),
    ("ская", "ська"),
    ("цкая", "цька"),
    ("ское", "ське"),
    ("цкое", "цьке"),
    ("ские", "ські"),
    ("ый", "ий"),
    ("ий", "ий"),
    ("ая", "а"),
    ("яя", "я"),
    ("ое", "е"),
    ("ее", "є"),
    ("ые", "і"),
    ("ск", "ськ"),
    ("цк", "цьк"),
)
_VOWELS = frozenset("аеєиіїоуюяыэё")
_HUSHING = frozenset("жчшщц")  # after them Ukrainian keeps и ("Лежачи") and writes о for ё
_WORD = re.compile(r"[А-Яа-яЁё]+")


def ukrainian_spellings(russian: str) -> list[str]:
    """The Ukrainian spelling of a Russian name, and a second one where Ukrainian usage
    wavers (-ино: "Шебекіно" and "Шебекіне"); [] when it is spelled the same."""
    if not has_cyrillic(russian):
        return []
    spelled = _WORD.sub(lambda m: _respell(m.group()), russian)
    forms = [spelled] if spelled != russian else []
    if spelled.endswith("іно"):
        forms.append(spelled[:-1] + "е")
    return forms


def _respell(word: str) -> str:
    lower = word.lower()
    stem, ending = lower, ""
    for russian, ukrainian in _ENDINGS:
        if lower.endswith(russian) and len(lower) > len(russian) + 1:
            stem, ending = lower[: -len(russian)], ukrainian
            break
    letters = []
    for index, letter in enumerate(stem):
        before = stem[index - 1] if index else ""
        last = index == len(stem) - 1 and not ending
        if letter == "ы":
            letters.append("и")
        elif letter == "э":
            letters.append("е")
        elif letter == "ъ":
            letters.append("'")
        elif letter == "ё":
            if not before or before in _VOWELS:
                letters.append("йо")
            else:
                letters.append("о" if before in _HUSHING else "ьо")
        elif letter == "е" and (not before or before in _VOWELS):
            letters.append("є")
        elif letter == "и" and not (before in _HUSHING or last):
            # (a plural's final и stays: "Валуйки")
            letters.append("і")
        else:
            letters.append(letter)
    spelled = "".join(letters) + ending
    return spelled[:1].upper() + spelled[1:] if word[:1].isupper() else spelled
