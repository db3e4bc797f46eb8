"""One item from a source: the text of a report with its date, URL and origin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Item:
    """A report-to-be. `origin` says where it came from (a file, a message, a feed entry),
    for progress and error lines; `size` is its share of the input in bytes."""

    text: str
    published: date
    origin: str
    source_name: str | None = None
    url: str | None = None
    language: str | None = None
    size: int = 0
