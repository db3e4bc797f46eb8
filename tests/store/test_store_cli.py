"""The claim commands through click's CliRunner, on both back ends."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tracker.cli import main


@pytest.fixture
def cli(db_url):
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(main, [*args, "--db", db_url], catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run


def as_json(result):
    return json.loads(result.stdout)


BASE = ["--side", "RU", "--action", "capture", "--claimant", "Russian MoD"]


def test_init_reports_backend_and_schema(cli, db_url):
    info = as_json(cli("init", "--json"))
    assert info["schema_version"] == 9
    assert info["claims"] == 0
    assert info["backend"] == ("postgis" if db_url.startswith("postgresql") else "sqlite")


def test_add_geocodes_the_place_when_no_point_is_given(cli):
    claim = as_json(cli("add", "--date", "2024-05-01", "--place", "Udachne", *BASE, "--json"))
    assert claim["place_id"] == "geonames:690841"
    assert (claim["lat"], claim["lon"]) == pytest.approx((48.241, 36.992), abs=0.01)
    assert claim["version"] == 1 and claim["status"] == "claimed"


def test_add_with_point_matches_the_nearby_place(cli):
    claim = as_json(
        cli(
            "add",
            "--date",
            "2024-05-01",
            "--place",
            "Udachne",
            "--at",
            "48.25,37.0",
            *BASE,
            "--json",
            "--by",
            "ann",
        )
    )
    assert claim["place_id"] == "geonames:690841"
    assert (claim["lat"], claim["lon"]) == (48.25, 37.0)
    assert claim["created_by"] == "ann"


def test_lifecycle_through_the_cli(cli):
    claim = as_json(cli("add", "--date", "2024-05-01", "--place", "Udachne", *BASE, "--json"))
    cid = claim["id"]
    edited = as_json(cli("edit", cid, "--version", "1", "--status", "confirmed", "--json"))
    assert edited["version"] == 2 and edited["status"] == "confirmed"

    stale = cli("edit", cid, "--version", "1", "--status", "refuted", ok=False)
    assert stale.exit_code == 2
    assert "is at version 2, but the edit was made on version 1" in stale.output
    assert len(stale.output.strip().splitlines()) == 1

    assert as_json(cli("show", cid, "--json"))["status"] == "confirmed"
    cli("delete", cid)
    assert as_json(cli("list", "--json")) == []
    assert [c["id"] for c in as_json(cli("list", "--include-deleted", "--json"))] == [cid]
    restored = as_json(cli("restore", cid, "--json"))
    assert restored["version"] == 4 and restored["deleted_at"] is None
    entries = as_json(cli("history", cid, "--json"))
    assert [e["op"] for e in entries] == ["insert", "update", "delete", "restore"]
    assert entries[1]["before"]["status"] == "claimed"
    assert entries[1]["after"]["status"] == "confirmed"
    assert "History of" in cli("history", cid).output


def test_list_filters(cli):
    for date, place, side in [
        ("2024-05-01", "Udachne", "RU"),
        ("2024-05-05", "Pokrovsk", "UA"),
        ("2024-06-01", "Kupiansk", "RU"),
    ]:
        cli(
            "add",
            "--date",
            date,
            "--place",
            place,
            "--side",
            side,
            "--action",
            "attack",
            "--claimant",
            "ISW",
        )
    names = lambda *args: [c["name"] for c in as_json(cli("list", *args, "--json"))]  # noqa: E731
    assert names() == ["Udachne", "Pokrovsk", "Kupiansk"]
    assert names("--since", "2024-05-02") == ["Pokrovsk", "Kupiansk"]
    assert names("--side", "RU", "--until", "2024-05-31") == ["Udachne"]
    assert names("--bbox", "36.5,48,37.5,48.5") == ["Udachne", "Pokrovsk"]
    assert names("--search", "kupi") == ["Kupiansk"]
    assert names("--limit", "1") == ["Udachne"]
    assert "3 claims" in cli("list").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add", "--date", "2024-05-01", "--place", "X", "--at", "95,37", *BASE],
            "latitude 95.0 is outside -90..90",
        ),
        (["add", "--date", "May", "--place", "X", "--at", "48,37", *BASE], "is not a date"),
        (["add", "--date", "2024-05-01", "--place", "Qwzxqwzx", *BASE], "no place matches"),
        (
            [
                "add",
                "--date",
                "2024-05-01",
                "--place",
                "X",
                "--at",
                "48,37",
                "--side",
                "US",
                "--action",
                "capture",
                "--claimant",
                "x",
            ],
            "side 'US' is not one of",
        ),
        (["show", "no-such-id"], "no claim with id 'no-such-id'"),
        (["edit", "no-such-id", "--status", "confirmed"], "no claim with id"),
        (["list", "--bbox", "1,2"], "WEST,SOUTH,EAST,NORTH"),
        (["export", "--format", "gpkg"], "give -o FILE"),
        (["import", "missing.geojson"], "no file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, args, message):
    result = cli(*args, ok=False)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_custom_places_commands(cli):
    assert as_json(cli("places", "list", "--json")) == []
    place = as_json(
        cli(
            "places",
            "add",
            "Khutir Vilnyi",
            "--lat",
            "48.3",
            "--lon",
            "37.4",
            "--admin1",
            "Donetsk",
            "--json",
        )
    )
    assert place["id"].startswith("custom:")
    assert place["admin1_code"] == "UA.05"
    assert [p["id"] for p in as_json(cli("places", "list", "--json"))] == [place["id"]]
    claim = as_json(cli("add", "--date", "2024-05-01", "--place", "Khutir Vilnyi", *BASE, "--json"))
    assert claim["place_id"] == place["id"]
    assert (claim["lat"], claim["lon"]) == (48.3, 37.4)
    bad = cli("places", "add", "Nowhere", "--lat", "91", "--lon", "37", ok=False)
    assert bad.exit_code == 2 and "latitude 91.0" in bad.output


def test_export_to_stdout_and_file(cli, tmp_path):
    cli("add", "--date", "2024-05-01", "--place", "Udachne", *BASE)
    collection = json.loads(cli("export").stdout)
    assert collection["type"] == "FeatureCollection"
    assert collection["features"][0]["properties"]["name"] == "Udachne"
    out = tmp_path / "claims.csv"
    summary = as_json(cli("export", "-o", str(out), "--json"))
    assert summary == {"file": str(out), "format": "csv", "claims": 1}
    assert out.read_text(encoding="utf-8").startswith("event_id,event_date,")
    assert "Donetsk Oblast" in out.read_text(encoding="utf-8")


def test_tracker_db_environment_variable(db_url, monkeypatch):
    monkeypatch.setenv("TRACKER_DB", db_url)
    runner = CliRunner()
    added = runner.invoke(
        main, ["add", "--date", "2024-05-01", "--place", "X", "--at", "48,37", *BASE, "--json"]
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["list", "--json"])
    assert [c["id"] for c in json.loads(listed.stdout)] == [json.loads(added.stdout)["id"]]


def test_history_author_is_the_os_user_or_as(cli, monkeypatch):
    monkeypatch.setenv("TRACKER_USER", "desk-laptop")
    claim = as_json(cli("add", "--date", "2024-05-01", "--place", "Udachne", *BASE, "--json"))
    cli("edit", claim["id"], "--version", "1", "--status", "confirmed", "--as", "ana")
    history = as_json(cli("history", claim["id"], "--json"))
    assert [(h["op"], h["author"]) for h in history] == [
        ("insert", "desk-laptop"),
        ("update", "ana"),
    ]
    assert claim["created_by"] == "desk-laptop"
