"""Every bad value is refused where it enters (CLI options, import files), on both back ends:
exit code 2, one line naming the value, no traceback, nothing written."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.errors import StoreUnavailableError
from tracker.store import Store

ADD = ["add", "--place", "Pokrovsk", "--at", "48.28,37.18", "--side", "RU", "--action",
       "attack", "--claimant", "Russian MoD"]  # fmt: skip
CSV_HEADER = "event_date,location,latitude,longitude,actor,action,claimant"
CSV_ROW = "2025-12-01,Pokrovsk,48.28,37.18,RU,attack,Russian MoD"


@pytest.fixture
def cli(db_url):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, [*args, "--db", db_url])

    return run


# Checked before the database is touched: one back end is enough (the version ranges, which
# each back end's integer column would also refuse, run on both).
SQLITE_ONLY = pytest.mark.parametrize("backend", ["sqlite"])


def refused(result, *words: str) -> str:
    """The one-line error of a refused command."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1, result.stderr  # (click's usage errors add its usage lines)
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def nothing_written(db_url):
    with Store(db_url) as store:
        assert store.count_claims(include_deleted=True) == 0
        assert store.history_count() == 0


@SQLITE_ONLY
@pytest.mark.parametrize(
    "option, value, words",
    [
        ("--precision", "inf", ["precision", "inf"]),
        ("--precision", "1e400", ["precision"]),
        ("--precision", "nan", ["precision"]),
        ("--precision", "-inf", ["precision"]),
        ("--precision", "1.5", ["precision"]),
        ("--precision", "4", ["precision"]),
        ("--time-precision", "inf", ["time_precision"]),
        ("--time-precision", "1e400", ["time_precision"]),
        ("--date", "2025-12-01garbage", ["event_date", "2025-12-01garbage"]),
        ("--date", "2025-12-01T99:99:99<script>", ["event_date"]),
        ("--date", "2025-12-01 extra", ["event_date"]),
        ("--date", "20251201", ["event_date"]),
        ("--date", "2025-W48-1", ["event_date"]),
        ("--date", "2025-13-01", ["event_date"]),
        ("--reported", "2025-12-01<b>", ["reported_at"]),
        ("--at", "inf,37", ["latitude"]),
        ("--at", "48,nan", ["longitude"]),
        ("--at", "1e400,37", ["latitude"]),
    ],
)
def test_bad_option_values_are_refused_in_one_line(cli, db_url, option, value, words):
    args = [*ADD, option, value] + ([] if option == "--date" else ["--date", "2025-12-01"])
    refused(cli(*args), *words)
    nothing_written(db_url)


@SQLITE_ONLY
@pytest.mark.parametrize("text", ["2025-12-01", "2025-12-01T10:30:00", "2025-12-01T23:30+00:00"])
def test_iso_dates_and_times_are_still_accepted(cli, text):
    result = cli(*ADD, "--date", text, "--json")
    assert result.exit_code == 0, result.output
    # 23:30 UTC on 1 December is already 2 December in Kyiv.
    expected = "2025-12-02" if text.endswith("+00:00") else "2025-12-01"
    assert json.loads(result.stdout)["event_date"] == expected


@SQLITE_ONLY
@pytest.mark.parametrize("value", ["10" * 16, str(10**30), "1e400", "-1"])
def test_huge_or_negative_limits_are_refused(cli, value):
    refused(cli("list", "--limit", value), "--limit")


def write_csv(path, *rows: str, encoding="utf-8") -> str:
    path.write_text("\n".join([CSV_HEADER, *rows]) + "\n", encoding=encoding)
    return str(path)


@SQLITE_ONLY
@pytest.mark.parametrize(
    "row, words",
    [
        (CSV_ROW.replace("2025-12-01", "2025-12-01garbage"), ["event_date"]),
        (CSV_ROW.replace("2025-12-01", "2025-12-01T99:99:99<script>"), ["event_date"]),
        (CSV_ROW.replace("48.28", "inf"), ["latitude"]),
        (CSV_ROW.replace("48.28", "1e400"), ["latitude"]),
        (CSV_ROW.replace("48.28", "nan"), ["latitude"]),
    ],
)
def test_bad_csv_values_are_refused(cli, db_url, tmp_path, row, words):
    refused(cli("import", write_csv(tmp_path / "c.csv", row)), "row 2", *words)
    nothing_written(db_url)


