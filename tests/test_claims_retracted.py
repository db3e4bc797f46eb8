"""A claim its author took back is no claim: a blogger's post deleted, a ministry's report
withdrawn, in the sentence or the one after. Taking troops back, clearing mines or a post that
stays up are not that. Our own sentences in the styles of wire copy, milblogger posts and press
reports; the events are not a record."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.model import Side

REPORT_DATE = date(2026, 11, 20)


def scenes(text: str) -> set[tuple[str, Side, str]]:
    return {
        (c.place.name, c.side, str(c.action)) for c in extract(text, report_date=REPORT_DATE).claims
    }


@pytest.mark.parametrize(
    "text",
    [
        "Russian milblogger Rybar claimed the capture of Tokmak, but later deleted the post.",
        "The Russian MoD claimed the capture of Tokmak. The report was later deleted from its "
        "Telegram channel.",
        "Le blogueur russe affirmait la prise de Tokmak, avant de retirer cette mention.",
        "Le ministère russe annonçait la prise de Tokmak. Le message a été supprimé une heure "
        "plus tard.",
        "Der Militärblogger meldete die Einnahme von Tokmak. Der Beitrag wurde später gelöscht.",
        "Ein prorussischer Kanal meldete die Einnahme von Tokmak, zog die Meldung aber später "
        "zurück.",
        "Рыбарь сообщил о взятии Токмака. Пост позже удалили.",
        "Канал повідомив про захоплення Токмака, але згодом видалив допис.",
    ],
)
def test_a_claim_taken_back_is_none(text: str) -> None:
    assert scenes(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops withdrawn, mines removed: what was done, not what was said
        (
            "Russian forces captured Tokmak, the MoD said. The report said sappers removed mines "
            "from the roads.",
            ("Tokmak", Side.RU, "capture"),
        ),
        (
            "L'armée russe a pris Tokmak avant de retirer ses blindés vers l'arrière.",
            ("Tokmak", Side.RU, "capture"),
        ),
        (
            "Рыбарь сообщил о взятии Токмака; пост не удалили.",
            ("Tokmak", Side.RU, "capture"),
        ),
    ],
)
def test_what_was_done_stays_a_claim(text: str, expected: tuple[str, Side, str]) -> None:
    assert expected in scenes(text)
