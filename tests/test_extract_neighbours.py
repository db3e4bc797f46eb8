"""Places of Poland, Romania, Hungary and Slovakia near Ukraine: drones fall there, crossings and
hubs are there, and reports name them in every language; the gazetteer holds that border strip
only, and its names must not turn ordinary words into villages abroad."""

from __future__ import annotations

from datetime import date

from tracker.extract import extract

REPORT_DATE = date(2025, 12, 3)


def _placed(text: str) -> dict[str, tuple[str, str] | None]:
    """Mention text -> (place name, country), or None when left unresolved."""
    return {
        m.text: (m.place.name, m.place.country) if m.place else None
        for m in extract(text, report_date=REPORT_DATE).mentions
    }


def test_towns_across_the_danube_and_the_polish_border_are_placed_abroad() -> None:
    found = _placed(
        "Romanian F-16s were scrambled after drones attacking the port of Izmail flew close to "
        "Isaccea; debris was later found in a field outside Tulcea."
    )
    assert found == {
        "Izmail": ("Izmail", "UA"),
        "Isaccea": ("Isaccea", "RO"),
        "Tulcea": ("Tulcea", "RO"),
    }
    assert _placed("Poland's army said one drone came down near Hrubieszów, east of Zamość.") == {
        "Hrubieszów": ("Hrubieszów", "PL"),
        "Zamość": ("Zamość", "PL"),
    }


def test_their_ukrainian_and_russian_names_and_case_forms() -> None:
    found = _placed("Вантажівки стоять у черзі до Жешува, а потяг із Перемишля запізнюється.")
    assert found == {"Жешува": ("Rzeszów", "PL"), "Перемишля": ("Przemyśl", "PL")}
    assert _placed("Обломки беспилотника нашли у румынского города Галац.") == {
        "Галац": ("Galaţi", "RO")
    }


def test_a_ukrainian_town_facing_them_keeps_its_own_place() -> None:
    """A French spelling of Izmail beside Isaccea is Izmail, not a namesake the gazetteer
    lacks: the town across the river is no sign of one."""
    found = _placed(
        "Des habitants d'Isaccea ont entendu des explosions venant d'Izmaïl, de l'autre côté du "
        "Danube."
    )
    assert found == {"Isaccea": ("Isaccea", "RO"), "Izmaïl": ("Izmail", "UA")}


def test_ordinary_words_are_no_villages_abroad() -> None:
    """ "Вогонь" reads like a case form of Wohyń, a Polish town by the border with no Cyrillic
    name of its own; "Станом", "Цього", German "Mal" and English "War" like hamlets the
    gazetteer leaves out. All are words."""
    assert _placed("Станом на ранок цього тижня вогонь не вщухав.") == {}
    assert _placed("Zum ersten Mal griffen Drohnen die Stadt an. War das geplant?") == {}
    assert _placed("Вогонь по Херсону не припинявся.") == {"Херсону": ("Kherson", "UA")}


def test_a_border_town_abroad_opens_a_dateline() -> None:
    found = _placed("MEDYKA, Poland (Reuters) - Buses from Lviv crossed into Poland on Friday.")
    assert found["MEDYKA"] == ("Medyka", "PL")
    assert _placed("RZESZÓW (dpa) - Ein Zug aus Kyjiw traf am Morgen ein.")["RZESZÓW"] == (
        "Rzeszów",
        "PL",
    )


def test_hamlets_words_and_other_languages_names_abroad_are_not_read() -> None:
    """Panic, Trip, Hanna and Lada are hamlets there, Roma a village; "Landshut" is an old
    German name of Łańcut, "Major" one of Măieru's; "Ясла" is a nursery, not Jasło."""
    assert _placed("Panic spread in Kupiansk as Roma families and Hanna Maliar left.") == {
        "Kupiansk": ("Kupiansk", "UA")
    }
    assert _placed("Landshut in Bayern schickte Hilfsgüter. Major Petrenko sprach.") == {}
    assert _placed("Ясла у Харкові пошкоджено.") == {"Харкові": ("Kharkiv", "UA")}


def test_the_city_a_village_is_placed_by_is_a_city() -> None:
    """ "the city" after a town is the city named last, else the dateline's."""
    text = (
        "ZAPORIZHZHIA (Reuters) - Russian troops pressed their assault on Huliaipole, while "
        "officials reported fighting near Prymorske, on the southern approaches to the city."
    )
    village = next(
        m for m in extract(text, report_date=REPORT_DATE).mentions if m.text == "Prymorske"
    )
    assert village.place is not None and village.place.admin1 == "Zaporizhzhia Oblast"
