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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a video or a post about something else taken down retracts no claim
        (
            "Ukrainian forces repelled an assault near Toretsk. The brigade later deleted the "
            "video for security reasons.",
            {("Toretsk", Side.UA, "repel"), ("Toretsk", Side.RU, "attack")},
        ),
        (
            "Russian forces struck Kharkiv overnight. The city administration later deleted the "
            "post with the casualty figures.",
            {("Kharkiv", Side.RU, "strike")},
        ),
        # what is said after the retraction stands; what was retracted goes
        (
            "A Russian milblogger claimed that Russian forces captured Toretsk and later deleted "
            "the post, while another claimed advances near Pokrovsk.",
            {("Pokrovsk", Side.RU, "advance")},
        ),
        (
            "Ein Blogger meldete die Einnahme von Torezk und zog die Meldung zurück; russische "
            "Truppen griffen aber bei Schtscherbyniwka an.",
            {("Shcherbynivka", Side.RU, "attack")},
        ),
        # what was said named after the retraction
        (
            "A prominent Russian military blogger withdrew his claim that Russian troops had "
            "taken the village of Varachyne in Sumy region.",
            set(),
        ),
        (
            "The milblogger deleted the post about Toretsk and claimed that Russian forces "
            "captured Niu-York.",
            {("Niu-York", Side.RU, "capture")},
        ),
        (
            "Russian forces recently captured Novopavlivka, the MoD claimed. A milblogger deleted "
            "the post, claiming Russian forces had only advanced to the outskirts of Novopavlivka.",
            {("Novopavlivka", Side.RU, "capture"), ("Novopavlivka", Side.RU, "advance")},
        ),
    ],
)
def test_only_what_was_taken_back_goes(text: str, expected: set) -> None:
    assert scenes(text) == expected


def test_a_map_s_correction_takes_its_advance_back() -> None:
    text = (
        "Карту оновлено.\n\nУточнення до вчорашнього оновлення: просування ворога в Іллінівці "
        "було позначено помилково, його прибрано з мапи. Насправді окупанти просунулися поблизу "
        "Олександро-Калинового."
    )
    claims = extract(text, report_date=REPORT_DATE).claims
    assert [(c.place.name, c.side, str(c.action), c.claimant) for c in claims] == [
        ("Oleksandro-Kalynove", Side.RU, "advance", "DeepState")
    ]
