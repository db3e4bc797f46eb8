"""Value types shared by the gazetteer, the store and the front ends."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from tracker.errors import InvalidCoordinatesError


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

    `id` is `geonames:<geonameid>` for GeoNames records, `custom:<uuid>` for places analysts
    add, `region:<slug>` for composite regions such as Donbas.
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


class Precision(IntEnum):
    """ACLED geo_precision."""

    SETTLEMENT = 1  # in the settlement itself
    NEAR = 2  # near it, or a part of it
    REGION = 3  # somewhere in a region


class TimePrecision(IntEnum):
    DAY = 1
    WEEK = 2
    MONTH = 3
