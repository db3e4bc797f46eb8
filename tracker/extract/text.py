"""Sentences, clauses, tokens and language of a report, all with spans into the original."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Letters with inner apostrophes and hyphens: Kup'yansk, Kupiansk-Vuzlovyi, Куп’янськ.
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ʼ`](?=[^\W\d_])|-(?=[^\W\d_]))*")
# A sentence ends at . ! ? or … followed by space and a capital/quote/bracket, or a newline;
# not after a one- or two-digit number ("am 28. November").
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])(?<!\s\d\.)(?<!\s\d\d\.)[\"»”)]*\s+(?=[\"«“(\[]?[^\W\d_])|\n\s*"
)
_CLAUSE_END = re.compile(r";|:\s|\s[–—]\s")

_UKRAINIAN = set("іїєґІЇЄҐ")
_RUSSIAN = set("ыэъёЫЭЪЁ")
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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
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
    cyrillic = sum(1 for c in sample if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    if cyrillic > latin:
        ukrainian = sum(1 for c in sample if c in _UKRAINIAN)
        russian = sum(1 for c in sample if c in _RUSSIAN)
        return "uk" if ukrainian >= russian else "ru"
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", sample)]
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in _LATIN_STOPWORDS.items()}
    if "é" in sample or "è" in sample or "ç" in sample:
        counts["fr"] += 2
    if "ß" in sample or "ä" in sample or "ü" in sample or "ö" in sample:
        counts["de"] += 2
    return max(counts, key=lambda lang: counts[lang])
