"""Rule patterns searched by their literal prefixes give exactly the matches of the patterns'
own `search` and `finditer`, on real report text, windows of it and hostile letters."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import (
    claim_lexicon,
    claimants,
    claims,
    context,
    dates,
    groupings,
    lexicon,
    modality,
    namesakes,
    scenes,
)
from tracker.extract.prefixed import Family, Prefixed, prefixed
from tracker.extract.scan import DIGIT, literal_prefixes
from tracker.extract.text import sentence_spans

DATA = Path(__file__).parent / "data"


def _wrapped() -> dict[str, Prefixed]:
    """Every prefixed pattern the rule modules define (found, not listed: a pattern wrapped
    later is checked too)."""
    found = {}
    for module in (
        claim_lexicon,
        claimants,
        claims,
        context,
        dates,
        groupings,
        lexicon,
        modality,
        namesakes,
        scenes,
    ):
        for name, value in vars(module).items():
            # (a pattern read without its digits is checked where its caller reads it: below)
            if (
                isinstance(value, Prefixed)
                and not value._no_digits
                and all(value is not v for v in found.values())
            ):
                found[f"{module.__name__}.{name}"] = value  # (where it is defined, once)
    for label, pattern in claimants.VOICES:
        if isinstance(pattern, Prefixed):
            found[f"VOICES {label}"] = pattern
    for number, (pattern, _) in enumerate(groupings._BORDER_DIRECTIONS):
        found[f"groupings border direction {number}"] = pattern
    return found


WRAPPED = _wrapped()


def _texts() -> list[str]:
    texts = []
    for name in ("claims_dev.jsonl", "real_style_dev.jsonl", "geoparse_extra.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["text"])
    return texts


TEXTS = _texts()
HOSTILE = [
    "Ruſſian forces could not advance on Sunday, demanding",  # ſ folds to s in `re` only
    "İf the enemy ſhould attack on ſunday, Kyiv wıll demand",  # İ lower-cases to two letters
    "Противник ᲂбстрелял позиции, могут атаковать во вторник",  # ᲂ folds to о in `re` only
    "MODAL: COULD, MIGHT, WOULD — NOT ADVANCED, 28 NOVEMBER, ЗАЯВИЛ",
    "the Kharkiv  Oblast Military Administration said; x_1\tOBLAST military administration",
    "١٢ brigade and the ٤٧th Brigade reported; 3rd Assault Brigade said",  # other digits
    "Myrnohrad, ville jumelle de Pokrovsk; Myrnohrad, the twin city of Pokrovsk; three years "
    "ago Russia occupied Kherson, il y a deux ans, vor drei Jahren, рік тому Куп'янськ",
    "На Північно-Слобожанському та ПІВДЕННО-слобожанському напрямках; the northern "
    "Slobozhansk and south  Slobozhanskyi axes, Южно-Слобожанское направление",
    # places that locate the scene: across the river, a road's end, a plant, a retreat's aim
    "Les troupes tiennent la rive EN FACE DE Kherson, opposite Kherson, навпроти Херсона; "
    "the road  to Pokrovsk, трасса на Донецк, la centrale nucléaire d'Enerhodar, "
    "Kernkraftwerk Saporischschja, відступили в бік Сум, it said, они сообщили",
    # namesakes set apart, in five languages and both cases
    "Riwne — nicht zu verwechseln mit Riwne; Rivne, not to be confused with Rivne - not the "
    "Rivne near Dubno, NOT THE Lyman; à ne pas confondre avec Andriïvka, а не у Каменки; не "
    "слід плутати з Добропіллям — не та Новоселівка, що не имеет отношения к Ивановке",
    # another place of the same name; a region's part; the enemy; "the town"
    "Інша Андріївка лежить далі, ІНШИЙ Лиман — ні; другая Федоровка, Другой Лиман, інше село, "
    "в східній частині області, in the northern part of the region, ВО ВОСТОЧНОЙ ЧАСТИ области; "
    "the enemy, ENNEMI, противника, l’ennemi; the town, THIS CITY, la ville, міста; речь не о "
    "Новоселовке у Лимана, the other Pavlivka near Orikhiv, L'AUTRE Pavlivka, die andere Stepowe",
    # where drones were launched from, in three languages and both cases
    "drones LAUNCHED overnight from Kursk; lancés depuis Briansk, запущених з Криму, ЗАПУЩЕНИХ "
    "ІЗ Брянщини, fired from the directions of Oryol",
    "",
]


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def _windows(text: str, rng: random.Random) -> list[tuple[int, int]]:
    spans = [(0, len(text)), *sentence_spans(text)]
    spans += [tuple(sorted((rng.randint(-3, len(text) + 3), rng.randint(0, len(text) + 3))))]
    spans += [(s, min(e, s + 45)) for s, e in spans[1:2]]  # a short window after a speaker
    # the words before a name, as the rules read them ("... near", "в районі")
    names = [m.start() for m in _CAPITAL.finditer(text)][:20]
    spans += [(max(0, at - 40), at) for at in names]
    return spans


_CAPITAL = re.compile(r"(?<=\s)[A-ZА-ЯІЇЄҐ]")


def test_the_hot_rule_patterns_are_prefixed() -> None:
    names = set(WRAPPED)
    for expected in (
        "tracker.extract.claim_lexicon.MODAL",
        "tracker.extract.claim_lexicon.NEGATION",
        "tracker.extract.claimants.VERB_AFTER",
        "tracker.extract.dates._MONTH_DAY",
        "VOICES Russian MoD",
        "tracker.extract.claimants.SPEAKER_RE",
        "tracker.extract.context._REGION_BREAK",
        "tracker.extract.groupings.ZONE_OF_GROUP",
    ):
        assert expected in names


@pytest.mark.parametrize("name", sorted(WRAPPED))
def test_same_matches_as_the_pattern_on_report_windows(name: str) -> None:
    fast, slow = WRAPPED[name], WRAPPED[name].regex
    rng = random.Random(name)
    seen = 0
    for text in TEXTS + HOSTILE:
        for start, end in _windows(text, rng):
            expected = _spans(slow.finditer(text, start, end))
            assert _spans(fast.finditer(text, start, end)) == expected, (text, start, end)
            first = fast.search(text, start, end)
            assert _spans([first] if first else []) == expected[:1], (text, start, end)
            seen += len(expected)
        sliced = text[5:70]  # a window cut out of the text: no letters before it
        assert _spans(fast.finditer(sliced)) == _spans(slow.finditer(sliced))
    assert seen or name.startswith("VOICES"), "the texts should exercise the pattern"


def test_letters_that_lower_cannot_fold_are_still_found() -> None:
    sunday = prefixed(re.compile(r"(?<!\w)(?:sunday|if)(?!\w)", re.IGNORECASE))
    assert isinstance(sunday, Prefixed)
    assert sunday.search("on ſunday").group() == "ſunday"
    assert sunday.search("İF so").group() == "İF"
    assert [m.group() for m in sunday.finditer("If on SUNDAY, if ſunday")] == [
        "If",
        "SUNDAY",
        "if",
        "ſunday",
    ]


def test_a_word_added_to_a_rule_is_searched_for() -> None:
    """The prefixes come from the pattern itself: nothing to keep in step by hand."""
    words = ["could", "might"]
    before = prefixed(re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE))
    after = prefixed(re.compile(rf"\b(?:{'|'.join([*words, 'зможуть'])})\b", re.IGNORECASE))
    assert before.search("вони зможуть атакувати") is None
    assert after.search("вони ЗМОЖУТЬ атакувати").group() == "ЗМОЖУТЬ"


def test_a_word_added_to_a_window_rule_is_searched_for() -> None:
    """The same for a rule read in the words before a place: "near" gains "skraju"."""
    from tracker.extract.lexicon import NEAR_BEFORE

    head = NEAR_BEFORE.pattern.index("(?:") + 3
    added = NEAR_BEFORE.pattern[:head] + "skraju|" + NEAR_BEFORE.pattern[head:]
    grown = prefixed(re.compile(added, NEAR_BEFORE.flags))
    assert NEAR_BEFORE.search("oddziały na SKRAJU ") is None
    assert grown.search("oddziały na SKRAJU ").group() == "SKRAJU "
    assert grown.search("Russian forces advanced near ").group() == "near "


def test_matches_may_start_at_a_digit_or_the_word_before_a_literal() -> None:
    unit = prefixed(re.compile(r"(?<!\w)(?:\d+\s+brigade|(?:\w+\s+)?oblast)", re.IGNORECASE))
    assert isinstance(unit, Prefixed)
    text = "the 47 Brigade and ٤٧ brigade; in Kharkiv  Oblast, x_y oblast, Oblast"
    found = [m.group() for m in unit.finditer(text)]
    assert found == [m.group() for m in unit.regex.finditer(text)]
    assert found == ["47 Brigade", "٤٧ brigade", "Kharkiv  Oblast", "x_y oblast", "Oblast"]
    assert unit.search(text, 36, 60).group() == "Oblast"  # the lookbehind sees "h"
    anywhere = prefixed(re.compile(r"(?:\w+\s+)?oblast", re.IGNORECASE))
    assert anywhere.search(text, 36, 60).group() == "arkiv  Oblast"
    assert anywhere.search(text[36:60]).group() == "arkiv  Oblast"


def test_the_lexicon_scanner_still_refuses_patterns_without_literals() -> None:
    with pytest.raises(ValueError):
        literal_prefixes(claimants.SPEAKER_RE.regex)  # digits and "(?:\w+\s+)?oblast"
    assert DIGIT in literal_prefixes(claimants.SPEAKER_RE.regex, markers=True)


def test_a_pattern_without_literal_prefixes_is_searched_by_itself() -> None:
    pattern = prefixed(re.compile(r"\w+\s+oblast", re.IGNORECASE))
    text = "the Kharkiv oblast and the Sumy Oblast"
    assert [m.group() for m in pattern.finditer(text)] == ["Kharkiv oblast", "Sumy Oblast"]
    assert (
        pattern.search(text, 20).group() == pattern.regex.search(text, 20).group() == "Sumy Oblast"
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["could", "Not", "never", "ſ", "İ", "ᲂ", "не", "могут", "28", "November", "nov.", "if"]
        )
        | st.sampled_from([" ", ", ", "-", "a", "\n", "Sunday", "вчора", "вчера", "wouldn't"]),
        max_size=14,
    ),
    st.integers(-2, 40),
    st.integers(-2, 80),
)
def test_same_matches_on_generated_text(words: list[str], pos: int, endpos: int) -> None:
    text = "".join(words)
    for name, fast in WRAPPED.items():
        expected = _spans(fast.regex.finditer(text, pos, endpos))
        assert _spans(fast.finditer(text, pos, endpos)) == expected, name
        first = fast.search(text, pos, endpos)
        assert _spans([first] if first else []) == expected[:1], name


def test_a_pattern_that_only_starts_at_digits_is_searched_by_re() -> None:
    pattern = re.compile(r"\d+\s*km", re.IGNORECASE)
    fast = prefixed(pattern)
    for text in ("about 12 km from X and 3km", "no distance", "٣ KM", ""):
        assert _spans(fast.finditer(text)) == _spans(pattern.finditer(text))
        assert _spans(filter(None, [fast.search(text)])) == _spans(
            filter(None, [pattern.search(text)])
        )


# A report long enough to be indexed once for all its windows (the rules' common case).
REPORT = "\n\n".join(TEXTS[:60] + HOSTILE[:-1])


@pytest.mark.parametrize("name", sorted(WRAPPED))
def test_a_window_read_by_position_matches_the_pattern_on_the_slice(name: str) -> None:
    fast, slow = WRAPPED[name], WRAPPED[name].regex
    rng = random.Random(name)
    spans = _windows(REPORT, rng)[:80]
    spans += [(at, at + rng.randint(0, 300)) for at in rng.sample(range(len(REPORT)), 150)]
    for start, end in spans:
        window = REPORT[start:end]  # `^`, `\b` and lookbehinds see the slice's edges
        expected = _spans(slow.finditer(window))
        assert _spans(fast.finditer_window(REPORT, start, end)) == expected, (start, end)
        first = fast.search_window(REPORT, start, end)
        assert _spans([first] if first else []) == expected[:1], (start, end)
        assert _spans(fast.finditer(REPORT, start, end)) == _spans(
            slow.finditer(REPORT, start, end)
        )


def test_prefixes_go_on_past_whitespace() -> None:
    """ "the\\s+governor" is looked for as "thegover" with any spaces between, not at every
    "the" of a report."""
    pattern = re.compile(r"(?:the\s+)?(?:regional\s+)?governor|a\s+indiqué|no longer", re.I)
    spaced = literal_prefixes(pattern, markers=True, spaces=True)
    assert spaced == {  # eight letters at most
        "the\x01gover",
        "the\x01regio",
        "regional",
        "governor",
        "a\x01indiqué",
        "no\x01longer",
    }
    assert literal_prefixes(pattern) == {"the", "regio", "gover", "a", "no lo"}  # (the lexicon's)
    fast = prefixed(pattern)
    filler = "The other sources say little. " * 80  # a report: indexed once
    for spaces in (" ", "  ", "\n", "\t", "\xa0", "\u2007", "\u202f", "\u3000", " \r\n "):
        words = f"THE{spaces}Regional{spaces}GOVERNOR said; il a{spaces}indiqué; no{spaces}longer"
        text = filler + words
        assert _spans(fast.finditer(text)) == _spans(pattern.finditer(text)), repr(spaces)
        assert len(list(fast.finditer(text))) == (3 if spaces == " " else 2)  # "no longer"
        short = text[len(filler) :]
        assert _spans(fast.finditer(short)) == _spans(pattern.finditer(short)), repr(spaces)


def test_every_space_is_skipped_or_written_as_a_space() -> None:
    """Whitespace to `re` is what str.isspace() says; the automaton skips the six ASCII
    spaces (in any locale), every other one is written as a space before it searches."""
    import ahocorasick

    from tracker.extract import prefixed as module

    everything = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    assert everything == module._PYTHON_SPACES
    automaton = ahocorasick.Automaton()
    automaton.add_word("ab", 0)
    automaton.make_automaton()
    for space in everything:
        if module._SPACE_LIKE.fullmatch(space):
            continue
        assert space in " \t\n\r\x0b\x0c", repr(space)
        assert list(automaton.iter(f"a{space}{space}b", ignore_white_space=True)), repr(space)


def test_a_word_added_to_a_rule_is_in_the_report_index() -> None:
    """The report index is built from the patterns' own prefixes: a pattern read for the first
    time joins it, so no prefilter kept beside the rules can skip its new word."""
    report = "Russian forces shelled the area again. " * 80 + "Вони ЗМОЖУТЬ  атакувати."
    words = ["could", "might"]
    before = prefixed(re.compile(rf"\b(?:{'|'.join(words)})\s+атакувати", re.IGNORECASE))
    after = prefixed(
        re.compile(rf"\b(?:{'|'.join([*words, 'зможуть'])})\s+атакувати", re.IGNORECASE)
    )
    end = len(report)
    assert before.search_window(report, end - 30, end) is None
    assert after.search_window(report, end - 30, end).group() == "ЗМОЖУТЬ  атакувати"
    assert after.search(report).group() == "ЗМОЖУТЬ  атакувати"
    # and every rule pattern's own prefixes are found in a report where they are written
    for name, pattern in WRAPPED.items():
        for literal in pattern._literals:
            if literal.startswith("\x00"):
                continue
            text = filler_around(literal.replace("\x01", " "))
            at = text.index(literal.replace("\x01", " "))
            # (a pattern outside the index finds them alone)
            found = (
                pattern._report_starts(text)
                if pattern._indexed
                else pattern._find(text, 0, len(text))
            )
            assert at in found, (name, literal)


def filler_around(words: str) -> str:
    return "x " * 1100 + words + " y"


def test_a_match_may_start_in_the_whitespace_before_a_literal() -> None:
    """ "\\s*(?:the\\s+)?towns\\s+of\\s*$": the match starts where the spaces before "towns"
    do; those spaces are candidates too, the leftmost first."""
    pattern = re.compile(r"\s*(?:the\s+)?towns?\s+of\s*$|(?:^|\s)в\s+районі\s*$", re.I)
    assert "\x00sthe\x01towns" in literal_prefixes(pattern, markers=True, spaces=True)
    fast = prefixed(pattern)
    filler = "Russian forces attacked again. " * 80
    for tail in ("near  the \n towns of ", "near towns of", "бої в районі ", "в районі", "towns"):
        for text in (tail, filler + tail):
            assert _spans(fast.finditer(text)) == _spans(pattern.finditer(text)), tail
            assert _spans(filter(None, [fast.search(text)])) == _spans(
                filter(None, [pattern.search(text)])
            )
            window = fast.search_window(text, len(text) - len(tail), len(text))
            assert _spans(filter(None, [window])) == _spans(filter(None, [pattern.search(tail)]))


FAMILIES = {
    f"{module.__name__}.{name}": value
    for module in (claims, claimants, scenes, modality)
    for name, value in vars(module).items()
    if isinstance(value, Family)
}


def test_the_rules_families_are_found() -> None:
    assert len(FAMILIES) >= 6, sorted(FAMILIES)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_family_says_no_only_where_none_of_its_patterns_matches(family: str) -> None:
    """A rule skips a family's searches in a window (a clause, the words before a place) where
    `may_match` says no: none of its patterns may match there, nor in any part of it, read as
    its own string or by position in the report."""
    gate = FAMILIES[family]
    rng = random.Random(family)
    clean = "\n\n".join(TEXTS[:60])  # (REPORT's hostile letters leave every window to `re`)
    for report in (clean, REPORT):
        spans = [*_windows(report, rng), (-5, 10), (len(report) - 5, len(report) + 9), (30, 20)]
        spans += [
            (max(0, at - rng.randint(0, 60)), at) for at in rng.sample(range(len(report)), 600)
        ]
        spans += [(at, at + rng.randint(0, 250)) for at in rng.sample(range(len(report)), 300)]
        said_no = 0
        for start, end in spans:
            if gate.may_match(report, start, end):
                continue
            said_no += 1
            parts = [(start, end)]
            if 0 <= start < end <= len(report):
                parts += [tuple(sorted(rng.sample(range(start, end + 1), 2))) for _ in range(3)]
            for a, b in parts:
                for pattern in gate.patterns:
                    assert pattern.regex.search(report[a:b]) is None, (start, end, a, b)
                    assert pattern.regex.search(report, a, b) is None, (start, end, a, b)
                    assert pattern.search_window(report, a, b) is None, (start, end, a, b)
        # and it does say no: many windows hold none of these words
        assert said_no > 100 if report is clean else said_no == 0, (said_no, len(spans))
    # every pattern's own words make it say yes
    for pattern in gate.patterns:
        for literal in pattern._literals:
            words = literal.replace("\x01", " ")
            text = filler_around(words)
            at = text.index(words)
            assert gate.may_match(text, at, at + len(words)), (family, literal)


def test_what_a_family_lets_a_rule_skip_is_in_the_family() -> None:
    """Every `not quiet and X.search_window` of scenes.py names a pattern of the family its
    function's `quiet` comes from (a test added to a rule without its family would be skipped)."""
    import inspect

    for function, gate in (
        (scenes.may_be_scene, scenes._WORDS_BEFORE),
        (scenes._unit, scenes._WORDS_BEFORE),
        (scenes._river, scenes._WORDS_BEFORE),
        (scenes.precision, scenes._PRECISION_BEFORE),
    ):
        source = inspect.getsource(function)
        skipped = re.findall(
            r"not quiet\s+and\s+(?:[\w.]+\s+in\s+\(.*?\)\s+and\s+)?(\w+)\.", source, re.S
        )
        skipped += re.findall(r"None if quiet else (\w+)\.", source)
        skipped += re.findall(r"quiet or not (\w+)\.", source)
        assert skipped, function.__name__
        for name in skipped:
            assert getattr(scenes, name) in gate.patterns, (function.__name__, name)


