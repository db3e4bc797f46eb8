"""Rule patterns searched only where one of their literal prefixes starts.

The claim rules search the same case-insensitive word alternations ("could|might|would|...")
in every sentence, clause and window before an action, and `re` tries such an alternation at
every position (a few MB/s). Every match starts with one of a small set of literal prefixes,
read from the pattern itself (`scan.literal_prefixes`, so a word added to a rule is never
skipped by a stale list); a prefix goes on past whitespace ("the\\s+governor" is looked for
as "thegover", by an automaton that skips whitespace, not at every "the"). In a report the
prefixes of every pattern the rules read are found once, in one pass (`_ReportIndex`), and a
window is read by its positions in the report (`search_window`: the window as its own string,
so `^`, `$`, `\\b` and lookbehinds see its edges); a short string is searched alone. The
pattern is tried at those starts only, in order: `search` and `finditer` give exactly the
matches the pattern's own would (the same match objects), or defer to it where lower-casing
cannot be trusted.
"""

from __future__ import annotations

import re
import sys
import threading
from bisect import bisect_left
from collections.abc import Iterator
from re._casefix import _EXTRA_CASES  # the letters `re` folds together beyond lower()

import ahocorasick

from tracker.extract.scan import DIGIT, SPACE_BEFORE, SPACES, WORD_BEFORE, literal_prefixes


