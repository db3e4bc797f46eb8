"""Bulk inserts through the driver: executemany on SQLite, COPY on PostgreSQL.

SQLAlchemy's per-row parameter processing would dominate a 100k-claim import otherwise;
values are converted exactly as the column types would bind them. Each dialect registers its
function (`Dialect.insert_rows`); both run inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import sqlalchemy as sa

from tracker.store.schema import UTCDateTime


def sqlite_datetime(value: datetime) -> str:
    """A UTC time as SQLite stores it: 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _converter(column: sa.Column, *, text_dates: bool) -> Callable | None:
    """How a column type would bind a non-None value (dates, UTC times, JSON)."""
    kind = column.type
    if isinstance(kind, sa.JSON):
        return json.dumps
    if text_dates:
        if isinstance(kind, UTCDateTime):
            return sqlite_datetime
        if isinstance(kind, sa.Date):
            return date.isoformat
    return None


def _values(table: sa.Table, rows: list[dict], *, text_dates: bool) -> Iterator[tuple]:
    plan = [(c, _converter(table.c[c], text_dates=text_dates)) for c in rows[0]]
    for row in rows:
        yield tuple(
            row[c] if convert is None or row[c] is None else convert(row[c]) for c, convert in plan
        )


def _names(rows: list[dict]) -> str:
    return ", ".join(f'"{c}"' for c in rows[0])


def sqlite_insert_rows(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    if not rows:
        return
    marks = ", ".join("?" for _ in rows[0])
    conn.exec_driver_sql(
        f'INSERT INTO "{table.name}" ({_names(rows)}) VALUES ({marks})',
        list(_values(table, rows, text_dates=True)),
    )


def postgres_insert_rows(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    if not rows:
        return
    driver = conn.connection.driver_connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f'COPY "{table.name}" ({_names(rows)}) FROM STDIN') as copy,
    ):
        for values in _values(table, rows, text_dates=False):
            copy.write_row(values)