def test_a_pattern_outside_the_report_index_finds_its_prefixes_alone() -> None:
    from tracker.extract import prefixed as module

    pattern = context.STATE_BORDER
    border = [text for text in TEXTS if any(w in text.lower() for w in context._STATE_BORDER_WORDS)]
    report = " ".join(border * 4) + (
        " біля кордону, прикордонне село; près de la frontière, nahe der Grenze, Grenzort X"
    )
    assert len(report) > module._REPORT_SIZE  # (a report: read by the index if it were in it)
    expected = _spans(pattern.regex.finditer(report))
    assert len(expected) >= 3
    assert _spans(pattern.finditer(report)) == expected
    first = pattern.search(report, 100)
    assert _spans([first]) == _spans([pattern.regex.search(report, 100)])
    assert pattern.search_window(report, 0, 400) == pattern.regex.search(report[:400]) or (
        _spans([pattern.search_window(report, 0, 400)])
        == _spans([pattern.regex.search(report[:400])])
    )
    assert pattern not in module._REPORTS.patterns


@pytest.mark.parametrize("hostile", [True, False])
def test_a_long_report_with_letters_re_folds_is_searched_right(hostile: bool) -> None:
    """In a report (read through the index), a letter `re` folds that lower() does not
    ("ᲂ" for "о", "ſ" for "s") sends its patterns back to `re`; without one, none goes."""
    attack = prefixed(re.compile(r"(?<!\w)(?:обстріл\w*|sunday)(?!\w)", re.IGNORECASE))
    cyrillic = " ".join(text for text in TEXTS if not text.isascii())[:6000]
    report = f"{cyrillic} Ворог ᲂбстріляв Харків у ſunday." if hostile else cyrillic
    assert len(report) > 2000 and not report.isascii()
    for name, pattern in [("attack", attack), *WRAPPED.items()]:  # (its own first: indexed)
        expected = _spans(pattern.regex.finditer(report))
        assert _spans(pattern.finditer(report)) == expected, name
    assert len(list(attack.regex.finditer(report))) >= (2 if hostile else 0)


