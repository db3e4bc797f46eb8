"""Backups of a tracker database in one file, and restores from them.

A backup is an uncompressed tar archive holding `manifest.json` (what it is: back end, schema
version, row counts, when and from where, size and SHA-256 of the payload) followed by the
database itself: an SQLite file copied with SQLite's online backup API (consistent while others
write), or a `pg_dump --format=custom` archive of the tracker's schema (taken in the same
snapshot the counts come from). `tar xf` gets the raw file out for sqlite3 or pg_restore.

A restore checks everything it can before it touches the target (the manifest, the payload's
checksum, for SQLite `PRAGMA integrity_check` and the counts), refuses a target that holds data
unless forced, and then changes the target in one step: SQLite by an atomic rename (or, into a
live database, one backup-API transaction), PostgreSQL by `pg_restore --single-transaction`.
Moving data between back ends is `tracker export` / `tracker import`'s job, not this one's.
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa

from tracker import __version__
from tracker.access import Identity
from tracker.errors import InvalidInputError, NotFoundError, StoreError, TrackerError
from tracker.store import migrations, scratch
from tracker.store.core import Store, resolve_url

FORMAT = "frontline-tracker-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
PAYLOAD_NAMES = {"sqlite": "tracker.sqlite", "postgis": "tracker.pgdump"}
BACKEND_LABELS = {"sqlite": "SQLite", "postgis": "PostgreSQL+PostGIS"}
# The tables whose rows are the tracker's data (a target without rows in them is empty).
DATA_TABLES = ("claims", "claim_history", "reports", "custom_places", "baselines")
SQLITE_TIMEOUT_S = 60.0
CHUNK = 1 << 20
BACKUP_SCRATCH = ".tracker-backup-"


class BackupError(StoreError):
    """A backup or restore could not be made (tool missing, pg_dump/pg_restore failed)."""


class NotABackupError(InvalidInputError):
    """The file is not a tracker backup, or it is truncated or damaged."""


class TargetNotEmptyError(TrackerError, FileExistsError):
    """The restore target already holds data; restoring would replace it (needs force)."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a backup holds, as recorded in its manifest."""

    backend: str  # "sqlite" | "postgis"
    schema_version: int
    claims: int  # every claim, deleted ones included
    deleted_claims: int
    history: int
    reports: int
    custom_places: int
    baselines: int
    created_at: datetime
    source: str  # the database it was taken from (password hidden)
    tracker_version: str
    size: int  # bytes of the payload
    sha256: str  # of the payload
    pg_schema: str | None = None  # PostgreSQL: the schema the tracker's tables live in

    def to_dict(self) -> dict:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return data

    @classmethod
    def from_manifest(cls, data: dict) -> BackupInfo:
        try:
            values = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
            values["created_at"] = datetime.fromisoformat(values["created_at"])
            info = cls(**values)
        except (KeyError, TypeError, ValueError) as exc:
            raise NotABackupError(f"the backup's manifest is incomplete ({exc})") from None
        if info.backend not in PAYLOAD_NAMES:
            raise NotABackupError(
                f"the backup's manifest names an unknown back end {info.backend!r}"
            )
        return info

    def counts(self) -> dict[str, int]:
        return {
            "claims": self.claims,
            "deleted_claims": self.deleted_claims,
            "history": self.history,
            "reports": self.reports,
            "custom_places": self.custom_places,
            "baselines": self.baselines,
        }

    def describe(self) -> str:
        """'schema version 3, 120 claims (4 deleted), 250 history rows, ...'."""

        n = _plural
        return (
            f"schema version {self.schema_version}, {n(self.claims, 'claim')} "
            f"({self.deleted_claims:,} deleted), {n(self.history, 'history row')}, "
            f"{n(self.reports, 'report')}, {n(self.custom_places, 'custom place')}, "
            f"{n(self.baselines, 'baseline')}"
        )


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """A finished restore: what was restored, where, and whether data there was replaced."""

    info: BackupInfo
    target: str  # display URL
    replaced_data: bool

    def to_dict(self) -> dict:
        return {**self.info.to_dict(), "target": self.target, "replaced_data": self.replaced_data}


# -- public API ------------------------------------------------------------------------------------


