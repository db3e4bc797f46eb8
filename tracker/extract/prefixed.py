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
from collections.abc import Iterator
from re._casefix import _EXTRA_CASES  # the letters `re` folds together beyond lower()

import ahocorasick

from tracker.extract.scan import literal_prefixes


class Prefixed:
    """A compiled pattern whose `search` and `finditer` skip to its literal prefixes; every
    other attribute (`match`, `fullmatch`, `pattern`, ...) is the pattern's own."""

    __slots__ = ("_automaton", "_traps", "regex")

    def __init__(self, regex: re.Pattern, prefixes: set[str]) -> None:
        self.regex = regex
        automaton = ahocorasick.Automaton()
        for prefix in prefixes:
            automaton.add_word(prefix, len(prefix) - 1)
        automaton.make_automaton()
        self._automaton = automaton
        # Letters `re` matches to a prefix's letter case-insensitively although lower() does
        # not give it ("ſ" for "s", "ᲀ" for "в"): a window holding one is searched by `re`.
        traps = {chr(c) for p in prefixes for ch in p for c in _EXTRA_CASES.get(ord(ch), ())}
        self._traps = re.compile(f"[{re.escape(''.join(sorted(traps)))}]") if traps else None

    def __getattr__(self, name: str):
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Prefixed({self.regex!r})"

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        pos, endpos = _clamp(string, pos, endpos)
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
        pos, endpos = _clamp(string, pos, endpos)
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

    def _starts(self, string: str, pos: int, endpos: int) -> list[int] | None:
        """Where a prefix starts in string[pos:endpos], in order; None when lower() cannot be
        trusted there (a letter that lower-cases to two, or one `re` folds further)."""
        window = string[pos:endpos]
        lowered = window.lower()
        if len(lowered) != len(window) or (self._traps and self._traps.search(window)):
            return None
        return sorted({pos + end - back for end, back in self._automaton.iter(lowered)})


def prefixed(regex: re.Pattern) -> re.Pattern | Prefixed:
    """`regex`, searched by its literal prefixes when every match starts with one (else the
    pattern itself, which is always right, only slower)."""
    try:
        prefixes = literal_prefixes(regex)
    except ValueError:
        return regex
    return Prefixed(regex, prefixes)


def _clamp(string: str, pos: int, endpos: int) -> tuple[int, int]:
    """pos and endpos as `re` reads them: within 0..len(string)."""
    length = len(string)
    return min(max(pos, 0), length), min(max(endpos, 0), length)
