"""Places a claim sentence names that are not its scenes (where drones were launched from, the
town a village is described by, what is promised or must still be done) and one that is (a town
under heavy shelling). Our own sentences in the styles of air-force tallies, wire copy and
milblogger posts; the events are not a record."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.model import Side

REPORT_DATE = date(2026, 3, 6)


def scenes(text: str) -> set[tuple[str, Side]]:
    return {(c.place.name, c.side) for c in extract(text, report_date=REPORT_DATE).claims}


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's air force said it had shot down 41 of 58 drones launched overnight from "
        "Russia's Kursk region and from occupied Crimea.",
        "L'armée de l'air ukrainienne affirme avoir abattu 45 des 60 drones lancés depuis les "
        "régions russes de Koursk et de Briansk ainsi que depuis la Crimée occupée.",
        "Повітряні сили збили 40 дронів, запущених з Брянської та Курської областей, а також з "
        "окупованого Криму.",
    ],
)
def test_where_drones_were_launched_from_is_no_scene(text: str) -> None:
    assert scenes(text) == set()


def test_a_strike_named_after_the_launch_sites_is_still_claimed() -> None:
    text = (
        "The Ukrainian Air Force reported that Russian forces launched 94 drones from the "
        "directions of Kursk, Oryol and Millerovo and struck Kremenchuk."
    )
    assert scenes(text) == {("Kremenchuk", Side.RU)}


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        (
            "L'armée russe a revendiqué jeudi la prise de Novoselivka, un village de la région "
            "de Donetsk au nord-ouest de Lyman.",
            {"Novoselivka"},
        ),
        (
            "Le ministère russe de la Défense a annoncé vendredi la prise d'Illinivka et de "
            "Berestok, deux villages proches de Kostiantynivka.",
            {"Illinivka", "Berestok"},
        ),
    ],
)
def test_the_town_a_village_is_described_by_is_no_scene(text: str, claimed: set) -> None:
    assert {name for name, _ in scenes(text)} == claimed


@pytest.mark.parametrize(
    "text",
    [
        "Военкоры считают, что сначала придётся взять Дружковку.",
        "Le président russe a promis que Kramatorsk et Sloviansk seraient « libérées » d'ici la "
        "fin de l'année.",
    ],
)
def test_what_must_still_be_done_or_is_promised_is_no_claim(text: str) -> None:
    assert scenes(text) == set()


@pytest.mark.parametrize(
    "text",
    ["Chuhuiv came under heavy shelling overnight.", "Чугуїв опинився під масованим обстрілом."],
)
def test_a_town_under_heavy_shelling_was_struck(text: str) -> None:
    """The passive with words before the fire's noun is a strike all the same (the side that
    does not hold the town)."""
    assert scenes(text) == {("Chuhuiv", Side.RU)}
