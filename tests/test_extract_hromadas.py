"""Hromadas named as scenes: read as their centres, the claim near the centre (precision 2);
a hromada that only says where a village lies is no scene of its own.

The sentences are written for these tests, in the styles of regional administrations'
reports."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract, find_mentions
from tracker.model import Precision, Side

REPORT_DATE = date(2026, 1, 14)


def _claims(text: str) -> dict[str, tuple[str, Side, int]]:
    """Mention text -> (place, side, precision) of its claim."""
    return {
        c.mention.text: (c.place.name, c.side, int(c.precision))
        for c in extract(text, report_date=REPORT_DATE).claims
    }


def test_a_list_of_hromadas_under_fire_is_their_centres() -> None:
    claims = _claims(
        "Упродовж дня під вогнем були Білопільська, Ворожбянська та Середино-Будська "
        "громади. — Сумська ОВА"
    )
    assert claims == {
        "Білопільська": ("Bilopillia", Side.RU, Precision.NEAR),
        "Ворожбянська": ("Vorozhba", Side.RU, Precision.NEAR),
        "Середино-Будська": ("Seredyna-Buda", Side.RU, Precision.NEAR),
    }


def test_a_town_listed_before_hromadas_is_the_town_itself() -> None:
    claims = _claims("Зранку ворог атакував дронами Нікополь, Марганецьку та Покровську громади.")
    assert claims["Нікополь"] == ("Nikopol", Side.RU, Precision.SETTLEMENT)
    assert claims["Марганецьку"] == ("Marhanets", Side.RU, Precision.NEAR)
    # the Pokrovska hromada beside Nikopol's is Pokrov's, not Pokrovsk's in Donetsk Oblast
    assert claims["Покровську"] == ("Pokrov", Side.RU, Precision.NEAR)


@pytest.mark.parametrize(
    ("text", "mention", "centre"),
    [
        (
            "Russian drones struck the Marhanets hromada overnight, the governor said.",
            "Marhanets",
            "Marhanets",
        ),
        (
            "Внаслідок обстрілу Великописарівської громади пошкоджено школу.",
            "Великописарівської",
            "Velyka Pysarivka",
        ),
        ("Росіяни скинули КАБи на Миропільську громаду.", "Миропільську", "Myropillia"),
    ],
)
def test_one_hromada_is_its_centre(text: str, mention: str, centre: str) -> None:
    mentions = {m.text: m for m in find_mentions(text)}
    assert mentions[mention].place is not None
    assert mentions[mention].place.name == centre
    assert _claims(text)[mention][2] == Precision.NEAR


@pytest.mark.parametrize(
    "text",
    [
        # the hromada in the genitive right after its village, or in brackets: where it lies
        "Росіяни обстріляли село Іллінка Марганецької міської громади.",
        "Росіяни обстріляли Іллінку (Марганецька громада) з артилерії.",
        "Shelling hit Illinka in the Marhanets hromada, the regional governor said.",
        # the sentence names a village of the hromada: the hromada locates it
        "У Марганецькій громаді росіяни обстріляли Іллінку.",
    ],
)
def test_a_hromada_that_locates_a_village_is_no_scene(text: str) -> None:
    claims = _claims(text)
    assert [place for place, _, _ in claims.values()] == ["Illinka"]
