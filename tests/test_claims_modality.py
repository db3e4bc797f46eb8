"""What is only thought possible makes no claim: a German clause whose modal comes last, or
one governed by "für möglich halten". Our own sentences in the style of German press."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract

REPORT_DATE = date(2026, 2, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Experten gehen davon aus, dass Russland im Frühjahr eine Offensive auf Saporischschja "
        "beginnen könnte.",
        "Militärexperten halten es für möglich, dass Russland im Frühjahr auf Slowjansk und "
        "Kramatorsk vorrückt.",
        "Analysten befürchten, dass die russischen Truppen bald Kostjantyniwka angreifen.",
    ],
)
def test_what_is_thought_possible_is_no_claim(text: str) -> None:
    assert extract(text, report_date=REPORT_DATE).claims == []


def test_what_happened_beside_a_later_modal_is_still_a_claim() -> None:
    text = (
        "Russische Truppen haben Bilyzke angegriffen, sagte ein Sprecher, der warnte, die Lage "
        "könnte sich verschärfen."
    )
    assert [c.place.name for c in extract(text, report_date=REPORT_DATE).claims] == ["Bilytske"]


def test_a_thought_possible_ends_at_its_clause() -> None:
    text = (
        "Die Ukraine hält es für möglich, dass Russland Sumy angreift, doch Charkiw wurde "
        "heute beschossen."
    )
    claims = extract(text, report_date=REPORT_DATE).claims
    assert ("Kharkiv", "strike") in [(c.place.name, c.action.value) for c in claims]
