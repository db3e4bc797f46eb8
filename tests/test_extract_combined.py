"""`combined.either`: several patterns tried at a position in one pass, as a loop would."""

from __future__ import annotations

import random
import re

import pytest

from tracker.extract.claim_lexicon import DATELINE, DATELINE_CAPS, DATELINE_DATE, dateline_at
from tracker.extract.combined import either
from tracker.extract.not_places import _ANY_AFTER

PATTERNS = (
    re.compile(r"^[a-z]+:", re.MULTILINE),  # `^` after a newline too
    re.compile(r"^\s*[A-Z]{3,}"),  # `^` at the very start only
    re.compile(r"\s+(?:brigade|group)\b", re.IGNORECASE),
    re.compile(r"\s+(?:Times|Post)\b"),  # case kept
    re.compile(r"-?\d+(?:st|nd|rd|th)"),
)
TEXT = (
    "KYIV - the Azov Brigade and the Kyiv times\nnews: 3rd and 47th GROUP, Kyiv Post.\n"
    "ODESA: strikes -1st Times group brigade"
)


def looped(patterns, text: str, at: int) -> re.Match | None:
    return next((m for p in patterns if (m := p.match(text, at)) is not None), None)


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_the_first_pattern_that_matches_wins_at_every_position(count: int) -> None:
    rng = random.Random(count)
    for _ in range(20):
        patterns = rng.sample(PATTERNS, count)
        combined = either(*patterns)
        for at in range(len(TEXT) + 1):
            want, got = looped(patterns, TEXT, at), combined.match(TEXT, at)
            assert (want and want.span()) == (got and got.span()), (at, patterns)


@pytest.mark.parametrize(
    ("text", "at", "end"),
    [
        ("KYIV, Jan 12 (Reuters) - Russian forces", 0, 24),
        ("SUMY - drones", 0, 4),
        ("Sudzha, Feb 11 - A photo shows", 0, 17),
        ("text\nKYIV (AFP) - more", 5, 17),  # DATELINE's `^` after a newline (re.M)
        ("text\nKYIV - more", 5, None),  # DATELINE_CAPS's `^` only at the start
        ("no dateline here", 0, None),
    ],
)
def test_a_dateline_is_read_as_its_three_patterns_read_it(text: str, at: int, end) -> None:
    assert dateline_at(text, at) == end
    match = looped((DATELINE, DATELINE_CAPS, DATELINE_DATE), text, at)
    assert (match and match.end()) == end


def test_the_words_after_a_name_are_seen_in_one_look() -> None:
    for text, name, expected in (
        ("the Azov brigade", "Azov", True),
        ("Kyiv Post", "Kyiv", True),
        ("Kyiv post office", "Kyiv", False),  # `_MEDIA_AFTER` keeps its case
        ("Shevchenko Street", "Shevchenko", True),
        ("the Dnipro embankment", "Dnipro", True),
        ("Pokrovsk on 3 November", "Pokrovsk", False),
    ):
        name_end = text.index(name) + len(name)
        assert (_ANY_AFTER.match(text, name_end) is not None) is expected, text


@pytest.mark.parametrize(
    "pattern",
    [re.compile(r"(a)\1"), re.compile(r"(?P<x>a)"), re.compile(r"a # b", re.VERBOSE)],
)
def test_a_pattern_that_cannot_be_a_branch_is_refused(pattern: re.Pattern) -> None:
    with pytest.raises(ValueError, match="cannot be a branch"):
        either(pattern)


@pytest.mark.parametrize(
    ("module_name", "functions", "gate"),
    [
        ("scenes", ("may_be_scene", "_unit", "_river"), "_WORDS_AFTER"),
        ("not_places", ("names_other_thing",), "_ANY_AFTER"),
    ],
)
def test_what_a_look_after_a_name_lets_a_rule_skip_is_in_the_look(
    module_name: str, functions: tuple[str, ...], gate: str
) -> None:
    """Every `after and X.match` names a pattern of the combined look `after` comes from (a
    test added to a rule without its branch would be skipped)."""
    import importlib
    import inspect

    module = importlib.import_module(f"tracker.extract.{module_name}")
    combined = getattr(module, gate).pattern
    for function in functions:
        source = inspect.getsource(getattr(module, function))
        skipped = re.findall(r"after\s+and\s+\(?(\w+)\.match", source)
        assert skipped, function
        for name in skipped:
            pattern = getattr(module, name)
            assert f":{getattr(pattern, 'regex', pattern).pattern})" in combined, (function, name)