def backup(
    store_or_url: Store | str | os.PathLike | None,
    dest_path: str | os.PathLike,
    *,
    identity: Identity | None = None,
) -> BackupInfo:
    """Write a backup of the database to `dest_path` (replaced atomically if it exists).

    The database is read, never written or created; other processes may keep writing.
    """
    url = store_or_url.url if isinstance(store_or_url, Store) else resolve_url(store_or_url)
    if identity is not None:
        identity.require("export")
    dest = Path(dest_path)
    if dest.is_dir():
        raise InvalidInputError(f"{dest} is a folder; give the backup a file name")
    if not dest.parent.is_dir():
        raise InvalidInputError(f"the folder {dest.parent} does not exist")
    backend = _backend(url)
    scratch.sweep(dest.parent, BACKUP_SCRATCH)  # left by a killed run
    with _interruptible("backup"), _workdir(dest.parent, BACKUP_SCRATCH) as work:
        payload = work / PAYLOAD_NAMES[backend]
        if backend == "sqlite":
            source = _sqlite_file(url)
            _refuse_overwriting_the_database(source, dest)
            meta = _sqlite_backup(source, payload)
        else:
            meta = _pg_backup(url, payload)
        info = BackupInfo(
            backend=backend,
            created_at=datetime.now(UTC).replace(microsecond=0),
            source=_display(url),
            tracker_version=__version__,
            size=payload.stat().st_size,
            sha256=_sha256(payload),
            **meta,
        )
        archive = work / "backup.tar"
        _write_archive(archive, info, payload)
        try:
            os.replace(archive, dest)
        except OSError as exc:
            raise BackupError(f"cannot write {dest}: {exc.strerror}") from None
    return info


def read_backup_info(src_path: str | os.PathLike) -> BackupInfo:
    """The manifest of a backup file, without checking or extracting its payload."""
    with _open_archive(Path(src_path)) as (info, _tar, _member):
        return info


def restore(
    src_path: str | os.PathLike,
    url: str | os.PathLike | None = None,
    *,
    force: bool = False,
    identity: Identity | None = None,
) -> RestoreResult:
    """Restore the backup at `src_path` into the database at `url`.

    Refuses (changing nothing) a file that is not an intact tracker backup, a backup of the
    other back end, a newer schema than this tracker knows, and a target holding data unless
    `force` (which replaces the target's tracker data with the backup's).
    """
    if identity is not None:
        identity.require("restore")
    url = resolve_url(url)
    src = Path(src_path)
    backend = _backend(url)
    with _interruptible("restore"), _open_archive(src) as (info, tar, member):
        if info.backend != backend:
            raise InvalidInputError(
                f"{src} is a {BACKEND_LABELS[info.backend]} backup and {_display(url)} is a "
                f"{BACKEND_LABELS[backend]} database; a backup restores only into its own kind "
                "of database. To move data across, use `tracker export` and `tracker import`"
            )
        if info.schema_version > migrations.LATEST:
            raise InvalidInputError(
                f"{src} holds schema version {info.schema_version}, newer than this tracker "
                f"understands ({migrations.LATEST}); upgrade frontline-tracker"
            )
        if backend == "sqlite":
            replaced = _sqlite_restore(
                src, info, tar, member, _sqlite_file(url, exists=False), force
            )
        else:
            replaced = _pg_restore(src, info, tar, member, url, force)
    return RestoreResult(info=info, target=_display(url), replaced_data=replaced)


# -- the archive -----------------------------------------------------------------------------------


def _write_archive(archive: Path, info: BackupInfo, payload: Path) -> None:
    manifest = json.dumps(
        {"format": FORMAT, "format_version": FORMAT_VERSION, **info.to_dict()}, indent=2
    ).encode()
    mtime = int(info.created_at.timestamp())
    with open(archive, "wb") as raw:
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
            entry = tarfile.TarInfo(MANIFEST_NAME)
            entry.size, entry.mtime, entry.mode = len(manifest), mtime, 0o644
            tar.addfile(entry, io.BytesIO(manifest))
            entry = tarfile.TarInfo(PAYLOAD_NAMES[info.backend])
            entry.size, entry.mtime, entry.mode = info.size, mtime, 0o644
            with open(payload, "rb") as data:
                tar.addfile(entry, data)
        raw.flush()
        os.fsync(raw.fileno())


