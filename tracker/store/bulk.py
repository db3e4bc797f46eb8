"""Bulk inserts through the driver: executemany on SQLite, COPY on PostgreSQL.

SQLAlchemy's per-row parameter processing would dominate a 100k-claim import otherwise;
values are converted exactly as the column types would bind them. Each dialect registers its
function (`Dialect.insert_rows`); both run inside the caller's transaction. (With
`json_null`, a None in a JSON column is written as JSON's null, as `table.insert()` would:
what the review queue's writes need to store the same values as before.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import lru_cache

import sqlalchemy as sa

from tracker.fieldcode import compile_function
from tracker.store.json_text import json_text
from tracker.store.schema import UTCDateTime

# (conn, table, rows, *, json_null=False): inserts rows (dicts with the same keys) in the
# caller's transaction
InsertRows = Callable[..., None]


def sqlalchemy_insert_rows(
    conn: sa.Connection, table: sa.Table, rows: list[dict], *, json_null: bool = False
) -> None:
    """`table.insert()` of the rows through SQLAlchemy, which binds None in a JSON column as
    JSON's null (so `json_null` is what it does anyway)."""
    if rows:
        conn.execute(table.insert(), rows)


@lru_cache(maxsize=1024)  # (a batch writes the same few times on every row)
def sqlite_datetime(value: datetime) -> str:
    """A UTC time as SQLite stores it: 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _converter(column: sa.Column, *, text_dates: bool) -> Callable | None:
    """How a column type would bind a non-None value (dates, UTC times, JSON)."""
    kind = column.type
    if isinstance(kind, sa.JSON):
        return json_text
    if text_dates:
        if isinstance(kind, UTCDateTime):
            return sqlite_datetime
        if isinstance(kind, sa.Date):
            return date.isoformat
    return None


def _values(
    table: sa.Table, rows: list[dict], *, text_dates: bool, json_null: bool = False
) -> list[tuple]:
    return _row_function(table, tuple(rows[0]), text_dates, json_null)(rows)


@lru_cache(maxsize=256)
def _row_function(
    table: sa.Table, columns: tuple[str, ...], text_dates: bool, json_null: bool
) -> Callable[[list[dict]], list[tuple]]:
    """The rows' values in `columns` order, converted: a function compiled from the column
    names (as fast as a hand-written one; it runs for every row a batch writes)."""
    namespace: dict = {}
    values = []
    for number, name in enumerate(columns):
        value = f"r[{name!r}]"
        convert = _converter(table.c[name], text_dates=text_dates)
        if convert is None:
            values.append(value)
            continue
        namespace[f"convert{number}"] = convert
        if json_null and convert is json_text:
            # None is JSON's null ('null', as SQLAlchemy's JSON type binds it), not SQL NULL
            values.append(f"convert{number}({value})")
        else:
            kept = f"v{number}"
            values.append(f"(None if ({kept} := {value}) is None else convert{number}({kept}))")
    source = f"def values(rows):\n    return [({', '.join(values)},) for r in rows]\n"
    return compile_function("values", source, namespace)


def row_values(
    table: sa.Table, columns: tuple[str, ...], text_dates: bool, *, json_null: bool = False
) -> Callable[[list[dict]], list[tuple]]:
    """The function that turns rows (dicts holding `columns`) into the driver's tuples: what
    `insert_values` takes, as the dialect's `insert_rows` would convert them."""
    return _row_function(table, tuple(columns), text_dates, json_null)


def _names(rows: list[dict]) -> str:
    return ", ".join(f'"{c}"' for c in rows[0])


def sqlite_insert_rows(
    conn: sa.Connection, table: sa.Table, rows: list[dict], *, json_null: bool = False
) -> None:
    if not rows:
        return
    marks = ", ".join("?" for _ in rows[0])
    conn.exec_driver_sql(
        f'INSERT INTO "{table.name}" ({_names(rows)}) VALUES ({marks})',
        _values(table, rows, text_dates=True, json_null=json_null),
    )


def sqlite_insert_values(
    conn: sa.Connection, table: sa.Table, columns: tuple[str, ...], values: list[tuple]
) -> None:
    """Rows already in the driver's values (`row_values`), in `columns` order."""
    if values:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', values)


def postgres_insert_values(
    conn: sa.Connection, table: sa.Table, columns: tuple[str, ...], values: list[tuple]
) -> None:
    if not values:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    driver = conn.connection.driver_connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy,
    ):
        for row in values:
            copy.write_row(row)


def postgres_insert_rows(
    conn: sa.Connection, table: sa.Table, rows: list[dict], *, json_null: bool = False
) -> None:
    if not rows:
        return
    driver = conn.connection.driver_connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f'COPY "{table.name}" ({_names(rows)}) FROM STDIN') as copy,
    ):
        for values in _values(table, rows, text_dates=False, json_null=json_null):
            copy.write_row(values)
