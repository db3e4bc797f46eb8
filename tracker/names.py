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
from collections.abc import Iterator
from functools import lru_cache

from tracker.errors import InvalidNameError

NAMES_VERSION = 12
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
    "ё": "e",
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
    if not stripped.isprintable():
        stripped = " ".join(stripped.split())  # NBSP and other spaces are just spaces
    if not stripped.isprintable():
        char = next(c for c in stripped if not c.isprintable())
        raise InvalidNameError(
            f"the place name contains a control or invisible character (U+{ord(char):04X})"
        )
    if not stripped.isascii():
        unsupported = sorted({c for c in _OUTSIDE_LATIN_CYRILLIC.findall(stripped) if c.isalpha()})
        if unsupported:
            raise InvalidNameError(
                "the place name uses an unsupported script "
                f"({''.join(unsupported[:5])}); write it in Latin or Cyrillic letters"
            )
    return stripped


# Characters outside the Latin and Cyrillic blocks (with IPA letters, combining marks, spacing
# modifiers such as ʼ, and general punctuation); letters among them are another script.
_OUTSIDE_LATIN_CYRILLIC = re.compile("[^\u0000-\u036f\u0400-\u052f\u1e00-\u1eff\u2000-\u206f]")


def _is_supported_letter(char: str) -> bool:
    # (Cyrillic as the reports' languages write it: a Bashkir "Һорливка" is no name a report
    # uses, and with its Һ unread it would be Орлівка, a village 800 km from Horlivka)
    if char in EAST_SLAVIC_LETTERS:
        return True
    name = unicodedata.name(char, "")
    return name.startswith("LATIN")


EAST_SLAVIC_LETTERS = frozenset(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐЎ"
)


