"""Russian places as Ukrainian reporting spells them."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.gazetteer import default_gazetteer
from tracker.ukrainian_spellings import ukrainian_spellings


@pytest.mark.parametrize(
    ("russian", "ukrainian"),
    [
        ("Мартыновка", ["Мартинівка"]),
        ("Журавлевка", ["Журавлівка"]),
        ("Нехотеевка", ["Нехотіївка"]),
        ("Тёткино", ["Тьоткіно", "Тьоткіне"]),
        ("Рыльск", ["Рильськ"]),
        ("Малая Локня", ["Мала Локня"]),
        ("Гуево", ["Гуєво"]),
        ("Красное", ["Красне"]),
        ("Новоивановка", ["Новоіванівка"]),
        ("Валуйки", []),  # a plural's final и stays
        ("Суджа", []),
        ("Kursk", []),
    ],
)
def test_regular_correspondences(russian: str, ukrainian: list[str]) -> None:
    assert ukrainian_spellings(russian) == ukrainian


def test_a_ukrainian_case_form_reaches_the_russian_village() -> None:
    text = (
        "На Курщині після боїв за Малу Локню та Мартинівку підрозділи ЗСУ відійшли на південь "
        "від Суджі."
    )
    mentions = {m.text: m for m in extract(text, report_date=date(2025, 3, 10)).mentions}
    village = mentions["Мартинівку"].place
    assert (village.country, village.admin1) == ("RU", "Kursk Oblast")


def test_a_latin_spelling_does_not_reach_the_respelled_name() -> None:
    """ "Kondrativka" in Latin text spells a Ukrainian village, not Kondratovka of Kursk Oblast
    respelled the Ukrainian way."""
    gazetteer = default_gazetteer()
    cyrillic = [c.place.country for c in gazetteer.candidates("Кондратівку")]
    latin = [c for c in gazetteer.candidates("Kondrativka") if c.place.country == "RU"]
    assert "RU" in cyrillic
    assert all(c.reason.value == "fuzzy" for c in latin)


def test_a_region_fire_comes_from_frames_no_place() -> None:
    text = (
        "У Чернігові тривога через загрозу з боку Брянщини; у Семенівці та "
        "Новгороді-Сіверському лунали вибухи."
    )
    mentions = {m.text: m for m in extract(text, report_date=date(2025, 3, 10)).mentions}
    assert mentions["Семенівці"].place.admin1 == "Chernihiv Oblast"


def test_a_pair_in_a_ukrainian_region_is_no_russian_village() -> None:
    """The region stated for the second of two places joined by "and" is said of the first
    too when the first has no namesake in that country: Кондратівку "на Сумщині" is not
    Kondratovka of Kursk Oblast (Sumy Oblast's Kindrativka is spelt otherwise)."""
    text = "Росіяни атакували Кондратівку та Олексіївку на Сумщині."
    mentions = {m.text: m for m in extract(text, report_date=date(2025, 3, 10)).mentions}
    assert mentions["Кондратівку"].place is None
    assert "Sumy Oblast" in mentions["Кондратівку"].reason
    assert mentions["Олексіївку"].place.admin1 == "Sumy Oblast"


def test_a_pair_in_one_country_keeps_its_own_region() -> None:
    """Within one country the region after a pair is as often the second place's alone."""
    text = "На Україні повідомили про удари по Одесі та Очакову в Миколаївській області."
    mentions = {m.text: m for m in extract(text, report_date=date(2025, 3, 10)).mentions}
    assert mentions["Одесі"].place.admin1 == "Odesa Oblast"
    assert mentions["Очакову"].place.admin1 == "Mykolaiv Oblast"
