"""A claim's sources in files: what exports write beside each claim (every report and
claimant backing its event, and the independent claimants), and the checks a GeoJSON
`sources` array passes before an import restores it."""

from __future__ import annotations

from datetime import UTC, datetime

from tracker.errors import InvalidInputError
from tracker.model import validate_claim_fields
from tracker.store.corroboration import independent, own_source

MAX_SOURCES = 1000  # per claim in a file; far above any real corroboration
SOURCE_TEXT = ("report_id", "source_name", "source_url", "quote")
# What identifies a source: two entries agreeing on these are one.
SOURCE_KEY = ("claimant", "event_date", "report_id", "source_name", "source_url", "quote")


def sources_of(record: dict) -> list[dict]:
    """The record's sources (from `with_sources`), or only its own when it carries none."""
    return record["sources"] if "sources" in record else [own_source(record)]


def claimants_of(record: dict) -> list[str]:
    return record["claimants"] if "claimants" in record else independent(sources_of(record))


def check_sources(value: object, record: dict) -> list[dict]:
    """The sources of an imported feature other than the claim's own, checked and cleaned
    (dates parsed); InvalidInputError says which entry is wrong and why."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInputError("sources must be an array of objects")
    if len(value) > MAX_SOURCES:
        raise InvalidInputError(f"{len(value):,} sources; the limit is {MAX_SOURCES:,}")
    own = _clean(own_source(record), "own")
    found: list[dict] = []
    seen = {_identity(own)}
    for i, item in enumerate(value, start=1):
        source = _clean(item, f"sources[{i}]")
        key = _identity(source)
        # The claim's own report (first in an export) is its row, not an attached source.
        if key in seen or (source["report_id"] and source["report_id"] == own["report_id"]):
            continue
        seen.add(key)
        found.append(source)
    reports = [s["report_id"] for s in found if s["report_id"]]
    if len(reports) != len(set(reports)):
        raise InvalidInputError("sources name one report_id twice")
    return found


def _identity(source: dict) -> tuple:
    return tuple(str(source[k]) if source[k] is not None else None for k in SOURCE_KEY)


def _clean(item: object, where: str) -> dict:
    if not isinstance(item, dict):
        raise InvalidInputError(f"{where} is not an object")
    wanted = ("claimant", "event_date", *SOURCE_TEXT)
    try:
        values = validate_claim_fields(
            {k: item.get(k) for k in wanted}, partial=True, allow_old_dates=True
        )
        if not values.get("claimant"):
            raise InvalidInputError("claimant is missing")
        if values.get("event_date") is None:
            raise InvalidInputError("event_date is missing")
        source = {k: values.get(k) for k in wanted}
        source["added_at"] = _when(item.get("added_at"))
    except InvalidInputError as exc:
        raise InvalidInputError(f"{where}: {exc}") from None
    return source


def _when(value: object) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidInputError(f"added_at {value!r} is not an ISO 8601 date and time") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