def test_the_speakers_are_read_without_digits_only_where_no_unit_can_start() -> None:
    """`assertions` and `_verb_after` read a clause or window without a unit's noun by the
    speaker pattern without its starts at digits (the dates'): there it gives the whole
    pattern's matches."""
    without, gate = claimants._SPEAKER_NOT_AT_DIGITS, claimants._UNIT_NOUN_WORDS
    rng = random.Random(18)
    said_no = 0
    for report in ("\n\n".join(TEXTS[:80]), REPORT):
        for start, end in _windows(report, rng):
            if gate.may_match(report, start, end):
                continue
            said_no += 1
            expected = _spans(claimants.SPEAKER_RE.regex.finditer(report, start, end))
            assert _spans(without.finditer(report, start, end)) == expected, (start, end)
            first = without.search_window(report, start, end)
            whole = claimants.SPEAKER_RE.regex.search(report[max(0, start) : max(0, end)])
            assert _spans([first] if first else []) == _spans([whole] if whole else [])
    assert said_no > 100
    # a numbered unit is found only by the whole pattern, and its noun opens the gate
    text = filler_around("the 93rd Mechanized Brigade said")
    assert not list(without.finditer(text))
    assert gate.may_match(text, 0, len(text))
    assert [a.label for a in claimants.assertions(text, 0, len(text))] == ["Ukrainian unit"]


