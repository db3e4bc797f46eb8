"""SQLAlchemy engines for each back end, set up as the store needs them.

SQLite: WAL mode, a busy timeout, writers that begin IMMEDIATE transactions and a separate
read-only path, so readers never block writers. PostgreSQL: one pooled engine that pings.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import StaticPool

from tracker.errors import StoreError

SQLITE_BUSY_TIMEOUT_MS = 60_000


def casefold(value: str | None) -> str | None:
    """NFC then casefold: the SQL function `casefold()` on SQLite, and what the store writes
    into `search_text`, so both sides of a search agree."""
    return None if value is None else unicodedata.normalize("NFC", value).casefold()


def is_memory(url: str) -> bool:
    """An in-memory SQLite URL (`sqlite://`, `sqlite:///:memory:`)."""
    return sa.engine.make_url(url).database in (None, "", ":memory:")


# How SQLite commits: FULL waits for the disk at every commit; NORMAL (bulk ingestion, WAL
# mode) at checkpoints only — still consistent after any crash, but a power loss may lose the
# last transactions (a batch run again writes them again: it skips what is stored).
SYNCHRONOUS = ("FULL", "NORMAL")


def set_synchronous(engine: sa.Engine, level: str) -> None:
    """How the engine's write transactions commit from now on (`SYNCHRONOUS`); applied to
    each connection as its next transaction begins."""
    if level not in SYNCHRONOUS:
        raise ValueError(f"synchronous must be one of {SYNCHRONOUS}, not {level!r}")
    engine.dialect.tracker_synchronous = level


def sqlite_engine(url: str, *, write: bool) -> sa.Engine:
    memory = is_memory(url)
    if memory:
        engine = sa.create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        path = Path(sa.engine.make_url(url).database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for {path}: {exc.strerror}") from None
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun below, not by the driver
        dbapi_conn.create_function("casefold", 1, casefold, deterministic=True)
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        _record.info["synchronous"] = "FULL"
        cursor.execute("PRAGMA cache_size = -65536")  # 64 MiB: bulk writes spill less
        if not write:
            cursor.execute("PRAGMA query_only = 1")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        level = engine.dialect.tracker_synchronous
        if write and conn.info.get("synchronous") != level:
            conn.exec_driver_sql(f"PRAGMA synchronous = {level}")  # (outside a transaction)
            conn.info["synchronous"] = level
        # Writers take the write lock up front, so a busy database makes them wait (busy
        # timeout) instead of failing with "database is locked" on a lock upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    engine.dialect.tracker_synchronous = "FULL"
    return engine


def sqlite_engines(url: str) -> tuple[sa.Engine, sa.Engine]:
    """(write, read) engines; an in-memory database has one engine for both."""
    write = sqlite_engine(url, write=True)
    return write, write if is_memory(url) else sqlite_engine(url, write=False)


def postgres_engine(url: str, **options) -> sa.Engine:
    """An engine for a PostgreSQL URL; a missing driver says which extra to install."""
    try:
        return sa.create_engine(url, **options)
    except (ImportError, sa.exc.NoSuchModuleError, sa.exc.ArgumentError) as exc:
        shown = sa.engine.make_url(url).render_as_string(hide_password=True)
        raise StoreError(
            f"cannot open {shown}: {exc}; install the extra: "
            "pip install 'frontline-tracker[postgis]'"
        ) from None


def postgres_engines(url: str) -> tuple[sa.Engine, sa.Engine]:
    """(write, read): one pooled engine serves both (MVCC readers do not block writers)."""
    engine = postgres_engine(url, pool_pre_ping=True)
    return engine, engine
