"""Name normalisation shared by the gazetteer index and text matching.

Three levels, from strict to loose:

- `fold(name)`: case, Unicode form, apostrophes, hyphens and spaces made uniform; diacritics
  and script kept. Equal folds mean "the same written name".
- `match_keys(name)`: a transliteration-blind skeleton. Cyrillic is romanised, the Latin
  conventions of English/BGN, the Ukrainian national system, French, German, Polish and Czech
  are reduced to one spelling, so Kupiansk, Kupyansk, Koupiansk, Kupjans'k and Куп'янськ share
  a key. Lossy on purpose; the gazetteer ranks the collisions.
- `stem_keys(name)`: skeleton keys with Ukrainian/Russian case endings removed, for inflected
  Cyrillic forms (Покровська, Часовому Яру, Угледаре).

`NAMES_VERSION` changes whenever a rule changes, so a shipped index built with older rules is
rebuilt instead of silently missing names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tracker.errors import InvalidNameError

NAMES_VERSION = 4
MAX_NAME_LENGTH = 200

APOSTROPHES = "'’ʼ`″‘ʹʺ′\"”“«»"
_APOSTROPHE_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")
_SEPARATOR_RE = re.compile(r"[\s\-‐‑‒–—_./,()]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")

# One romanisation for the skeleton, covering Ukrainian, Russian and Belarusian letters.
_CYRILLIC_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ё": "io",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ј": "j",
    "љ": "lj",
    "њ": "nj",
    "ћ": "ch",
    "ђ": "dj",
    "џ": "dzh",
    "ѓ": "g",
    "ќ": "k",
}

# Latin letters whose diacritic carries a sound the skeleton must keep (ž is not z).
_LATIN_SPECIALS = {
    "ž": "zh",
    "ż": "zh",
    "ź": "zh",
    "š": "sh",
    "ś": "sh",
    "č": "ch",
    "ć": "ch",
    "ł": "l",
    "đ": "d",
    "ß": "ss",
    "ř": "r",
    "ŭ": "u",
    "ə": "e",
}

# Ukrainian national romanisation (Cabinet of Ministers resolution 55, 2010).
_UK_NATIONAL = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
}
_UK_NATIONAL_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
UKRAINIAN_ONLY_LETTERS = set("іїєґ")
RUSSIAN_ONLY_LETTERS = set("ыэъё")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC_RE.search(text))


def validate_name(name: object) -> str:
    """Return the stripped name or raise InvalidNameError saying what is wrong with it."""
    if not isinstance(name, str):
        raise InvalidNameError(f"a place name must be text, got {type(name).__name__}")
    stripped = name.strip()
    if not stripped:
        raise InvalidNameError("the place name is empty; type a settlement or region name")
    if len(stripped) > MAX_NAME_LENGTH:
        raise InvalidNameError(
            f"the place name is {len(stripped)} characters long; the limit is {MAX_NAME_LENGTH}"
        )
    for char in stripped:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            raise InvalidNameError(
                f"the place name contains a control or invisible character (U+{ord(char):04X})"
            )
    unsupported = sorted({c for c in stripped if c.isalpha() and not _is_supported_letter(c)})
    if unsupported:
        raise InvalidNameError(
            "the place name uses an unsupported script "
            f"({''.join(unsupported[:5])}); write it in Latin or Cyrillic letters"
        )
    return stripped


def _is_supported_letter(char: str) -> bool:
    name = unicodedata.name(char, "")
    return name.startswith(("LATIN", "CYRILLIC"))


def is_indexable(name: str) -> bool:
    """True for names in Latin or Cyrillic script (others cannot be queried, so are not keyed)."""
    return any(c.isalpha() for c in name) and all(
        _is_supported_letter(c) for c in name if c.isalpha()
    )


def fold(name: str) -> str:
    """Case, Unicode form, apostrophes and separators made uniform; letters kept as written."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = _APOSTROPHE_RE.sub("'", text)
    return _SEPARATOR_RE.sub(" ", text).strip()


def words(name: str) -> list[str]:
    """The words of a name, folded, with apostrophes dropped."""
    return [w.replace("'", "") for w in fold(name).split()]


def to_latin(word: str) -> str:
    """Romanise Cyrillic and spell out sound-bearing Latin diacritics; drop the rest."""
    out = []
    for char in word:
        if char in _CYRILLIC_TO_LATIN:
            out.append(_CYRILLIC_TO_LATIN[char])
        elif char in _LATIN_SPECIALS:
            out.append(_LATIN_SPECIALS[char])
        else:
            out.append(char)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


# Language conventions rewritten into the English/BGN spelling the skeleton starts from.
def _french(word: str) -> str:
    word = re.sub(
        r"tch|ch|dj|j|ou",
        lambda m: {"tch": "ch", "ch": "sh", "dj": "dzh", "j": "zh", "ou": "u"}[m.group()],
        word,
    )
    return word


