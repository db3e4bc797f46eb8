"""The Aho–Corasick scanner gives exactly the matches of `pattern.finditer`, faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import lexicon
from tracker.extract.scan import Scanner, literal_prefixes
from tracker.extract.text import sentence_spans

PATTERNS = {
    "action": lexicon.ACTION_RE,
    "ru": lexicon.SIDE_RU,
    "ua": lexicon.SIDE_UA,
    "claimant": lexicon.CLAIMANT_RE,
    "says": lexicon.SAYS,
    "said": lexicon.SAID,
    "hedges": lexicon.HEDGES,
    "negation": lexicon.NEGATION,
}
SCANNER = Scanner(PATTERNS)
REPORT = (
    "Russian forces reportedly advanced near Pokrovsk and captured Udachne, the Russian MoD "
    "claimed; Ukrainian forces repelled 12 assaults. Les forces russes n'ont pas progressé "
    "près de Koupiansk, selon l'état-major. Russische Truppen griffen bei Kupjansk an. "
    "Сили оборони відбили штурм біля Покровська, заявив Генштаб. Российские войска якобы "
    "заняли Степногорск, утверждает Минобороны России. ZSU, AFU, Kyiv's units held Lyman."
)


def _spans(matches) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


def test_prefixes_start_every_match() -> None:
    for name, pattern in PATTERNS.items():
        prefixes = literal_prefixes(pattern)
        assert prefixes and "" not in prefixes, name
        for match in pattern.finditer(REPORT):
            assert match.group().lower().startswith(tuple(prefixes)), (name, match.group())


def test_same_matches_as_finditer_on_a_report() -> None:
    found = SCANNER.scan(REPORT)
    for name, pattern in PATTERNS.items():
        assert _spans(found[name]) == _spans(pattern.finditer(REPORT)), name
    assert found["action"] and found["ru"] and found["ua"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "attack",
                "Attacked",
                "Росії",
                "ukrainian",
                " ",
                "-",
                "'",
                "not ",
                "не ",
                "İ",
                "ß",
                "штурм",
                "reportedly",
                "près",
                "x",
                "\n",
                "5",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_same_matches_as_finditer_on_any_text(text: str) -> None:
    found = SCANNER.scan(text)
    for name, pattern in PATTERNS.items():
        assert _spans(found[name]) == _spans(pattern.finditer(text)), (name, text)


def test_a_pattern_without_a_literal_start_is_refused() -> None:
    with pytest.raises(ValueError, match="literal prefix"):
        Scanner({"any": re.compile(r"\w+ville")})


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Kupiansk is held. Pokrovsk is not.", [(0, 17), (18, 34)]),
        ("Am 28. November griffen sie an. Dann nicht.", [(0, 31), (32, 43)]),
        ("Line one\nLine two", [(0, 8), (9, 17)]),
        ("Held? «Yes», they said.", [(0, 5), (6, 23)]),
    ],
)
def test_sentence_spans(text: str, spans: list[tuple[int, int]]) -> None:
    assert sentence_spans(text) == spans
