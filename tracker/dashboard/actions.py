"""What the dashboard's buttons do, without Streamlit: thin calls into the library that the
pages (and tests) share."""

from __future__ import annotations

from collections.abc import Mapping

from tracker.errors import InvalidInputError
from tracker.model import check_coordinates, validate_claim_fields

# Fields checked on their own, so each error can be shown next to its field.
_SINGLE_FIELDS = (
    "event_date",
    "name",
    "side",
    "action",
    "claimant",
    "status",
    "precision",
    "source_name",
    "source_url",
    "quote",
    "notes",
)


def field_errors(fields: Mapping[str, object]) -> dict[str, str]:
    """{field: message} for every field that fails validation ("coords" for lat/lon)."""
    errors: dict[str, str] = {}
    for key in _SINGLE_FIELDS:
        if key in fields:
            try:
                validate_claim_fields({key: fields[key]}, partial=True)
            except InvalidInputError as exc:
                errors[key] = str(exc)
    if "lat" in fields or "lon" in fields:
        try:
            validate_claim_fields(
                {"lat": fields.get("lat"), "lon": fields.get("lon")}, partial=True
            )
        except InvalidInputError as exc:
            errors["coords"] = str(exc)
    if not errors:
        try:
            validate_claim_fields(fields)
        except InvalidInputError as exc:
            errors["form"] = str(exc)
    return errors


def likely_duplicates(store, fields: Mapping[str, object]) -> list:
    """Live claims at the same place (id, or name when there is none) on the same date with
    the same side and action: what a second click on "Add claim" would repeat."""
    day = fields.get("event_date")
    if not day or not fields.get("side") or not fields.get("action"):
        return []
    same = store.claims(
        since=day, until=day, side=str(fields["side"]), action=str(fields["action"])
    )
    place_id = fields.get("place_id")
    name = str(fields.get("name") or "").strip().casefold()
    return [
        c
        for c in same
        if (place_id and c.place_id == place_id) or (c.name or "").strip().casefold() == name
    ]


def pick_point(lat: object, lon: object) -> tuple[float, float] | None:
    """The form's point as (lat, lon) when both coordinates parse and are in range."""
    try:
        return check_coordinates(parse_number(lat), parse_number(lon))
    except (InvalidInputError, TypeError, ValueError):
        return None


def parse_number(text: object) -> object:
    """A typed coordinate: a float when it parses (comma decimal accepted), else the text."""
    if isinstance(text, str):
        cleaned = text.strip().replace(",", ".")
        if not cleaned:
            return None
        try:
            return float(cleaned)
        except ValueError:
            return text
    return text


def export_bytes(records: list[dict], fmt: str, *, gazetteer=None) -> bytes:
    """Claims records exported in one of tracker.io.EXPORT_FORMATS, as the file's bytes."""
    import tempfile
    from pathlib import Path

    from tracker.io import SUFFIXES, export_claims

    place_lookup = None
    if fmt == "csv" and gazetteer is not None:

        def place_lookup(place_id: str):
            try:
                return gazetteer.get(place_id)
            except LookupError:
                return None

    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / f"claims{SUFFIXES[fmt]}"
        export_claims(records, target, fmt, place_lookup=place_lookup)
        return target.read_bytes()


def timeline_frame(records: list[dict]):
    """Claims per day by side and action (a pandas DataFrame), for the timeline chart."""
    import pandas as pd

    if not records:
        return pd.DataFrame(columns=["event_date", "side", "action", "claims"])
    frame = pd.DataFrame(records)[["event_date", "side", "action"]]
    counts = frame.groupby(["event_date", "side", "action"]).size().reset_index(name="claims")
    counts["event_date"] = pd.to_datetime(counts["event_date"])
    return counts
