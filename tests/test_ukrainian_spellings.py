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


def test_a_region_after_a_pair_across_the_border_is_the_seconds() -> None:
    """ "Vovchansk and Shebekino in Belgorod Oblast": the region is said of Shebekino only;
    Vovchansk stays the Kharkiv Oblast town."""
    text = "Russian forces attacked Vovchansk and Shebekino in Belgorod Oblast."
    mentions = {m.text: m for m in extract(text, report_date=date(2025, 3, 10)).mentions}
    assert mentions["Vovchansk"].place.admin1 == "Kharkiv Oblast"
    assert mentions["Shebekino"].place.admin1 == "Belgorod Oblast"
