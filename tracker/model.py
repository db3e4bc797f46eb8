"""Value types shared by the gazetteer, the store and the front ends."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import IntEnum, StrEnum
from zoneinfo import ZoneInfo

from tracker.errors import InvalidCoordinatesError, InvalidInputError
from tracker.fieldcode import compile_function, dict_literal


class PlaceKind(StrEnum):
    SETTLEMENT = "settlement"
    REGION = "region"


def check_coordinates(lat: float, lon: float) -> tuple[float, float]:
    """Return (lat, lon) as floats, or raise with a message naming the bad value."""
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidCoordinatesError(
            f"coordinates must be numbers, got latitude={lat!r}, longitude={lon!r}"
        ) from None
    if not math.isfinite(lat_f) or not -90.0 <= lat_f <= 90.0:
        raise InvalidCoordinatesError(f"latitude {lat_f} is outside -90..90")
    if not math.isfinite(lon_f) or not -180.0 <= lon_f <= 180.0:
        raise InvalidCoordinatesError(f"longitude {lon_f} is outside -180..180")
    return lat_f, lon_f


@dataclass(frozen=True, slots=True)
class Place:
    """A settlement or region the geocoder knows.

    `id` is `geonames:<geonameid>` for GeoNames records, `katottg:<code>` for Ukrainian
    settlements only Ukraine's codifier lists, `custom:<uuid>` for places analysts add,
    `region:<slug>` for composite regions such as Donbas. `radius_km` > 0 says the point is
    approximate (a hromada's centroid): the place lies somewhere within that radius.
    """

    id: str
    name: str
    lat: float
    lon: float
    country: str
    admin1_code: str | None = None
    admin1: str | None = None
    population: int = 0
    kind: PlaceKind = PlaceKind.SETTLEMENT
    geonameid: int | None = None
    alternate_names: tuple[str, ...] = field(default=(), repr=False)
    parts: tuple[str, ...] = ()  # admin-1 codes a composite region covers (Donbas)
    katottg: str | None = None  # the settlement's code in Ukraine's codifier
    name_uk: str | None = None  # the official Ukrainian name (the codifier's)
    raion: str | None = None
    hromada: str | None = None
    radius_km: float = 0.0

    @property
    def approximate(self) -> bool:
        return self.radius_km > 0

    @property
    def admin1_codes(self) -> frozenset[str]:
        """The admin-1 regions this place lies in or, for a region, covers."""
        codes = set(self.parts)
        if self.admin1_code:
            codes.add(self.admin1_code)
        return frozenset(codes)

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    def to_dict(self) -> dict:
        """The stable JSON shape used by the CLI and exports."""
        return {
            "id": self.id,
            "geonameid": self.geonameid,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1_code": self.admin1_code,
            "admin1": self.admin1,
            "population": self.population,
            "kind": str(self.kind),
            "katottg": self.katottg,
            "name_uk": self.name_uk,
            "raion": self.raion,
            "hromada": self.hromada,
            "approximate": self.approximate,
            "radius_km": self.radius_km,
        }


# ---------------------------------------------------------------------------------------------
# Claims


class Side(StrEnum):
    RU = "RU"
    UA = "UA"


class Action(StrEnum):
    ADVANCE = "advance"
    CAPTURE = "capture"
    CONTROL = "control"
    ATTACK = "attack"
    REPEL = "repel"
    WITHDRAW = "withdraw"
    STRIKE = "strike"


class Status(StrEnum):
    CLAIMED = "claimed"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    REFUTED = "refuted"
    PROPOSED = "proposed"  # extracted, awaiting review: not on the map, not in exports
    REJECTED = "rejected"  # an analyst turned the proposal down (the reason is in the notes)


# The statuses of the review queue: a query shows them only when asked for them by status.
REVIEW_STATUSES = frozenset({Status.PROPOSED, Status.REJECTED})


class Precision(IntEnum):
    """ACLED geo_precision."""

    SETTLEMENT = 1  # in the settlement itself
    NEAR = 2  # near it, or a part of it
    REGION = 3  # somewhere in a region


class TimePrecision(IntEnum):
    DAY = 1
    WEEK = 2
    MONTH = 3


# ---------------------------------------------------------------------------------------------
# Claim records and their validation

KYIV = ZoneInfo("Europe/Kyiv")
EARLIEST_EVENT_DATE = date(2014, 1, 1)
MAX_LENGTHS = {
    "name": 200,
    "claimant": 200,
    "source_name": 200,
    "source_url": 2000,
    "quote": 5000,
    "notes": 5000,
    "created_by": 100,
    "place_id": 100,
    "report_id": 100,
}
# The claim fields with a closed vocabulary, and the enum each one takes.
CLAIM_ENUMS = {
    "side": Side,
    "action": Action,
    "status": Status,
    "precision": Precision,
    "time_precision": TimePrecision,
}
REQUIRED_FIELDS = ("event_date", "name", "lat", "lon", "side", "action", "claimant")
# Fields an analyst may set; the rest (id, created_*, updated_at, version, deleted_at) are kept
# by the store.
EDITABLE_FIELDS = (
    "event_date",
    "reported_at",
    "place_id",
    "name",
    "lat",
    "lon",
    "precision",
    "time_precision",
    "side",
    "action",
    "claimant",
    "status",
    "source_name",
    "source_url",
    "quote",
    "report_id",
    "notes",
)


def kyiv_today() -> date:
    """Today's calendar date in Kyiv, the date `event_date` is counted in."""
    return datetime.now(KYIV).date()


# One limit for a report, the same in the CLI (`tracker extract`), the dashboard (Ingest) and
# the store: its text, and the file it comes in (HTML carries markup around the text).
MAX_REPORT_CHARS = 1_000_000
MAX_REPORT_BYTES = 10_000_000
MAX_VERSION = 2_147_483_647  # a 32-bit integer column on both back ends
MAX_ROWS = 2**62  # limits and offsets of queries


def check_int(field_name: str, value: object, low: int, high: int) -> int:
    """`value` as an int within low..high (a whole-number float or numeric text is fine);
    otherwise an InvalidInputError naming the field and the range."""
    try:
        if isinstance(value, bool):
            raise ValueError(value)
        number = value if isinstance(value, int) else float(str(value).strip())
        if isinstance(number, float) and not (math.isfinite(number) and number.is_integer()):
            raise ValueError(value)
        number = int(number)
    except (TypeError, ValueError, OverflowError):
        number = None
    if number is None or not low <= number <= high:
        shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
        raise InvalidInputError(
            f"{field_name} {shown} is not a whole number from {low:,} to {high:,}"
        )
    return number


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?"
)