def test_a_spaced_key_starts_where_the_walk_back_says() -> None:
    """The two-words shortcut of `_key_start` gives the letter-by-letter walk's start, for
    every hit of the report index's spaced keys in the development texts and in keys written
    with no space, one, several or other whitespace between their letters."""
    from tracker.extract import prefixed as module

    for pattern in WRAPPED.values():
        pattern.search(REPORT)  # (every rule pattern in the index)
    module._REPORTS._rebuild()
    spaced_keys = module._REPORTS.built[2]
    text = "\n\n".join(TEXTS).lower()
    text = module._SPACE_LIKE.sub(" ", text)
    hits = 0
    for end, (key, _) in spaced_keys.iter(text, ignore_white_space=True):
        assert module._key_start(text, end, key) == module._walked_start(text, end, key)
        hits += 1
    assert hits > 500
    rng = random.Random(5)
    for _ in range(3000):
        key = "".join(rng.choice("abc") for _ in range(rng.randint(2, 8)))
        written = "".join(
            letter + rng.choice(["", "", " ", "  ", "\n", " \t"]) for letter in key
        ).rstrip()
        text = rng.choice(["", "a", "b ", "ab c "]) + written
        end = len(text) - 1
        assert module._key_start(text, end, key) == module._walked_start(text, end, key), text
