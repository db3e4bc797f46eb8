"""Places a claim sentence names only to say where its scene is, who speaks or whose a leader
is: the town a village is described by, an unnamed village's town, the officials' city, a
brigade's honorary name, a president's country, a town abroad by the border. Our own sentences
in the styles of wire copy, agency dispatches and unit posts; the events are not a record."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.model import Side

REPORT_DATE = date(2026, 12, 5)


def scenes(text: str) -> set[tuple[str, Side, str]]:
    return {
        (c.place.name, c.side, str(c.action)) for c in extract(text, report_date=REPORT_DATE).claims
    }


@pytest.mark.parametrize(
    ("text", "scene", "reference"),
    [
        (
            "Russia's Defence Ministry said its forces had taken full control of Kurylivka, a "
            "village southeast of the Ukrainian city of Kupiansk.",
            "Kurylivka",
            "Kupiansk",
        ),
        (
            "Russia's defence ministry said its forces had liberated Stupochky, a village on "
            "the eastern approaches to Kostiantynivka.",
            "Stupochky",
            "Kostiantynivka",
        ),
        (
            "Le ministère russe a revendiqué la prise de Zvanivka et de Vyïmka, deux villages "
            "situés respectivement au sud et au sud-est de Siversk.",
            "Zvanivka",
            "Siversk",
        ),
    ],
)
def test_the_town_a_captured_village_is_described_by_is_no_scene(text, scene, reference):
    found = {name for name, _, _ in scenes(text)}
    assert scene in found and reference not in found


@pytest.mark.parametrize(
    "text",
    [
        "Russia says it captured village near Kupiansk",
        "Russland meldet Einnahme von Dorf bei Pokrowsk",
        "Росіяни захопили село біля Покровська.",
    ],
)
def test_an_unnamed_villages_town_takes_no_claim(text):
    assert scenes(text) == set()


def test_the_officials_city_is_no_scene():
    text = "Russian drones hit Izmail overnight, killing two, Odesa regional officials said."
    assert {name for name, _, _ in scenes(text)} == {"Izmail"}
    # (alone, the city the officials speak for is the scene)
    assert {name for name, _, _ in scenes("Russian drones hit Odesa, city officials said.")} == {
        "Odesa"
    }


def test_a_brigades_honorary_name_is_no_place():
    text = (
        "La 93e brigade mécanisée « Kholodnyi Yar » annonce avoir repoussé une attaque russe "
        "près de Kleban-Byk."
    )
    assert {name for name, _, _ in scenes(text)} == {"Kleban-Byk"}


def test_a_presidents_country_is_no_side():
    """ "la ville natale du président ukrainien" says whose town it is, not who struck."""
    text = (
        "Un missile russe a frappé Kryvyï Rih. Il s'agit de la troisième frappe contre la ville "
        "natale du président ukrainien."
    )
    assert {side for _, side, _ in scenes(text)} == {Side.RU}
    # (a president who speaks still names his side's deed)
    found = scenes("The Ukrainian president said troops had retaken Bilohorivka.")
    assert found and {side for _, side, _ in found} == {Side.UA}


@pytest.mark.parametrize(
    "text",
    [
        "Polish jets were scrambled from Rzeszów as Russia launched missiles at Lviv and Lutsk.",
        "Росіяни атакували порт в Ізмаїлі, уламки впали біля Ісакчі.",
        "Un drone russe s'est écrasé près de Galați après une attaque contre le port d'Izmaïl.",
    ],
)
def test_a_town_abroad_by_the_border_takes_no_claim(text):
    assert all(name not in ("Rzeszów", "Isaccea", "Galaţi") for name, _, _ in scenes(text))
    assert scenes(text)


def test_a_regions_adjective_is_no_village_renamed_from_it():
    """ "над Московским регионом" is the Moscow region, not Kozatske (once Moskovske)."""
    text = (
        "Минобороны России сообщает: уничтожены 48 украинских беспилотников: 19 — над "
        "Брянской областью, 8 — над Московским регионом, 6 — над Республикой Крым."
    )
    assert all(name != "Kozatske" for name, _, _ in scenes(text))


@pytest.mark.parametrize(
    ("text", "scene", "reference"),
    [
        (
            "Le ministère russe de la défense a affirmé jeudi que ses troupes s'étaient emparées "
            "de Rodynské, une petite ville minière au nord de Pokrovsk.",
            "Rodynske",
            "Pokrovsk",
        ),
        (
            "L'armée russe a revendiqué mercredi la prise de Prymorské, un village au bord du "
            "réservoir de Kakhovka, à moins de 30 kilomètres au sud de Zaporijjia.",
            "Prymorske",
            "Zaporizhzhia",
        ),
    ],
)
def test_a_longer_description_still_names_a_reference(text, scene, reference) -> None:
    names = {name for name, _, _ in scenes(text)}
    assert scene in names and reference not in names


def test_an_unnamed_village_s_region_is_no_scene_of_its_capture() -> None:
    assert scenes("Ukraine says it retook village in Dnipropetrovsk region") == set()
    assert scenes("Russia says it captured a village in Donetsk region; Kyiv denies it.") == set()
    # a struck village's region stays the scene
    assert scenes("Russian drones struck a village in Sumy region overnight.") == {
        ("Sumy Oblast", Side.RU, "strike")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv wants new air defence systems to protect Kharkiv and Odesa before the spring.",
        "Our guys need interceptors to protect the Druzhkivka–Kostiantynivka road.",
        "Man wolle vor allem Städte wie Charkiw und Saporischschja besser gegen russische "
        "Gleitbomben schützen, sagte ein Regierungssprecher.",
    ],
)
def test_the_places_air_defence_is_wished_for_are_no_scenes(text) -> None:
    assert scenes(text) == set()
