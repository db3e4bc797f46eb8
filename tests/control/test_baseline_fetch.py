"""`tracker baseline fetch deepstate|isw` against a local server speaking their formats."""

from __future__ import annotations

import json
from datetime import date

import pytest
import shapely
from click.testing import CliRunner
from shapely.geometry import Polygon

from tests.support.provider_server import (
    DEEPSTATE_OCCUPIED,
    ProviderServer,
    arcgis_layer,
    deepstate_history,
    deepstate_map,
    ring,
)
from tracker.cli import main
from tracker.control import geodesic_area_km2
from tracker.control.fetch import LICENCES
from tracker.store import Store


def union_area(squares) -> float:
    return geodesic_area_km2(shapely.union_all([Polygon(ring(*s)) for s in squares]))


@pytest.fixture
def server():
    with ProviderServer() as s:
        yield s


@pytest.fixture
def db(tmp_path):
    return f"sqlite:///{tmp_path / 'fetch.db'}"


def invoke(db, *args):
    return CliRunner().invoke(main, ["baseline", "fetch", *args, "--db", db])


def baselines(db):
    with Store(db) as store:
        return store.baselines()


def serve_deepstate(server, map_body=None, status=200):
    server.routes["/api/history/public"] = (200, deepstate_history())
    server.routes["/api/history/1764792000/geojson"] = (status, map_body or deepstate_map())


def test_deepstate_for_a_date_takes_the_newest_map_before_it(server, db, isolated_data_dir):
    serve_deepstate(server)
    result = invoke(db, "deepstate", "--date", "2025-12-30", "--url", server.url, "--json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    expected = union_area(DEEPSTATE_OCCUPIED)  # Liberated, the joke and points left out
    assert info["area_km2"] == pytest.approx(expected, abs=1e-3)
    assert info["date"] == "2025-12-03" and info["side"] == "RU"
    assert info["coverage"] == "country"
    assert info["licence"] == LICENCES["deepstate"] and "CC BY-NC-SA 4.0" in info["licence"]
    assert info["source_url"] == f"{server.url}/api/history/1764792000/geojson"
    assert info["from_cache"] is False
    assert str(isolated_data_dir) in info["cache_file"]
    (record,) = baselines(db)
    assert (record.day, record.coverage, record.licence) == (
        date(2025, 12, 3),
        "country",
        LICENCES["deepstate"],
    )
    geometry = shapely.geometry.shape(json.loads(record.geometry))
    assert not shapely.has_z(geometry)
    assert geodesic_area_km2(geometry) == pytest.approx(expected, rel=1e-9)
    # Asked again: the map comes from the cache, the list is asked again.
    again = invoke(db, "deepstate", "--date", "2025-12-30", "--url", server.url, "--json")
    assert json.loads(again.output)["from_cache"] is True
    assert server.hits["/api/history/1764792000/geojson"] == 1
    assert server.hits["/api/history/public"] == 2


def test_deepstate_shows_its_licence_to_the_user(server, db):
    serve_deepstate(server)
    result = invoke(db, "deepstate", "--date", "2025-12-03", "--url", server.url)
    assert result.exit_code == 0, result.output
    assert "Licence: DeepStateMap (deepstatemap.live) data, CC BY-NC-SA 4.0" in result.output
    assert "covers whole country" in result.output


def test_deepstate_newest_map(server, db):
    server.routes["/api/history/last"] = (
        200,
        {"id": 1767200000, "datetime": "2025-12-31T17:33:20Z", "map": deepstate_map(crs=False)},
    )
    info = json.loads(invoke(db, "deepstate", "--url", server.url, "--json").output)
    assert info["date"] == "2025-12-31"
    assert info["area_km2"] == pytest.approx(union_area(DEEPSTATE_OCCUPIED), abs=1e-3)


def test_deepstate_before_its_first_map_is_a_clear_error(server, db):
    serve_deepstate(server)
    result = invoke(db, "deepstate", "--date", "2025-01-01", "--url", server.url)
    assert result.exit_code == 2
    assert "no map on or before 2025-01-01 (the first is of 2025-12-02)" in result.output
    assert baselines(db) == []


FAILURES = {
    "http error": (503, deepstate_map(), "answered HTTP 503"),
    "not json": (200, b"<html>maintenance</html>", "did not send JSON"),
    "changed schema": (200, {"layers": []}, "its format may have changed"),
    "no occupied polygon": (
        200,
        {"type": "FeatureCollection", "features": deepstate_map()["features"][2:]},
        "no polygon named Occupied",
    ),
    "bad coordinates": (
        200,
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": "///Occupied///"},
                    "geometry": {
                        "type": "Polygon",
                        "coordinates": [[[37, 47], [37.5, 47], [37.5, 95], [37, 47]]],
                    },
                }
            ],
        },
        "latitude 95 is outside -90..90",
    ),
    "projected crs": (
        200,
        {**deepstate_map(), "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}},
        "is not WGS 84",
    ),
}


