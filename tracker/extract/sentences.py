"""Sentences as written: punctuation ends a sentence; a line break ends one only where the
writer meant it (blank line, bullet, headline, emoji or hashtag line, a line that was not
full), not where plain text was hard-wrapped at a fixed width."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from tracker.extract.lexicon import NAME_ADJECTIVE, NAME_HEAD

# A sentence ends at . ! ? or … followed by space and a capital/quote/bracket; not after a
# one- or two-digit number (`_ordinal`). The pattern starts with the punctuation (not a
# lookbehind) so that the regex engine skips to it at C speed; the sentence ends after the
# mark (group "gap" follows it). A newline is a candidate end, decided by `_line_ends`.
# (or a bullet or emoji before a capital: "… près de Torske. 🔵 Kherson : …"; not a closing
# hashtag, which frames the sentence it follows)
_SENTENCE_END = re.compile(
    r"[.!?…](?P<gap>[\"»”)]*\s+)"
    r"(?=[\"«“(\[]?[^\W\d_]|"
    r"[•▪►▶●○◦■□\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f]+\s*"
    r"(?-i:[A-ZÀ-ÞА-ЯЁІЇЄҐ]))|\n\s*"
)
# "am 28. November", "die 93. Brigade": an ordinal; "on November 30. Russian ...": a date ends.
_ORDINAL_DOT = re.compile(r"\s\d{1,2}\.$")
_ENGLISH_DATE_DOT = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s\d{1,2}\.$", re.IGNORECASE
)
# "Gov. Ivan Fedorov", "Lt. Gen. ...", "St. Petersburg": a title's dot ends no sentence.
_TITLE_DOT = re.compile(
    r"(?<![\w.])(?:Gov|Lt|Gen|Col|Maj|Sgt|Capt|Cpt|Brig|Adm|Cmdr|Mr|Mrs|Ms|Dr|Prof|Rep|Sen|St)$"
)
# Hard-wrapped text is at most this wide; a longer line is a paragraph of its own (HTML).
_MAX_WRAP = 160
_MIN_WRAP = 40
# How much shorter than the widest neighbour a full line may be (hand wrapping is ragged).
_SLACK = 4
_BULLETS = "-•*·▪►▶–—>●○◦■□✓✔✅❗❌⚡🔴🟢"
_CLOSING = '.!?…:;»”")'


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        gap = match.group("gap")
        if gap is None and not _line_ends(text, match.start(), match.end()):
            continue
        if gap is not None and (
            (_ordinal(text, match.start() + 1) and not _count_ends_sentence(text, match))
            or _title(text, match.start())
        ):
            continue
        cut = match.start("gap") if gap is not None else match.start()
        if cut > position:
            spans.append((position, cut))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _ordinal(text: str, end: int) -> bool:
    before = text[max(0, end - 16) : end]
    return bool(_ORDINAL_DOT.search(before)) and not _ENGLISH_DATE_DOT.search(before)


def _count_ends_sentence(text: str, match: re.Match) -> bool:
    """Whether a number after a word ends its sentence before a capital Cyrillic letter:
    Ukrainian and Russian write no ordinal dot ("ППО знешкоджено 77. Зафіксовано влучання" is
    two sentences; not a list's "1. Покровськ —", nor "25. травня")."""
    if not _CAPITAL_CYRILLIC.match(text, match.end()):
        return False
    before = text[max(0, match.start() - 12) : match.start()].rstrip("0123456789").rstrip()
    return bool(before) and before[-1].isalpha()


_CAPITAL_CYRILLIC = re.compile(r'["«“(\[]{0,2}[А-ЯЁЄІЇҐ]')


def _title(text: str, mark: int) -> bool:
    return text[mark] == "." and _TITLE_DOT.search(text, max(0, mark - 5), mark) is not None


def _line_ends(text: str, newline: int, after: int) -> bool:
    """Whether the line break(s) text[newline:after] end the sentence."""
    if text.count("\n", newline, after) > 1 or after >= len(text):
        return True  # a blank line, or the end
    start = text.rfind("\n", 0, newline) + 1
    line = text[start:newline].rstrip()
    following_end = text.find("\n", after)
    following = text[after : len(text) if following_end < 0 else following_end].rstrip()
    if not line or not following:
        return True
    if line[-1] in _CLOSING or _marked(line[-1]) or _marked(following[0]):
        return True
    if _headline(line) or _headline(following):
        return True
    first_word = following.split(maxsplit=1)[0]
    if following[0].islower():
        return False  # a sentence goes on in lower case
    if _name_goes_on(line, first_word):
        return False
    width = max(len(line), len(following), _previous_line_length(text, start - 1))
    if not _MIN_WRAP <= width <= _MAX_WRAP:
        return True
    # A wrapped line was full: the next word would not have fitted on it.
    return len(line) + 1 + len(first_word) + _SLACK <= width


def _name_goes_on(line: str, first_word: str) -> bool:
    """ "на околицях Великої\nНовосілки", "севернее Часова\nЯра", "Tchassiv\nIar": the
    line ends with a name's adjective, or the next begins with a name's usual head noun —
    the two halves of a wrapped name, not a sentence's end and the next one's first word."""
    last_word = line.rsplit(maxsplit=1)[-1]
    if not (last_word[:1].isupper() and last_word.isalpha() and first_word[:1].isupper()):
        return False
    head = first_word.rstrip(",;.)")
    return head.isalpha() and bool(
        NAME_ADJECTIVE.fullmatch(last_word) or NAME_HEAD.fullmatch(head) or _LYMAN.fullmatch(head)
    )


# Лиман closes two-word names too (Красний Лиман), though it is also a town alone.
_LYMAN = re.compile(r"(?:лиман|lyman)(?:а|у|ом|і|е|ю|ем|я|ах|ів|ов|ам|и)?", re.IGNORECASE)


def _previous_line_length(text: str, newline: int) -> int:
    """Length of the line before the newline at `newline` (0 if there is none)."""
    if newline <= 0:
        return 0
    start = text.rfind("\n", 0, newline) + 1
    return len(text[start:newline].rstrip())


def bulleted(text: str, start: int) -> bool:
    """Whether text[start:] opens a line with a bullet or an emoji: an item of a post's list
    ("▪️ 7 авіаударів — по Гуляйполю …")."""
    if text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False  # (the clause does not open its line)
    head = text[start : start + 8].lstrip()
    return bool(head) and _marked(head[0])


def _marked(char: str) -> bool:
    """A bullet, emoji or hashtag: list items and Telegram posts start or end lines with
    them."""
    if char in _BULLETS or char == "#":
        return True
    return unicodedata.category(char) == "So" or "\U0001f000" <= char <= "\U0001faff"


def _headline(line: str) -> bool:
    """A line in capitals ("RUSSIAN FORCES ADVANCE NEAR POKROVSK")."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# A line ending in a capitalised word and the next beginning with one ("face à Hola\nPrystan").
_WRAPPED_PAIR = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*\n[ \t]*([^\W\d_][\w'’-]*)")


def join_wrapped_names(
    text: str, spans: list[tuple[int, int]], is_name: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Sentences rejoined where a line break cut a two-word name the gazetteer knows ("Hola\n
    Prystan", "Вовчанських\nХуторах") on a line too short for the width rule to read a wrap.
    `is_name("Hola Prystan")` tells whether two words are one place's name."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            before_start, before_end = joined[-1]
            gap = text[before_end:start]
            pair = _WRAPPED_PAIR.match(text, _last_word_start(text, before_start, before_end))
            if (
                gap.count("\n") == 1
                and not gap.strip()
                and pair is not None
                and pair.end(2) > start
                and pair.group(1)[:1].isupper()
                and pair.group(2)[:1].isupper()
                and is_name(f"{pair.group(1)} {pair.group(2)}")
            ):
                joined[-1] = (before_start, end)
                continue
        joined.append((start, end))
    return joined


def _last_word_start(text: str, start: int, end: int) -> int:
    at = end
    while at > start and (text[at - 1].isalnum() or text[at - 1] in "'’-"):
        at -= 1
    return at
