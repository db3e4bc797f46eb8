"""PostgreSQL+PostGIS backups: `pg_dump --format=custom` of the tracker's schema, taken in
the snapshot the counts come from; restores by `pg_restore --single-transaction`.

Credentials reach pg_dump/pg_restore through PG* environment variables, never argv.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import sqlalchemy as sa

from tracker.errors import InvalidInputError, StoreError
from tracker.store.backup.archive import extract_payload
from tracker.store.backup.manifest import (
    DATA_TABLES,
    BackupError,
    BackupInfo,
    NotABackupError,
    TargetNotEmptyError,
    differences,
    summarise_counts,
    tracker_facts,
)
from tracker.store.dialects import display_url, parse_url
from tracker.store.engines import postgres_engine

PAYLOAD_NAME = "tracker.pgdump"


def backup(url: str, payload: Path, dest: Path) -> dict:
    """pg_dump of the database at `url` into `payload`; its facts and schema name."""
    return _pg_backup(url, payload)


def restore(
    src: Path,
    info: BackupInfo,
    tar: tarfile.TarFile,
    member: tarfile.TarInfo,
    url: str,
    force: bool,
) -> bool:
    """Restore the archive's payload into the database at `url`; True if data was replaced."""
    return _pg_restore(src, info, tar, member, url, force)


def first_line(error: object) -> str:
    return (str(error).strip().splitlines() or ["no answer"])[0][:200]


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
    parsed = parse_url(url)
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
    return tracker_facts(
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
    engine = postgres_engine(url)
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
                        f"{display_url(url)} is not a tracker database (no schema_migrations table)"
                    )
                facts = _pg_facts(conn, schema, display_url(url))
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
                    f"pg_dump of {display_url(url)} failed",
                )
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"cannot read {display_url(url)}: {first_line(exc.orig)}") from None
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
                f"the backup holds schema {backup_schema!r}, but {display_url(url)} uses schema "
                f"{entry!r}; restore into a database (or a search_path) where the tracker's "
                f"tables live in {backup_schema!r}"
            )
    raise InvalidInputError(
        f"the backup holds schema {backup_schema!r}, which is not on the search_path of "
        f"{display_url(url)}; add it to the URL (options=-csearch_path={backup_schema})"
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
    engine = postgres_engine(url)
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
                    facts = _pg_facts(conn, target_schema, display_url(url))
                except NotABackupError:
                    has_data = "it holds tables named like the tracker's but is not a tracker"
                else:
                    if any(v for k, v in facts.items() if k != "schema_version"):
                        has_data = f"it holds {summarise_counts(facts)}"
        if has_data and not force:
            raise TargetNotEmptyError(
                f"{display_url(url)} is not empty: {has_data}; "
                "restore with force (--force) to replace it"
            )
        with tempfile.TemporaryDirectory(prefix="tracker-restore-") as work:
            payload = Path(work) / PAYLOAD_NAME
            extract_payload(src, info, tar, member, payload)
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
                f"pg_restore into {display_url(url)} failed and changed nothing",
            )
        with engine.connect() as conn, conn.begin():
            facts = _pg_facts(conn, target_schema, display_url(url))
        if differences(info, facts):
            raise BackupError(
                f"pg_restore finished, but {display_url(url)} now holds {differences(info, facts)}"
            )
    except sa.exc.DBAPIError as exc:
        raise StoreError(f"cannot use {display_url(url)}: {first_line(exc.orig)}") from None
    finally:
        engine.dispose()
    return bool(has_data)