@pytest.mark.parametrize("case", list(FAILURES))
def test_deepstate_failures_write_nothing(server, db, isolated_data_dir, case):
    status, body, message = FAILURES[case]
    serve_deepstate(server, body, status)
    result = invoke(db, "deepstate", "--date", "2025-12-30", "--url", server.url)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert baselines(db) == []
    assert not list((isolated_data_dir / "baselines").glob("*.json"))  # nothing cached


def test_a_history_list_that_changed_shape_is_a_clear_error(server, db):
    server.routes["/api/history/public"] = (200, {"items": deepstate_history()})
    result = invoke(db, "deepstate", "--date", "2025-12-30", "--url", server.url)
    assert result.exit_code == 2
    assert "history list is not a list of {id, datetime} entries" in result.output


def test_a_closed_history_list_says_what_still_works(server, db):
    server.routes["/api/history/public"] = (403, {"message": "Forbidden"})
    result = invoke(db, "deepstate", "--date", "2025-12-30", "--url", server.url)
    assert result.exit_code == 2
    assert "HTTP 403" in result.output and "fetch its newest map (no --date)" in result.output
    assert baselines(db) == []


def test_a_slow_server_times_out(server, db):
    serve_deepstate(server)
    server.delays["/api/history/public"] = 3
    result = invoke(
        db, "deepstate", "--date", "2025-12-30", "--url", server.url, "--timeout", "0.3"
    )
    assert result.exit_code == 2
    assert "did not answer within 0.3 s" in result.output
    assert baselines(db) == []


def test_an_unreachable_server_is_a_clear_error(db):
    with ProviderServer() as gone:
        url = gone.url
    result = invoke(db, "deepstate", "--url", url)
    assert result.exit_code == 2
    assert "cannot reach DeepStateMap" in result.output


# -- ISW/CTP -------------------------------------------------------------------------------------

CONTROL = [(36.0 + 0.3 * i, 47.0, 0.25) for i in range(7)]  # seven polygons, three pages
PRE_2022 = [(34.0, 45.0, 0.8), (33.0, 45.2, 0.5)]
EDIT_MS = 1767139200000  # 2025-12-31T00:00:00Z


def serve_isw(server, control=CONTROL):
    server.routes["/isw/FeatureServer/49/query"] = arcgis_layer(control, EDIT_MS, page=3)
    server.routes["/isw/FeatureServer/36/query"] = arcgis_layer(PRE_2022, EDIT_MS - 10**9, 5)
    return f"{server.url}/isw/FeatureServer/49 {server.url}/isw/FeatureServer/36"


def test_isw_follows_the_paging_of_every_layer(server, db):
    urls = serve_isw(server)
    result = invoke(db, "isw", "--url", urls, "--json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["polygons"] == len(CONTROL) + len(PRE_2022)
    assert info["area_km2"] == pytest.approx(union_area(CONTROL + PRE_2022), abs=1e-3)
    assert info["date"] == "2025-12-31"  # the newest EditDate, in Kyiv
    assert "ISW" in info["licence"] and "written consent" in info["licence"]
    assert server.hits["/isw/FeatureServer/49/query"] == 3
    assert server.hits["/isw/FeatureServer/36/query"] == 1
    assert len(baselines(db)) == 1


def test_isw_error_answers_write_nothing(server, db):
    server.routes["/isw/FeatureServer/49/query"] = (
        200,
        {"error": {"code": 498, "message": "Invalid token.", "details": []}},
    )
    result = invoke(db, "isw", "--url", f"{server.url}/isw/FeatureServer/49")
    assert result.exit_code == 2
    assert "refused the query" in result.output and "498 Invalid token." in result.output
    assert baselines(db) == []


def test_a_hostile_error_message_stays_one_inert_line(server, db):
    hostile = "Bad\n\x1b[31mred\u202e ![x](http://evil.test/a.png) <script>alert(1)</script>"
    server.routes["/isw/FeatureServer/49/query"] = (
        200,
        {"error": {"code": 400, "message": hostile}},
    )
    result = invoke(db, "isw", "--url", f"{server.url}/isw/FeatureServer/49")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "Bad [31mred ![x]" in result.output  # shown as text, control characters gone


def test_isw_paging_that_never_ends_is_refused(server, db):
    server.routes["/isw/FeatureServer/49/query"] = (
        200,
        {"type": "FeatureCollection", "features": [], "exceededTransferLimit": True},
    )
    result = invoke(db, "isw", "--url", f"{server.url}/isw/FeatureServer/49")
    assert result.exit_code == 2
    assert "says more features follow but sent none" in result.output


def test_isw_has_no_history(server, db):
    result = invoke(db, "isw", "--date", "2025-12-01", "--url", f"{server.url}/x")
    assert result.exit_code == 2
    assert "keeps only its current layer" in result.output