@contextmanager
def _open_archive(src: Path) -> Iterator[tuple[BackupInfo, tarfile.TarFile, tarfile.TarInfo]]:
    """The manifest, the open archive and its payload member; NotABackupError otherwise."""
    if not src.is_file():
        raise NotFoundError(f"no backup file at {src}")
    not_a_backup = f"{src} is not a tracker backup (make one with `tracker backup FILE`)"
    try:
        tar = tarfile.open(src, mode="r:")  # noqa: SIM115 (closed below, after the yield)
    except (tarfile.TarError, OSError):
        raise NotABackupError(not_a_backup) from None
    try:
        try:
            first = tar.next()
            if first is None or first.name != MANIFEST_NAME or not first.isfile():
                raise NotABackupError(not_a_backup)
            if first.size > CHUNK:
                raise NotABackupError(f"{not_a_backup}: its manifest is {first.size:,} bytes")
            manifest = json.loads(tar.extractfile(first).read())
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise NotABackupError(not_a_backup)
            if manifest.get("format_version") != FORMAT_VERSION:
                raise NotABackupError(
                    f"{src} is a tracker backup in format version "
                    f"{manifest.get('format_version')!r}; this tracker reads version "
                    f"{FORMAT_VERSION}; upgrade frontline-tracker"
                )
            info = BackupInfo.from_manifest(manifest)
            member = tar.next()
        except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
            if isinstance(exc, NotABackupError):
                raise
            raise NotABackupError(f"{src} is truncated or damaged ({exc})") from None
        name = PAYLOAD_NAMES[info.backend]
        if member is None or member.name != name or not member.isfile():
            raise NotABackupError(f"{src} is truncated or damaged: it has no {name}")
        if member.size != info.size:
            raise NotABackupError(
                f"{src} is truncated or damaged: {name} is {member.size:,} bytes, "
                f"the manifest says {info.size:,}"
            )
        yield info, tar, member
    finally:
        tar.close()


def _extract_payload(
    src: Path, info: BackupInfo, tar: tarfile.TarFile, member: tarfile.TarInfo, out: Path
) -> None:
    """Copy the payload to `out` (our own path: names in the archive are never used as paths)
    and check its size and SHA-256 against the manifest."""
    digest = hashlib.sha256()
    size = 0
    try:
        data = tar.extractfile(member)
        with open(out, "wb") as sink:
            while block := data.read(CHUNK):
                digest.update(block)
                sink.write(block)
                size += len(block)
    except (tarfile.TarError, EOFError) as exc:
        raise NotABackupError(f"{src} is truncated or damaged ({exc})") from None
    except OSError as exc:
        raise BackupError(f"cannot write {out}: {exc.strerror or exc}") from None
    if size != info.size or digest.hexdigest() != info.sha256:
        raise NotABackupError(
            f"{src} is truncated or damaged: its database does not match the checksum recorded "
            "when the backup was made"
        )


# -- SQLite ----------------------------------------------------------------------------------------


def _sqlite_file(url: str, *, exists: bool = True) -> Path:
    database = sa.engine.make_url(url).database
    if database in (None, "", ":memory:"):
        raise InvalidInputError(
            "an in-memory database cannot be backed up or restored; use a database file"
        )
    path = Path(database)
    if exists and not path.is_file():
        raise NotFoundError(f"no database at {path}")
    return path


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


def _tracker_facts(
    scalar: Callable[[str], int | None],
    tables: set[str],
    where: str,
    qualify: Callable[[str], str] = lambda table: table,
) -> dict:
    """Schema version and row counts of a tracker database; NotABackupError if it is none."""
    if "schema_migrations" not in tables or "claims" not in tables:
        raise NotABackupError(f"{where} is not a tracker database (it has no tracker tables)")
    version = scalar(f"SELECT max(version) FROM {qualify('schema_migrations')}")
    if not version:
        raise NotABackupError(f"{where} is not a tracker database (no schema version recorded)")

    def count(table: str, condition: str = "") -> int:
        return (
            scalar(f"SELECT count(*) FROM {qualify(table)} {condition}") if table in tables else 0
        )

    return {
        "schema_version": int(version),
        "claims": count("claims"),
        "deleted_claims": count("claims", "WHERE deleted_at IS NOT NULL"),
        "history": count("claim_history"),
        "reports": count("reports"),
        "custom_places": count("custom_places"),
        "baselines": count("baselines"),
    }


