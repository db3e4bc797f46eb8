"""Sentences, clauses, tokens and language of a report, all with spans into the original."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tracker.extract.sentences import sentence_spans

# Letters with inner apostrophes and hyphens: Kup'yansk, Kupiansk-Vuzlovyi, Куп’янськ.
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ʼ`](?=[^\W\d_])|-(?=[^\W\d_]))*")
# Also where a contrast hands the word to another party: ", while Moscow said ...".
_CLAUSE_END = re.compile(
    r";|:\s|\s[–—]\s|,\s+(?=(?:while|whereas|während|wohingegen|тоді\s+як|тогда\s+как|"
    r"в\s+то\s+время\s+как)(?!\w)|(?:tandis|alors)\s+qu(?:e(?!\w)|['’]))",
    re.IGNORECASE,
)
_CLAUSE_MARKS = (",", ";", ":", "–", "—")

__all__ = [
    "UKRAINIAN_LETTERS",
    "Token",
    "clause_spans",
    "detect_language",
    "previous_word",
    "quoted",
    "sentence_spans",
    "token_end",
    "tokens",
]

_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
UKRAINIAN_LETTERS = "іїєґІЇЄҐ"
_RUSSIAN = "ыэъёЫЭЪЁ"
_LATIN_WORD = re.compile(r"[^\W\d_]+")
_LATIN_STOPWORDS = {
    "en": frozenset("the of and in near to on forces russian ukrainian that with".split()),
    "fr": frozenset("le la les des de du et dans près forces russes ukrainiennes à".split()),
    "de": frozenset("der die das und in bei den dem von russische ukrainische mit".split()),
}


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def acronym(self) -> bool:
        return len(self.text) <= 5 and self.text.isupper()


# French and Italian elisions glue an article to the next word: d'Oukraïnsk, l'Ukraine.
_ELISION = re.compile(r"(?:[dlnjmstc]|qu)['’](?=[^\W\d_])", re.IGNORECASE)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    found = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word, offset = match.group(), match.start()
        elided = _ELISION.match(word)
        if elided:
            word, offset = word[elided.end() :], offset + elided.end()
        found.append(Token(word, offset, offset + len(word)))
    return found


def token_end(text: str, start: int, end: int) -> int:
    """Where the word starting at `start` ends (as `tokens` reads words)."""
    match = _TOKEN.match(text, start, end)
    return match.end() if match else start + 1


QUOTES_OPEN = '«“„"‹'  # not the apostrophe: "d'Oukraïnsk"
_QUOTES_CLOSE = '»”“"›'
# (» and › too: German opens quotes with them, "die Brigade »Asow«")
_SPACES_AND_QUOTES = ' \u00a0«“"„‹»›'


_QUOTED_NAME_REACH = 40  # how far a quoted name's closing quote may stand


def quoted(text: str, word: Token) -> bool:
    """Whether a word stands in quotes (the name of a grouping, an outlet, an operation): a
    few words at most — not the first word of a quoted sentence ("Slavyansk will be next,"
    one volunteer said)."""
    before = text[word.start - 1 : word.start] if word.start else ""
    if before not in QUOTES_OPEN or before == "":
        return False
    after = text[word.end : word.end + 1]
    if after in _QUOTES_CLOSE:
        return True
    if after != " ":
        return False
    rest = text[word.end : word.end + _QUOTED_NAME_REACH]
    closing = min((i for i in map(rest.find, _QUOTES_CLOSE) if i >= 0), default=-1)
    return closing >= 0 and rest.count(" ", 0, closing) <= 2


def previous_word(text: str, position: int, lower_bound: int) -> str:
    """The word before `position` (quotes and spaces between set aside)."""
    end = position
    while end > lower_bound and text[end - 1] in _SPACES_AND_QUOTES:
        end -= 1
    start = max(lower_bound, end - 40)
    cut = max(text.rfind(" ", start, end), text.rfind("\u00a0", start, end))
    word = text[cut + 1 if cut >= 0 else start : end]
    if "\n" in word or "\t" in word:
        word = word.split()[-1] if word.split() else ""
    return word.strip(".,;:()[]\"'«»“”„")


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    # (a clause ends at one of these marks, which no letter folds to: without them, one clause)
    if all(text.find(mark, start, end) < 0 for mark in _CLAUSE_MARKS):
        return [(start, end)]
    spans = []
    position = start
    for match in _CLAUSE_END.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return spans


def detect_language(text: str) -> str:
    """en, fr, de, uk or ru, from letters (Cyrillic) or frequent words (Latin)."""
    sample = text[:20_000]
    encoded = sample.encode("utf-8", "surrogatepass")
    # U+0400..U+04FF are the two-byte UTF-8 sequences led by 0xD0..0xD3.
    cyrillic = sum(encoded.count(lead) for lead in (b"\xd0", b"\xd1", b"\xd2", b"\xd3"))
    latin = len(encoded.translate(None, _NOT_ASCII_LETTER))
    if cyrillic > latin:
        ukrainian = sum(sample.count(c) for c in UKRAINIAN_LETTERS)
        russian = sum(sample.count(c) for c in _RUSSIAN)
        return "uk" if ukrainian >= russian else "ru"
    words = _latin_words(sample.lower().encode("utf-8", "surrogatepass"))
    counts = {lang: sum(words[w] for w in stop) for lang, stop in _LATIN_STOPWORDS.items()}
    if "é" in sample or "è" in sample or "ç" in sample:
        counts["fr"] += 2
    if "ß" in sample or "ä" in sample or "ü" in sample or "ö" in sample:
        counts["de"] += 2
    return max(counts, key=lambda lang: counts[lang])


# Every ASCII byte that is not a letter, as a space: a text's bytes split at them give its
# words of ASCII letters whole (a letter run never holds one).
_ASCII_NOT_LETTER_TO_SPACE = bytes(
    b if b >= 0x80 or chr(b).isalpha() else ord(" ") for b in range(256)
)


def _latin_words(encoded: bytes) -> Counter:
    """`Counter(_LATIN_WORD.findall(text))` of a UTF-8 text, by splitting its bytes at ASCII
    non-letters (C speed): a piece of ASCII letters is one word; a piece holding other
    characters (an accented letter, a curly apostrophe, a dash) is read by the pattern."""
    pieces = Counter(encoded.translate(_ASCII_NOT_LETTER_TO_SPACE).split())
    words: Counter = Counter()
    for piece, count in pieces.items():
        if piece.isascii():
            words[piece.decode("ascii")] += count
        else:
            for word in _LATIN_WORD.findall(piece.decode("utf-8", "surrogatepass")):
                words[word] += count
    return words
