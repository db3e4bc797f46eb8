"""Shared presentation helpers for CLI commands: JSON out, rich tables, progress."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import click
from rich import box
from rich.console import Console
from rich.table import Table


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def echo_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(soft_wrap=False, width=160).print(table)


def parse_point(text: str | None) -> tuple[float, float] | None:
    """'48.5,37.7' → (48.5, 37.7); the library validates the range."""
    if text is None:
        return None
    parts = text.replace(" ", "").split(",")
    if len(parts) != 2:
        raise click.BadParameter(f"{text!r} is not LAT,LON (e.g. 48.53,37.71)")
    try:
        return float(parts[0]), float(parts[1])
    except ValueError:
        raise click.BadParameter(f"{text!r} is not LAT,LON (e.g. 48.53,37.71)") from None