def test_csv_precision_and_version_out_of_range_are_refused(cli, db_url, tmp_path):
    header = CSV_HEADER + ",geo_precision,version"
    for extra, words in (
        (",inf,1", ["precision"]),
        (",1e400,1", ["precision"]),
        (",1," + str(10**30), ["version", "2,147,483,647"]),
        (",1,1e400", ["version"]),
    ):
        path = tmp_path / "v.csv"
        path.write_text(f"{header}\n{CSV_ROW}{extra}\n", encoding="utf-8")
        refused(cli("import", str(path)), *words)
    nothing_written(db_url)


def test_geojson_version_too_big_and_string_coordinates_are_refused(cli, db_url, tmp_path):
    def feature(coordinates, **props):
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": coordinates},
            "properties": {"event_date": "2025-12-01", "name": "Pokrovsk", "side": "RU",
                           "action": "attack", "claimant": "Russian MoD", **props},
        }  # fmt: skip

    for feat, words in (
        (feature([37.18, 48.28], version=10**30), ["feature 1", "version"]),
        (feature([37.18, 48.28], version=2**31), ["feature 1", "version"]),
        (feature([37.18, 48.28], version=True), ["feature 1", "version"]),
        (feature(["37.18", "48.28"]), ["feature 1", "coordinates", "numbers"]),
        (feature([37.18, "48.28"]), ["feature 1", "coordinates"]),
        (feature([37.18, 48.28], event_date="2025-12-01garbage"), ["feature 1", "event_date"]),
        (feature([37.18, 48.28], precision="HUGE"), ["infinity"]),
        (feature([37.18, 48.28], precision="-HUGE"), ["infinity"]),
    ):
        path = tmp_path / "f.geojson"
        text = json.dumps({"type": "FeatureCollection", "features": [feat]})
        path.write_text(
            text.replace('"HUGE"', "1e400").replace('"-HUGE"', "-1e400")
        )  # a JSON number too big for a float
        refused(cli("import", str(path)), *words)
    nothing_written(db_url)


@SQLITE_ONLY
def test_a_huge_csv_cell_is_refused(cli, db_url, tmp_path):
    row = CSV_ROW.replace("Russian MoD", "x" * 131_073)
    refused(cli("import", write_csv(tmp_path / "big.csv", row)), "131,072")
    nothing_written(db_url)


@SQLITE_ONLY
@pytest.mark.parametrize(
    "encoding, found",
    [("latin-1", "Latin-1"), ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("cp1251", "")],
)
def test_csv_in_another_encoding_is_refused_naming_both(cli, db_url, tmp_path, encoding, found):
    row = CSV_ROW.replace("Russian MoD", "Міністерство оборони")
    if encoding == "latin-1":
        row = CSV_ROW.replace("Russian MoD", "Ministère de la Défense")
    line = refused(cli("import", write_csv(tmp_path / "e.csv", row, encoding=encoding)), "UTF-8")
    assert found in line
    nothing_written(db_url)


@SQLITE_ONLY
def test_binary_files_are_refused(cli, db_url, tmp_path):
    for name in ("b.csv", "b.geojson"):
        path = tmp_path / name
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        refused(cli("import", str(path)), "binary")
    nothing_written(db_url)


@SQLITE_ONLY
def test_export_into_a_missing_or_unwritable_folder_is_refused(cli, tmp_path):
    cli(*ADD, "--date", "2025-12-01")
    refused(cli("export", "-o", str(tmp_path / "missing" / "c.geojson")), "does not exist")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = cli("export", "-o", str(locked / "c.csv"))
        if result.exit_code != 0:  # root may write anywhere
            refused(result, "c.csv")
    finally:
        locked.chmod(0o700)


def test_a_held_write_lock_says_busy_try_again(tmp_path, monkeypatch):
    import tracker.store.engines as engines

    monkeypatch.setattr(engines, "SQLITE_BUSY_TIMEOUT_MS", 50)
    url = f"sqlite:///{tmp_path / 'busy.db'}"
    Store(url).close()
    holder = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # as a big import does
    try:
        with Store(url) as store, pytest.raises(StoreUnavailableError, match="busy") as caught:
            store.add_claim(
                {"event_date": "2025-12-01", "name": "Pokrovsk", "lat": 48.28, "lon": 37.18,
                 "side": "RU", "action": "attack", "claimant": "Russian MoD"}
            )  # fmt: skip
        assert "try again" in str(caught.value) and "unavailable" not in str(caught.value)
        result = CliRunner().invoke(main, [*ADD, "--date", "2025-12-01", "--db", url])
        refused(result, "busy", "try again")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store(url) as store:
        assert store.count_claims() == 0