def _sqlite_facts(conn: sqlite3.Connection, where: str) -> dict:
    return _tracker_facts(lambda sql: conn.execute(sql).fetchone()[0], _sqlite_tables(conn), where)


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
    return f"it holds {_summarise_counts(facts)}"


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
        _extract_payload(src, info, tar, member, built)
        try:
            conn = _sqlite_connect(built)
            try:
                _sqlite_check(conn, f"the database in {src}")
                facts = _sqlite_facts(conn, f"the database in {src}")
                _check_counts(src, info, facts)
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


# -- PostgreSQL+PostGIS ----------------------------------------------------------------------------

# URL query parameters that libpq takes from the environment (the rest are refused).
_PG_QUERY_ENV = {
    "host": "PGHOST",
    "port": "PGPORT",
    "options": "PGOPTIONS",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


def pg_environment(url: str) -> dict[str, str]:
    """The environment for pg_dump/pg_restore: the URL's parts as PG* variables, so the
    password never appears in a process list."""
    parsed = sa.engine.make_url(url)
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", parsed.host),
        ("PGPORT", parsed.port),
        ("PGUSER", parsed.username),
        ("PGPASSWORD", parsed.password),
        ("PGDATABASE", parsed.database),
    ):
        if value not in (None, ""):
            env[key] = str(value)
    for key, value in parsed.query.items():
        if key not in _PG_QUERY_ENV:
            raise InvalidInputError(
                f"the database URL's parameter {key!r} cannot be passed to pg_dump/pg_restore; "
                f"use one of: {', '.join(sorted(_PG_QUERY_ENV))}"
            )
        env[_PG_QUERY_ENV[key]] = value if isinstance(value, str) else value[-1]
    return env


def find_pg_tool(name: str) -> str:
    """pg_dump / pg_restore: on PATH, else the newest under /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found

    def version(path: str) -> tuple[int, ...]:
        return tuple(int(p) for p in re.findall(r"\d+", Path(path).parent.parent.name))

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    if candidates:
        return candidates[-1]
    raise BackupError(
        f"{name} was not found (looked on PATH and in /usr/lib/postgresql/*/bin); install "
        "the PostgreSQL client tools (apt-get install postgresql-client), at least as new as "
        "the server"
    )


def _run(tool: str, args: list[str], env: dict[str, str], what: str) -> str:
    try:
        done = subprocess.run(
            [find_pg_tool(tool), *args], env=env, capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise BackupError(f"cannot run {tool}: {exc.strerror or exc}") from None
    if done.returncode != 0:
        raise BackupError(f"{what}: {_tool_error(done.stderr)}")
    return done.stdout


def _tool_error(stderr: str) -> str:
    """The first line that says what went wrong, without the tool's name prefix."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if "error:" in line.lower() or "fatal:" in line.lower():
            return re.sub(r"^(pg_dump|pg_restore):\s*(error:\s*)?", "", line)[:300]
    return (lines[0] if lines else "no message")[:300]


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _pg_engine(url: str) -> sa.Engine:
    try:
        return sa.create_engine(url)
    except (ImportError, sa.exc.NoSuchModuleError, sa.exc.ArgumentError) as exc:
        raise StoreError(
            f"cannot open {_display(url)}: {exc}; install the extra: "
            "pip install 'frontline-tracker[postgis]'"
        ) from None


def _pg_tables(conn: sa.Connection, schema: str) -> set[str]:
    rows = conn.execute(
        sa.text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p')"
        ),
        {"schema": schema},
    )
    return set(rows.scalars())


def _pg_facts(conn: sa.Connection, schema: str, where: str) -> dict:
    return _tracker_facts(
        lambda sql: conn.exec_driver_sql(sql).scalar(),
        _pg_tables(conn, schema),
        where,
        lambda table: f"{_quote_ident(schema)}.{_quote_ident(table)}",
    )


