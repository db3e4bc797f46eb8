"""The Russian MoD's formulas as English, French and German reports relay them: a group of
forces named untranslated ("units of the Zapad group") is Russia's, and "improved their
tactical position" is an advance. Our own sentences; the events are not a record."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.model import Action, Side

REPORT_DATE = date(2027, 2, 12)


def scenes(text: str) -> set[tuple[str, Side, Action]]:
    return {(c.place.name, c.side, c.action) for c in extract(text, report_date=REPORT_DATE).claims}


@pytest.mark.parametrize(
    "text",
    [
        "Units of the Zapad group improved their tactical position near Kurylivka.",
        "Le groupement Vostok a amélioré sa position tactique près de Kurylivka.",
        "Die Gruppe Sapad habe ihre taktische Lage bei Kurylivka verbessert.",
        "Russian forces improved their positions near Kurylivka, the ministry said.",
    ],
)
def test_a_group_improving_its_position_is_a_russian_advance(text: str) -> None:
    assert scenes(text) == {("Kurylivka", Side.RU, Action.ADVANCE)}


def test_a_compass_word_is_not_a_group_s_name() -> None:
    """ "the West group" may be anyone's: no side from it."""
    assert scenes("Units of the West group advanced near Kurylivka.") == set()


def test_counterattacks_repelled_after_an_advance_were_there() -> None:
    text = (
        "Units of the Tsentr group improved their tactical position near Rodynske and repelled "
        "three counterattacks."
    )
    assert scenes(text) == {
        ("Rodynske", Side.RU, Action.ADVANCE),
        ("Rodynske", Side.UA, Action.ATTACK),
    }
    # ... unless the repel names a place of its own
    text = "Ukrainian forces advanced near Robotyne and repelled Russian attacks near Verbove."
    assert {c for c in scenes(text) if c[0] == "Robotyne"} == {
        ("Robotyne", Side.UA, Action.ADVANCE)
    }


def test_whom_the_next_verb_defeated_is_not_the_advance_s_agent() -> None:
    """ "Lage verbessert und Formationen von vier ukrainischen Brigaden … geschlagen": "von"
    after "und" names whom the group defeated, not who advanced."""
    text = (
        "Einheiten der Truppengruppe „West“ haben ihre taktische Lage verbessert und Formationen "
        "von vier ukrainischen Brigaden bei Kupjansk geschlagen."
    )
    assert scenes(text) == {("Kupiansk", Side.RU, Action.ADVANCE)}


def test_the_side_after_the_attack_word_is_the_attacker() -> None:
    text = (
        "Russische Truppen haben nach Angaben des Verteidigungsministeriums einen Vorstoß "
        "ukrainischer Sabotagegruppen nahe der Ortschaft Demidowka im Gebiet Belgorod abgewehrt."
    )
    assert scenes(text) == {
        ("Demidovka", Side.RU, Action.REPEL),
        ("Demidovka", Side.UA, Action.ATTACK),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die russischen Einheiten haben bei Torezk die Lage verbessert und Angriffe von "
            "ukrainischen Sturmgruppen abgewehrt.",
            {("Toretsk", Side.RU, Action.ADVANCE), ("Toretsk", Side.UA, Action.ATTACK)},
        ),
        # (the tail of "Robotyne" before "ihre" is no French negation)
        (
            "Ukrainische Einheiten haben bei Robotyne ihre Lage verbessert und Angriffe von "
            "russischen Truppen abgewehrt.",
            {("Robotyne", Side.UA, Action.ADVANCE), ("Robotyne", Side.RU, Action.ATTACK)},
        ),
        # the other order
        (
            "Les unités du groupement Centre ont repoussé deux contre-attaques et amélioré leur "
            "position tactique près de Pokrovsk.",
            {("Pokrovsk", Side.RU, Action.ADVANCE), ("Pokrovsk", Side.UA, Action.ATTACK)},
        ),
        # a repel in a direction of its own
        (
            "Units of the Zapad group improved their tactical position near Kupiansk and "
            "repelled three counterattacks in the direction of Kindrashivka.",
            {
                ("Kupiansk", Side.RU, Action.ADVANCE),
                ("Kindrashivka", Side.RU, Action.REPEL),
                ("Kindrashivka", Side.UA, Action.ATTACK),
            },
        ),
        # the enemy pushed back is no attack repelled
        (
            "Сили оборони відкинули ворога від Кіндрашівки та закріпилися на околицях Радьківки.",
            {
                ("Kindrashivka", Side.UA, Action.REPEL),
                ("Kindrashivka", Side.RU, Action.ATTACK),
                ("Radkivka", Side.UA, Action.ADVANCE),
            },
        ),
        # no side named: whom the next verb defeated does not advance
        (
            "Einheiten haben die Lage verbessert und Formationen von vier ukrainischen Brigaden "
            "bei Nowopawliwka geschlagen.",
            set(),
        ),
    ],
)
def test_the_review_s_cases(text, expected) -> None:
    assert scenes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the General Staff's "tried to push our units out of positions": attacks
        (
            "На Покровському напрямку ворог 29 разів намагався витіснити наші підрозділи з "
            "позицій, зокрема в районах Родинського та Світлого.",
            {("Rodynske", Side.RU, Action.ATTACK), ("Svitle", Side.RU, Action.ATTACK)},
        ),
        # no offensive waged: the negation after the noun
        ("На Гуляйпільському напрямку ворог наступальних дій не вів.", set()),
        ("На Купянском направлении противник активных наступательных действий не вел.", set()),
        # an expert's expectation is no event
        (
            "Ein Militärexperte erwartet, dass Russland im Winter versuchen wird, Pokrowsk und "
            "Myrnohrad einzuschließen und anschließend auf Dobropillja vorzustoßen.",
            set(),
        ),
    ],
)
def test_bulletins_attempts_and_expectations(text, expected) -> None:
    assert scenes(text) == expected