def _german(word: str) -> str:
    word = re.sub(
        r"schtsch|tsch|sch|ch|ss|j|w|z",
        lambda m: {
            "schtsch": "shch",
            "tsch": "ch",
            "sch": "sh",
            "ch": "kh",
            "ss": "§",
            "j": "y",
            "w": "v",
            "z": "ts",
        }[m.group()],
        word,
    )
    # A single s before a vowel is voiced in German spellings (Saporischschja, Losowa).
    word = re.sub(r"(^|[aeiouy])s(?=[aeiouy])", r"\1z", word)
    return word.replace("§", "s")


def _polish_czech(word: str) -> str:
    return re.sub(
        r"sz|cz|rz|ch|w|j",
        lambda m: {"sz": "sh", "cz": "ch", "rz": "zh", "ch": "kh", "w": "v", "j": "y"}[m.group()],
        word,
    )


_CONVENTIONS = (_french, _german, _polish_czech)

_SKELETON_STEPS = (
    (re.compile(r"x"), "ks"),
    (re.compile(r"q"), "k"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"zh|sh"), "S"),  # ж and ш are both "sch" in German spellings
    (re.compile(r"ch"), "C"),
    (re.compile(r"kh|gh|g|h"), "H"),  # х, г (ukr. h / rus. g), ґ
    (re.compile(r"ts|tz|c"), "c"),
    (re.compile(r"[jy]"), "i"),
    (re.compile(r"i+(?=[aeiou])"), ""),  # ia/ya/ja, ie/ye, iu/yu, io: the glide goes
    # Doubled consonants and i (zhzh, ss, ii) are spelling; aa/oo mark Russian -ая/-ое endings.
    (re.compile(r"([^aeou])\1+"), r"\1"),
)


def _skeleton_word(latin_word: str) -> str:
    key = latin_word
    for pattern, replacement in _SKELETON_STEPS:
        key = pattern.sub(replacement, key)
    return key


@lru_cache(maxsize=65536)
def _latin_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in (to_latin(w) for w in words(name)) if w)


def skeleton(name: str) -> str:
    """The transliteration-blind key of a name as written (no language rewriting)."""
    return "".join(_skeleton_word(w) for w in _latin_words(name))


def match_keys(name: str) -> set[str]:
    """Every skeleton the name may stand for under the supported spelling conventions."""
    latin = _latin_words(name)
    keys = {"".join(_skeleton_word(w) for w in latin)}
    if not has_cyrillic(name):
        for convention in _CONVENTIONS:
            keys.add("".join(_skeleton_word(convention(w)) for w in latin))
    keys.discard("")
    return keys


# Case endings of Ukrainian and Russian nouns and adjectives, in skeleton spelling,
# longest first. A stem keeps at least two letters (Яр → Яру).
_ENDINGS = (
    "omu",
    "oHo",
    "imi",
    "ami",
    "aH",
    "ov",
    "ev",
    "oi",
    "om",
    "em",
    "ei",
    "ui",
    "u",
    "a",
    "i",
    "e",
    "o",
)
_MIN_STEM = 2


def _stem_word(key: str) -> str:
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return key[: -len(ending)]
    return key


def _query_stems(word_key: str) -> set[str]:
    stem = _stem_word(word_key)
    # Dative/locative soften the last consonant: Новосілка → Новосілці (к → ц).
    return {stem, stem[:-1] + "k"} if stem.endswith("c") else {stem}


def _name_stems(word_key: str) -> set[str]:
    stem = _stem_word(word_key)
    variants = {stem}
    # A nominative closed last syllable with і opens to о/е in the other cases:
    # Часів → Часового, Ріг → Рогу, Харків → Харкова.
    match = re.search(r"i([^aeiou]+)$", word_key)
    if stem == word_key and match and len(word_key) >= 3:
        for vowel in ("o", "e"):
            variants.add(word_key[: match.start()] + vowel + match.group(1))
    return variants


def stem_keys(name: str, *, indexing: bool = False, any_script: bool = False) -> set[str]:
    """Stems of a Cyrillic name (empty for Latin names unless `any_script`).

    The index stems gazetteer names (`indexing=True`, adding the stem alternations of the
    other cases); queries stem the inflected form found in a text.
    """
    if not any_script and not has_cyrillic(name):
        return set()
    per_word_stems = _name_stems if indexing else _query_stems
    combos: set[str] = {""}
    for word in _latin_words(name):
        combos = {prefix + v for prefix in combos for v in per_word_stems(_skeleton_word(word))}
    combos.discard("")
    return combos


def romanize_ukrainian(name: str) -> str:
    """Ukrainian national romanisation of a Ukrainian Cyrillic name (Запоріжжя → Zaporizhzhia)."""
    text = unicodedata.normalize("NFC", name)
    text = _APOSTROPHE_RE.sub("", text)
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        at_word_start = index == 0 or not text[index - 1].isalpha()
        if lower == "г" and index > 0 and text[index - 1].lower() == "з":
            latin = "gh"  # зг is written zgh to keep it apart from ж (zh)
        elif at_word_start and lower in _UK_NATIONAL_INITIAL:
            latin = _UK_NATIONAL_INITIAL[lower]
        else:
            latin = _UK_NATIONAL.get(lower, lower)
        if char.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)
