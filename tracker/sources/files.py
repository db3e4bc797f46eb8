"""Report files to items: .txt / .md / .html as one report each, .json as a Telegram Desktop
channel export (one report per message)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from tracker.documents import HTML_SUFFIXES, TEXT_SUFFIXES, report_text, too_big
from tracker.errors import InvalidInputError
from tracker.model import KYIV, MAX_REPORT_BYTES, kyiv_today
from tracker.sources.items import Item
from tracker.sources.telegram import channel_items
from tracker.textfile import decode_utf8

SUFFIXES = (TEXT_SUFFIXES - {""}) | HTML_SUFFIXES | {".json"}
MAX_EXPORT_BYTES = 500_000_000  # a Telegram export holds a channel's whole history


def check_file(path: Path) -> None:
    """Refuse what cannot be ingested before anything is read (one message naming it)."""
    if not path.is_file():
        raise InvalidInputError(f"{path} is not a readable file")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInputError(
            f"{path} is not a report file: use .txt, .md, .html or a Telegram .json export"
        )
    size = path.stat().st_size
    if size > (MAX_EXPORT_BYTES if suffix == ".json" else MAX_REPORT_BYTES):
        raise (
            too_big(size)
            if suffix != ".json"
            else InvalidInputError(
                f"{path} is {size / 1e6:.0f} MB; the limit for an export is "
                f"{MAX_EXPORT_BYTES / 1e6:.0f} MB"
            )
        )


def file_date(path: Path) -> date:
    """A file's report date when none is given: the day it was last written (Kyiv time)."""
    written = datetime.fromtimestamp(path.stat().st_mtime, KYIV).date()
    return min(written, kyiv_today())


def file_items(
    path: Path, *, published: date | None = None, source_name: str | None = None
) -> Iterator[Item]:
    """The items of one file. `published` (else the file's date) dates text files; a Telegram
    export's messages carry their own dates."""
    check_file(path)
    data = path.read_bytes()
    if path.suffix.lower() == ".json":
        text = decode_utf8(data, str(path))
        try:
            export = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"{path} is not JSON ({exc})") from None
        items = list(channel_items(export, str(path)))
        share = len(data) // max(1, len(items))  # progress counts the file's bytes
        for item in items:
            yield replace(item, size=share, source_name=source_name or item.source_name)
        return
    yield Item(
        text=report_text(path.name, data),
        published=published or file_date(path),
        origin=str(path),
        source_name=source_name,
        size=len(data),
    )


def files_items(
    paths: Iterable[Path], *, published: date | None = None, source_name: str | None = None
) -> Iterator[Item | InvalidInputError]:
    """The items of several files; a file that cannot be read yields its error instead, so
    the others still go in."""
    for path in paths:
        try:
            yield from file_items(path, published=published, source_name=source_name)
        except (InvalidInputError, OSError) as exc:
            message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
            yield InvalidInputError(message)