def parse_iso_date(field_name: str, value: object) -> date:
    """A calendar date from `YYYY-MM-DD` or a full ISO 8601 date and time (an offset moves it
    to Kyiv's calendar); anything else, trailing text included, is refused."""
    if isinstance(value, datetime):
        return value.astimezone(KYIV).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if _ISO_DATE.fullmatch(text):
                return date.fromisoformat(text)
            if _ISO_DATETIME.fullmatch(text):
                return parse_iso_date(field_name, datetime.fromisoformat(text))
        except ValueError:
            pass
    shown = value if not isinstance(value, str) or len(value) <= 80 else value[:80] + "…"
    raise InvalidInputError(f"{field_name} {shown!r} is not a date; write it as YYYY-MM-DD")


_parse_date = parse_iso_date


def _parse_enum(field_name: str, enum_type, value: object):
    try:
        if issubclass(enum_type, IntEnum):
            number = float(value)
            if not math.isfinite(number) or number != int(number) or isinstance(value, bool):
                raise ValueError(value)
            return enum_type(int(number))
        text = str(value).strip()
        return enum_type(text.upper() if enum_type is Side else text.lower())
    except (TypeError, ValueError, OverflowError):
        allowed = ", ".join(str(int(m)) if isinstance(m, IntEnum) else str(m) for m in enum_type)
        raise InvalidInputError(f"{field_name} {value!r} is not one of: {allowed}") from None


