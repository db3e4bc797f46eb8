"""Whole-text pattern scans at C speed: an Aho–Corasick automaton finds where a lexicon pattern
may start, and the pattern itself is tried only there.

Python's `re` tries a case-insensitive alternation of a hundred words at every position of the
text (2–10 MB/s). Every match of such a pattern starts with one of a small set of literal
prefixes ("attack", "штурм", "росі"), which the automaton finds in one pass over the
lower-cased text. Trying the pattern at those positions only, in order and without overlap,
gives exactly the matches `pattern.finditer` gives.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # the documented parser moved here in 3.11
from re import _parser as sre_parse

import ahocorasick

_MAX_PREFIXES = 4_000
_MAX_PREFIX_LENGTH = 5


class _NoPrefix(ValueError):
    """The pattern can start with a character that is not a known literal."""


# Where a match may start other than at a literal, at the very start of a pattern: any
# decimal digit ("\d+ brigade"), or the word before a literal ("(?:\w+\s+)?oblast", the
# marker then the literal). Only `prefixed.Prefixed` reads them.
DIGIT = "\x00d"
WORD_BEFORE = "\x00w"
# ... or in the whitespace before a literal ("\s*(?:the\s+)?towns\s+of"): the marker, then the
# literal (with `spaces` only).
SPACE_BEFORE = "\x00s"
# Whitespace inside a prefix ("the\s+governor", "a\s+indiqué"): any run of spaces, or none,
# stands there. Only `prefixed.Prefixed` reads it (an automaton that skips whitespace).
SPACES = "\x01"
_SPACED_PREFIX_LENGTH = 8  # letters, the spaces not counted
_SCANNER_PREFIX_LENGTH = 8


def literal_prefixes(
    pattern: re.Pattern,
    *,
    markers: bool = False,
    spaces: bool = False,
    length: int = _MAX_PREFIX_LENGTH,
) -> set[str]:
    """Lower-case literal strings one of which begins every match of `pattern` (with
    `markers`, also DIGIT and WORD_BEFORE + literal; with `spaces`, a prefix goes on past
    whitespace after its first letter, SPACES standing for it; `length`: the longest prefix
    without spaces)."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    if spaces:
        try:
            prefixes = _Prefixes(_SPACED_PREFIX_LENGTH, True).of(list(parsed), "")
        except _NoPrefix:
            prefixes = _Prefixes(length, False).of(list(parsed), "")
    else:
        prefixes = _Prefixes(length, False).of(list(parsed), "")
    if (
        not prefixes
        or "" in prefixes
        or (not markers and any(p.startswith("\x00") for p in prefixes))
    ):
        raise _NoPrefix(f"pattern {pattern.pattern[:40]!r} has no literal prefix")
    return prefixes


class _Prefixes:
    """The prefix reader: how long a prefix grows, and whether it goes on past whitespace."""

    def __init__(self, length: int, spaces: bool) -> None:
        self.length = length
        self.spaces = spaces

    def of(self, items: list, sofar: str) -> set[str]:
        if len(sofar) - sofar.count(SPACES) >= self.length or not items:
            return {sofar.removesuffix(SPACES)}
        op, av = items[0]
        rest = items[1:]
        if self.spaces and not sofar and _is_space(op, av):
            after = self.of(rest, sofar)  # whitespace first: the match starts in it
            if any(p.startswith("\x00") or not p for p in after):
                return {sofar}
            return {SPACE_BEFORE + p for p in after}
        if self.spaces and sofar and _is_space(op, av):  # "\s+", "\s*", " ": spaces or none
            return self.of(rest, sofar if sofar.endswith(SPACES) else sofar + SPACES)
        if op is sre_constants.LITERAL:
            return self.of(rest, sofar + chr(av).lower())
        if op is sre_constants.AT or op is sre_constants.ASSERT_NOT or op is sre_constants.ASSERT:
            return self.of(rest, sofar)  # zero-width: \b, lookarounds
        if op is sre_constants.SUBPATTERN:
            return self.of(list(av[-1]) + rest, sofar)
        if op is sre_constants.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                found |= self.of(list(alternative) + rest, sofar)
                _check_size(found)
            return found
        if op is sre_constants.IN:
            if not sofar and av == [(sre_constants.CATEGORY, sre_constants.CATEGORY_DIGIT)]:
                return {DIGIT}
            chars = []
            for kind, value in av:
                if kind is not sre_constants.LITERAL:
                    return {sofar.removesuffix(SPACES)}
                chars.append(chr(value).lower())
            found = set()
            for char in set(chars):
                found |= self.of(rest, sofar + char)
                _check_size(found)
            return found
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, _high, body = av
            if low == 0 and not sofar and repr(list(body)) == _WORD_AND_SPACE:
                after = self.of(rest, sofar)  # an optional word before: "(?:\w+\s+)?oblast"
                if any(p.startswith("\x00") or not p for p in after):
                    return {sofar}
                return after | {WORD_BEFORE + p for p in after}
            if low == 0:  # optional: with it or without it
                return self.of(rest, sofar) | self.of(list(body) + rest, sofar)
            return self.of(list(body), sofar)  # at least once: its own prefix starts the match
        return {sofar.removesuffix(SPACES)}


