"""`tracker gazetteer import`: a GeoNames country dump, written here in its exact format."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.errors import DataFileError
from tracker.gazetteer import Gazetteer, reset_default_gazetteer
from tracker.geonames_dump import import_geonames_dump

# geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
# country code, cc2, admin1, admin2, admin3, admin4, population, elevation, dem, timezone,
# modification date — the 19 columns of GeoNames' country dumps.
ROWS = [
    [
        "9990001",
        "Kalynova Zatoka",
        "Kalynova Zatoka",
        "Kalinovaya Zatoka,Калинова Затока,Калиновая Затока",
        "47.93500",
        "36.81200",
        "P",
        "PPL",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "312",
        "",
        "180",
        "Europe/Kyiv",
        "2024-05-01",
    ],
    [
        "9990002",
        "Novoselivka Druha",
        "Novoselivka Druha",
        "",
        "48.24000",
        "37.21000",
        "P",
        "PPL",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "0",
        "",
        "190",
        "Europe/Kyiv",
        "2024-05-01",
    ],
    [
        "703656",
        "Kupyansk",
        "Kupyansk",
        "Kupiansk,Куп'янськ",
        "49.71003",
        "37.61581",
        "P",
        "PPLA2",
        "UA",
        "",
        "07",
        "",
        "",
        "",
        "27169",
        "",
        "100",
        "Europe/Kyiv",
        "2024-05-01",
    ],
    [
        "9990003",
        "Vovcha",
        "Vovcha",
        "Вовча",
        "48.20000",
        "36.90000",
        "H",
        "STM",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "0",
        "",
        "150",
        "Europe/Kyiv",
        "2024-05-01",
    ],
]
# alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, isShortName,
# isColloquial, isHistoric, from, to
ALTERNATES = [
    ["1", "9990001", "ru", "Калиновая Затока", "", "", "", "", "", ""],
    ["2", "9990001", "uk", "Калинова Затока", "1", "", "", "", "", ""],
    ["3", "9990001", "link", "https://example.org/kalynova", "", "", "", "", "", ""],
    ["4", "9990002", "uk", "Новоселівка Друга", "", "", "", "", "", ""],
    ["5", "9990002", "uk", "Радянське", "", "", "", "1", "", ""],
    ["6", "123", "uk", "Somewhere else", "", "", "", "", "", ""],
]


def write_tsv(path, rows):
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def dump(tmp_path):
    return write_tsv(tmp_path / "UA.txt", ROWS), write_tsv(
        tmp_path / "alternateNamesV2.txt", ALTERNATES
    )


def test_import_adds_villages_the_shipped_set_lacks(dump, isolated_data_dir):
    dump_file, alternates = dump
    before = Gazetteer.load()
    assert all(c.place.id != "geonames:9990001" for c in before.candidates("Kalynova Zatoka"))
    report = import_geonames_dump(dump_file, alternate_names=alternates, gazetteer=before)
    assert (report.rows, report.places, report.new_places) == (4, 3, 2)
    assert report.skipped_not_populated == 1
    assert report.output.startswith(str(isolated_data_dir))

    after = Gazetteer.load()
    assert len(after) == len(before) + 2
    village = after.candidates("Калиновій Затоці")[0].place  # an inflected Ukrainian form
    assert village.id == "geonames:9990001"
    assert village.name == "Kalynova Zatoka"
    assert village.admin1 == "Donetsk Oblast"
    assert (village.lat, village.lon) == (47.935, 36.812)
    assert after.candidates("Kalinovaya Zatoka")[0].place.id == "geonames:9990001"
    second = after.candidates("Новоселівка Друга")[0].place
    assert second.name == "Novoselivka Druha"  # from the Ukrainian name, not the historic one
    assert "https://example.org/kalynova" not in village.alternate_names
    assert after.get("geonames:703656").population == 27169  # the shipped record stays


def test_import_without_alternate_names(dump, isolated_data_dir):
    report = import_geonames_dump(dump[0])
    assert report.alternate_names == 0
    assert Gazetteer.load().candidates("Калинова Затока")[0].place.id == "geonames:9990001"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda rows: [r[:18] for r in rows], r"line 1: expected 19 tab-separated columns"),
        (lambda rows: [[*rows[0][:4], "95.0", *rows[0][5:]]], r"line 1: latitude 95.0"),
        (lambda rows: [[*rows[0][:14], "many", *rows[0][15:]]], "whole numbers"),
        (lambda rows: [rows[3]], "no populated places"),
        (lambda rows: [], "no populated places"),
    ],
)
def test_malformed_dumps_are_refused_and_nothing_is_written(
    tmp_path, isolated_data_dir, mutate, message
):
    path = write_tsv(tmp_path / "UA.txt", mutate([list(r) for r in ROWS]))
    with pytest.raises(DataFileError, match=message):
        import_geonames_dump(path)
    assert not (isolated_data_dir / "gazetteer").exists()


def test_non_utf8_dump(tmp_path):
    path = tmp_path / "UA.txt"
    path.write_bytes("\t".join(ROWS[0]).encode("cp1251"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        import_geonames_dump(path)


def test_cli_import_then_geocode(dump):
    reset_default_gazetteer()
    runner = CliRunner()
    result = runner.invoke(
        main, ["gazetteer", "import", str(dump[0]), "--alternate-names", str(dump[1]), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["new_places"] == 2
    result = runner.invoke(main, ["geocode", "Калинова Затока", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["geonameid"] == 9990001
    reset_default_gazetteer()


def test_cli_import_of_a_missing_file_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["gazetteer", "import", str(tmp_path / "UA.txt")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    assert "Traceback" not in result.output
