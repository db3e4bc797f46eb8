"""geopy-compatible geocoders: the offline gazetteer, and an opt-in cached Nominatim fallback.

`GazetteerGeocoder` speaks geopy's interface (`geocode(query, exactly_one=True)` returning
`geopy.location.Location` with the place record as `raw`), so it drops into any geopy code.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from tracker.errors import GeocoderServiceError, InvalidInputError, NotFoundError
from tracker.gazetteer import (
    CHOICE_POOL,
    Candidate,
    Gazetteer,
    MatchReason,
    choose,
    data_dir,
    default_gazetteer,
)
from tracker.model import PlaceKind, check_coordinates
from tracker.names import fold, validate_name

USER_AGENT_ENV = "TRACKER_NOMINATIM_USER_AGENT"
ONLINE_SCORE = 0.5  # an online answer has no evidence behind it but the name


def location_from_candidate(candidate: Candidate) -> Location:
    place = candidate.place
    address = ", ".join(part for part in (place.name, place.admin1, place.country) if part)
    return Location(address, (place.lat, place.lon), candidate.to_dict())


class OnlineGeocoder:
    """Nominatim behind a one-request-per-second RateLimiter and a persistent cache.

    Off by default: the user opts in and names a user agent, as Nominatim's usage policy asks.
    A name (found or not) is never asked twice: answers are cached in a JSON file.
    """

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str = "https",
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
        cache_path: Path | None = None,
    ) -> None:
        user_agent = user_agent or os.environ.get(USER_AGENT_ENV)
        if not user_agent:
            raise InvalidInputError(
                f"the online geocoder needs a user agent naming your project: set {USER_AGENT_ENV}"
            )
        self.nominatim = Nominatim(
            user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout
        )
        self._rate_limited = RateLimiter(
            self.nominatim.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )
        self.cache_path = cache_path or data_dir() / "nominatim-cache.json"
        self._cache: dict[str, list[dict]] = self._read_cache()
        self._lock = threading.Lock()
        self.requests_made = 0

    def _read_cache(self) -> dict[str, list[dict]]:
        try:
            return json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {}

    def _write_cache(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.cache_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._cache, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.cache_path)

    def geocode(self, query: str, *, exactly_one: bool = True, country_codes=None):
        query = validate_name(query)
        key = f"{fold(query)}|{country_codes or ''}"
        with self._lock:
            if key not in self._cache:
                try:
                    answer = self._rate_limited(
                        query, exactly_one=False, limit=5, country_codes=country_codes
                    )
                except GeopyError as exc:
                    raise GeocoderServiceError(f"online geocoder failed: {exc}") from exc
                self.requests_made += 1
                self._cache[key] = [loc.raw for loc in answer or []]
                self._write_cache()
            raws = self._cache[key]
        locations = [_location_from_nominatim(raw) for raw in raws]
        if not locations:
            return None
        return locations[0] if exactly_one else locations


def _location_from_nominatim(raw: dict) -> Location:
    """A Location whose raw has the same keys as an offline candidate, plus Nominatim's."""
    lat, lon = check_coordinates(raw["lat"], raw["lon"])
    record = {
        "id": f"nominatim:{raw.get('osm_type', '?')}/{raw.get('osm_id', '?')}",
        "geonameid": None,
        "name": raw.get("name") or raw.get("display_name", "").split(",")[0],
        "lat": lat,
        "lon": lon,
        "country": None,
        "admin1_code": None,
        "admin1": None,
        "population": 0,
        "kind": str(PlaceKind.SETTLEMENT),
        "score": ONLINE_SCORE,
        "reason": "online",
        "nominatim": raw,
    }
    return Location(raw.get("display_name", record["name"]), (lat, lon), record)


class GazetteerGeocoder(Geocoder):
    """The offline gazetteer as a geopy geocoder; optional online fallback for unknown names."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        fallback: OnlineGeocoder | None = None,
        user_agent: str = "frontline-tracker",
    ) -> None:
        super().__init__(user_agent=user_agent)
        self.gazetteer = gazetteer or default_gazetteer()
        self.fallback = fallback

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        near: tuple[float, float] | None = None,
        admin1: str | None = None,
        country: str | None = None,
        timeout=None,
    ):
        """Locations for `query`, best first (None when nothing matches). With
        `exactly_one`, None too when the name is ambiguous (homonyms of the same standing far
        apart, `choose`): a wrong place is worse than none."""
        candidates = self.gazetteer.candidates(
            query,
            near=near,
            admin1=admin1,
            country=country,
            limit=CHOICE_POOL if exactly_one else limit or 10,
        )
        if not candidates:
            if self.fallback is not None:
                codes = [country.lower()] if country else None
                return self.fallback.geocode(query, exactly_one=exactly_one, country_codes=codes)
            return None
        if exactly_one:
            chosen, _ = choose(candidates, query)
            return location_from_candidate(chosen) if chosen else None
        return [location_from_candidate(c) for c in candidates]

    def reverse(self, query, *, exactly_one: bool = True, limit: int = 5, timeout=None):
        """The settlements nearest to a (lat, lon) point."""
        try:
            lat, lon = query
        except (TypeError, ValueError):
            raise InvalidInputError("reverse geocoding takes a (lat, lon) pair") from None
        nearest = self.gazetteer.nearest(lat, lon, limit=limit, kind=PlaceKind.SETTLEMENT)
        if not nearest:
            raise NotFoundError("the gazetteer is empty")
        locations = [
            location_from_candidate(Candidate(place, 1.0, MatchReason.NEAREST, distance))
            for place, distance in nearest
        ]
        return locations[0] if exactly_one else locations
