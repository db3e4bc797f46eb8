"""SQLite backups: a consistent copy through SQLite's online backup API, checked
(`PRAGMA integrity_check`, the counts) before it replaces the target in one step."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tarfile
from pathlib import Path
from urllib.parse import quote

from tracker.errors import InvalidInputError
from tracker.store import scratch
from tracker.store.backup.archive import extract_payload
from tracker.store.backup.manifest import (
    DATA_TABLES,
    BackupError,
    BackupInfo,
    NotABackupError,
    TargetNotEmptyError,
    check_counts,
    summarise_counts,
    tracker_facts,
)
from tracker.store.dialects import sqlite_path

PAYLOAD_NAME = "tracker.sqlite"
SQLITE_TIMEOUT_S = 60.0


def backup(url: str, payload: Path, dest: Path) -> dict:
    """Copy the database at `url` to `payload`; its facts (schema version, counts)."""
    source = sqlite_path(url)
    _refuse_overwriting_the_database(source, dest)
    return _sqlite_backup(source, payload)


def restore(
    src: Path,
    info: BackupInfo,
    tar: tarfile.TarFile,
    member: tarfile.TarInfo,
    url: str,
    force: bool,
) -> bool:
    """Restore the archive's payload into the file of `url`; True if data there was replaced."""
    return _sqlite_restore(src, info, tar, member, sqlite_path(url, exists=False), force)


def _refuse_overwriting_the_database(database: Path, dest: Path) -> None:
    target = dest.resolve()
    for own in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if own.resolve() == target:
            raise InvalidInputError(f"{dest} is the database itself; write the backup elsewhere")


def _sqlite_connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=SQLITE_TIMEOUT_S)
    else:
        conn = sqlite3.connect(path, timeout=SQLITE_TIMEOUT_S)
    conn.execute(f"PRAGMA busy_timeout = {int(SQLITE_TIMEOUT_S * 1000)}")
    return conn


def _sqlite_tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return {name for (name,) in rows}


def _sqlite_facts(conn: sqlite3.Connection, where: str) -> dict:
    return tracker_facts(lambda sql: conn.execute(sql).fetchone()[0], _sqlite_tables(conn), where)


def _sqlite_backup(source: Path, payload: Path) -> dict:
    """Copy the live database with the online backup API (one consistent snapshot), as a
    self-contained file (rollback journal, not WAL), and check the copy."""
    try:
        src = _sqlite_connect(source, read_only=True)
        try:
            _sqlite_facts(src, str(source))  # refuse a non-tracker database early
            dst = sqlite3.connect(payload)
            try:
                src.backup(dst)  # pages=-1: every page in one step, i.e. one read snapshot
                dst.execute("PRAGMA journal_mode = DELETE")
                _sqlite_check(dst, f"the copy of {source}")
                return _sqlite_facts(dst, f"the copy of {source}")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"cannot back up {source}: {exc}") from None


def _sqlite_check(conn: sqlite3.Connection, where: str) -> None:
    rows = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    if rows != ["ok"]:
        raise NotABackupError(f"{where} fails the integrity check: {'; '.join(rows)[:300]}")


def _sqlite_has_data(path: Path) -> str | None:
    """Why the file at `path` counts as holding data, or None if it is absent or empty (no
    tables, or only tracker tables without rows)."""
    if not path.exists():
        return None
    if path.is_dir():
        raise InvalidInputError(f"{path} is a folder, not a database file")
    if path.stat().st_size == 0 and not Path(f"{path}-wal").exists():
        return None
    try:
        conn = _sqlite_connect(path, read_only=True)
        try:
            tables = _sqlite_tables(conn)
            if not tables:
                return None
            foreign = sorted(tables - {"schema_migrations", *DATA_TABLES})
            if foreign:
                return f"it holds tables that are not the tracker's ({', '.join(foreign[:5])})"
            facts = _sqlite_facts(conn, str(path))
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "it is a file that is not an SQLite database"
    except NotABackupError:
        return "it is a database that is not the tracker's"
    rows = {k: v for k, v in facts.items() if k != "schema_version" and v}
    if not rows:
        return None
    return f"it holds {summarise_counts(facts)}"


def _sqlite_restore(
    src: Path,
    info: BackupInfo,
    tar: tarfile.TarFile,
    member: tarfile.TarInfo,
    target: Path,
    force: bool,
) -> bool:
    if not target.parent.is_dir():
        raise InvalidInputError(f"the folder {target.parent} does not exist")
    has_data = _sqlite_has_data(target)
    if has_data and not force:
        raise TargetNotEmptyError(
            f"{target} is not empty: {has_data}; restore with force (--force) to replace it"
        )
    scratch.sweep(target.parent, f".{target.name}.restore-")  # left by a killed run
    with scratch.scratch_file(target.parent, f".{target.name}.restore-") as built:
        extract_payload(src, info, tar, member, built)
        try:
            conn = _sqlite_connect(built)
            try:
                _sqlite_check(conn, f"the database in {src}")
                facts = _sqlite_facts(conn, f"the database in {src}")
                check_counts(src, info, facts)
                conn.execute("PRAGMA journal_mode = WAL")  # as the store runs it
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise NotABackupError(f"the database in {src} is damaged: {exc}") from None
        _sqlite_put_in_place(built, target)
    return bool(has_data)


def _sqlite_put_in_place(built: Path, target: Path) -> None:
    """Make `target` the checked copy in one step.

    A live SQLite database is overwritten through the backup API in one write transaction:
    renaming a file over it would leave its WAL and shared-memory files describing the old
    database, and processes holding it open writing to a file no longer there. Anything else
    (no file, an empty file, a file that is not a database) is replaced by an atomic rename.
    """
    live = target.is_file() and target.stat().st_size > 0
    if target.is_file():
        shutil.copymode(target, built)
    else:
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(built, 0o666 & ~umask)
    if live:
        try:
            conn = _sqlite_connect(target)
            try:
                conn.execute("PRAGMA schema_version").fetchone()  # is it a database at all?
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            live = False
    try:
        if not live:
            with open(built, "rb+") as data:
                os.fsync(data.fileno())
            os.replace(built, target)
            return
        source = _sqlite_connect(built, read_only=True)
        try:
            dest = _sqlite_connect(target)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"cannot write {target}: {exc}; it was left as it was") from None
    except OSError as exc:
        raise BackupError(f"cannot write {target}: {exc.strerror or exc}") from None