def _clean_text(field_name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInputError(f"{field_name} must be text, got {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    limit = MAX_LENGTHS.get(field_name)
    if limit is not None and len(text) > limit:
        raise InvalidInputError(
            f"{field_name} is {len(text):,} characters long; the limit is {limit:,}"
        )
    if "\x00" in text:
        raise InvalidInputError(f"{field_name} contains a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInputError(f"{field_name} contains an unpaired surrogate character") from None
    return text


def validate_claim_fields(
    fields: Mapping[str, object],
    *,
    partial: bool = False,
    allow_old_dates: bool = False,
    today: date | None = None,
) -> dict[str, object]:
    """Check and normalise the analyst-editable fields of a claim.

    Returns a new dict with dates as `date`, enums as enum members, coordinates as floats and
    text stripped (empty → None). With `partial=True` (an edit) only the given fields are
    checked and required fields may be absent. Raises InvalidInputError naming the field.
    """
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise InvalidInputError(
            f"unknown claim field(s): {', '.join(unknown)}; allowed: {', '.join(EDITABLE_FIELDS)}"
        )
    out: dict[str, object] = {}
    today = today or kyiv_today()
    for key in ("event_date", "reported_at"):
        if key in fields and fields[key] not in (None, ""):
            value = _parse_date(key, fields[key])
            if value > today:
                raise InvalidInputError(
                    f"{key} {value.isoformat()} is in the future (today in Kyiv is "
                    f"{today.isoformat()})"
                )
            if value < EARLIEST_EVENT_DATE and not allow_old_dates:
                raise InvalidInputError(
                    f"{key} {value.isoformat()} is before {EARLIEST_EVENT_DATE.isoformat()}; "
                    "pass force/--force-dates if that is really meant"
                )
            out[key] = value
        elif key in fields:
            out[key] = None
    if "lat" in fields or "lon" in fields:
        if fields.get("lat") in (None, "") or fields.get("lon") in (None, ""):
            raise InvalidInputError("latitude and longitude are both required")
        out["lat"], out["lon"] = check_coordinates(fields["lat"], fields["lon"])
    for key, enum_type in CLAIM_ENUMS.items():
        if key in fields:
            value = fields[key]
            out[key] = None if value in (None, "") else _parse_enum(key, enum_type, value)
    for key in MAX_LENGTHS:
        if key in fields and key in EDITABLE_FIELDS:
            out[key] = _clean_text(key, fields[key])
    if out.get("source_url") and not str(out["source_url"]).lower().startswith(
        ("http://", "https://")
    ):
        raise InvalidInputError(
            f"source_url {out['source_url']!r} must start with http:// or https://"
        )
    # Defaults for a new claim.
    if not partial:
        out.setdefault("status", None)
        out["status"] = out["status"] or Status.CLAIMED
        out["precision"] = out.get("precision") or Precision.SETTLEMENT
        out["time_precision"] = out.get("time_precision") or TimePrecision.DAY
    for key in ("status", "precision", "time_precision"):
        if key in out and out[key] is None:
            raise InvalidInputError(f"{key} cannot be empty")
    missing = [
        k
        for k in REQUIRED_FIELDS
        if (not partial and out.get(k) is None) or (partial and k in out and out[k] is None)
    ]
    if missing:
        raise InvalidInputError(f"missing required field(s): {', '.join(missing)}")
    return out


@dataclass(frozen=True, slots=True)
class Claim:
    """A dated, sourced, geocoded claim: who (`claimant`) says whose forces (`side`) did what
    (`action`) where (`name`, `lat`, `lon`, `place_id`) and when (`event_date`)."""

    id: str
    event_date: date
    name: str
    lat: float
    lon: float
    side: Side
    action: Action
    claimant: str
    status: Status = Status.CLAIMED
    precision: Precision = Precision.SETTLEMENT
    time_precision: TimePrecision = TimePrecision.DAY
    reported_at: date | None = None
    place_id: str | None = None
    source_name: str | None = None
    source_url: str | None = None
    quote: str | None = None
    report_id: str | None = None
    notes: str | None = None
    created_by: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 1
    deleted_at: datetime | None = None

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    def to_dict(self) -> dict:
        """The stable JSON shape (ISO dates, plain strings and ints) used by CLI and exports:
        every field, in the dataclass's order."""
        return _claim_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Claim:
        """Inverse of `to_dict` (also accepts already-typed values)."""
        values = dict(data)
        for key, parse in _PARSE_TEXT.items():
            if isinstance(values.get(key), str):
                values[key] = parse(values[key])
        for key, enum_type in CLAIM_ENUMS.items():
            if values.get(key) is not None:
                values[key] = enum_type(values[key])
        return cls(**{k: v for k, v in values.items() if k in CLAIM_FIELDS})


# Every claim field, in the dataclass's order: the one list the store's row mapping, the
# exports and the history records are derived from.
CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))
# How `from_dict` reads the ISO text of the date and time fields, found by their annotations.
_PARSE_TEXT = {
    f.name: datetime.fromisoformat if f.type.startswith("datetime") else date.fromisoformat
    for f in fields(Claim)
    if f.type.split(" ")[0] in ("date", "datetime")
}


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _json_expression(f) -> str:
    """How `to_dict` writes one field: enums as their values, dates and times as ISO text."""
    attribute = f"claim.{f.name}"
    if f.name in CLAIM_ENUMS:
        return f"{attribute}.value"
    if f.type in ("date", "datetime"):
        return f"{attribute}.isoformat()"
    if f.type in ("date | None", "datetime | None"):
        return f"_iso({attribute})"
    return attribute


_claim_to_dict = compile_function(
    "to_dict",
    "def to_dict(claim):\n    return "
    + dict_literal([(f.name, _json_expression(f)) for f in fields(Claim)])
    + "\n",
    {"_iso": _iso},
)


def check_claim_id(claim_id: object | None) -> str:
    """A claim id as canonical UUID text; a new random one for None."""
    if claim_id is None:
        return str(uuid.uuid4())
    try:
        return str(uuid.UUID(str(claim_id)))
    except ValueError:
        raise InvalidInputError(f"claim id {claim_id!r} is not a UUID") from None


@dataclass(frozen=True, slots=True)
class Report:
    """An ingested report text; `sha256` of its normalised text makes a second ingest a no-op."""

    id: str
    text: str
    sha256: str
    published: date | None = None
    source_name: str | None = None
    source_url: str | None = None
    language: str | None = None
    created_by: str | None = None
    created_at: datetime | None = None

    def to_dict(self) -> dict:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        for key in ("published", "created_at"):
            if out[key] is not None:
                out[key] = out[key].isoformat()
        return out