def is_indexable(name: str) -> bool:
    """True for names in Latin or Cyrillic script (others cannot be queried, so are not keyed)."""
    return any(c.isalpha() for c in name) and all(
        _is_supported_letter(c) for c in name if c.isalpha()
    )


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Case, Unicode form, apostrophes and separators made uniform; letters kept as written."""
    text = unicodedata.normalize("NFC", name).casefold()
    text = _APOSTROPHE_RE.sub("'", text)
    return _SEPARATOR_RE.sub(" ", text).strip()


def strip_accents(latin: str) -> str:
    """A Latin-script name without its accents (Kamianské → Kamianske; not for Cyrillic,
    where й and ї are letters of their own)."""
    decomposed = unicodedata.normalize("NFD", latin)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def words(name: str) -> list[str]:
    """The words of a name, folded, with apostrophes dropped."""
    return [w.replace("'", "") for w in fold(name).split()]


_TO_LATIN_TABLE = str.maketrans({**_CYRILLIC_TO_LATIN, **_LATIN_SPECIALS})
_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]")


def to_latin(word: str) -> str:
    """Romanise Cyrillic and spell out sound-bearing Latin diacritics; drop the rest."""
    text = word.lower().translate(_TO_LATIN_TABLE)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_ASCII_ALNUM.sub("", text)


def _replace_all(word: str, steps: tuple[tuple[str, str], ...]) -> str:
    for old, new in steps:
        word = word.replace(old, new)
    return word


# Language conventions rewritten into the English/BGN spelling the skeleton starts from.
# Control characters hold digraphs whose letters later steps would otherwise rewrite.
_FRENCH = (
    ("gue", "ge"),  # Drougué: the u only keeps the g hard
    ("gui", "gi"),
    ("tch", "\x01"),
    ("ch", "sh"),
    ("dj", "\x02"),
    ("j", "zh"),
    ("ou", "u"),
    ("\x01", "ch"),
    ("\x02", "dzh"),
)
_GERMAN = (
    ("schtsch", "\x01"),
    ("tsch", "\x02"),
    ("sch", "\x03"),
    ("ch", "kh"),
    ("ss", "\x04"),
    ("j", "y"),
    ("w", "v"),
    ("z", "ts"),
)
_GERMAN_RESTORE = (("\x01", "shch"), ("\x02", "ch"), ("\x03", "sh"), ("\x04", "s"))
# (and дз, written ds: Dniprodserschynsk, Dserschynsk)
_GERMAN_VOICED_S = re.compile(r"(^|[aeiouy]|(?<=d))s(?=[aeiouy])")
_POLISH_CZECH = (("ch", "kh"), ("cz", "ch"), ("sz", "sh"), ("rz", "zh"), ("w", "v"), ("j", "y"))


def _french(word: str) -> str:
    return _replace_all(word, _FRENCH)


def _german(word: str) -> str:
    return _german_restored(_replace_all(word, _GERMAN))


def _german_restored(word: str) -> str:
    """The rest of `_german` once its letters are rewritten."""
    # A single s before a vowel is voiced in German spellings (Saporischschja, Losowa).
    if "s" in word:  # (a cheap look first)
        word = _GERMAN_VOICED_S.sub(r"\1z", word)
    return _replace_all(word, _GERMAN_RESTORE)


_GERMAN_FINAL_S = re.compile(r"(?<=[aeiouy])s$")


def _german_final_z(word: str) -> str:
    """A German spelling whose final s after a vowel is з as well (Solotyj Kolodjas for
    Zolotyi Kolodiaz): German writes з as s before a vowel and at the end of a word."""
    return _GERMAN_FINAL_S.sub("z", _german(word))


def _german_unvoiced(word: str) -> str:
    """German letters with every single s as с (Sitschnewe for Sichneve: an initial s is с
    as often as з)."""
    return _replace_all(_replace_all(word, _GERMAN), _GERMAN_RESTORE)


def _german_all_z(word: str) -> str:
    """German letters with every single s as з (Perejisne for Pereizne, Kusmyniwka for
    Kuzmynivka: German writes з as s before a consonant too)."""
    word = _replace_all(word, _GERMAN).replace("s", "z")
    return _replace_all(word, _GERMAN_RESTORE)


def _polish_czech(word: str) -> str:
    return _replace_all(word, _POLISH_CZECH)


def _german_voiced_s(word: str) -> str:
    """Only the German voiced s of an otherwise English spelling (Sarichne for Zarichne,
    Sapadne for Zapadne): German reports often mix the two."""
    return _GERMAN_VOICED_S.sub(r"\1z", word) if "s" in word else word


def _russian_yo(word: str) -> str:
    """Russian ё after a consonant, written jo/yo/io (Fjodorowka, Semyonovka): the Cyrillic
    names read it as е (Федоровка)."""
    return _YO.sub("e", word)


_YO = re.compile(r"(?<=[bcdfghklmnprstvwz])[jyi]o")


def _german_russian_yo(word: str) -> str:
    """A German spelling of a Russian name with ё (Schurawljowka for Журавлевка)."""
    return _russian_yo(_german(word))


_RUSSIAN_OVKA = re.compile(r"(?<=[^aeiouy])[oe]vka$")


def _ukrainian_ivka(word: str) -> str:
    """A Ukrainian stem with the Russian -овка/-евка (Kolisnikovka for Kolisnykivka): the
    Ukrainian -івка."""
    return _RUSSIAN_OVKA.sub("ivka", word)


_CONVENTIONS = (
    _french,
    _german,
    _german_final_z,
    _german_unvoiced,
    _german_all_z,
    _polish_czech,
    _german_voiced_s,
    _russian_yo,
    _german_russian_yo,
    _ukrainian_ivka,
)

_SKELETON_REPLACEMENTS = (
    ("x", "ks"),
    ("q", "k"),
    # "Konstiantynivka", "Konstantiniwka": the Russian root's n in a Ukrainian spelling of
    # Kostiantynivka (Костянтинівка)
    ("nst", "st"),
    ("w", "v"),
    ("ou", "u"),
    ("zh", "S"),
    ("sh", "S"),  # ж and ш are both "sch" in German spellings
    ("ch", "C"),
    ("kh", "H"),
    ("gh", "H"),
    ("g", "H"),
    ("h", "H"),  # х, г (ukr. h / rus. g), ґ
    ("ts", "c"),
    ("tz", "c"),
    ("j", "i"),
    ("y", "i"),
)
_GLIDE = re.compile(r"i+(?=[aeiou])")  # ia/ya/ja, ie/ye, iu/yu, io: the glide goes
# A Russian plural adjective -кие ("Vovchanskiye", "Velikie") is the Ukrainian -кі
# (Vovchanski), not the neuter -ке (Vovchanske) its glide would make it. (Not -хие: German
# "Tychje" is Тихе.)
_PLURAL_ADJECTIVE = re.compile(r"(?<=k)i+e$")
# Doubled consonants and i (zhzh, ss, ii) are spelling; aa/oo mark Russian -ая/-ое endings.
_DOUBLED = re.compile(r"([^aeou])\1+")


@lru_cache(maxsize=200_000)
def _skeleton_word(latin_word: str) -> str:
    key = _replace_all(latin_word, _SKELETON_REPLACEMENTS)
    key = _PLURAL_ADJECTIVE.sub("i", key)
    return _DOUBLED.sub(r"\1", _GLIDE.sub("", key))


# An ordinal written with its ending is the number alone: "1st Knyazhy", "1-й Княжий",
# "1-y Knyazhiy", "2e", "2-я".
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th|er|re|eme|e|i|ii|y|yi|yy|iy|ia|ya|ye|aia|aya|oe|oye)")
_ORDINAL_ENDINGS = frozenset(
    {"st", "nd", "rd", "th", "er", "re", "eme", "e", "i", "ii", "y", "yi", "yy", "iy", "ia"}
    | {"ya", "ye", "aia", "aya", "oe", "oye", "a", "o"}
)


@lru_cache(maxsize=65536)
def _latin_words(name: str) -> tuple[str, ...]:
    latin: list[str] = []
    for word in words(name):
        word = to_latin(word)
        if not word:
            continue
        if latin and latin[-1].isdigit() and word in _ORDINAL_ENDINGS:
            continue  # the ending of "1-й", split off at the hyphen
        ordinal = _ORDINAL.fullmatch(word)
        latin.append(ordinal.group(1) if ordinal else word)
    return tuple(latin)


def skeleton(name: str) -> str:
    """The transliteration-blind key of a name as written (no language rewriting)."""
    return "".join(_skeleton_word(w) for w in _latin_words(name))


@lru_cache(maxsize=100_000)
def match_keys(name: str) -> frozenset[str]:
    """Every skeleton the name may stand for: as written and under each supported
    spelling convention. Remembered: a word of a report is asked for twice (is it a stop
    word, a given name), and asked again in every report that has it."""
    keys = {skeleton(name), *convention_keys(name)}
    keys.discard("")
    return frozenset(keys)


def convention_keys(name: str) -> set[str]:
    """Skeletons of a Latin name read as French, German or Polish/Czech spelling."""
    if has_cyrillic(name):
        return set()
    latin = _latin_words(name)
    keys = set()
    for respelled in _respellings(latin):
        if respelled != latin:
            keys.add("".join(_skeleton_word(w) for w in respelled))
    keys.discard("")
    return keys


def _respellings(latin: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The words respelled by each of `_CONVENTIONS`, in its order; the German letters of
    each word rewritten once for the five conventions that start from them (each word as
    `_CONVENTIONS` rewrites it)."""
    yield tuple(_french(w) for w in latin)
    rewritten = [_replace_all(w, _GERMAN) for w in latin]
    german = tuple(_german_restored(w) for w in rewritten)
    yield german
    yield tuple(_GERMAN_FINAL_S.sub("z", w) for w in german)
    yield tuple(_replace_all(w, _GERMAN_RESTORE) for w in rewritten)
    yield tuple(_replace_all(w.replace("s", "z"), _GERMAN_RESTORE) for w in rewritten)
    yield tuple(_polish_czech(w) for w in latin)
    yield tuple(_german_voiced_s(w) for w in latin)
    yield tuple(_russian_yo(w) for w in latin)
    yield tuple(_russian_yo(w) for w in german)
    yield tuple(_ukrainian_ivka(w) for w in latin)