def _pg_backup(url: str, payload: Path) -> dict:
    """pg_dump of the tracker's schema (and the PostGIS extension it needs), in the snapshot
    the counts are read from, so the manifest describes exactly what was dumped."""
    env = pg_environment(url)
    find_pg_tool("pg_dump")  # a clear error before connecting
    engine = _pg_engine(url)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                schema = conn.exec_driver_sql(
                    "SELECT n.nspname FROM pg_class c JOIN pg_namespace n "
                    "ON n.oid = c.relnamespace WHERE c.oid = to_regclass('schema_migrations')"
                ).scalar()
                if schema is None:
                    raise NotABackupError(
                        f"{_display(url)} is not a tracker database (no schema_migrations table)"
                    )
                facts = _pg_facts(conn, schema, _display(url))
                snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar()
                _run(
                    "pg_dump",
                    [
                        "--format=custom",
                        f"--file={payload}",
                        f"--snapshot={snapshot}",
                        f"--schema={_quote_ident(schema)}",
                        "--extension=postgis",
                        "--no-password",
                    ],
                    env,
                    f"pg_dump of {_display(url)} failed",
                )
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"cannot read {_display(url)}: {_first_line(exc.orig)}") from None
    finally:
        engine.dispose()
    return {**facts, "pg_schema": schema}


def _search_path(conn: sa.Connection) -> list[str]:
    user = conn.exec_driver_sql("SELECT current_user").scalar()
    entries = []
    for part in conn.exec_driver_sql("SHOW search_path").scalar().split(","):
        part = part.strip()
        if part == '"$user"' or part == "$user":
            part = user
        elif part.startswith('"') and part.endswith('"'):
            part = part[1:-1].replace('""', '"')
        if part:
            entries.append(part)
    return entries


def _pg_target_schema(conn: sa.Connection, backup_schema: str, url: str) -> str:
    """The schema the store at `url` will read; it must be the backup's (pg_dump archives
    name their schema, and pg_restore cannot rename it)."""
    existing = set(conn.exec_driver_sql("SELECT nspname FROM pg_namespace").scalars())
    for entry in _search_path(conn):
        if entry == backup_schema:
            return entry
        if entry in existing:
            raise InvalidInputError(
                f"the backup holds schema {backup_schema!r}, but {_display(url)} uses schema "
                f"{entry!r}; restore into a database (or a search_path) where the tracker's "
                f"tables live in {backup_schema!r}"
            )
    raise InvalidInputError(
        f"the backup holds schema {backup_schema!r}, which is not on the search_path of "
        f"{_display(url)}; add it to the URL (options=-csearch_path={backup_schema})"
    )


def _toc_list(payload: Path, env: dict[str, str], *, schema_exists: bool, has_postgis: bool):
    """pg_restore's table of contents, minus what the target already has: its schema, the
    PostGIS extension (and its reference rows); comments on those need ownership anyway."""
    listing = _run("pg_restore", ["--list", str(payload)], env, "cannot read the backup")
    keep = []
    for line in listing.splitlines():
        entry = re.match(r"^\d+; \d+ \d+ (.*)$", line)
        if entry:
            rest = entry.group(1)
            if rest.startswith(("COMMENT - SCHEMA ", "COMMENT - EXTENSION ")):
                continue
            if rest.startswith("SCHEMA - ") and schema_exists:
                continue
            if (
                rest.startswith("EXTENSION - ")
                or re.match(r"TABLE DATA \S+ spatial_ref_sys ", rest)
            ) and has_postgis:
                continue
        keep.append(line)
    return "\n".join(keep) + "\n"


