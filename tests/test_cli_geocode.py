"""`tracker geocode`: JSON and table output, hints, and bad input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tracker.cli import main

REQUIRED_KEYS = {
    "id",
    "geonameid",
    "name",
    "lat",
    "lon",
    "country",
    "admin1",
    "population",
    "kind",
    "score",
}


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_json_lists_candidates_best_first():
    result = run("geocode", "Kostiantynivka", "--json", "--limit", "5")
    assert result.exit_code == 0, result.output
    candidates = json.loads(result.output)
    assert len(candidates) == 5
    assert all(set(c) >= REQUIRED_KEYS for c in candidates)
    assert candidates[0]["geonameid"] == 705104
    assert candidates[0]["admin1"] == "Donetsk Oblast"
    assert candidates[0]["kind"] == "settlement"
    scores = [c["score"] for c in candidates]
    assert scores == sorted(scores, reverse=True)


def test_hints_change_the_answer():
    near = json.loads(run("geocode", "Kostiantynivka", "--near", "46.8,35.4", "--json").output)
    assert near[0]["admin1"] == "Zaporizhzhia Oblast"
    hinted = json.loads(run("geocode", "Dzerzhinsk", "--admin1", "Донеччина", "--json").output)
    assert hinted[0]["name"] == "Toretsk"


def test_regions_are_candidates_too():
    result = json.loads(run("geocode", "région de Soumy", "--json").output)
    assert result[0]["kind"] == "region"
    assert result[0]["name"] == "Sumy Oblast"
    assert result[0]["geonameid"] is not None


def test_readable_table():
    result = run("geocode", "Куп'янськ")
    assert result.exit_code == 0, result.output
    assert "Kupiansk" in result.output
    assert "Kharkiv Oblast" in result.output
    assert "27,169" in result.output


def test_no_match_is_not_an_error():
    result = run("geocode", "Qwzxvbnmplk")
    assert result.exit_code == 0
    assert "No place matches" in result.output
    assert json.loads(run("geocode", "Qwzxvbnmplk", "--json").output) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["geocode", ""], "empty"),
        (["geocode", "   "], "empty"),
        (["geocode", "x" * 20_000], "20000 characters"),
        (["geocode", "Kup\x07iansk"], "control"),
        (["geocode", "東京"], "unsupported script"),
        (["geocode", "Kupiansk", "--near", "95,10"], "latitude 95.0"),
        (["geocode", "Kupiansk", "--near", "north"], "LAT,LON"),
        (["geocode", "Kupiansk", "--admin1", "Atlantis"], "not a region"),
        (["geocode", "Kupiansk", "--limit", "0"], "limit"),
        (["geocode", "Kupiansk", "--near", "Qwzxvbnmplk"], "LAT,LON"),
        (["geocode", "Myrne", "--area", "Atlantis hromada"], "not a hromada"),
        (["geocode", "Myrne", "--area", "Kupiansk"], "names no raion or hromada"),
        (["geocode", "Myrne", "--within-km", "20"], "needs --near"),
        (["geocode", "Myrne", "--near", "Kupiansk", "--within-km", "-3"], "within-km"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_gazetteer_info():
    info = json.loads(run("gazetteer", "info", "--json").output)
    assert info["countries"] == ["BY", "HU", "MD", "PL", "RO", "RU", "SK", "UA"]
    assert info["regions"] >= 33
    assert info["sources"]["geonames"]["licence"] == "CC BY 4.0"


def test_custom_places_of_the_database_are_candidates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert not (tmp_path / "tracker.db").exists()
    before = json.loads(run("geocode", "Zolota Nyva Khutir", "--json").output)
    assert before == []
    assert not (tmp_path / "tracker.db").exists(), "a lookup must not create a database"
    added = run(
        "places",
        "add",
        "Zolota Nyva Khutir",
        "--lat",
        "47.93",
        "--lon",
        "36.81",
        "--admin1",
        "Donetsk Oblast",
        "--json",
    )
    assert added.exit_code == 0, added.output
    found = json.loads(run("geocode", "Zolota Nyva Khutir", "--json").output)
    assert found[0]["id"].startswith("custom:")
    assert found[0]["geonameid"] is None
    assert found[0]["admin1"] == "Donetsk Oblast"
    elsewhere = f"sqlite:///{tmp_path / 'other.db'}"
    assert (
        json.loads(run("geocode", "Zolota Nyva Khutir", "--db", elsewhere, "--json").output) == []
    )


def test_a_raion_or_hromada_bounds_the_answer():
    # Three settlements named Іллінка in Donetsk Oblast; one in Kurakhove hromada.
    for area in ("Kurakhove hromada", "Курахівської міської громади"):
        found = json.loads(run("geocode", "Іллінка", "--area", area, "--json").output)
        assert [(c["name"], c["hromada"]) for c in found] == [("Illinka", "Kurakhivska hromada")]
    found = json.loads(run("geocode", "Торське", "--area", "Kramatorsk raion", "--json").output)
    assert found and {c["raion"] for c in found} == {"Kramatorskyi Raion"}


def test_near_a_named_place_within_a_distance():
    # "Myrne, west of Kupiansk": the Myrne 23 km from Kupiansk, not the one in Bohodukhiv raion.
    found = json.loads(
        run("geocode", "Myrne", "--near", "Kupiansk", "--within-km", "40", "--json").output
    )
    assert len(found) == 1
    assert abs(found[0]["lat"] - 49.664) < 0.01 and abs(found[0]["lon"] - 37.259) < 0.01


def test_homonyms_the_region_cannot_separate_get_no_answer():
    result = run("geocode", "Myrne", "--admin1", "Kharkiv Oblast")
    assert result.exit_code == 0, result.output
    assert "No answer for 'Myrne': ambiguous: Myrne (Kharkiv Oblast)" in result.output
    listed = json.loads(run("geocode", "Myrne", "--admin1", "Kharkiv Oblast", "--json").output)
    assert listed and not any(c["chosen"] for c in listed)
    assert {c["admin1"] for c in listed} == {"Kharkiv Oblast"}
    near = json.loads(
        run("geocode", "Myrne", "--admin1", "Kharkiv Oblast", "--near", "Kupiansk", "--json").output
    )
    assert near[0]["chosen"] and near[0]["raion"] == "Kupianskyi Raion"


def test_a_russian_border_village_is_found_in_its_oblast_and_nowhere_else():
    found = json.loads(run("geocode", "Malaya Loknya", "--admin1", "Kursk Oblast", "--json").output)
    assert found[0]["chosen"] and found[0]["id"].startswith("oktmo:")
    assert found[0]["admin1"] == "Kursk Oblast"
    result = run("geocode", "Malaya Loknya", "--admin1", "Sumy Oblast")
    assert result.exit_code == 0
    assert "No place matches 'Malaya Loknya' in Sumy Oblast." in result.output


def test_a_near_place_with_far_namesakes_is_refused_not_guessed():
    result = run("geocode", "Khoroshe", "--near", "Myrne", "--admin1", "Kharkiv Oblast")
    assert result.exit_code == 2
    assert "'Myrne' is ambiguous: Myrne (Kharkiv Oblast)" in result.output
    assert "Traceback" not in result.output


def test_an_adjective_case_form_names_a_village_or_a_towns_raion_so_no_answer():
    # "Шахтарського": the village Шахтарське, or the raion of the town Шахтарськ (109 km
    # away); the town's size decides nothing here. Its noun case form is the town alone.
    result = run("geocode", "Шахтарського", "--admin1", "Donetsk Oblast")
    assert result.exit_code == 0, result.output
    assert "No answer for 'Шахтарського': ambiguous: Shakhtarsk" in result.output
    town = json.loads(run("geocode", "Шахтарська", "--admin1", "Donetsk Oblast", "--json").output)
    assert [c["name"] for c in town] == ["Shakhtarsk"] and town[0]["chosen"]
    near = json.loads(
        run(
            "geocode",
            "Шахтарського",
            "--admin1",
            "Donetsk Oblast",
            "--near",
            "Pokrovsk",
            "--within-km",
            "60",
            "--json",
        ).output
    )
    assert {c["name"] for c in near} == {"Shakhtarske"} and near[0]["chosen"]
