"""CSV export and import with an ACLED-style column mapping.

| CSV column      | claim field      | notes                                                  |
|-----------------|------------------|--------------------------------------------------------|
| event_id        | id               | claim UUID                                             |
| event_date      | event_date       | YYYY-MM-DD (Kyiv calendar date)                        |
| reported_at     | reported_at      | YYYY-MM-DD                                             |
| time_precision  | time_precision   | 1 day, 2 week, 3 month (as ACLED)                      |
| location        | name             | place name as reported                                 |
| place_id        | place_id         | geonames:<id>, custom:<uuid> or empty                  |
| admin1          | (from gazetteer) | region of the place on export; a region hint on import |
| country         | (from gazetteer) | ISO code of the place's country, on export only        |
| latitude        | lat              | WGS 84 degrees                                         |
| longitude       | lon              | WGS 84 degrees                                         |
| geo_precision   | precision        | 1 settlement, 2 near/part of it, 3 region (as ACLED)   |
| actor           | side             | whose forces: RU or UA                                 |
| action          | action           | advance, capture, control, attack, repel, withdraw...  |
| claimant        | claimant         | who asserts it                                         |
| status          | status           | claimed, confirmed, disputed, refuted                  |
| source          | source_name      |                                                        |
| source_url      | source_url       |                                                        |
| quote           | quote            |                                                        |
| notes           | notes            |                                                        |
| report_id       | report_id        |                                                        |
| created_by ...  | created_by, created_at, updated_at, version, deleted_at (bookkeeping) |
| source_count    | (corroboration)  | how many reports back the event, on export only        |
| claimants       | (corroboration)  | the independent claimants joined by "; ", export only  |

On import the model's own names (`name`, `lat`, `lon`, `precision`, `side`, `source_name`,
`id`) are accepted too. Text cells that a spreadsheet would run as a formula (starting with
= + - @, tab or carriage return) are written with a leading apostrophe, which import removes.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

from tracker.errors import InvalidInputError
from tracker.io.sourcelist import claimants_of, sources_of
from tracker.model import Claim

COLUMNS = {
    "event_id": "id",
    "event_date": "event_date",
    "reported_at": "reported_at",
    "time_precision": "time_precision",
    "location": "name",
    "place_id": "place_id",
    "admin1": None,
    "country": None,
    "latitude": "lat",
    "longitude": "lon",
    "geo_precision": "precision",
    "actor": "side",
    "action": "action",
    "claimant": "claimant",
    "status": "status",
    "source": "source_name",
    "source_url": "source_url",
    "quote": "quote",
    "notes": "notes",
    "report_id": "report_id",
    "created_by": "created_by",
    "created_at": "created_at",
    "updated_at": "updated_at",
    "version": "version",
    "deleted_at": "deleted_at",
}
TEXT_FIELDS = {
    "name",
    "claimant",
    "source_name",
    "source_url",
    "quote",
    "notes",
    "created_by",
    "place_id",
    "report_id",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Written after the claim columns, from the record's sources (tracker.io.sourcelist).
SOURCE_COLUMNS = ("source_count", "claimants")


def _guarded(text: str) -> bool:
    return text.startswith("'") and text[1:].startswith(("'", *FORMULA_START))


def neutralise(text: str) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    if text.startswith(FORMULA_START) or _guarded(text):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    return text[1:] if _guarded(text) else text


def claim_row(claim: Claim | dict, place=None) -> dict[str, str]:
    """One CSV row from a Claim or its `to_dict()` record."""
    data = claim if isinstance(claim, dict) else claim.to_dict()
    row: dict[str, str] = {}
    for column, field_name in COLUMNS.items():
        if field_name is None:
            value = None
            if place is not None:
                value = place.admin1 if column == "admin1" else place.country
        else:
            value = data[field_name]
        if value is None:
            row[column] = ""
        elif isinstance(value, float):
            row[column] = repr(value)
        elif field_name in TEXT_FIELDS or column == "admin1":
            row[column] = neutralise(str(value))
        else:
            row[column] = str(value)
    row["source_count"] = str(len(sources_of(data)))
    row["claimants"] = neutralise("; ".join(claimants_of(data)))
    return row


def export_csv(
    claims: Iterable[Claim | dict],
    path: str | Path,
    *,
    place_lookup: Callable[[str], object] | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write claims as CSV (UTF-8, header row); `place_lookup(place_id)` fills admin1."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=[*COLUMNS, *SOURCE_COLUMNS])
        writer.writeheader()
        for claim in claims:
            place_id = claim["place_id"] if isinstance(claim, dict) else claim.place_id
            place = place_lookup(place_id) if place_lookup and place_id else None
            writer.writerow(claim_row(claim, place))
            count += 1
            if progress and count % 5000 == 0:
                progress(5000)
    if progress and count % 5000:
        progress(count % 5000)
    return count


ALIASES = {column: field_name for column, field_name in COLUMNS.items() if field_name}
ALIASES.update({"admin1": "admin1", "country": "country"})


MAX_CELL_CHARS = 131_072  # the csv module's field limit; no claim field is near it


def read_csv(path: str | Path, *, label: str | None = None) -> list[tuple[str, dict]]:
    """(row label, record) per data row; empty cells are None, formula guards removed.
    A file that is not CSV (a cell over 131,072 characters, a stray NUL) is an input error."""
    records: list[tuple[str, dict]] = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            _read_rows(reader, records)
        except csv.Error as exc:
            where = f"{label or path}, line {reader.line_num:,}"
            if "field larger than field limit" in str(exc):
                raise InvalidInputError(
                    f"{where}: a cell is longer than {MAX_CELL_CHARS:,} characters "
                    "(an unclosed quote?); nothing was imported"
                ) from None
            raise InvalidInputError(f"{where} is not valid CSV: {exc}") from None
    return records


def _read_rows(reader: csv.DictReader, records: list[tuple[str, dict]]) -> None:
    for line, row in enumerate(reader, start=2):
        record: dict = {}
        for column, value in row.items():
            if column is None:  # more cells than header columns
                record["__error__"] = f"{len(value)} more cells than the header has columns"
                continue
            key = column.strip().lower()
            key = ALIASES.get(key, key)
            record[key] = unneutralise(value) if value else None
        records.append((f"row {reader.line_num if reader.line_num else line}", record))
