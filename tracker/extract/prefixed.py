"""Rule patterns searched only where one of their literal prefixes starts.

The claim rules search the same case-insensitive word alternations ("could|might|would|...")
in every sentence, clause and window before an action, and `re` tries such an alternation at
every position (a few MB/s). Every match starts with one of a small set of literal prefixes,
read from the pattern itself (`scan.literal_prefixes`, so a word added to a rule is never
skipped by a stale list): an Aho–Corasick automaton finds those in the lower-cased window in
one C pass, and the pattern is tried at them only, in order. `search` and `finditer` give
exactly the matches the pattern's own would (the same match objects, lookbehinds and word
boundaries seeing the same text), or defer to it where lower-casing cannot be trusted.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from re._casefix import _EXTRA_CASES  # the letters `re` folds together beyond lower()

import ahocorasick

from tracker.extract.scan import DIGIT, WORD_BEFORE, literal_prefixes


class Prefixed:
    """A compiled pattern whose `search` and `finditer` skip to its literal prefixes; every
    other attribute (`match`, `fullmatch`, `pattern`, ...) is the pattern's own."""

    __slots__ = (
        "_ascii_traps",
        "_automaton",
        "_digits",
        "_report",
        "_traps",
        "_word_before",
        "regex",
    )

    def __init__(self, regex: re.Pattern) -> None:
        self.regex = regex
        # built at the first search; False when the pattern has no literal prefixes
        self._automaton: ahocorasick.Automaton | bool | None = None
        self._digits = False  # a match may start at any digit
        self._word_before = False  # ... or in the word before one of its literals
        self._traps: re.Pattern | None = None
        self._ascii_traps = False
        # The report last searched and where prefixes start in all of it: the rules search
        # one report's sentences, clauses and windows one after another.
        self._report: tuple[str, list[int] | None] = ("", [])

    def _build(self) -> ahocorasick.Automaton | bool:
        """The automaton of the pattern's prefixes (False: it has none; `re` searches)."""
        try:
            prefixes = literal_prefixes(self.regex, markers=True)
        except ValueError:
            self._automaton = False
            return False
        self._digits = DIGIT in prefixes
        literals: dict[str, bool] = {}  # literal: whether a match may start a word before it
        for prefix in prefixes - {DIGIT}:
            literal = prefix.removeprefix(WORD_BEFORE)
            literals[literal] = literals.get(literal, False) or literal != prefix
        if not literals:  # only digits start it: `re` searches
            self._automaton = False
            return False
        self._word_before = any(literals.values())
        automaton = ahocorasick.Automaton()
        for literal, word_before in literals.items():
            automaton.add_word(literal, (len(literal) - 1, word_before))
        automaton.make_automaton()
        # Letters `re` matches to a prefix's letter case-insensitively although lower() does
        # not give it ("ſ" for "s", "ᲀ" for "в"): a window holding one is searched by `re`.
        traps = {chr(c) for p in literals for ch in p for c in _EXTRA_CASES.get(ord(ch), ())}
        self._traps = re.compile(f"[{re.escape(''.join(sorted(traps)))}]") if traps else None
        self._ascii_traps = any(trap.isascii() for trap in traps)  # else ASCII text has none
        self._automaton = automaton
        return automaton

    def __getattr__(self, name: str):
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Prefixed({self.regex!r})"

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        pos, endpos = _bounds(string, pos, endpos)
        starts = self._starts(string, pos, endpos)
        if starts is None:
            return self.regex.search(string, pos, endpos)
        match = self.regex.match
        for start in starts:
            found = match(string, start, endpos)
            if found is not None:
                return found
        return None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        pos, endpos = _bounds(string, pos, endpos)
        starts = self._starts(string, pos, endpos)
        if starts is None:
            return self.regex.finditer(string, pos, endpos)
        return self._matches(string, starts, endpos)

    def _matches(self, string: str, starts: list[int], endpos: int) -> Iterator[re.Match]:
        # A match starts with a non-empty prefix, so it is never empty: the next one is the
        # first that starts at or after its end, as `finditer` goes on.
        match = self.regex.match
        reached = 0
        for start in starts:
            if start < reached:
                continue
            found = match(string, start, endpos)
            if found is not None:
                yield found
                reached = found.end()

    def search_window(self, text: str, start: int, end: int) -> re.Match | None:
        """`search(text[start:end])`: the window read as its own string (`^`, `$`, `\b` and
        lookbehinds see its edges; positions are the window's), its prefixes taken from the
        report's, found once for all its windows."""
        if start < 0 or end < start or end > len(text):
            return self.search(text[start:end])
        starts = self._report_starts(text)
        if starts is None:
            return self.search(text[start:end])
        low, high = bisect_left(starts, start), bisect_left(starts, end)
        if low == high:
            return None
        window = text[start:end]
        match = self.regex.match
        for at in starts[low:high]:
            found = match(window, at - start)
            if found is not None:
                return found
        return None

    def finditer_window(self, text: str, start: int, end: int) -> Iterator[re.Match]:
        """`finditer(text[start:end])`, its prefixes taken from the report's."""
        if start < 0 or end < start or end > len(text):
            return self.finditer(text[start:end])
        starts = self._report_starts(text)
        if starts is None:
            return self.finditer(text[start:end])
        low, high = bisect_left(starts, start), bisect_left(starts, end)
        if low == high:
            return iter(())
        return self._matches(text[start:end], [at - start for at in starts[low:high]], end - start)

    def _starts(self, string: str, pos: int, endpos: int) -> list[int] | None:
        """Where a prefix starts in string[pos:endpos], in order; None when lower() cannot be
        trusted there (a letter that lower-cases to two, or one `re` folds further)."""
        if len(string) < _REPORT_SIZE:
            return self._find(string, pos, endpos)
        starts = self._report_starts(string)
        if starts is None:
            return None
        return starts[bisect_left(starts, pos) : bisect_left(starts, endpos)]

    def _report_starts(self, report: str) -> list[int] | None:
        """Where a prefix starts in the whole report, found at its first search."""
        known, starts = self._report
        if known is not report:
            starts = self._find(report, 0, len(report), _lowered(report))
            self._report = (report, starts)
        return starts

    def _find(
        self, string: str, pos: int, endpos: int, lowered: str | None = None
    ) -> list[int] | None:
        automaton = self._build() if self._automaton is None else self._automaton
        if automaton is False:
            return None
        window = string[pos:endpos] if pos or endpos < len(string) else string
        if lowered is None:
            lowered = window.lower()
        if window.isascii():
            if self._ascii_traps and self._traps.search(window):
                return None
        elif len(lowered) != len(window) or (self._traps and self._traps.search(window)):
            return None
        starts = {end - back for end, (back, _) in automaton.iter(lowered)}
        if self._word_before:
            for end, (back, word_before) in automaton.iter(lowered):
                if word_before:
                    starts.update(_word_before(window, end - back))
        if self._digits:
            starts.update(m.start() for m in _DIGIT.finditer(window))
        return sorted(starts) if pos == 0 else sorted(pos + start for start in starts)


