"""The databases a store URL can name, in one registry: SQLite and PostgreSQL+PostGIS.

The store and the backups both ask `dialect_for(url)`; nothing else parses a database URL's
kind. A new back end is one more `Dialect` in `DIALECTS`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from tracker.errors import InvalidInputError, NotFoundError, StoreError
from tracker.store import bulk, engines

DEFAULT_URL = "sqlite:///tracker.db"


@dataclass(frozen=True, slots=True)
class Dialect:
    """One kind of database the tracker runs on."""

    name: str  # the tracker's name for it, recorded in backups: "sqlite" | "postgis"
    sqlalchemy_name: str  # SQLAlchemy's backend name: "sqlite" | "postgresql"
    label: str  # for people: "SQLite", "PostgreSQL+PostGIS"
    example: str  # a URL shape for messages
    open_engines: Callable[[str], tuple[sa.Engine, sa.Engine]]  # (write, read)
    insert: Callable[[sa.Table], object]  # INSERT with ON CONFLICT support
    insert_rows: Callable[..., None]  # (conn, table, rows, *, json_null): bulk, in a transaction
    # (conn, table, columns, tuples): bulk rows already in the driver's values
    insert_values: Callable[..., None]
    text_dates: bool  # whether the driver takes dates and times as text (bulk.row_values)

    @property
    def is_postgis(self) -> bool:
        return self.name == "postgis"


SQLITE = Dialect(
    name="sqlite",
    sqlalchemy_name="sqlite",
    label="SQLite",
    example="sqlite:///FILE",
    open_engines=engines.sqlite_engines,
    insert=sqlite_dialect.insert,
    insert_rows=bulk.sqlite_insert_rows,
    insert_values=bulk.sqlite_insert_values,
    text_dates=True,
)
POSTGIS = Dialect(
    name="postgis",
    sqlalchemy_name="postgresql",
    label="PostgreSQL+PostGIS",
    example="postgresql+psycopg://USER@HOST/DB",
    open_engines=engines.postgres_engines,
    insert=pg_dialect.insert,
    insert_rows=bulk.postgres_insert_rows,
    insert_values=bulk.postgres_insert_values,
    text_dates=False,
)
DIALECTS: dict[str, Dialect] = {d.name: d for d in (SQLITE, POSTGIS)}
_BY_SQLALCHEMY_NAME = {d.sqlalchemy_name: d for d in DIALECTS.values()}


def resolve_url(url: str | os.PathLike | None = None) -> str:
    """The database URL: the argument, else $TRACKER_DB, else tracker.db in the working dir.

    A bare path (`claims.db`) means an SQLite file; `:memory:` an in-memory SQLite database.
    """
    url = os.fspath(url) if url is not None else os.environ.get("TRACKER_DB") or DEFAULT_URL
    if url == ":memory:":
        return "sqlite://"
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def parse_url(url: str) -> sa.engine.URL:
    try:
        return sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise StoreError(f"{url!r} is not a database URL") from None


def dialect_for(url: str) -> Dialect:
    """The registered dialect of a (resolved) URL; StoreError naming the known ones if none."""
    name = parse_url(url).get_backend_name()
    try:
        return _BY_SQLALCHEMY_NAME[name]
    except KeyError:
        known = " or ".join(d.example for d in DIALECTS.values())
        raise StoreError(f"unsupported database {name!r}; use {known}") from None


def get_dialect(name: str) -> Dialect:
    """A dialect by the tracker's name for it ("sqlite", "postgis")."""
    try:
        return DIALECTS[name]
    except KeyError:
        raise StoreError(f"unknown database kind {name!r}; known: {', '.join(DIALECTS)}") from None


def display_url(url: str) -> str:
    """The URL with its password hidden, for messages."""
    return parse_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str, *, exists: bool = True) -> Path:
    """The file of an SQLite URL; an in-memory database or (with `exists`) a missing file is
    an error, for the jobs that need a file (backups)."""
    if engines.is_memory(url):
        raise InvalidInputError(
            "an in-memory database cannot be backed up or restored; use a database file"
        )
    path = Path(parse_url(url).database)
    if exists and not path.is_file():
        raise NotFoundError(f"no database at {path}")
    return path
