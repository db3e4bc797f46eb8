"""A local HTTP server on 127.0.0.1 that speaks like DeepStateMap's history API and an ArcGIS
feature service, serving data the tests generate."""

from __future__ import annotations

import json
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

from tests.support.local_http import LocalHTTPServer

Route = Callable[[dict[str, str]], tuple[int, object]]


class ProviderServer(LocalHTTPServer):
    """`routes[path]` is (status, JSON-able body) or a function of the query parameters
    returning that; `delays[path]` seconds are slept before answering. `hits` counts paths."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.delays: dict[str, float] = {}
        self.hits: Counter[str] = Counter()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(parts.query))
                server.hits[parts.path] += 1
                time.sleep(server.delays.get(parts.path, 0))
                route = server.routes.get(parts.path)
                if route is None:
                    status, body = 404, {"message": "not found"}
                else:
                    status, body = route(query) if callable(route) else route
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def log_message(self, *args) -> None:
                pass

        super().__init__(Handler)


def ring(lon: float, lat: float, size: float, z: bool = False) -> list:
    """A closed square ring, counter-clockwise, optionally with a third coordinate."""
    corners = [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)]
    corners.append(corners[0])
    return [[x, y, 0.0] if z else [x, y] for x, y in corners]


def deepstate_map(*, crs: bool = True) -> dict:
    """A map as DeepStateMap publishes it: 3D positions, multipart polygons, names in
    '<uk> ///<en>///' form, units as points, a joke polygon far outside Ukraine."""
    features = [
        {
            "type": "Feature",
            "properties": {"name": "Окупована територія ///Occupied///Оккупировано"},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[ring(37.0, 47.5, 0.5, z=True)], [ring(38.0, 48.2, 0.4, z=True)]],
            },
        },
        {
            "type": "Feature",
            "properties": {"name": "ОРДЛО ///CADR and CALR///ОРДЛО"},
            "geometry": {"type": "Polygon", "coordinates": [ring(38.3, 48.0, 0.6, z=True)]},
        },
        {
            "type": "Feature",
            "properties": {"name": "Звільнено ///Liberated///Освобождено"},
            "geometry": {"type": "Polygon", "coordinates": [ring(32.0, 46.8, 0.3, z=True)]},
        },
        {
            "type": "Feature",
            "properties": {"name": "Окуповано ///Occupied East Prussia///"},
            "geometry": {"type": "Polygon", "coordinates": [ring(20.5, 54.4, 0.5, z=True)]},
        },
        {
            "type": "Feature",
            "properties": {"name": "3 мсбр ///3rd brigade///"},
            "geometry": {"type": "Point", "coordinates": [37.6, 47.9, 0.0]},
        },
        {
            "type": "Feature",
            "properties": {"name": "Напрямок ///Direction///"},
            "geometry": {"type": "LineString", "coordinates": [[37.0, 47.0, 0], [37.5, 47.2, 0]]},
        },
    ]
    collection: dict = {"type": "FeatureCollection", "features": features}
    if crs:
        collection["crs"] = {
            "type": "name",
            "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"},
        }
    return collection


DEEPSTATE_OCCUPIED = [  # the occupied polygons of deepstate_map(), as (lon, lat, size)
    (37.0, 47.5, 0.5),
    (38.0, 48.2, 0.4),
    (38.3, 48.0, 0.6),  # overlaps the one before: counted once
]


def deepstate_history() -> list[dict]:
    return [
        {"id": 1764700000, "datetime": "2025-12-02T18:26:40Z", "description": "…"},
        {"id": 1764792000, "datetime": "2025-12-03T20:00:00Z", "description": "…"},
        {"id": 1767200000, "datetime": "2025-12-31T17:33:20Z", "description": "…"},
    ]


def arcgis_layer(squares: list[tuple[float, float, float]], edit_ms: int, page: int) -> Route:
    """An ArcGIS query endpoint (f=geojson) serving one feature per square, `page` per answer,
    saying `exceededTransferLimit` the way f=geojson does (in `properties`)."""

    def route(query: dict[str, str]) -> tuple[int, object]:
        if query.get("f") != "geojson" or query.get("where") != "1=1":
            return 200, {"error": {"code": 400, "message": "Invalid query parameters"}}
        offset = int(query.get("resultOffset", 0))
        chosen = squares[offset : offset + page]
        features = [
            {
                "type": "Feature",
                "id": offset + i + 1,
                "properties": {"OBJECTID": offset + i + 1, "EditDate": edit_ms},
                "geometry": {"type": "Polygon", "coordinates": [ring(lon, lat, size)]},
            }
            for i, (lon, lat, size) in enumerate(chosen)
        ]
        body: dict = {"type": "FeatureCollection", "features": features}
        if offset + page < len(squares):
            body["properties"] = {"exceededTransferLimit": True}
        return 200, body

    return route
