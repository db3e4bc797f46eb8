"""The hostile corpus (tests/support/hostile.py) through every CLI command: stored strings are shown
inert (no markup interpreted, no escape or invisible character reaches the terminal, --json
exact), and every bad value or file is refused with exit 2 and one line, nothing written."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from tests.support.hostile import BAD_OPTIONS, HOSTILE_URLS, REFUSED_TEXT, STORED_CORPUS
from tracker.cli import main
from tracker.store import Store
from tracker.untrusted import visible

ADD = ["add", "--date", "2025-12-01", "--at", "48.28,37.18", "--side", "RU", "--action", "attack"]
CSV_HEADER = "event_date,location,latitude,longitude,actor,action,claimant"
CSV_ROW = "2025-12-01,Pokrovsk,48.28,37.18,RU,attack,Russian MoD"
POINT = {"type": "Point", "coordinates": [37.18, 48.28]}
PROPS = {"event_date": "2025-12-01", "name": "Pokrovsk", "side": "RU", "action": "attack",
         "claimant": "Russian MoD"}  # fmt: skip


def geojson(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def feature(geometry=POINT, **props) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": {**PROPS, **props}}


BAD_FILES = [
    (
        "latin1.csv",
        f"{CSV_HEADER}\n{CSV_ROW.replace('Russian MoD', 'Défense')}\n".encode("latin-1"),
    ),
    (
        "cp1251.csv",
        f"{CSV_HEADER}\n{CSV_ROW.replace('Russian MoD', 'Міноборони')}\n".encode("cp1251"),
    ),
    ("utf16.csv", f"{CSV_HEADER}\n{CSV_ROW}\n".encode("utf-16")),
    ("utf16le.csv", f"{CSV_HEADER}\n{CSV_ROW}\n".encode("utf-16-le")),
    ("utf32.geojson", geojson(feature()).decode().encode("utf-32")),
    ("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    ("binary.geojson", bytes(range(256)) * 4),
    ("nul.csv", f"{CSV_HEADER}\n{CSV_ROW}\x00\n".encode()),
    ("truncated.csv", f"{CSV_HEADER}\n{CSV_ROW}".encode()[:-3] + b"\xd0"),
    ("bigcell.csv", f"{CSV_HEADER}\n{CSV_ROW.replace('Russian MoD', 'x' * 131_073)}\n".encode()),
    ("unclosed.csv", f'{CSV_HEADER}\n2025-12-01,"Pokrovsk,48.28\n'.encode() + b"y" * 140_000),
    ("date.csv", f"{CSV_HEADER}\n{CSV_ROW.replace('2025-12-01', '2025-12-01garbage')}\n".encode()),
    ("inf.csv", f"{CSV_HEADER},geo_precision\n{CSV_ROW},inf\n".encode()),
    ("nanlat.csv", f"{CSV_HEADER}\n{CSV_ROW.replace('48.28', 'nan')}\n".encode()),
    ("version.csv", f"{CSV_HEADER},version\n{CSV_ROW},{10**30}\n".encode()),
    ("formula.csv", f"{CSV_HEADER}\n{CSV_ROW.replace('RU', '=1+1')}\n".encode()),
    ("strings.geojson", geojson(feature({"type": "Point", "coordinates": ["37.18", "48.28"]}))),
    ("boolcoord.geojson", geojson(feature({"type": "Point", "coordinates": [True, 48.28]}))),
    ("version.geojson", geojson(feature(version=10**30))),
    ("huge.geojson", geojson(feature()).replace(b'"attack"', b'"attack", "precision": 1e400')),
    ("date.geojson", geojson(feature(event_date="2025-12-01T99:99:99<script>"))),
    ("polygon.geojson", geojson(feature({"type": "Polygon", "coordinates": [[[0, 0]]]}))),
    ("notjson.geojson", b"{'single': 'quotes'}"),
    ("array.geojson", b"[1, 2, 3]"),
    ("deep.geojson", b"[" * 100_000 + b"]" * 100_000),
    ("url.geojson", geojson(feature(source_url="javascript:alert(1)"))),
    ("nulname.geojson", geojson(feature(name="NUL\x00"))),
    ("longname.geojson", geojson(feature(name="x" * 201))),
]


def test_the_corpus_holds_at_least_150_bad_and_hostile_inputs():
    total = len(STORED_CORPUS) + len(REFUSED_TEXT) + len(BAD_OPTIONS) + len(BAD_FILES)
    total += len(HOSTILE_URLS)
    assert len(set(STORED_CORPUS)) == len(STORED_CORPUS)
    assert total >= 150, total


def assert_terminal_safe(text: str) -> None:
    """Nothing the terminal would act on or hide: no control, escape or invisible character."""
    assert visible(text, keep_newlines=True) == text, repr(text[:300])


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    runner = CliRunner()
    folder = tmp_path_factory.mktemp("corpus")
    url = f"sqlite:///{folder / 'corpus.db'}"

    def run(*args: str, ok: bool | None = True):
        result = runner.invoke(main, [*args, "--db", url])
        assert "Traceback" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        if ok is True:
            assert result.exit_code == 0, (args, result.output)
        data = "--json" in args or (args[0] == "export" and "-o" not in args)
        assert_terminal_safe(result.stderr if data else result.output)  # data stays exact
        return result

    run.url = url
    run.folder = folder
    return run


@pytest.fixture(scope="module")
def stored(cli):
    """One claim per corpus string, the string in every free-text field: id → string."""
    ids = {}
    for text in STORED_CORPUS:
        result = cli(*ADD, f"--place={text}", f"--claimant={text}", f"--source={text}",
                     f"--quote={text}", f"--notes={text}", "--json")  # fmt: skip
        ids[json.loads(result.stdout)["id"]] = text
    return ids


def test_add_stores_every_string_exactly(cli, stored):
    with Store(cli.url) as store:
        for claim_id, text in stored.items():
            claim = store.get_claim(claim_id)
            assert claim.name == claim.quote == claim.notes == text.strip()


def test_add_show_list_and_history_show_every_string_inert(cli, stored):
    for text in STORED_CORPUS[:3]:  # the plain add message
        result = cli(*ADD, f"--place={text}", f"--claimant={text}")
        assert visible(text.strip()) in result.stdout
    listed = cli("list")
    assert listed.stdout.count("2025-12-01") >= len(STORED_CORPUS)
    for claim_id, text in stored.items():
        shown = cli("show", claim_id).stdout
        assert f"name: {visible(text.strip())}\n" in shown, (text, shown)
        cli("history", claim_id)
        data = json.loads(cli("show", claim_id, "--json").stdout)
        assert data["quote"] == text.strip()  # --json is exact


def test_edit_delete_restore_and_searches_stay_inert(cli, stored):
    claim_id = next(iter(stored))
    for other in STORED_CORPUS[::7]:
        cli("edit", claim_id, f"--notes={other}")
        cli("list", f"--search={other[:50]}", ok=None)
        cli("list", f"--claimant={other}", ok=None)
        cli("list", f"--place={other}", ok=None)
    cli("delete", claim_id)
    cli("restore", claim_id)
    cli("history", claim_id)


def test_exports_carry_every_string_exactly(cli, stored):
    features = json.loads(cli("export", "--format", "geojson").stdout)["features"]
    assert {f["properties"]["quote"] for f in features} >= {t.strip() for t in STORED_CORPUS}
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv", ok=True).stdout)))
    for row in rows:
        assert not row["quote"].startswith(("=", "+", "-", "@", "\t", "\r")), row["quote"]
    out = cli.folder / "out"
    out.mkdir(exist_ok=True)
    for fmt in ("geojson", "csv", "gpkg", "kml"):
        cli("export", "--format", fmt, "-o", str(out / f"claims.{fmt}"))


def test_import_reports_show_every_string_inert(cli, stored):
    path = cli.folder / "hostile.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADER.split(","))
        for text in STORED_CORPUS:
            writer.writerow(["2025-11-30", text, "48.28", "37.18", "RU", "attack", text])
    result = cli("import", str(path), "--dry-run")
    assert result.stdout.count(": new:") == len(STORED_CORPUS)


def test_geocode_places_and_extract_show_every_string_inert(cli, stored):
    for text in STORED_CORPUS:
        result = cli("geocode", text, ok=None)
        assert result.exit_code in (0, 2), result.output
    for text in STORED_CORPUS[::5]:
        cli("places", "add", text, "--lat", "48.5", "--lon", "37.5", ok=None)
    cli("places", "list")
    report = cli.folder / "report.txt"
    report.write_text("Russian forces attacked Pokrovsk. " + " ".join(STORED_CORPUS), "utf-8")
    result = cli("extract", str(report), "--date", "2025-12-01")
    assert "Pokrovsk" in result.stdout


def test_baselines_control_init_and_backup_stay_inert(cli, stored):
    polygon = cli.folder / "occupied.geojson"
    ring = [[37.5, 47.8], [38.5, 47.8], [38.5, 48.6], [37.5, 48.6], [37.5, 47.8]]
    polygon.write_text(json.dumps({"type": "Polygon", "coordinates": [ring]}))
    for text in STORED_CORPUS[::16]:
        result = cli("baseline", "import", str(polygon), "--date", "2025-11-30", "--side", "RU",
                     f"--source={text}", ok=None)  # fmt: skip
        assert result.exit_code in (0, 2), result.output
    assert cli("baseline", "list").stdout.count("2025-11-30") >= 2
    cli("control", "--date", "2025-12-01")
    cli("init")
    result = cli("backup", str(cli.folder / "nightly\x1b]0;pwned\x07.backup"))
    assert "nightly\\x1b]0;pwned\\x07.backup" in result.stdout


@pytest.mark.parametrize("option, value", BAD_OPTIONS)
def test_bad_option_values_exit_2_with_one_line(cli, stored, option, value):
    before = len(stored)
    args = [a for a in ADD if a not in ("--date", "2025-12-01")] if option == "--date" else ADD
    result = cli(*args, "--place=Pokrovsk", "--claimant=x", f"{option}={value}", ok=None)
    assert result.exit_code == 2, (option, value, result.output)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    with Store(cli.url) as store:
        assert store.count_claims(include_deleted=True) >= before  # (shared module db)
        assert not store.claims(claimant="x")


@pytest.mark.parametrize("field", ["--place", "--claimant", "--quote", "--notes", "--source"])
@pytest.mark.parametrize("value", REFUSED_TEXT, ids=lambda v: repr(v[:20]))
def test_text_no_field_takes_is_refused(cli, stored, field, value):
    if field != "--place" and value in ("x" * 201,):
        pytest.skip("201 characters fit the long fields")
    args = [*ADD, "--place=Pokrovsk", "--claimant=refused-text", f"{field}={value}"]
    result = cli(*args, ok=None)
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    with Store(cli.url) as store:
        assert not store.claims(claimant="refused-text")


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_non_http_urls_are_refused(cli, stored, url):
    result = cli(*ADD, "--place=Pokrovsk", "--claimant=bad-url", f"--url={url}", ok=None)
    assert result.exit_code == 2 and "source_url" in result.stderr


@pytest.mark.parametrize("name, data", BAD_FILES, ids=[n for n, _ in BAD_FILES])
def test_bad_import_files_exit_2_and_write_nothing(cli, stored, name, data):
    path = cli.folder / name
    path.write_bytes(data)
    with Store(cli.url) as store:
        before = store.count_claims(include_deleted=True)
    result = cli("import", str(path), ok=None)
    assert result.exit_code == 2, (name, result.output[-500:])
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    with Store(cli.url) as store:
        assert store.count_claims(include_deleted=True) == before


@pytest.mark.parametrize("name, data", BAD_FILES, ids=[n for n, _ in BAD_FILES])
def test_bad_uploads_get_a_message_naming_the_upload_never_a_server_path(tmp_path, name, data):
    """Data › Import calls import_upload: one clear error, no path of the server in it."""
    from tracker.errors import TrackerError
    from tracker.io.uploads import import_upload

    with Store(tmp_path / "u.db") as store:
        with pytest.raises(TrackerError) as caught:
            import_upload(store, f"C:\\Users\\ana\\{name}", data)
        message = str(caught.value)
        assert "tracker-upload" not in message and str(tmp_path) not in message, message
        assert "/tmp" not in message and "upload." not in message, message
        if name not in ("binary.csv", "binary.geojson", "nul.csv", "utf16le.csv"):
            assert name in message or "row" in message or "feature" in message, message
        assert store.count_claims() == 0
