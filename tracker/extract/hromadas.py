"""Hromadas named as scenes: "Під удари потрапили Білопільська, Ворожбянська та Миропільська
громади", "ворог атакував Марганецьку громаду", "the Marhanets and Pokrovske hromadas".

Administrations report shelling by hromada. Each such hromada is read as its centre, the
settlement it is named after, and what happened there is near that centre, not in it
(`names_hromada` makes a claim's precision "near"). A hromada that only says where a village
lies ("Іллінка Курахівської міської громади", "Кам'янське (Степногірська громада)") is no scene
of its own: the village's context reads it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tracker.extract.found import Found
from tracker.extract.place_lookup import PlaceLookup
from tracker.gazetteer import Candidate
from tracker.names import has_cyrillic

# A hromada's adjective in Ukrainian or Russian, any case or number (Марганецька, Марганецьку,
# Сумської, Белопольской, Миропільські): never the town's noun (Покровськ, Сіверська).
_ADJECTIVE = (
    r"[А-ЯІЇЄҐ][\w'’-]*?(?:(?:ськ|цьк|зьк)(?:а|ої|ій|у|ою|і|их|им|ими)|"
    r"(?:ск|цк)(?:ая|ой|ую|ие|их|им|ими))(?![\w'’-])"
)
_LATIN_NAME = r"[A-Z][\w'’-]+"
# (possessive: a run of spaces is read once)
_GLUE = r"(?:\s*+,\s*+(?:(?:та|і|й|и|and)\s++)?|\s++(?:та|і|й|и|and)\s++)"
_HROMADA_WORD = (
    r"(?:(?:міськ|селищн|сільськ|городск|поселков|сельск)\w*\s+)?"
    r"(?:територіальн\w*\s+|территориальн\w*\s+)?(?:громад|общин)\w*"
)
_LATIN_HROMADA_WORD = r"(?:(?:urban|rural|settlement|territorial)\s+)?hromadas?"
# One or several hromadas named before the word (the list's names in groups of their own).
_HROMADA_LIST = re.compile(
    rf"(?<![\w'’-])(?:({_ADJECTIVE}(?:{_GLUE}{_ADJECTIVE})*)\s+{_HROMADA_WORD}|"
    rf"({_LATIN_NAME}(?:{_GLUE}{_LATIN_NAME})*)\s+{_LATIN_HROMADA_WORD})(?!\w)"
)
_NAME = re.compile(rf"{_ADJECTIVE}|{_LATIN_NAME}")
# After a hromada's name: the rest of its list and the word.
_HROMADA_AFTER = re.compile(
    rf"(?:{_GLUE}{_ADJECTIVE})*\s++{_HROMADA_WORD}(?!\w)|"
    rf"(?:{_GLUE}{_LATIN_NAME})*\s++{_LATIN_HROMADA_WORD}(?!\w)"
)
_WHOLE_ADJECTIVE = re.compile(_ADJECTIVE)
# Where a village lies, after its name: the hromada in brackets ("Іллінка (Марганецька
# громада)"), in a locative or after "in the" ("Іллінка у Марганецькій громаді", "Antonivka in
# the Kostiantynivka hromada"), or in the genitive ("Іллінка Марганецької громади", "Запоріжжя
# — це село Межівської громади").
_BRACKETED = re.compile(r"[\s,]*\(\s*")
_IN_THE = re.compile(r"[\s,]*(?:у|в|in\s+the|of\s+the)\s+", re.IGNORECASE)
_GENITIVE_AFTER = re.compile(
    r"[\s,]*(?:[—–-]\s*(?:це|это)\s+(?:село|селище|місто|город|деревня|пос[её]лок)\s+)?"
)
_GENITIVE = re.compile(r"(?:ої|ой|их)$")
# A community of people, not an administrative one: "Єврейська громада Дніпра", "Українська
# громада Польщі".
_NOT_A_HROMADA = re.compile(
    r"(?:українськ|російськ|русск|польськ|угорськ|румунськ|грецьк|вірменськ|німецьк|єврейськ|"
    r"англійськ|американськ|кримськотатарськ|татарськ|болгарськ|литовськ|чеськ|словацьк|"
    r"грузинськ|азербайджанськ|білоруськ|молдавськ|молдовськ|ромськ|циганськ|релігійн|"
    r"українск|польск|еврейск|армянск|немецк|греческ)",
    re.IGNORECASE,
)
# Whose title the hromada is: "Голова Сумської громади повідомив", "the head of the X hromada"
_TITLE_BEFORE = re.compile(
    r"(?<!\w)(?:голов[аиіу]|головою|старост[аиі]|керівник\w*|мер\w*|очільник\w*|"
    r"начальник\w*|секретар\w*|глав[аыеу]|head\s+of\s+the|chief\s+of\s+the|mayor\s+of\s+the)"
    r"\s+$",
    re.IGNORECASE,
)
# The words a hromada phrase holds (the Cyrillic ones as written, the Latin one in any case).
_ANY_HROMADA_WORD = re.compile(r"громад|общин|(?i:hromada)")
_QUOTES = frozenset('«“„"')
_IN_FRAME = re.compile(r"(?<!\w)(?:у|в|на|in\s+the)\s+$", re.IGNORECASE)


def hromada_mentions(
    text: str, sentences: list[tuple[int, int]], places: PlaceLookup, found: list[Found]
) -> list[Found]:
    """The hromadas a report names as scenes, each a mention whose candidates are the
    centres of the hromadas of that name (one per oblast and raion that has one). A name
    already found there ("the Marhanets hromada") becomes that mention."""
    if _ANY_HROMADA_WORD.search(text) is None:
        return []  # (most reports: one scan, no lowered copy of the text)
    starts = [start for start, _ in sentences]
    ends = {m.end for m in found}
    by_span = {(m.start, m.end): m for m in found}
    mentions = []
    for listed in _HROMADA_LIST.finditer(text):
        group = 1 if listed.group(1) else 2
        for index, name in enumerate(_NAME.finditer(text, listed.start(group), listed.end(group))):
            start, end = name.span()
            number = bisect_right(starts, start) - 1
            if index == 0 and (
                text[max(0, start - 1) : start] in _QUOTES  # «Нікопольська громада»: a name
                or _locates_a_village(text, start, name.group(), ends)
                or _frames_places(text, listed, found, number)
                or _TITLE_BEFORE.search(text, max(0, start - 20), start)
            ):
                break  # (and "Голова Сумської громади повідомив": whose title it is)
            if _NOT_A_HROMADA.match(name.group()):
                break  # "Єврейська громада Дніпра": a community of people
            candidates = places.hromada_centres(name.group())
            if (
                not candidates
                or number < 0
                or _holds_a_named_place(candidates, number, found, listed.span())
            ):
                continue
            mention = by_span.get((start, end))
            if mention is None:
                if any(m.start < end and start < m.end for m in found):
                    continue
                mention = Found(start, end, name.group(), number, candidates)
                mentions.append(mention)
            mention.candidates = candidates
            mention.hromada = True
    return mentions


def _frames_places(text: str, listed: re.Match, found: list[Found], number: int) -> bool:
    """ "У Марганецькій громаді росіяни обстріляли Іллінку": hromadas in the locative with
    places of their own in the sentence frame those places."""
    return bool(_IN_FRAME.search(text, max(0, listed.start() - 4), listed.start())) and any(
        m.sentence == number and not m.is_region and not listed.start() <= m.start < listed.end()
        for m in found
    )


def names_hromada(text: str, start: int, end: int) -> bool:
    """Whether the name at start:end is a hromada's ("Марганецьку громаду", "Білопільська,
    Ворожбянська та Миропільська громади", "the Marhanets hromada"), not a town listed
    before hromadas ("Нікополь, Марганецька та Покровська громади")."""
    if not _HROMADA_AFTER.match(text, end):
        return False
    return not has_cyrillic(text[start:end]) or bool(_WHOLE_ADJECTIVE.fullmatch(text, start, end))


def _holds_a_named_place(
    candidates: list[Candidate], number: int, found: list[Found], listed: tuple[int, int]
) -> bool:
    """ "У Марганецькій громаді обстріляли Мирове": a hromada its sentence names a place of
    (its centre included) locates that place rather than being a scene of its own. (The
    place's likeliest reading only: a namesake in a hromada of that name elsewhere is not it.)"""
    labels = {c.place.hromada for c in candidates}
    return any(
        m.sentence == number
        and not m.is_region
        and not m.hromada
        and not listed[0] <= m.start < listed[1]  # (the names of the list itself)
        and m.candidates
        and max(m.candidates, key=lambda c: c.score).place.hromada in labels
        for m in found
    )


def _locates_a_village(text: str, start: int, name: str, ends: set[int]) -> bool:
    """ "Іллінка Курахівської міської громади", "Кам'янське (Степногірська громада)"."""
    return any(
        end <= start
        and (
            _BRACKETED.fullmatch(text, end, start)
            or _IN_THE.fullmatch(text, end, start)
            or (_GENITIVE.search(name) and _GENITIVE_AFTER.fullmatch(text, end, start))
        )
        for end in ends
    )