# The report whose windows are being searched and its lower case, shared by every pattern.
_last_lowered: tuple[str, str] = ("", "")


def _lowered(report: str) -> str:
    global _last_lowered
    if _last_lowered[0] is not report:
        _last_lowered = (report, report.lower())
    return _last_lowered[1]


def search_window(pattern: re.Pattern | Prefixed, text: str, start: int, end: int):
    """The first match of `pattern` in text[start:end] read as its own string."""
    if isinstance(pattern, Prefixed):
        return pattern.search_window(text, start, end)
    return pattern.search(text[start:end])


def finditer_window(pattern: re.Pattern | Prefixed, text: str, start: int, end: int):
    """The matches of `pattern` in text[start:end] read as its own string."""
    if isinstance(pattern, Prefixed):
        return pattern.finditer_window(text, start, end)
    return pattern.finditer(text[start:end])


def _word_before(window: str, at: int) -> range:
    """Every position of the word before the spaces before `at`: where an optional word
    written before the literal may start."""
    space = at
    while space > 0 and window[space - 1].isspace():
        space -= 1
    word = space
    while word > 0 and (window[word - 1].isalnum() or window[word - 1] == "_"):
        word -= 1
    return range(word, space) if space < at else range(0)


_DIGIT = re.compile(r"\d")


# A string this long is a report searched window by window: its prefixes are found once.
_REPORT_SIZE = 2_000


def prefixed(regex: re.Pattern) -> Prefixed:
    """`regex`, searched by its literal prefixes when every match starts with one (else by
    the pattern itself, which is always right, only slower)."""
    return Prefixed(regex)


def _bounds(string: str, pos: int, endpos: int) -> tuple[int, int]:
    """`re`'s reading of pos and endpos (the whole string, the common case, checked first)."""
    if pos or endpos < len(string):
        return _clamp(string, pos, endpos)
    return 0, len(string)


def _clamp(string: str, pos: int, endpos: int) -> tuple[int, int]:
    """pos and endpos as `re` reads them: within 0..len(string)."""
    length = len(string)
    return min(max(pos, 0), length), min(max(endpos, 0), length)
