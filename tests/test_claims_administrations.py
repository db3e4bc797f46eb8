"""Claims from regional administrations' posts: the post's sign-off speaks for it, places said
to have suffered or come under shelling are struck, guided bombs dropped on a place strike it.
The sentences are our own, in the styles of such posts; the events are not a record."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.model import Action, Side

REPORT_DATE = date(2026, 1, 14)


def _claims(text: str) -> list[tuple]:
    return [
        (c.place.name, c.side, c.action, c.claimant)
        for c in extract(text, report_date=REPORT_DATE).claims
    ]


def test_a_post_s_sign_off_is_its_claimant() -> None:
    text = "Зранку ворог атакував дроном Нікополь. Пошкоджено будинок. — Дніпропетровська ОВА"
    assert _claims(text) == [("Nikopol", Side.RU, Action.STRIKE, "Ukrainian officials")]


def test_a_dash_inside_a_sentence_signs_nothing_off() -> None:
    text = "Зранку ворог атакував дроном Нікополь — пошкоджено будинок і лінію електропередачі."
    assert [c[3] for c in _claims(text)] == ["media"]


@pytest.mark.parametrize(
    ("text", "place", "side"),
    [
        # places that suffered: the side across the line struck them
        ("Унаслідок атаки постраждали Нікополь та Марганець.", "Nikopol", Side.RU),
        ("За сутки пострадали Белгород и Шебекино, сообщил Гладков.", "Belgorod", Side.UA),
        # the shelling as a noun before the place
        ("Внаслідок обстрілу Куп'янська пошкоджено дві багатоповерхівки.", "Kupiansk", Side.RU),
        ("После обстрела Белгорода без света остались несколько улиц.", "Belgorod", Side.UA),
        # guided bombs dropped on a place
        ("Окупанти скинули два КАБи на Білопілля.", "Bilopillia", Side.RU),
        ("Противник сбросил ФАБ на Шебекино.", "Shebekino", Side.UA),
    ],
)
def test_a_place_said_to_be_hit_is_struck(text: str, place: str, side: Side) -> None:
    assert (place, side, Action.STRIKE) in [c[:3] for c in _claims(text)]
