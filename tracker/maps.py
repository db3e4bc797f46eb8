"""Folium map builders. Every text that reaches a popup or tooltip is escaped here."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from functools import lru_cache

import folium

from tracker.gazetteer import GEODATA_DIR
from tracker.model import Place

UKRAINE_CENTRE = (48.8, 33.5)
LIGHT_TILES = (
    "https://server.arcgisonline.com/ArcGIS/rest/services/Canvas/"
    "World_Light_Gray_Base/MapServer/tile/{z}/{y}/{x}"
)
LIGHT_ATTRIBUTION = "Tiles &copy; Esri, HERE, Garmin, &copy; OpenStreetMap contributors"


@lru_cache(maxsize=1)
def regions_geojson() -> dict:
    return json.loads((GEODATA_DIR / "regions.geojson").read_text(encoding="utf-8"))


def base_map(center: tuple[float, float] = UKRAINE_CENTRE, zoom: int = 6) -> folium.Map:
    """OpenStreetMap and a light alternative, with the oblasts drawn as vectors so the map
    stays readable when tiles cannot load."""
    fmap = folium.Map(location=center, zoom_start=zoom, tiles=None, control_scale=True)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(fmap)
    folium.TileLayer(LIGHT_TILES, attr=LIGHT_ATTRIBUTION, name="Light grey").add_to(fmap)
    regions = {
        "type": "FeatureCollection",
        "features": [f for f in regions_geojson()["features"] if not f["properties"]["parts"]],
    }
    folium.GeoJson(
        regions,
        name="Oblast boundaries",
        style_function=lambda _: {"color": "#555", "weight": 1, "fill": False},
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
    ).add_to(fmap)
    return fmap


def place_label(place: Place) -> str:
    parts = [place.name, place.admin1 or "", place.country]
    return html.escape(" · ".join(p for p in parts if p))


def place_map(chosen: Place, others: Sequence[Place] = ()) -> folium.Map:
    """The chosen place in red; the other candidates as grey dots."""
    fmap = base_map(center=chosen.point, zoom=8)
    group = folium.FeatureGroup(name="Candidates")
    for place in others:
        if place.id == chosen.id:
            continue
        folium.CircleMarker(
            place.point,
            radius=5,
            color="#666",
            fill=True,
            tooltip=folium.Tooltip(place_label(place)),
        ).add_to(group)
    folium.Marker(
        chosen.point,
        tooltip=folium.Tooltip(place_label(chosen)),
        popup=folium.Popup(place_label(chosen)),
        icon=folium.Icon(color="red", icon="location-dot", prefix="fa"),
    ).add_to(group)
    group.add_to(fmap)
    folium.LayerControl().add_to(fmap)
    return fmap
