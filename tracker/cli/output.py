"""The one output path of the CLI: every human-readable line goes through `say` or
`echo_table`, which show untrusted text as it is (no markup interpreted) with control, escape
and invisible characters written visibly (`\\x1b`); `echo_json` prints JSON unchanged."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence

import click
from rich.cells import cell_len, chop_cells

from tracker.untrusted import visible

TABLE_WIDTH = 160
MIN_COLUMN = 6


def say(text: object = "", *, err: bool = False) -> None:
    """Print one line; untrusted values in it are shown visibly (a newline as `\\n`), so
    a value can neither inject markup or escapes nor fake a line of its own."""
    click.echo(visible(text), err=err)


def count(n: int, noun: str) -> str:
    """ "1 claim", "2 claims"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def echo_json(data) -> None:
    """Pretty JSON on stdout, written as it is encoded (a big result is never one string)."""
    out = sys.stdout
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    try:
        for chunk in encoder.iterencode(data):
            out.write(chunk)
        out.write("\n")
    except UnicodeEncodeError:  # a lone surrogate (e.g. from a non-UTF-8 argument)
        out.write("\n")
        raise click.ClickException("the output holds text that is not valid Unicode") from None
    out.flush()


def _fit(widths: list[int], budget: int) -> list[int]:
    """Column widths capped (widest first) so that they sum to at most `budget`."""
    if sum(widths) <= budget:
        return widths
    low, high = MIN_COLUMN, max(widths)
    while low < high:  # the largest cap that fits
        cap = (low + high + 1) // 2
        if sum(min(w, cap) for w in widths) <= budget:
            low = cap
        else:
            high = cap - 1
    return [min(w, low) for w in widths]


def table_lines(title: str | None, columns: Sequence[str], rows: Iterable[Sequence]) -> list[str]:
    """A plain-text table: title, header, a rule, one line per row (long cells folded)."""
    header = [visible(c) for c in columns]
    body = [["" if v is None else visible(v) for v in row] for row in rows]
    widths = [cell_len(h) for h in header]
    for row in body:
        for i, cell in enumerate(row):
            if len(cell) > widths[i] or not cell.isascii():
                widths[i] = max(widths[i], cell_len(cell))
    widths = _fit(widths, TABLE_WIDTH - 4 - 3 * (len(widths) - 1))
    lines = [] if title is None else [visible(title), ""]

    def emit(cells: list[str]) -> None:
        parts = [
            chop_cells(cell, width) if cell_len(cell) > width else [cell]
            for cell, width in zip(cells, widths, strict=True)
        ]
        for k in range(max(len(p) for p in parts)):
            pieces = []
            for part, width in zip(parts, widths, strict=True):
                piece = part[k] if k < len(part) else ""
                pieces.append(piece + " " * (width - cell_len(piece)))
            lines.append(("  " + "   ".join(pieces)).rstrip())

    emit(header)
    lines.append(" " + "─" * (sum(widths) + 3 * (len(widths) - 1) + 2))
    for row in body:
        emit(row)
    return lines


def echo_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    out = sys.stdout
    for line in table_lines(title, columns, rows):
        out.write(line + "\n")
    out.write("\n")
    out.flush()


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
