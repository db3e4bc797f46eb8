"""Raions and hromadas named in text: "Pokrovsk Raion", "Покровського району", "Kurakhove
hromada", "Курахівська громада", "Kupianskyi district".

A raion or hromada is named after its centre, either by the centre's own name ("Kurakhove
hromada") or by the adjective made from it ("Курахівська громада", "Pokrovskyi Raion"). The
adjective's stem — the name up to its -sk- suffix, in skeleton spelling — is the same in every
language and case: Pokrovskyi, Покровського and Покровский all give "pokrovsk".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.names import skeleton

RAION_WORDS = frozenset(
    """raion rayon district rajon bezirk район району районі районом района районе""".split()
)
HROMADA_WORDS = frozenset(
    """hromada hromadas community municipality громада громади громаді громаду громадою
    громада громады громаде громаду громадой""".split()
)
# Adjectives of size and kind between the name and the word: "міської громади", "urban".
_QUALIFIERS = re.compile(
    r"^(?:urban|rural|settlement|city|town|village|міськ\w*|сільськ\w*|селищн\w*|городск\w*|"
    r"сельск\w*|поселков\w*)$",
    re.IGNORECASE,
)
# The -sk- adjective of a name in skeleton spelling, its case ending cut off.
_ADJECTIVE = re.compile(r"^(.{2,}?(?:sk|ck|zk|c))(?:[aeiouH]{0,3}(?:mu|m|i)?)$")


@dataclass(frozen=True, slots=True)
class AreaName:
    kind: str  # "raion" or "hromada"
    name: str  # the name as written, without the kind word


def parse_area(text: str) -> AreaName | None:
    """The raion or hromada a phrase names, or None when it names neither."""
    words = text.replace("\u00a0", " ").split()
    if len(words) < 2:
        return None
    kind_word = words[-1].lower()
    if kind_word in RAION_WORDS:
        kind = "raion"
    elif kind_word in HROMADA_WORDS:
        kind = "hromada"
    else:
        return None
    name_words = words[:-1]
    while name_words and _QUALIFIERS.match(name_words[-1]):
        name_words.pop()
    if not name_words:
        return None
    return AreaName(kind, " ".join(name_words))


def adjective_stem(name: str) -> str | None:
    """The stem of a -ska / -skyi / -ського adjective (a raion's or hromada's name), None when
    the name is no such adjective."""
    key = skeleton(name.split()[0]) if name.split() else ""
    match = _ADJECTIVE.match(key)
    return match.group(1) if match else None