class Prefixed:
    """A compiled pattern whose `search` and `finditer` skip to its literal prefixes; every
    other attribute (`match`, `fullmatch`, `pattern`, ...) is the pattern's own."""

    __slots__ = (
        "_ascii_traps",
        "_automaton",
        "_digits",
        "_indexed",
        "_literals",
        "_no_digits",
        "_slot",
        "_spaced",
        "_trap_letters",
        "_traps",
        "_word_before",
        "regex",
    )

    def __init__(self, regex: re.Pattern, *, indexed: bool = True, digits: bool = True) -> None:
        self.regex = regex
        # whether its starts at digits are left out (`digits=False`: its caller reads it only
        # where no match can start at one)
        self._no_digits = not digits
        # whether a report's prefixes are found with the other patterns' (else by its own
        # automaton at each search: a pattern read once per report, and seldom)
        self._indexed = indexed
        # built at the first search; False when the pattern has no literal prefixes
        self._automaton: ahocorasick.Automaton | bool | None = None
        # the prefixes that go on past whitespace ("the\\s+governor": "thegovernor"), found
        # by an automaton that skips it
        self._spaced: ahocorasick.Automaton | None = None
        self._digits = False  # a match may start at any digit
        self._word_before = False  # ... or in the word before one of its literals
        self._traps: re.Pattern | None = None
        self._trap_letters: frozenset[str] = frozenset()
        self._ascii_traps = False
        self._literals: dict[str, int] = {}  # literal: where else a match may start (_before)
        self._slot: int | None = None  # its place in the report index (-1: not in it)

    def _build(self) -> ahocorasick.Automaton | bool:
        """The automaton of the pattern's prefixes (False: it has none; `re` searches)."""
        try:
            prefixes = literal_prefixes(self.regex, markers=True, spaces=True)
        except ValueError:
            self._automaton = False
            return False
        self._digits = DIGIT in prefixes and not self._no_digits
        # literal: where else a match may start (_WORD: in the word before it, _SPACE: in the
        # whitespace before it)
        literals: dict[str, int] = {}
        for prefix in prefixes - {DIGIT}:
            literal, before = prefix, 0
            if prefix.startswith(WORD_BEFORE):
                literal, before = prefix.removeprefix(WORD_BEFORE), _WORD
            elif prefix.startswith(SPACE_BEFORE):
                literal, before = prefix.removeprefix(SPACE_BEFORE), _SPACE
            literals[literal] = literals.get(literal, 0) | before
        if not literals:  # only digits start it: `re` searches
            self._automaton = False
            return False
        self._word_before = any(literals.values())
        self._literals = literals
        automaton = ahocorasick.Automaton()
        spaced = ahocorasick.Automaton()
        for literal, word_before in literals.items():
            if SPACES in literal:
                key = literal.replace(SPACES, "")
                spaced.add_word(key, (key, word_before))
            else:
                automaton.add_word(literal, (len(literal) - 1, word_before))
        if len(automaton):
            automaton.make_automaton()
        if len(spaced):
            spaced.make_automaton()
            self._spaced = spaced
        # Letters `re` matches to a prefix's letter case-insensitively although lower() does
        # not give it ("ſ" for "s", "ᲀ" for "в"): a window holding one is searched by `re`.
        traps = {chr(c) for p in literals for ch in p for c in _EXTRA_CASES.get(ord(ch), ())}
        traps.discard(SPACES)
        self._traps = re.compile(f"[{re.escape(''.join(sorted(traps)))}]") if traps else None
        self._trap_letters = frozenset(traps)
        self._ascii_traps = any(trap.isascii() for trap in traps)  # else ASCII text has none
        self._automaton = automaton
        return automaton

    def __getattr__(self, name: str):
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Prefixed({self.regex!r})"

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        length = len(string)
        if pos or endpos < length:
            if not (0 <= pos <= length and 0 <= endpos <= length):
                pos, endpos = _clamp(string, pos, endpos)
        else:
            endpos = length
        if length < _REPORT_SIZE or not self._indexed:
            starts = self._find(string, pos, endpos)
            if starts is None:
                return self.regex.search(string, pos, endpos)
        else:
            known, indexed = _REPORTS.current
            slot = self._slot
            if known is string and slot is not None and 0 <= slot < len(indexed):
                starts = indexed[slot]  # (the common case, without a call)
            else:
                starts = self._report_starts(string)
            if starts is None:
                return self.regex.search(string, pos, endpos)
            low = bisect_left(starts, pos)
            if low == len(starts) or starts[low] >= endpos:
                return None  # (most searches: none of the pattern's words there)
            starts = starts[low : bisect_left(starts, endpos, low)]
        match = self.regex.match
        for start in starts:
            found = match(string, start, endpos)
            if found is not None:
                return found
        return None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        length = len(string)
        if pos or endpos < length:
            pos, endpos = _clamp(string, pos, endpos)
        else:
            endpos = length
        if length < _REPORT_SIZE or not self._indexed:
            starts = self._find(string, pos, endpos)
        else:
            known, indexed = _REPORTS.current
            slot = self._slot
            if known is string and slot is not None and 0 <= slot < len(indexed):
                starts = indexed[slot]  # (the common case, without a call)
            else:
                starts = self._report_starts(string)
            if starts is not None:
                low = bisect_left(starts, pos)
                if low == len(starts) or starts[low] >= endpos:
                    return iter(())  # (none of the pattern's words there)
                starts = starts[low : bisect_left(starts, endpos, low)]
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
        known, indexed = _REPORTS.current
        slot = self._slot
        if known is text and slot is not None and 0 <= slot < len(indexed):
            starts = indexed[slot]  # (the common case, without a call)
        else:
            starts = self._report_starts(text)
        if starts is None:
            return self.search(text[start:end])
        low = bisect_left(starts, start)
        if low == len(starts) or starts[low] >= end:
            return None  # (most windows: none of the pattern's words)
        window = text[start:end]
        match = self.regex.match
        for at in starts[low : bisect_left(starts, end, low)]:
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

    def _report_starts(self, report: str) -> list[int] | None:
        """Where a prefix starts in the whole report (found with every other pattern's, at
        the first search of the report); None for a pattern outside the index (its callers
        then read the window alone)."""
        if not self._indexed:
            return None
        known, indexed = _REPORTS.current
        slot = self._slot
        if known is report and slot is not None and 0 <= slot < len(indexed):
            return indexed[slot]  # (the common case, without a call)
        return _REPORTS.starts(self, report)

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
        starts = {end - back for end, (back, _) in automaton.iter(lowered)} if automaton else set()
        if self._word_before and automaton:
            for end, (back, word_before) in automaton.iter(lowered):
                if word_before:
                    starts.update(_before(window, end - back, word_before))
        if self._spaced is not None:
            spaced = _SPACE_LIKE.sub(" ", lowered) if _SPACE_LIKE.search(lowered) else lowered
            for end, (key, word_before) in self._spaced.iter(spaced, ignore_white_space=True):
                at = _key_start(spaced, end, key)
                starts.add(at)
                if word_before:
                    starts.update(_before(window, at, word_before))
        if self._digits:
            starts.update(m.start() for m in _DIGIT.finditer(window))
        return sorted(starts) if pos == 0 else sorted(pos + start for start in starts)


