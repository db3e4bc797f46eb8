"""The cheap looks some rules take before a pattern (how its matches start or end) never
skip a match: on every position of real-style texts and on words made to end every way."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tracker.extract import claim_lexicon, dates, lexicon, scenes

DATA = Path(__file__).parent / "data"
TEXTS = [
    json.loads(line)["text"]
    for name in ("real_style_dev.jsonl", "claims_dev.jsonl")
    for line in (DATA / name).read_text(encoding="utf-8").splitlines()
]
ENDINGS = ["ському", "цькому", "ском", "цком", "СЬКОМУ", "ской", "ській", "ської", "цкой", "цькій"]
ENDINGS += ["цької", "СКОЙ", "ЦЬКОЇ", "ом", "ою", "а", "", "\n"]
WORDS = [f"Покров{end}{tail}" for end in ENDINGS for tail in ("", "\n", " ", "\n\n")]


def _slow_elided(text: str, start: int, end: int) -> bool:
    return bool(
        lexicon._ELIDED_WORD.match(text, start, end)
        and lexicon._ELIDED_AFTER.match(text, end)
        and lexicon._ELIDED_BEFORE.search(text, max(0, start - 4), start)
    )


def test_an_elided_sector_is_found_as_its_pattern_finds_it() -> None:
    cases = [(f"; на {w} — 11 атак", 5, 5 + len(w)) for w in WORDS]
    for text in TEXTS[:80]:
        cases += [(text, m.start(), m.end()) for m in re.finditer(r"\w+\s?", text)]
    found = 0
    for text, start, end in cases:
        assert lexicon.elided_sector(text, start, end) == _slow_elided(text, start, end)
        found += _slow_elided(text, start, end)
    assert found >= 4


def test_a_sector_word_after_a_name_starts_with_a_space() -> None:
    texts = [*TEXTS[:80], "на Покровському\u00a0напрямку", "на Південному  напрямку"]
    matched = 0
    for text in texts:
        for position in range(len(text) + 1):
            if lexicon.SECTOR_AFTER.match(text, position):
                matched += 1
                assert text.startswith(lexicon.SECTOR_AFTER_STARTS, position)
    assert matched >= 2


def test_a_feminine_adjective_ends_as_the_look_expects() -> None:
    words = WORDS + [w for text in TEXTS[:80] for w in text.split()]
    matched = 0
    for word in words:
        if scenes._FEMININE_ADJECTIVE.search(word):
            matched += 1
            assert word.endswith(scenes._FEMININE_LAST), word
    assert matched >= 8


def test_the_language_s_words_are_counted_as_the_word_pattern_finds_them() -> None:
    import random
    from collections import Counter

    from tracker.extract import text as text_module

    rng = random.Random(18)
    letters = "ab cdé_1-'’\u00a0İßΣς\t\x1c.thé de la à près Ölß"
    texts = TEXTS + ["".join(rng.choice(letters) for _ in range(60)) for _ in range(2000)]
    texts += ["Kyiv’s the—war", "the\u00a0of", "\ud800the", "", "dé-la à\u2003près"]
    for text in texts:
        lowered = text.lower()
        expected = Counter(text_module._LATIN_WORD.findall(lowered))
        encoded = lowered.encode("utf-8", "surrogatepass")
        assert text_module._latin_words(encoded) == expected, text


def test_dates_and_years_are_read_from_the_first_digit_as_from_the_start() -> None:
    """The ISO, day-first and year patterns start at a digit: read from a window's first digit
    on (their `\\b` and lookbehind still see the letter before it), they find what they find
    read from the window's start — on every sentence of the texts and on dates written
    right after a word, a digit of another script, or a hyphen."""
    from tracker.extract.text import sentence_spans

    windows = [
        ("x28 листопада, 28 листопада, a2025-11-28, 2025-11-28 1999", 0, 57),
        ("Am ٣ 28. November 2024, le 1er décembre et 3 mars; 19.12.2023", 0, 62),
        ("-5 ноября-6 ноября 20241 2024", 0, 29),
    ]
    for text in TEXTS[:400]:
        windows += [(text, start, end) for start, end in sentence_spans(text)]
    found = 0
    for text, start, end in windows:
        window = text[start:end]
        digit = re.search(r"\d", window)
        first = digit.start() if digit else len(window)
        for pattern in (dates._DAY_MONTH, dates._ISO, claim_lexicon.YEAR):
            spans = [m.span() for m in pattern.finditer(window)]
            assert [m.span() for m in pattern.finditer(window, first)] == spans, window
            found += len(spans)
    assert found > 20


def test_a_sentence_without_a_clause_mark_is_one_clause() -> None:
    """`clause_spans` looks for its marks before its pattern: the same clauses as the pattern
    gives, on every sentence of the texts and on sentences made of each mark."""
    from tracker.extract import text as module
    from tracker.extract.text import clause_spans, sentence_spans

    def slow(text: str, start: int, end: int) -> list[tuple[int, int]]:
        spans, position = [], start
        for match in module._CLAUSE_END.finditer(text, start, end):
            spans.append((position, match.start()))
            position = match.end()
        return [*spans, (position, end)]

    cases = [(f"Ils avancent{m} tandis qu'ils tiennent X{m} ", 0, 40) for m in ",;:–—"]
    cases += [("Ils avancent — et tiennent X: ainsi; ", 3, 30), ("a, while b", 0, 10)]
    for text in TEXTS[:300]:
        cases += [(text, start, end) for start, end in sentence_spans(text)]
    several = 0
    for text, start, end in cases:
        assert clause_spans(text, start, end) == slow(text, start, end), text[start:end]
        several += len(slow(text, start, end)) > 1
    assert several > 20