def _is_space(op, av) -> bool:
    r"""Whitespace, one or many or none: " ", "\s", "\s+", "\s*", "\s?"."""
    if op is sre_constants.LITERAL:
        return chr(av).isspace()
    if op is sre_constants.IN:
        return av == [(sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE)]
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        body = list(av[2])
        return len(body) == 1 and _is_space(*body[0])
    return False


_WORD_AND_SPACE = repr(list(sre_parse.parse(r"\w+\s+")))


def _check_size(found: set[str]) -> None:
    if len(found) > _MAX_PREFIXES:
        raise _NoPrefix("too many literal prefixes")


class Scanner:
    """`finditer` of several lexicon patterns over one text, from one automaton pass."""

    def __init__(self, patterns: dict[str, re.Pattern]) -> None:
        self.patterns = patterns
        self._names = list(patterns)
        automaton = ahocorasick.Automaton()
        keyed: dict[str, set[int]] = {}
        for number, pattern in enumerate(patterns.values()):
            # (longer prefixes than the default: "forced" is no candidate in "forces")
            for prefix in literal_prefixes(pattern, length=_SCANNER_PREFIX_LENGTH):
                keyed.setdefault(prefix, set()).add(number)
        for prefix, numbers in keyed.items():
            automaton.add_word(prefix, (len(prefix), tuple(sorted(numbers))))
        automaton.make_automaton()
        self._automaton = automaton

    def scan(self, text: str, lowered: str | None = None) -> dict[str, list[re.Match]]:
        """Each pattern's non-overlapping matches in `text`, as `finditer` would give them.

        `lowered`: `text.lower()` if the caller has it (it must be as long as `text`).
        """
        if lowered is None:
            lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer (İ): no shortcut
            return {name: list(p.finditer(text)) for name, p in self.patterns.items()}
        starts: list[set[int]] = [set() for _ in self._names]
        for end, (length, numbers) in self._automaton.iter(lowered):
            start = end - length + 1
            for number in numbers:
                starts[number].add(start)
        found: dict[str, list[re.Match]] = {}
        for number, name in enumerate(self._names):
            match_at = self.patterns[name].match
            matches: list[re.Match] = []
            reached = 0
            for start in sorted(starts[number]):
                if start < reached:
                    continue
                match = match_at(text, start)
                if match is not None and match.end() > start:
                    matches.append(match)
                    reached = match.end()
            found[name] = matches
        return found


_LEXICON: Scanner | None = None


def scan_lexicon(text: str, lowered: str | None = None) -> dict[str, list[re.Match]]:
    """Matches of the action, side and fighting patterns (lexicon.ACTION_RE, SIDE_RU,
    SIDE_UA, FIGHTING_RE) in a text: keys "action", "ru", "ua", "fighting"."""
    global _LEXICON
    if _LEXICON is None:
        from tracker.extract.lexicon import ACTION_RE, FIGHTING_RE, SIDE_RU, SIDE_UA

        _LEXICON = Scanner(
            {"action": ACTION_RE, "ru": SIDE_RU, "ua": SIDE_UA, "fighting": FIGHTING_RE}
        )
    return _LEXICON.scan(text, lowered)


def fighting_positions(text: str, scans: dict[str, list[re.Match]]) -> list[int]:
    """Where words of fighting (an action or a side) start (not damage: "Stromleitungen
    beschädigt")."""
    from tracker.extract.lexicon import DAMAGE_WORD

    return sorted(
        m.start()
        for matches in scans.values()
        for m in matches
        if not DAMAGE_WORD.fullmatch(m.group())
    )


_CLAIM_WORDS: Scanner | None = None


def scan_claim_words(text: str, lowered: str | None = None) -> dict[str, list[re.Match]]:
    """Matches of the claim lexicon in a text: "claimant" (CLAIMANT_RE), "says" (SAYS),
    "said" (SAID), "hedges" (HEDGES)."""
    global _CLAIM_WORDS
    if _CLAIM_WORDS is None:
        from tracker.extract.lexicon import CLAIMANT_RE, HEDGES, SAID, SAYS

        _CLAIM_WORDS = Scanner(
            {"claimant": CLAIMANT_RE, "says": SAYS, "said": SAID, "hedges": HEDGES}
        )
    return _CLAIM_WORDS.scan(text, lowered)
