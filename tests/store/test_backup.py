"""Backup and restore on both back ends: every row survives a round trip; refusals change nothing.

PostGIS tests get whole databases (not schemas like the other store tests): a pg_dump archive
names its schema, so a round trip needs two databases whose tracker tables live in `public`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from tests.support.store import claim_fields, postgres_url
from tracker.cli import main
from tracker.errors import InvalidInputError, NotFoundError, TrackerError
from tracker.store import Store
from tracker.store import backup as backup_module
from tracker.store.backup import (
    BackupError,
    NotABackupError,
    TargetNotEmptyError,
    backup,
    read_backup_info,
    restore,
)
from tracker.store.backup import postgres as pg_backup
from tracker.store.schema import metadata

BASELINE = json.dumps(
    {
        "type": "Polygon",
        "coordinates": [[[33.0, 44.5], [34.0, 44.5], [34.0, 45.5], [33.0, 45.5], [33.0, 44.5]]],
    }
)
HOSTILE = "<img src=x onerror=alert(1)> '; DROP TABLE claims; -- \u202etxt.exe \u200b=1+1"


@pytest.fixture
def fresh_url(backend, tmp_path):
    """A factory of URLs of new, empty databases (SQLite files; PostgreSQL databases)."""
    created: list[str] = []
    admin = None

    def make() -> str:
        nonlocal admin
        if backend == "sqlite":
            return f"sqlite:///{tmp_path / f'db-{uuid.uuid4().hex[:8]}.db'}"
        base = sa.engine.make_url(postgres_url())
        admin = admin or sa.create_engine(base, isolation_level="AUTOCOMMIT")
        name = f"bk_{uuid.uuid4().hex[:12]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        created.append(name)
        return base.set(database=name).render_as_string(hide_password=False)

    yield make
    if admin is not None:
        with admin.connect() as conn:
            for name in created:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def populate(url: str) -> dict[str, str]:
    """A store with every kind of row: live, edited, deleted and restored claims, reports,
    custom places, baselines; hostile and non-Latin text."""
    with Store(url) as store:
        report, _ = store.add_report(
            "Russian forces advanced near Udachne. " + HOSTILE,
            published="2024-05-02",
            source_name="ISW",
            source_url="https://example.org/isw",
            language="en",
            by="ann",
        )
        store.add_report("Сили оборони відбили атаку біля Покровська.", language="uk", by="bo")
        kept = store.add_claim(claim_fields(report_id=report.id, notes=HOSTILE), by="ann")
        store.update_claim(kept.id, {"status": "confirmed"}, version=1, by="bo")
        gone = store.add_claim(claim_fields(name="Покровськ", lat=48.28, lon=37.18, side="UA"))
        store.delete_claim(gone.id, by="bo")
        back = store.add_claim(claim_fields(name="Kupiansk", lat=49.71, lon=37.61))
        store.delete_claim(back.id)
        store.restore_claim(back.id, by="admin")
        for i in range(25):
            store.add_claim(claim_fields(name=f"Place {i}", lat=47 + i / 10, lon=36 + i / 10))
        store.add_custom_place("Hamlet near Udachne", 48.21, 36.95, admin1="Donetsk")
        store.add_baseline("2024-01-01", "RU", BASELINE, source="demo")
        return {"kept": kept.id, "gone": gone.id, "back": back.id}


def snapshot(url: str) -> dict:
    """Every row of every tracker table (raw, ordered by key), and what the store API returns."""
    with Store(url, migrate=False) as store:
        engine = sa.create_engine(store.url)
        tables = {}
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                key = list(table.primary_key.columns)
                tables[table.name] = [
                    tuple(row) for row in conn.execute(sa.select(table).order_by(*key))
                ]
            if store.is_postgis:
                tables["geom"] = list(
                    conn.exec_driver_sql("SELECT id, ST_AsText(geom) FROM claims ORDER BY id")
                )
        engine.dispose()
        every = store.claims(include_deleted=True)
        return {
            "tables": tables,
            "claims": sorted((c.to_dict() for c in every), key=lambda c: c["id"]),
            "history": {c.id: [h.to_dict() for h in store.history(c.id)] for c in every},
            "reports": store.reports(),
            "custom_places": store.custom_places(),
            "baselines": store.baselines(),
            "schema_version": store.schema_version(),
        }


def state(url: str) -> object:
    """What a refused restore must leave alone: the SQLite file's bytes, or the database's
    rows (its list of tables, while it has no tracker tables)."""
    if url.startswith("sqlite"):
        path = Path(sa.engine.make_url(url).database)
        return path.read_bytes() if path.exists() else None
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        tables = sorted(
            conn.exec_driver_sql(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            ).scalars()
        )
    engine.dispose()
    return snapshot(url) if "claims" in tables else tables


# -- round trips -----------------------------------------------------------------------------------


def test_round_trip_keeps_every_row(backend, fresh_url, tmp_path):
    source = fresh_url()
    live = Store(source)  # held open: on SQLite the rows stay in the WAL, not the main file
    ids = populate(source)
    before = snapshot(source)
    file = tmp_path / "tracker.backup"

    info = backup(source, file)
    live.close()

    assert (info.backend, info.schema_version) == (backend, 9)
    assert (info.claims, info.deleted_claims, info.reports) == (28, 1, 2)
    assert (info.custom_places, info.baselines) == (1, 1)
    assert info.history == sum(len(h) for h in before["history"].values()) == 32
    assert read_backup_info(file) == info

    target = fresh_url()
    result = restore(file, target)

    assert result.replaced_data is False and result.info == info
    after = snapshot(target)
    assert after == before
    assert len(after["tables"]["claims"]) == 28 and len(after["tables"]["claim_history"]) == 32
    deleted = next(c for c in after["claims"] if c["id"] == ids["gone"])
    assert deleted["deleted_at"] is not None and deleted["name"] == "Покровськ"
    assert [h["op"] for h in after["history"][ids["back"]]] == ["insert", "delete", "restore"]

    # The restored database is a working store: writes go on, history stays append-only.
    with Store(target) as store:
        added = store.add_claim(claim_fields(name="After restore", lat=48.25, lon=37.05))
        assert store.history(added.id)[0].op == "insert"
        names = {c.name for c in store.claims(bbox="36.95,48.15,37.08,48.3")}
        assert names == {"Udachne", "After restore"}
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), store.transaction() as conn:
            conn.exec_driver_sql("DELETE FROM claim_history")


POSTGIS_ONLY = pytest.mark.parametrize(
    "backend", [pytest.param("postgis", marks=pytest.mark.postgis)]
)


@POSTGIS_ONLY
def test_postgis_restore_keeps_the_extension_and_generated_geometry(backend, fresh_url, tmp_path):
    source = fresh_url()
    populate(source)
    file = tmp_path / "pg.backup"
    backup(source, file)
    target = fresh_url()
    restore(file, target)
    engine = sa.create_engine(target)
    with engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT extname FROM pg_extension WHERE extname = 'postgis'"
        ).scalar()
        generated = conn.exec_driver_sql(
            "SELECT is_generated, generation_expression FROM information_schema.columns "
            "WHERE table_name = 'claims' AND column_name = 'geom'"
        ).one()
        assert generated[0] == "ALWAYS" and "st_makepoint" in generated[1].lower()
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_claims_geom'"
        ).scalar()
    engine.dispose()


WRITER = """
import sys, time
from pathlib import Path
from tracker.store import Store
url, stop = sys.argv[1], Path(sys.argv[2])
store = Store(url)
i = 0
while not stop.exists():
    c = store.add_claim({"event_date": "2024-05-01", "name": f"W{i}", "lat": 48.0,
                         "lon": 37.0, "side": "RU", "action": "attack", "claimant": "w"})
    if i % 3 == 0:
        store.update_claim(c.id, {"status": "confirmed"}, version=1)
    i += 1
    if i == 1:
        Path(sys.argv[2] + ".started").touch()
