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
