"""One registry of database dialects, used by the store and by backups alike; one registry
of backup formats, one per dialect. Unknown kinds are refused naming the known ones."""

from __future__ import annotations

import io
import json
import tarfile

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.errors import StoreError
from tracker.store import Store
from tracker.store.backup import (
    BACKEND_LABELS,
    FORMATS,
    PAYLOAD_NAMES,
    NotABackupError,
    backup,
    backup_format,
    read_backup_info,
    restore,
)
from tracker.store.dialects import DIALECTS, dialect_for, display_url, get_dialect, resolve_url

UNSUPPORTED = (
    "unsupported database 'mysql'; use sqlite:///FILE or postgresql+psycopg://USER@HOST/DB"
)


@pytest.mark.parametrize(
    ("url", "name", "label"),
    [
        ("sqlite:///claims.db", "sqlite", "SQLite"),
        ("sqlite://", "sqlite", "SQLite"),
        (resolve_url(":memory:"), "sqlite", "SQLite"),
        (resolve_url("folder/claims.db"), "sqlite", "SQLite"),
        ("postgresql+psycopg://ann@db.example/tracker", "postgis", "PostgreSQL+PostGIS"),
        ("postgresql://ann@db.example/tracker", "postgis", "PostgreSQL+PostGIS"),
    ],
)
def test_each_url_finds_its_dialect(url, name, label):
    dialect = dialect_for(url)
    assert (dialect.name, dialect.label) == (name, label)
    assert dialect is DIALECTS[name] and dialect.is_postgis == (name == "postgis")


def test_an_unsupported_database_names_the_supported_ones():
    with pytest.raises(StoreError) as caught:
        dialect_for("mysql://user@host/db")
    assert str(caught.value) == UNSUPPORTED


def test_text_that_is_no_url_is_refused():
    with pytest.raises(StoreError, match="'sqlite:::' is not a database URL"):
        dialect_for("sqlite:::")


def test_a_dialect_by_an_unknown_name_lists_the_known():
    with pytest.raises(StoreError, match=r"unknown database kind 'oracle'; known: sqlite, postgis"):
        get_dialect("oracle")


def test_passwords_are_hidden_in_display_urls():
    shown = display_url("postgresql+psycopg://ann:hunter2@db.example:6543/tracker")
    assert shown == "postgresql+psycopg://ann:***@db.example:6543/tracker"


def test_the_store_and_backups_refuse_the_same_way(tmp_path):
    with pytest.raises(StoreError) as opening:
        Store("mysql://user@host/db")
    with pytest.raises(StoreError) as backing_up:
        backup("mysql://user@host/db", tmp_path / "b.backup")
    with pytest.raises(StoreError) as restoring:
        restore(tmp_path / "b.backup", "mysql://user@host/db")
    assert str(opening.value) == str(backing_up.value) == str(restoring.value) == UNSUPPORTED
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["list"], ["backup", "b.backup"]])
def test_cli_refuses_an_unsupported_database_in_one_line(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*command, "--db", "mysql://user@host/db"])
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {UNSUPPORTED}"


def test_every_dialect_has_a_backup_format():
    assert list(FORMATS) == list(DIALECTS) == ["sqlite", "postgis"]
    assert PAYLOAD_NAMES == {"sqlite": "tracker.sqlite", "postgis": "tracker.pgdump"}
    assert BACKEND_LABELS == {"sqlite": "SQLite", "postgis": "PostgreSQL+PostGIS"}
    assert all(fmt.dialect is DIALECTS[name] for name, fmt in FORMATS.items())


def test_an_unknown_backup_format_lists_the_known():
    with pytest.raises(NotABackupError) as caught:
        backup_format("oracle")
    assert str(caught.value) == (
        "the backup's manifest names an unknown back end 'oracle'; known: sqlite, postgis"
    )


def test_a_backup_of_an_unknown_back_end_is_refused(tmp_path):
    manifest = {
        "format": "frontline-tracker-backup",
        "format_version": 1,
        "backend": "oracle",
        "schema_version": 4,
        "claims": 0,
        "deleted_claims": 0,
        "history": 0,
        "reports": 0,
        "custom_places": 0,
        "baselines": 0,
        "created_at": "2025-12-01T00:00:00+00:00",
        "source": "oracle://db",
        "tracker_version": "0",
        "size": 0,
        "sha256": "",
    }
    path = tmp_path / "odd.backup"
    with tarfile.open(path, "w") as tar:
        data = json.dumps(manifest).encode()
        entry = tarfile.TarInfo("manifest.json")
        entry.size = len(data)
        tar.addfile(entry, io.BytesIO(data))
    with pytest.raises(NotABackupError) as caught:
        read_backup_info(path)
    assert str(caught.value) == (
        "the backup's manifest names an unknown back end 'oracle'; known: sqlite, postgis"
    )