store.close()
print(i)
"""


def test_backup_while_another_process_writes_is_consistent(backend, fresh_url, tmp_path):
    source = fresh_url()
    populate(source)
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, source, str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.time() + 60
        while not Path(f"{stop}.started").exists():
            assert writer.poll() is None, writer.stderr.read()
            assert time.time() < deadline, "the writer did not start"
            time.sleep(0.05)
        infos = []
        with Store(source) as reader:
            for n in range(3):
                floor = reader.count_claims(include_deleted=True)
                infos.append(backup(source, tmp_path / f"live-{n}.backup"))
                assert infos[-1].claims >= floor  # everything committed before it began
                time.sleep(0.2)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    written = int(out)
    assert infos[0].claims < infos[-1].claims <= 28 + written  # the writer kept writing

    for n, info in enumerate(infos):
        target = fresh_url()
        restore(tmp_path / f"live-{n}.backup", target)
        rows = snapshot(target)
        claims = {c["id"]: c for c in rows["claims"]}
        assert len(claims) == info.claims
        # Every claim has exactly its versions in the history, and no history is orphaned: a
        # copy torn between a claim's row and its history row would fail here.
        for claim_id, entries in rows["history"].items():
            assert [e["version"] for e in entries] == list(
                range(1, claims[claim_id]["version"] + 1)
            )
        history_ids = {row[1] for row in rows["tables"]["claim_history"]}
        assert history_ids == set(claims)
        assert len(rows["tables"]["claim_history"]) == info.history


def test_restore_into_an_initialised_empty_store_needs_no_force(backend, fresh_url, tmp_path):
    source, target = fresh_url(), fresh_url()
    populate(source)
    Store(target).close()  # `tracker init`: tables, no rows
    backup(source, tmp_path / "b")
    assert restore(tmp_path / "b", target).replaced_data is False
    assert snapshot(target) == snapshot(source)


def test_force_replaces_a_store_that_holds_data(backend, fresh_url, tmp_path):
    source, target = fresh_url(), fresh_url()
    populate(source)
    backup(source, tmp_path / "b")
    with Store(target) as other:  # held open while the restore replaces its data
        extra = other.add_claim(claim_fields(name="Only in the target"))

        with pytest.raises(TargetNotEmptyError, match="holds 1 claim, 1 history row"):
            restore(tmp_path / "b", target)
        assert other.get_claim(extra.id).name == "Only in the target"

        assert restore(tmp_path / "b", target, force=True).replaced_data is True
        assert other.count_claims(include_deleted=True) == 28
        with pytest.raises(NotFoundError):
            other.get_claim(extra.id)
        other.add_claim(claim_fields(name="Written after the restore"))
    after = snapshot(target)
    assert len(after["claims"]) == 29
    before = snapshot(source)
    assert [c for c in after["claims"] if c["name"] != "Written after the restore"] == (
        before["claims"]
    )


# -- refusals --------------------------------------------------------------------------------------


def _archive(path: Path, manifest: dict | None, payload: bytes, name: str) -> None:
    """A tar laid out like a backup, with whatever manifest and payload a test needs."""
    with tarfile.open(path, "w") as tar:
        if manifest is not None:
            data = json.dumps(manifest).encode()
            entry = tarfile.TarInfo("manifest.json")
            entry.size = len(data)
            tar.addfile(entry, io.BytesIO(data))
        entry = tarfile.TarInfo(name)
        entry.size = len(payload)
        tar.addfile(entry, io.BytesIO(payload))


def _members(path: Path) -> tuple[dict, bytes, str, int]:
    """Manifest, payload, payload name, and where the payload starts in the file."""
    with tarfile.open(path) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        member = tar.getmembers()[1]
        return manifest, tar.extractfile(member).read(), member.name, member.offset_data


def _relabelled(good: Path, out: Path, payload: bytes | None = None, **changes) -> Path:
    """The backup `good` with its payload and manifest fields replaced (checksum recomputed)."""
    manifest, data, _name, _start = _members(good)
    if payload is not None:
        data = payload
    manifest.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    manifest.update(changes)
    _archive(out, manifest, data, backup_module.PAYLOAD_NAMES[manifest["backend"]])
    return out


def _foreign_sqlite(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('borscht')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def _bad_files(good: Path, tmp: Path, backend: str) -> dict[str, tuple[Path, str]]:
    """Name → (file, expected message) for every file a restore must refuse."""
    raw = good.read_bytes()
    manifest, payload, name, start = _members(good)
    end = start + len(payload)
    files: dict[str, tuple[Path, str]] = {}

    def put(key: str, data: bytes, message: str) -> None:
        path = tmp / f"bad-{key}"
        path.write_bytes(data)
        files[key] = (path, message)

    put("empty", b"", "is not a tracker backup")
    put("text", b"claims,are,not,here\n" * 100, "is not a tracker backup")
    put("sqlite-db", _foreign_sqlite(tmp / "foreign.db"), "is not a tracker backup")
    put("truncated-half", raw[: len(raw) // 2], "truncated or damaged")
    put("truncated-tail", raw[: end - 100], "truncated or damaged")
    put("header-only", raw[:start], "truncated or damaged")
    middle = start + len(payload) // 2
    flipped = raw[:middle] + bytes(b ^ 0xFF for b in raw[middle : middle + 64]) + raw[middle + 64 :]
    put("bit-flip", flipped, "truncated or damaged")
    path = tmp / "bad-no-manifest"
    _archive(path, None, payload, name)
    files["no-manifest"] = (path, "is not a tracker backup")
    path = tmp / "bad-other-format"
    _archive(path, {**manifest, "format": "something-else"}, payload, name)
    files["other-format"] = (path, "is not a tracker backup")
    files["newer-schema"] = (
        _relabelled(good, tmp / "bad-newer", schema_version=99),
        "newer than this tracker understands",
    )
    files["counts-lie"] = (
        _relabelled(good, tmp / "bad-counts", claims=manifest["claims"] + 1),
        "does not match its manifest" if backend == "sqlite" else "now holds",
    )
    if backend == "sqlite":
        # Payloads with a valid checksum but the wrong database inside.
        files["foreign-payload"] = (
            _relabelled(good, tmp / "bad-foreign", payload=_foreign_sqlite(tmp / "f2.db")),
            "is not a tracker database",
        )
        damaged = bytearray(payload)
        for page in range(1, len(payload) // 4096):  # wreck every page but the header page
            damaged[page * 4096 + 8 : page * 4096 + 200] = os.urandom(192)
        files["damaged-pages"] = (
            _relabelled(good, tmp / "bad-pages", payload=bytes(damaged)),
            "damaged|integrity check|not a tracker database",
        )
    return files


@pytest.mark.parametrize("target_kind", ["empty", "holds-data"])
def test_refused_files_leave_the_target_unchanged(backend, fresh_url, tmp_path, target_kind):
    source = fresh_url()
    populate(source)
    good = tmp_path / "good.backup"
    backup(source, good)
    bad = _bad_files(good, tmp_path, backend)
    target = fresh_url()
    if target_kind == "holds-data":
        with Store(target) as store:
            store.add_claim(claim_fields(name="Precious"))
    for key, (path, message) in bad.items():
        if key == "counts-lie" and backend == "postgis":
            continue  # caught only after pg_restore has run: see the test below
        before = state(target)
        with pytest.raises(TrackerError, match=message):
            restore(path, target, force=True)
        assert state(target) == before, key
    if backend == "sqlite":
        assert not list(tmp_path.glob(".db-*.restore-*")), "scratch files left behind"


def test_refuses_a_backup_of_the_other_backend(backend, fresh_url, tmp_path):
    source = fresh_url()
    populate(source)
    good = tmp_path / "good.backup"
    backup(source, good)
    other = "postgis" if backend == "sqlite" else "sqlite"
    wrong = _relabelled(good, tmp_path / "wrong", backend=other)
    target = fresh_url()
    before = state(target)
    with pytest.raises(InvalidInputError, match="use `tracker export` and `tracker import`"):
        restore(wrong, target, force=True)
    assert state(target) == before
    # And the real thing: this back end's backup into the other kind of database.
    elsewhere = (
        f"sqlite:///{tmp_path / 'elsewhere.db'}"
        if backend == "postgis"
        else "postgresql+psycopg://nobody@127.0.0.1:1/none"
    )
    with pytest.raises(InvalidInputError, match="restores only into its own kind of database"):
        restore(good, elsewhere)
    assert not (tmp_path / "elsewhere.db").exists()


def test_a_non_empty_target_needs_force_and_stays_unchanged(backend, fresh_url, tmp_path):
    source, target = fresh_url(), fresh_url()
    populate(source)
    backup(source, tmp_path / "b")
    populate(target)
    before = state(target)
    with pytest.raises(TargetNotEmptyError, match=r"holds 28 claims.*\(--force\)"):
        restore(tmp_path / "b", target)
    assert state(target) == before


def test_sqlite_refuses_non_tracker_files_in_the_way_without_force(tmp_path):
    good_source = f"sqlite:///{tmp_path / 'source.db'}"
    populate(good_source)
    backup(good_source, tmp_path / "b")
    for name, content in [("notes.txt", b"not a database"), ("other.db", None)]:
        target = tmp_path / name
        data = content if content is not None else _foreign_sqlite(target)
        target.write_bytes(data)
        with pytest.raises(TargetNotEmptyError, match="not empty"):
            restore(tmp_path / "b", target)
        assert target.read_bytes() == data
        restore(tmp_path / "b", target, force=True)
        assert snapshot(f"sqlite:///{target}") == snapshot(good_source)


def test_backup_refuses_what_it_cannot_back_up(tmp_path):
    missing = tmp_path / "missing.db"
    with pytest.raises(NotFoundError, match="no database at"):
        backup(missing, tmp_path / "b")
    assert not missing.exists()  # a backup never creates the database
    foreign = tmp_path / "foreign.db"
    _foreign_sqlite(foreign)
    with pytest.raises(NotABackupError, match="is not a tracker database"):
        backup(foreign, tmp_path / "b")
    db = tmp_path / "tracker.db"
    populate(f"sqlite:///{db}")
    before = db.read_bytes()
    with pytest.raises(InvalidInputError, match="is the database itself"):
        backup(db, db)
    assert db.read_bytes() == before
    with pytest.raises(InvalidInputError, match="in-memory"):
        backup(":memory:", tmp_path / "b")
    assert not (tmp_path / "b").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tracker-backup")] == []


def test_a_backup_replaces_an_older_file_atomically(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    populate(url)
    file = tmp_path / "nightly.backup"
    file.write_text("yesterday")
    assert backup(url, file).claims == 28
    assert read_backup_info(file).claims == 28


# -- PostgreSQL specifics --------------------------------------------------------------------------


def test_pg_tools_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(pg_backup.shutil, "which", lambda name: None)
    monkeypatch.setattr(pg_backup.glob, "glob", lambda pattern: [])
    with pytest.raises(BackupError, match=r"pg_dump was not found .*postgresql-client"):
        backup_module.find_pg_tool("pg_dump")


def test_pg_tools_fall_back_to_the_newest_debian_folder(monkeypatch):
    monkeypatch.setattr(pg_backup.shutil, "which", lambda name: None)
    found = ["/usr/lib/postgresql/9.6/bin/pg_dump", "/usr/lib/postgresql/15/bin/pg_dump"]
    monkeypatch.setattr(pg_backup.glob, "glob", lambda pattern: found)
    assert backup_module.find_pg_tool("pg_dump") == "/usr/lib/postgresql/15/bin/pg_dump"


def test_pg_credentials_go_to_the_environment_not_the_command_line():
    env = backup_module.pg_environment(
        "postgresql+psycopg://ann:s%40cret@db.example:6543/tracker"
        "?sslmode=require&options=-csearch_path%3Dteam"
    )
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"]) == ("db.example", "6543", "ann")
    assert (env["PGPASSWORD"], env["PGDATABASE"]) == ("s@cret", "tracker")
    assert (env["PGSSLMODE"], env["PGOPTIONS"]) == ("require", "-csearch_path=team")
    with pytest.raises(InvalidInputError, match="'frobnicate' cannot be passed"):
        backup_module.pg_environment("postgresql+psycopg://ann@db/tracker?frobnicate=1")


@POSTGIS_ONLY
def test_pg_dump_and_restore_get_no_password_in_argv(backend, fresh_url, tmp_path, monkeypatch):
    source = sa.engine.make_url(fresh_url())
    populate(source.render_as_string(hide_password=False))
    seen: list[list[str]] = []
    real_run = subprocess.run

    def spy(args, **kwargs):
        seen.append(list(args))
        return real_run(args, **kwargs)

    monkeypatch.setattr(pg_backup.subprocess, "run", spy)
    with_password = source.set(password="hunter2-secret")  # trust auth ignores it
    url = with_password.render_as_string(hide_password=False)
    backup(url, tmp_path / "b")
    target = sa.engine.make_url(fresh_url()).set(password="hunter2-secret")
    restore(tmp_path / "b", target.render_as_string(hide_password=False))
    assert {Path(a[0]).name for a in seen} >= {"pg_dump", "pg_restore"}
    flat = " ".join(" ".join(a) for a in seen)
    assert "hunter2" not in flat and source.database not in flat


@POSTGIS_ONLY
def test_pg_restore_into_another_schema_is_refused(backend, fresh_url, make_db_url, tmp_path):
    source = fresh_url()
    populate(source)
    backup(source, tmp_path / "b")
    target = make_db_url()  # an empty schema test_… first on the search_path
    with pytest.raises(InvalidInputError, match="the backup holds schema 'public'"):
        restore(tmp_path / "b", target)
    assert state(target) == []


@POSTGIS_ONLY
def test_pg_restore_that_fails_midway_changes_nothing(backend, fresh_url, tmp_path):
    source, target = fresh_url(), fresh_url()
    populate(source)
    backup(source, tmp_path / "b")
    populate(target)
    engine = sa.create_engine(target)
    with engine.begin() as conn:  # something pg_restore trips over after dropping the tables
        conn.exec_driver_sql("CREATE VIEW claims_view AS SELECT id FROM claims")
    engine.dispose()
    before = snapshot(target)
    with pytest.raises(BackupError, match="failed and changed nothing"):
        restore(tmp_path / "b", target, force=True)
    assert snapshot(target) == before


# -- the CLI ---------------------------------------------------------------------------------------


def test_cli_backup_and_restore_json(backend, fresh_url, tmp_path):
    source, target = fresh_url(), fresh_url()
    populate(source)
    runner = CliRunner()
    file = tmp_path / "cli.backup"

    made = runner.invoke(main, ["backup", str(file), "--db", source, "--json"])
    assert made.exit_code == 0, made.output
    info = json.loads(made.stdout)
    assert (info["backend"], info["claims"], info["history"]) == (backend, 28, 32)
    assert info["file"] == str(file) and info["schema_version"] == 9

    done = runner.invoke(main, ["restore-backup", str(file), "--db", target, "--json"])
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout)
    assert summary["claims"] == 28 and summary["replaced_data"] is False
    assert snapshot(target) == snapshot(source)

    again = runner.invoke(main, ["restore-backup", str(file), "--db", target])
    assert again.exit_code == 2
    assert len(again.output.strip().splitlines()) == 1 and "--force" in again.output

    forced = runner.invoke(main, ["restore-backup", str(file), "--db", target, "--force"])
    assert forced.exit_code == 0, forced.output
    assert forced.output.startswith("Restored ") and "was replaced" in forced.output
    assert "28 claims (1 deleted), 32 history rows" in forced.output


def test_cli_errors_through_the_installed_entry_point(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    populate(url)
    junk = tmp_path / "junk.backup"
    junk.write_text("hello")

    def tracker(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", "from tracker.cli import main; main()", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    refused = tracker("restore-backup", str(junk), "--db", str(tmp_path / "new.db"))
    assert refused.returncode == 2
    message = f"Error: {junk} is not a tracker backup (make one with `tracker backup FILE`)"
    assert refused.stderr.strip() == message
    assert not (tmp_path / "new.db").exists()

    made = tracker("backup", str(tmp_path / "ok.backup"), "--db", url)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Backed up {url} (SQLite) to ")
    restored = tracker("restore-backup", str(tmp_path / "ok.backup"), "--db", str(tmp_path / "n"))
    assert restored.returncode == 0, restored.stderr
    assert "28 claims (1 deleted)" in restored.stdout


def test_tracker_restore_takes_a_backup_file_or_a_claim_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    with Store("sqlite:///source.db") as store:
        claim = store.add_claim(claim_fields())
    assert runner.invoke(main, ["backup", "nightly.backup", "--db", "source.db"]).exit_code == 0
    restored = runner.invoke(main, ["restore", "nightly.backup", "--db", "copy.db", "--json"])
    assert restored.exit_code == 0, restored.output
    assert json.loads(restored.stdout)["claims"] == 1
    with Store("sqlite:///copy.db") as copy:
        assert copy.get_claim(claim.id) == claim
        copy.delete_claim(claim.id)
    undeleted = runner.invoke(main, ["restore", claim.id, "--db", "copy.db"])
    assert undeleted.exit_code == 0 and "restored (version 3)" in undeleted.output
    again = runner.invoke(main, ["restore", "nightly.backup", "--db", "copy.db"])
    assert again.exit_code == 2 and "is not empty" in again.output
    stray = runner.invoke(main, ["restore", "no-such-id", "--force", "--db", "copy.db"])
    assert stray.exit_code == 2 and "--force is for restoring a backup file" in stray.output