class _ReportIndex:
    """Where every rule pattern's prefixes start in the report being read: the rules search
    one report's sentences, clauses and windows one after another, so the prefixes of all
    the patterns that read it are found in one pass of one automaton (and one of the
    automaton that skips whitespace), built from the patterns' own prefixes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # (adding a pattern; reading needs none)
        self.patterns: list[Prefixed] = []  # every pattern read so far, in order of slot
        # the patterns, the automata of their prefixes, those that may start at a digit, those
        # with letters `re` folds that lower() does not, the groups of literals, and any of
        # those letters (None: no pattern has one)
        self.built: tuple = ([], None, None, [], [], [], None)
        # the report last read, and each pattern's prefix starts in it (None: `re` searches)
        self.current: tuple[str | None, list[list[int] | None]] = (None, [])

    def starts(self, pattern: Prefixed, report: str) -> list[int] | None:
        slot = pattern._slot
        if slot is None:
            slot = self._add(pattern)
        if slot < 0:
            return None
        known, found = self.current
        if known is not report:
            found = self._index(report)
            self.current = (report, found)
        if slot >= len(found):  # a pattern that joined while the report was read: alone
            found = found + [p._find(report, 0, len(report)) for p in self.patterns[len(found) :]]
            self.current = (report, found)
        return found[slot]

    def _add(self, pattern: Prefixed) -> int:
        """A pattern read for the first time joins the index (its automata are built again
        before the next report)."""
        with self.lock:
            if pattern._slot is None:
                if pattern._automaton is None:
                    pattern._build()
                if pattern._automaton is False:
                    pattern._slot = -1
                else:
                    pattern._slot = len(self.patterns)
                    self.patterns = [*self.patterns, pattern]
            return pattern._slot

    def _rebuild(self) -> None:
        with self.lock:
            patterns = self.patterns
            plain: dict[str, list] = {}
            spaced: dict[str, list] = {}
            for number, known in enumerate(patterns):
                for literal, word_before in known._literals.items():
                    if SPACES in literal:
                        key = literal.replace(SPACES, "")
                        spaced.setdefault(key, []).append((number, word_before))
                    else:
                        plain.setdefault(literal, []).append((number, word_before))
            # the patterns (and where else they may start) of each literal, numbered: a
            # report's hits are gathered per number, then given to their patterns at once
            numbered: dict[tuple, int] = {}
            for entries in (*plain.values(), *spaced.values()):
                numbered.setdefault(tuple(entries), len(numbered))
            groups = list(numbered)
            letters = "".join(sorted({c for known in patterns for c in known._trap_letters}))
            self.built = (
                patterns,
                _automaton({k: (len(k) - 1, numbered[tuple(v)]) for k, v in plain.items()}),
                _automaton({k: (k, numbered[tuple(v)]) for k, v in spaced.items()}),
                [n for n, known in enumerate(patterns) if known._digits],
                [(n, known) for n, known in enumerate(patterns) if known._traps is not None],
                groups,
                re.compile(f"[{re.escape(letters)}]") if letters else None,
            )

    def _index(self, report: str) -> list[list[int] | None]:
        if self.built[0] is not self.patterns:
            self._rebuild()
        patterns, plain, spaced_keys, digit_patterns, trapped, groups, any_trap = self.built
        lowered = report.lower()
        if len(lowered) != len(report):  # a letter that lower-cases to two: `re` searches
            return [None] * len(patterns)
        hits: list[list[int]] = [[] for _ in groups]  # where each group's literals start
        if plain is not None:
            for end, (back, group) in plain.iter(lowered):
                hits[group].append(end - back)
        if spaced_keys is not None:
            spaced = _SPACE_LIKE.sub(" ", lowered) if _SPACE_LIKE.search(lowered) else lowered
            for end, (key, group) in spaced_keys.iter(spaced, ignore_white_space=True):
                hits[group].append(_key_start(spaced, end, key))
        found: dict[int, set[int]] = {}  # only the patterns whose words occur
        for entries, starts in zip(groups, hits, strict=True):
            if not starts:
                continue
            for number, before in entries:
                known = found.get(number)
                if known is None:
                    known = found[number] = set()
                known.update(starts)
                if before:
                    for at in starts:
                        known.update(_before(report, at, before))
        if digit_patterns:
            digits = [m.start() for m in _DIGIT.finditer(report)]
            if digits:
                for number in digit_patterns:
                    found.setdefault(number, set()).update(digits)
        result: list[list[int] | None] = [_NONE] * len(patterns)
        for number, starts in found.items():
            result[number] = sorted(starts)
        ascii_report = report.isascii()
        if not ascii_report and (any_trap is None or not any_trap.search(report)):
            return result  # (one look for all of them: most reports hold none)
        for number, pattern in trapped:
            if (pattern._ascii_traps or not ascii_report) and pattern._traps.search(report):
                result[number] = None  # a letter `re` folds that lower() does not
        return result


_NONE: list[int] = []  # no prefix in the report (shared, never changed: only read)


class Family:
    """Patterns a rule reads over the same window one after another: whether any of them
    may match there, from one look at their prefixes in the report (most windows hold none of
    them, and then every `search_window` of theirs is None: the rule skips them all)."""

    __slots__ = ("_known", "patterns")

    def __init__(self, *patterns: Prefixed) -> None:
        self.patterns = patterns
        self._known: tuple[str | None, list[int] | None] = (None, None)

    def may_match(self, text: str, start: int, end: int) -> bool:
        """False only when `search_window(text, start, end)` is None for every pattern."""
        known, starts = self._known
        if known is not text:
            starts = self._starts(text)
            self._known = (text, starts)
        if starts is None or start < 0 or end < start or end > len(text):
            return True  # (what `search_window` leaves to `search`)
        low = bisect_left(starts, start)
        return low < len(starts) and starts[low] < end

    def _starts(self, text: str) -> list[int] | None:
        """Where any of the patterns' prefixes starts in the report (None: one of them is
        searched by `re` there)."""
        merged: set[int] = set()
        for pattern in self.patterns:
            starts = pattern._report_starts(text)
            if starts is None:
                return None
            merged.update(starts)
        return sorted(merged)


def _automaton(keys: dict[str, tuple]) -> ahocorasick.Automaton | None:
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, value in keys.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


_REPORTS = _ReportIndex()


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


def _key_start(spaced: str, end: int, key: str) -> int:
    """Where a key found with whitespace skipped starts (the whitespace is never a key's
    letter)."""
    # Most keys are two words with one space between ("russian forces"), or none: then the
    # letters before `end` are the key's, with that space inside (what the walk below finds).
    at = end - len(key)
    if at >= 0:
        piece = spaced[at : end + 1]
        if piece[1:] == key:
            return at + 1
        if piece[0] != " " and piece.count(" ") == 1 and piece.replace(" ", "") == key:
            return at
    return _walked_start(spaced, end, key)


def _walked_start(spaced: str, end: int, key: str) -> int:
    """`_key_start`, read letter by letter back from the end."""
    at = end
    for letter in reversed(key):
        while spaced[at] != letter:
            at -= 1
        at -= 1
    return at + 1


# Whitespace to `re` (str.isspace) other than the six ASCII spaces: written as a space before
# the automaton that skips whitespace reads a text (it skips what the C library's iswspace
# calls a space, which depends on the locale beyond those six).
_PYTHON_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_C_SPACES = " \t\n\r\x0b\x0c"
_SPACE_LIKE = re.compile(
    "[" + re.escape("".join(c for c in _PYTHON_SPACES if c not in _C_SPACES)) + "]"
)


_WORD = 1
_SPACE = 2


def _before(window: str, at: int, kinds: int) -> set[int]:
    """Where a match may start before the literal at `at`: in the word before the spaces
    before it (_WORD), in the spaces right before it (_SPACE)."""
    found: set[int] = set()
    if kinds & _WORD:
        found.update(_word_before(window, at))
    if kinds & _SPACE:
        space = at
        while space > 0 and window[space - 1].isspace():
            space -= 1
        found.update(range(space, at))
    return found


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


def prefixed(regex: re.Pattern, *, indexed: bool = True, digits: bool = True) -> Prefixed:
    """`regex`, searched by its literal prefixes when every match starts with one (else by
    the pattern itself, which is always right, only slower). `indexed=False`: a pattern read
    once in a while over a whole report finds its prefixes alone there, and leaves the
    report index (which every report pays for) without them. `digits=False`: not tried at
    the digits it may start at (for a caller that knows no match starts at one in what it
    reads)."""
    return Prefixed(regex, indexed=indexed, digits=digits)


def _clamp(string: str, pos: int, endpos: int) -> tuple[int, int]:
    """pos and endpos as `re` reads them: within 0..len(string)."""
    length = len(string)
    return min(max(pos, 0), length), min(max(endpos, 0), length)
