"""Claims to table rows and back, derived from the `Claim` dataclass's fields.

The claims table has one column per field (same name) plus `search_text`; nothing here lists
the fields by hand, so a field added to the dataclass without a column fails at import (and
in tests/store/test_rows.py), not silently in an export.
"""

from __future__ import annotations

from enum import Enum

import sqlalchemy as sa

from tracker.model import CLAIM_ENUMS, CLAIM_FIELDS, Claim
from tracker.store.engines import casefold
from tracker.store.schema import UTCDateTime, claims

# Columns the table has beyond the claim's fields (kept by the store, never read back).
DERIVED_COLUMNS = ("search_text",)
# The fields searched as text, casefolded into `search_text`.
SEARCHED_FIELDS = ("name", "claimant", "source_name", "quote", "notes")


def _check_table() -> None:
    missing = [name for name in CLAIM_FIELDS if name not in claims.c]
    extra = [c.name for c in claims.c if c.name not in CLAIM_FIELDS + DERIVED_COLUMNS]
    if missing or extra:
        raise RuntimeError(
            f"the claims table and the Claim dataclass differ: fields without a column "
            f"{missing}, columns without a field {extra}; add a migration for the new field"
        )


_check_table()

# The claim's columns in the dataclass's order: a row of them is Claim(*row) once the enum
# positions are converted.
CLAIM_COLUMNS: tuple[sa.Column, ...] = tuple(claims.c[name] for name in CLAIM_FIELDS)
# The same fields in the table's order (the order exports present them in).
TABLE_ORDER: tuple[str, ...] = tuple(c.name for c in claims.c if c.name in CLAIM_FIELDS)
_ENUM_POSITIONS = tuple(
    (CLAIM_FIELDS.index(name), {m.value: m for m in enum_type})
    for name, enum_type in CLAIM_ENUMS.items()
)
_MOMENTS = tuple(c.name for c in CLAIM_COLUMNS if isinstance(c.type, UTCDateTime))


def search_text(claim: Claim) -> str:
    """The casefolded text fields a text search matches."""
    parts = (getattr(claim, name) for name in SEARCHED_FIELDS)
    return "\n".join(casefold(p) for p in parts if p)


def claim_row(claim: Claim) -> dict:
    """The table row of a claim (enums as their stored values, plus `search_text`)."""
    row = {
        name: value.value if isinstance(value, Enum) else value
        for name in CLAIM_FIELDS
        for value in (getattr(claim, name),)
    }
    row["search_text"] = search_text(claim)
    return row


def claim_from_row(row) -> Claim:
    """A Claim from a row of CLAIM_COLUMNS (positional: this runs once per exported claim)."""
    values = list(row)
    for position, members in _ENUM_POSITIONS:
        values[position] = members[values[position]]
    return Claim(*values)


def sqlite_iso(value: str | None) -> str | None:
    """'2024-05-01 12:00:00.000000' (UTC) → what datetime.isoformat() gives for it."""
    if value is None:
        return None
    if value.endswith(".000000"):
        value = value[:-7]
    return f"{value[:10]}T{value[11:]}+00:00"


def record_from_raw(row) -> dict:
    """Claim.to_dict() from the driver's raw values of CLAIM_COLUMNS (dates as ISO text, times
    as SQLite stores them: 'YYYY-MM-DD HH:MM:SS.ffffff' UTC)."""
    record = dict(zip(CLAIM_FIELDS, row, strict=True))
    for name in _MOMENTS:
        record[name] = sqlite_iso(record[name])
    return record