# Case endings of Ukrainian and Russian nouns and adjectives, in skeleton spelling,
# longest first. A stem keeps at least two letters (Яр → Яру).
_ENDINGS = (
    # Longest first. In skeleton spelling the glide is gone: -ая is "aa", -ую "uu", -ое "oe".
    "omu",
    "oHo",
    # a Russian soft adjective: Среднее, Среднего, Среднему (Верхнее, Крайнее)
    "emu",
    "eHo",
    "imi",
    "ami",
    "aa",
    "oe",
    "ee",
    "uu",
    "iH",
    "aH",
    "am",
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
_QUERY_ONLY_ENDINGS = ("ou", "eu", "iv", "im")
_FLEETING_O_ENDINGS = ("a", "u", "om", "e")


def _stem_word(key: str) -> str:
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return key[: -len(ending)]
    return key


def _query_stems(word_key: str) -> set[str]:
    """Every stem a case form may have: each ending it may carry is tried (Орехову is
    Орехов + у, not Орех + ову)."""
    stems = {
        word_key[: -len(e)]
        for e in _ENDINGS
        if word_key.endswith(e) and len(word_key) - len(e) >= _MIN_STEM
    } or {word_key}
    # Only in queries (the index keeps its stems): the instrumental -ою/-ею (Костянтинівкою)
    # and the genitive plural -ів (біля Колодязів, Тернів), which a nominative may also end in.
    stems |= {
        word_key[: -len(e)]
        for e in _QUERY_ONLY_ENDINGS
        if word_key.endswith(e) and len(word_key) - len(e) >= _MIN_STEM + 1
    }
    # Dative/locative soften the last consonant: Новосілка → Новосілці (к → ц), Кривий Ріг →
    # Кривому Розі, Таганрог → Таганрозі (г → з), Комишуваха → Комишувасі (х → с).
    return (
        stems
        | {s[:-1] + "k" for s in stems if s.endswith("c")}
        | {s[:-1] + "H" for s in stems if s.endswith("z")}
        # х → с: Комишуваха → Комишувасі
        | {s[:-1] + "H" for s in stems if s.endswith("s")}
        # the е of -ець drops: Марганець → Марганця, Кремінець → Кременця
        | {s[:-1] + "ec" for s in stems if s.endswith("c") and len(s) > 3}
        # and the о of -ок in the singular's cases: Райгородок → в Райгородку, Райгородка,
        # Райгородком, в Райгородке (not a plural's -ки: Лужки is no Лужок)
        | {
            word_key[: -len(e)][:-1] + "ok"
            for e in _FLEETING_O_ENDINGS
            if word_key.endswith("k" + e) and len(word_key) - len(e) > 3
        }
    )


def _name_stems(word_key: str) -> set[str]:
    """Stems of a nominative: without its ending, and whole when it ends in a consonant
    (Орехов is also the stem of Орехова, Орехову)."""
    stem = _stem_word(word_key)
    variants = {stem}
    if word_key[-1:] not in "aeiou":
        variants.add(word_key)
    if word_key.endswith("oi"):
        # a noun in -ой declines as one (Джанкой → Джанкоя, Джанкоем), not as the adjective
        # its ending looks like (Крутой → Крутого)
        variants.add(word_key[:-1])
    # A nominative closed last syllable with і opens to о/е in the other cases:
    # Часів → Часового, Ріг → Рогу, Харків → Харкова.
    match = re.search(r"i([^aeiou]+)$", word_key)
    if match and len(word_key) >= 3:
        for vowel in ("o", "e"):
            variants.add(word_key[: match.start()] + vowel + match.group(1))
    return variants


# The adjective of a town in -ів/-ов/-ев (Оріхів → Оріхівський, Орехов → Ореховский), in any
# case: "на Оріхівському напрямку", "в Ореховском районе".
_TOWN_ADJECTIVE = re.compile(
    r"^(.{2,}?[ioe]v)sk(?:omu|oHo|ii|oi|im|iH|ami|aa|oe|uu|om|em|a|e|i|u)$"
)


def adjective_town_keys(name: str) -> set[str]:
    """Stems of the town a one-word Cyrillic adjective names (Оріхівському → Оріхів)."""
    if not has_cyrillic(name):
        return set()
    latin = _latin_words(name)
    if len(latin) != 1:
        return set()
    match = _TOWN_ADJECTIVE.match(_skeleton_word(latin[0]))
    return {match.group(1)} if match else set()


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


_RU_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_RU_IOTATED_E = re.compile(r"(?:(?<=^)|(?<=[^а-яё])|(?<=[аеёиоуыэюяйьъ]))е", re.IGNORECASE)
_RU_YY = re.compile(r"ый\b", re.IGNORECASE)


def romanize_russian(name: str) -> str:
    """A Russian Cyrillic name as English-language reports write it (BGN/PCGN without the
    apostrophes): Казачья Локня → Kazachya Loknya, Меловой → Melovoy, Мирный → Mirny."""
    text = unicodedata.normalize("NFC", name)
    text = _RU_YY.sub(lambda m: "\x01" if m.group(0)[0].islower() else "\x02", text)
    text = _RU_IOTATED_E.sub(lambda m: "\x03" if m.group(0).islower() else "\x04", text)
    out: list[str] = []
    for char in text:
        latin = {"\x01": "y", "\x02": "Y", "\x03": "ye", "\x04": "Ye"}.get(char)
        if latin is None:
            latin = _RU_BGN.get(char.lower(), char.lower())
            if char.isupper() and latin:
                latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)