def _pg_restore(
    src: Path,
    info: BackupInfo,
    tar: tarfile.TarFile,
    member: tarfile.TarInfo,
    url: str,
    force: bool,
) -> bool:
    env = pg_environment(url)
    find_pg_tool("pg_restore")
    schema = info.pg_schema or "public"
    engine = _pg_engine(url)
    try:
        with engine.connect() as conn, conn.begin():
            target_schema = _pg_target_schema(conn, schema, url)
            schema_exists = bool(
                conn.exec_driver_sql(
                    "SELECT 1 FROM pg_namespace WHERE nspname = %(s)s", {"s": target_schema}
                ).scalar()
            )
            has_postgis = bool(
                conn.exec_driver_sql(
                    "SELECT 1 FROM pg_extension WHERE extname = 'postgis'"
                ).scalar()
            )
            tables = _pg_tables(conn, target_schema) if schema_exists else set()
            has_data = None
            if tables & {"schema_migrations", *DATA_TABLES}:
                try:
                    facts = _pg_facts(conn, target_schema, _display(url))
                except NotABackupError:
                    has_data = "it holds tables named like the tracker's but is not a tracker"
                else:
                    if any(v for k, v in facts.items() if k != "schema_version"):
                        has_data = f"it holds {_summarise_counts(facts)}"
        if has_data and not force:
            raise TargetNotEmptyError(
                f"{_display(url)} is not empty: {has_data}; "
                "restore with force (--force) to replace it"
            )
        with tempfile.TemporaryDirectory(prefix="tracker-restore-") as work:
            payload = Path(work) / PAYLOAD_NAMES["postgis"]
            _extract_payload(src, info, tar, member, payload)
            toc = Path(work) / "restore.list"
            toc.write_text(
                _toc_list(payload, env, schema_exists=schema_exists, has_postgis=has_postgis)
            )
            args = [
                "--dbname=",  # empty: libpq takes the database from PGDATABASE
                "--single-transaction",
                "--exit-on-error",
                "--no-owner",
                "--no-privileges",
                "--no-password",
                f"--use-list={toc}",
            ]
            if tables:
                args += ["--clean", "--if-exists"]
            _run(
                "pg_restore",
                [*args, str(payload)],
                env,
                f"pg_restore into {_display(url)} failed and changed nothing",
            )
        with engine.connect() as conn, conn.begin():
            facts = _pg_facts(conn, target_schema, _display(url))
        if _differences(info, facts):
            raise BackupError(
                f"pg_restore finished, but {_display(url)} now holds {_differences(info, facts)}"
            )
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"cannot use {_display(url)}: {_first_line(exc.orig)}") from None
    finally:
        engine.dispose()
    return bool(has_data)


# -- helpers ---------------------------------------------------------------------------------------


def _backend(url: str) -> str:
    try:
        name = sa.engine.make_url(url).get_backend_name()
    except sa.exc.ArgumentError:
        raise StoreError(f"{url!r} is not a database URL") from None
    if name == "sqlite":
        return "sqlite"
    if name == "postgresql":
        return "postgis"
    raise StoreError(
        f"unsupported database {name!r}; use sqlite:///FILE or postgresql+psycopg://USER@HOST/DB"
    )


def _display(url: str) -> str:
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def _first_line(error: object) -> str:
    return (str(error).strip().splitlines() or ["no answer"])[0][:200]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        while block := data.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _plural(count: int, one: str) -> str:
    return f"{count:,} {one if count == 1 else one + 's'}"


def _summarise_counts(facts: dict) -> str:
    return ", ".join(
        _plural(facts.get(key, 0), label)
        for key, label in (
            ("claims", "claim"),
            ("history", "history row"),
            ("reports", "report"),
            ("custom_places", "custom place"),
            ("baselines", "baseline"),
        )
    )


def _differences(info: BackupInfo, facts: dict) -> str:
    """'' if `facts` (read from a database) match the manifest, else what differs."""
    expected = {**info.counts(), "schema_version": info.schema_version}
    wrong = [f"{k} {facts.get(k)} (not {v})" for k, v in expected.items() if facts.get(k) != v]
    return ", ".join(wrong)


def _check_counts(src: Path, info: BackupInfo, facts: dict) -> None:
    if _differences(info, facts):
        raise NotABackupError(
            f"the database in {src} does not match its manifest: {_differences(info, facts)}"
        )


@contextmanager
def _workdir(parent: Path, prefix: str) -> Iterator[Path]:
    """A scratch folder next to the destination, so the final rename stays on one file system
    (locked while in use; see tracker.store.scratch)."""
    with ExitStack() as stack:
        try:
            work = stack.enter_context(scratch.scratch_dir(parent, prefix))
        except OSError as exc:
            raise BackupError(f"cannot write in {parent}: {exc.strerror or exc}") from None
        yield work


class BackupInterrupted(BackupError):
    """SIGTERM stopped a backup or restore; its scratch copy was removed on the way out."""


def _interruptible(what: str):
    return scratch.terminate_raises(
        lambda: BackupInterrupted(
            f"the {what} was stopped (SIGTERM) before it finished; its scratch copy was removed"
        )
    )
