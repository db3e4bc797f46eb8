"""The geopy-compatible geocoders: offline gazetteer, and the cached Nominatim fallback
exercised against a local HTTP server that answers in Nominatim's JSON."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from tracker.errors import GeocoderServiceError, InvalidInputError, InvalidNameError
from tracker.geocode import GazetteerGeocoder, OnlineGeocoder


@pytest.fixture(scope="module")
def geocoder(gazetteer) -> GazetteerGeocoder:
    return GazetteerGeocoder(gazetteer)


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


def test_geocode_returns_a_location_with_the_place_record(geocoder):
    location = geocoder.geocode("Koupiansk")
    assert isinstance(location, Location)
    assert location.raw["geonameid"] == 703656
    assert location.raw["reason"] == "variant"
    assert location.address == "Kupiansk, Kharkiv Oblast, UA"
    assert (round(location.latitude, 3), round(location.longitude, 3)) == (49.71, 37.616)


def test_geocode_many(geocoder):
    locations = geocoder.geocode("Kostiantynivka", exactly_one=False, limit=5)
    assert len(locations) == 5
    assert [loc.raw["score"] for loc in locations] == sorted(
        (loc.raw["score"] for loc in locations), reverse=True
    )
    hinted = geocoder.geocode("Kostiantynivka", admin1="Zaporizhzhia Oblast")
    assert hinted.raw["admin1"] == "Zaporizhzhia Oblast"


def test_works_inside_geopy_tooling(geocoder):
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert limited("Часів Яр").raw["geonameid"] == 710915


def test_unknown_name_without_fallback_is_none(geocoder):
    assert geocoder.geocode("Qwzxvbnmplk") is None


def test_bad_name_raises(geocoder):
    with pytest.raises(InvalidNameError):
        geocoder.geocode("   ")


def test_reverse(geocoder):
    location = geocoder.reverse((49.709, 37.616))
    assert location.raw["geonameid"] == 703656
    assert location.raw["distance_km"] < 1
    with pytest.raises(InvalidInputError):
        geocoder.reverse("north of Kupiansk")


# -- online fallback ---------------------------------------------------------------------------


class FakeNominatim(BaseHTTPRequestHandler):
    """Answers /search like Nominatim; records each request for the assertions."""

    requests: ClassVar[list[dict]] = []
    mode = "ok"

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        type(self).requests.append(
            {
                "q": query.get("q", [""])[0],
                "ua": self.headers.get("User-Agent"),
                "at": time.monotonic(),
                "path": urlparse(self.path).path,
            }
        )
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        if self.mode == "garbage":
            body = b"<html>not json"
        elif query.get("q", [""])[0] == "Nowhere At All":
            body = b"[]"
        else:
            body = json.dumps(
                [
                    {
                        "place_id": 1,
                        "osm_type": "node",
                        "osm_id": 42,
                        "lat": "48.1234",
                        "lon": "37.5678",
                        "name": query["q"][0],
                        "display_name": f"{query['q'][0]}, Donetsk Oblast, Ukraine",
                        "type": "village",
                    }
                ]
            ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def nominatim():
    FakeNominatim.requests = []
    FakeNominatim.mode = "ok"
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def online(domain, tmp_path, **kwargs) -> OnlineGeocoder:
    return OnlineGeocoder(
        user_agent="frontline-tracker-tests",
        domain=domain,
        scheme="http",
        cache_path=tmp_path / "cache.json",
        **kwargs,
    )


def test_fallback_asks_nominatim_only_for_unknown_names(gazetteer, nominatim, tmp_path):
    geocoder = GazetteerGeocoder(gazetteer, fallback=online(nominatim, tmp_path))
    assert geocoder.geocode("Kupiansk").raw["geonameid"] == 703656
    assert FakeNominatim.requests == []
    location = geocoder.geocode("Zolota Nyva Khutir")
    assert location.raw["id"] == "nominatim:node/42"
    assert (location.latitude, location.longitude) == (48.1234, 37.5678)
    assert location.raw["reason"] == "online"
    assert [r["q"] for r in FakeNominatim.requests] == ["Zolota Nyva Khutir"]
    assert FakeNominatim.requests[0]["ua"] == "frontline-tracker-tests"
    assert FakeNominatim.requests[0]["path"] == "/search"


def test_a_name_is_never_asked_twice(nominatim, tmp_path):
    first = online(nominatim, tmp_path, min_delay_seconds=0)
    first.geocode("Zolota Nyva Khutir")
    first.geocode("zolota  nyva khutir")  # same name, other case and spacing
    assert first.geocode("Nowhere At All") is None
    assert first.geocode("Nowhere At All") is None  # a miss is cached too
    assert len(FakeNominatim.requests) == 2
    second = online(nominatim, tmp_path, min_delay_seconds=0)  # cache survives restarts
    assert second.geocode("Zolota Nyva Khutir").raw["id"] == "nominatim:node/42"
    assert len(FakeNominatim.requests) == 2


def test_rate_limited_to_one_request_per_second(nominatim, tmp_path):
    geocoder = online(nominatim, tmp_path)
    geocoder.geocode("Village One")
    geocoder.geocode("Village Two")
    first, second = FakeNominatim.requests
    assert second["at"] - first["at"] >= 0.95


@pytest.mark.parametrize("mode", ["error", "garbage"])
def test_service_failures_are_clear_errors(nominatim, tmp_path, mode):
    FakeNominatim.mode = mode
    geocoder = online(nominatim, tmp_path, min_delay_seconds=0)
    with pytest.raises(GeocoderServiceError, match="online geocoder failed"):
        geocoder.geocode("Village Three")
    assert not (tmp_path / "cache.json").exists()  # failures are not cached


def test_user_agent_is_required(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_NOMINATIM_USER_AGENT", raising=False)
    with pytest.raises(InvalidInputError, match="TRACKER_NOMINATIM_USER_AGENT"):
        OnlineGeocoder(cache_path=tmp_path / "c.json")


def test_exactly_one_is_none_for_homonyms_the_hint_cannot_separate(geocoder):
    assert geocoder.geocode("Myrne", admin1="Kharkiv Oblast") is None
    every = geocoder.geocode("Myrne", admin1="Kharkiv Oblast", exactly_one=False)
    assert len(every) >= 3 and {loc.raw["admin1"] for loc in every} == {"Kharkiv Oblast"}
    near = geocoder.geocode("Myrne", admin1="Kharkiv Oblast", near=(49.71, 37.62))
    assert near.raw["raion"] == "Kupianskyi Raion"
