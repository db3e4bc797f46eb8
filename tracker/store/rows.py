"""Claims to table rows and back, derived from the `Claim` dataclass's fields.

The claims table has one column per field (same name) plus `search_text`; nothing here lists
the fields by hand, so a field added to the dataclass without a column fails at import (and
in tests/store/test_rows.py), not silently in an export.
"""

from __future__ import annotations

from enum import IntEnum
from operator import attrgetter

import sqlalchemy as sa

from tracker.fieldcode import compile_function, dict_literal
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
_ENUMS = {name: {m.value: m for m in enum_type} for name, enum_type in CLAIM_ENUMS.items()}
_MOMENTS = tuple(c.name for c in CLAIM_COLUMNS if isinstance(c.type, UTCDateTime))
_searched = attrgetter(*SEARCHED_FIELDS)


def search_text(claim: Claim) -> str:
    """The casefolded text fields a text search matches."""
    return "\n".join(casefold(p) for p in _searched(claim) if p)


def sqlite_iso(value: str | None) -> str | None:
    """'2024-05-01 12:00:00.000000' (UTC) → what datetime.isoformat() gives for it."""
    if value is None:
        return None
    if value.endswith(".000000"):
        value = value[:-7]
    return f"{value[:10]}T{value[11:]}+00:00"


def _stored(name: str, attribute: str) -> str:
    """How `claim_row` writes a field: enums as the int or text the table keeps."""
    enum_type = CLAIM_ENUMS.get(name)
    if enum_type is None:
        return attribute
    return f"int({attribute})" if issubclass(enum_type, IntEnum) else f"str({attribute})"


# The three mappings below are compiled from the field list (see tracker.fieldcode): they run
# once per claim on every export, import and query.
_NAMESPACE = {"Claim": Claim, "search_text": search_text, "sqlite_iso": sqlite_iso}
_NAMESPACE.update({f"_enum_{name}": members for name, members in _ENUMS.items()})

claim_row = compile_function(
    "claim_row",
    "def claim_row(claim):\n    return "
    + dict_literal(
        [(name, _stored(name, f"claim.{name}")) for name in CLAIM_FIELDS]
        + [("search_text", "search_text(claim)")]
    )
    + "\n",
    _NAMESPACE,
)
claim_row.__doc__ = "The table row of a claim (enums as their stored values, plus `search_text`)."

claim_from_row = compile_function(
    "claim_from_row",
    "def claim_from_row(row):\n"
    + f"    ({', '.join(f'v_{name}' for name in CLAIM_FIELDS)},) = row\n"
    + "    return Claim("
    + ", ".join(f"_enum_{n}[v_{n}]" if n in _ENUMS else f"v_{n}" for n in CLAIM_FIELDS)
    + ")\n",
    _NAMESPACE,
)
claim_from_row.__doc__ = "A Claim from a row of CLAIM_COLUMNS (values in CLAIM_FIELDS order)."

record_from_raw = compile_function(
    "record_from_raw",
    "def record_from_raw(r):\n    return "
    + dict_literal(
        [
            (name, f"sqlite_iso(r[{i}])" if name in _MOMENTS else f"r[{i}]")
            for i, name in enumerate(CLAIM_FIELDS)
        ]
    )
    + "\n",
    _NAMESPACE,
)
record_from_raw.__doc__ = (
    "Claim.to_dict() from the driver's raw values of CLAIM_COLUMNS (dates as ISO text, times "
    "as SQLite stores them: 'YYYY-MM-DD HH:MM:SS.ffffff' UTC)."
)
