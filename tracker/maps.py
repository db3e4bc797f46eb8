"""Folium map builders. Every text that reaches a popup or tooltip is escaped here."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from functools import lru_cache

import folium

from tracker import data_files
from tracker.model import Place

UKRAINE_CENTRE = (48.8, 33.5)
LIGHT_TILES = (
    "https://server.arcgisonline.com/ArcGIS/rest/services/Canvas/"
    "World_Light_Gray_Base/MapServer/tile/{z}/{y}/{x}"
)
LIGHT_ATTRIBUTION = "Tiles &copy; Esri, HERE, Garmin, &copy; OpenStreetMap contributors"


@lru_cache(maxsize=1)
def regions_geojson() -> dict:
    return json.loads(data_files.geodata("regions.geojson").read_text(encoding="utf-8"))


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


# ---------------------------------------------------------------------------------------------
# Claim layers

SIDE_COLOURS = {"RU": "red", "UA": "blue"}  # awesome-markers palette names
SIDE_HEX = {"RU": "#d63e2a", "UA": "#38aadd"}
ACTION_ICONS = {
    "advance": "arrow-right",
    "capture": "flag",
    "control": "shield-halved",
    "attack": "burst",
    "repel": "hand",
    "withdraw": "arrow-left",
    "strike": "bomb",
}
STATUS_ICON_COLOURS = {
    "claimed": "#ffffff",
    "confirmed": "#7CFC00",
    "disputed": "#ffd700",
    "refuted": "#222222",
}
FADED_OPACITY = 0.4


def _value(claim, key: str):
    value = claim[key] if isinstance(claim, dict) else getattr(claim, key)
    return getattr(value, "value", value)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (no javascript: or data: links in popups)."""
    if url and str(url).strip().lower().startswith(("http://", "https://")):
        return str(url).strip()
    return None


def claim_popup_html(claim) -> str:
    """The popup of one claim: every value escaped; the source link only when http(s)."""
    e = html.escape

    def text(key: str) -> str:
        value = _value(claim, key)
        return "" if value is None else e(str(value))

    rows = [
        f"<b>{text('name')}</b> · {text('event_date')}",
        f"{text('side')} {text('action')} · <i>{text('status')}</i>",
        f"Claimant: {text('claimant')}",
    ]
    if _value(claim, "quote"):
        rows.append(f"<blockquote style='margin:4px 0'>“{text('quote')}”</blockquote>")
    source = text("source_name")
    url = safe_url(_value(claim, "source_url"))
    if url:
        label = source or e(url)
        rows.append(
            f'Source: <a href="{e(url, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer">{label}</a>'
        )
    elif source:
        rows.append(f"Source: {source}")
    return "<br>".join(rows)


def claim_tooltip(claim) -> str:
    return html.escape(
        f"{_value(claim, 'name')} · {_value(claim, 'event_date')} · "
        f"{_value(claim, 'side')} {_value(claim, 'action')}"
    )


def claim_marker(claim, *, faded: bool = False) -> folium.Marker:
    """A marker coloured by side, with an icon by action, its icon colour by status."""
    side, action, status = _value(claim, "side"), _value(claim, "action"), _value(claim, "status")
    icon = folium.Icon(
        color=SIDE_COLOURS.get(side, "gray"),
        icon=ACTION_ICONS.get(action, "circle"),
        icon_color=STATUS_ICON_COLOURS.get(status, "#ffffff"),
        prefix="fa",
    )
    return folium.Marker(
        (_value(claim, "lat"), _value(claim, "lon")),
        icon=icon,
        tooltip=folium.Tooltip(claim_tooltip(claim)),
        popup=folium.Popup(claim_popup_html(claim), max_width=360),
        opacity=FADED_OPACITY if faded else 1.0,
    )


def claims_layer(
    claims, *, highlight_since=None, name: str = "Claims", cluster: bool = True
) -> folium.FeatureGroup:
    """A feature group of claim markers (clustered when dense). Claims whose event date is
    before `highlight_since` are drawn faded."""
    group = folium.FeatureGroup(name=name)
    target = group
    if cluster:
        from folium.plugins import MarkerCluster

        target = MarkerCluster(
            name=name, disableClusteringAtZoom=10, spiderfyOnMaxZoom=True, control=False
        )
        target.add_to(group)
    for claim in claims:
        event_date = _value(claim, "event_date")
        faded = highlight_since is not None and str(event_date) < str(highlight_since)
        claim_marker(claim, faded=faded).add_to(target)
    return group


# ---------------------------------------------------------------------------------------------
# Control areas and the frontline

CONTROL_STYLES = {
    "RU": {"fillColor": "#d63e2a", "color": "#a3281a", "fillOpacity": 0.35, "weight": 1},
    "UA": {"fillColor": "#38aadd", "color": "#1f6f99", "fillOpacity": 0.10, "weight": 1},
    "contested": {"fillColor": "#f0a020", "color": "#b06f00", "fillOpacity": 0.5, "weight": 1},
}
FRONTLINE_STYLE = {"color": "#111111", "weight": 3, "opacity": 0.9}
CONTROL_LAYER_NAMES = {
    "RU": "Control: RU",
    "UA": "Control: UA",
    "contested": "Control: contested",
}
FRONTLINE_LAYER_NAME = "Frontline"
# The claimed-only layer (claims not confirmed), hatched apart from assessed control as ISW
# draws claimed ground. `hatch` is the stripe colour; the map builds SVG patterns from it.
CLAIMED_STYLES = {
    f"claimed-{side}": {
        "fillColor": f"url(#hatch-{side})",
        "color": style["color"],
        "fillOpacity": 1,
        "weight": 1,
        "dashArray": "4 3",
        "hatch": style["fillColor"],
    }
    for side, style in CONTROL_STYLES.items()
}
CLAIMED_LAYER_NAMES = {
    "claimed-RU": "Claimed only: RU",
    "claimed-UA": "Claimed only: UA",
    "claimed-contested": "Claimed only: contested",
}
UNKNOWN_LEGEND = "unknown (no claim, no baseline): not coloured"


def _feature_tooltip() -> folium.GeoJsonTooltip:
    # `label` is escaped when the feature is made (tracker.dashboard.control_data).
    return folium.GeoJsonTooltip(fields=["label"], labels=False)


def control_layers(areas: dict, frontline: dict | None = None) -> list[folium.FeatureGroup]:
    """One feature group per side (RU, UA, contested) and one for the frontline, from
    `areas_geojson` / `frontline_geojson` collections. A group is there even when its side
    holds nothing, so the layer control keeps the same entries as the date changes. The
    paths carry the classes `control-area control-<side>` and `frontline`."""
    by_side = {f["properties"]["side"]: f for f in areas.get("features", [])}
    groups = []
    for side, name in CONTROL_LAYER_NAMES.items():
        group = folium.FeatureGroup(name=name)
        feature = by_side.get(side)
        if feature is not None:
            style = {**CONTROL_STYLES[side], "className": f"control-area control-{side}"}
            props = feature["properties"]
            feature = {**feature, "properties": {**props, "label": props.get("label", side)}}
            folium.GeoJson(
                {"type": "FeatureCollection", "features": [feature]},
                style_function=lambda _, style=style: style,
                tooltip=_feature_tooltip(),
            ).add_to(group)
        groups.append(group)
    group = folium.FeatureGroup(name=FRONTLINE_LAYER_NAME)
    lines = [
        f
        for f in (frontline or {}).get("features", [])
        if f.get("geometry") and f["geometry"].get("coordinates")
    ]
    if lines:
        style = {**FRONTLINE_STYLE, "className": "frontline"}
        lines = [
            {**f, "properties": {**f["properties"], "label": f["properties"].get("label", "")}}
            for f in lines
        ]
        folium.GeoJson(
            {"type": "FeatureCollection", "features": lines},
            style_function=lambda _, style=style: style,
            tooltip=_feature_tooltip(),
        ).add_to(group)
    groups.append(group)
    return groups


class _Legend(folium.MacroElement):
    """A fixed legend control in the map's bottom-left corner."""

    _template = None  # set below (jinja2 Template)

    def __init__(self, html_text: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.html_text = html_text


def legend_html(window_days: int | None = None) -> str:
    items = [
        f"<span style='color:{SIDE_HEX['RU']}'>●</span> RU forces",
        f"<span style='color:{SIDE_HEX['UA']}'>●</span> UA forces",
    ]
    icons = " ".join(
        f"<i class='fa fa-{icon}'></i>&nbsp;{action}" for action, icon in ACTION_ICONS.items()
    )
    status = " ".join(
        f"<span style='background:#888;color:{colour};padding:0 3px'>■</span>&nbsp;{name}"
        for name, colour in STATUS_ICON_COLOURS.items()
    )
    faded = (
        f"<br>Faded: older than the last {window_days} day(s)"
        if window_days is not None
        else "<br>Faded: older than the highlighted window"
    )
    return (
        "<div class='tracker-legend' style='background:rgba(255,255,255,.9);padding:6px 8px;"
        "border-radius:4px;font:12px sans-serif;max-width:260px;line-height:1.5'>"
        f"<b>Claims</b><br>{' &nbsp; '.join(items)}<br>{icons}<br>Icon colour: {status}"
        f"{faded}<br><b>Control</b> "
        + " ".join(
            f"<span style='background:{CONTROL_STYLES[side]['fillColor']};opacity:.7'>"
            f"&nbsp;&nbsp;&nbsp;</span>&nbsp;{side}"
            for side in CONTROL_STYLES
        )
        + " <span style='border-top:3px solid #111;display:inline-block;width:14px;"
        "vertical-align:middle'></span>&nbsp;frontline</div>"
    )


def add_legend(fmap: folium.Map, window_days: int | None = None) -> folium.Map:
    from jinja2 import Template

    legend = _Legend(legend_html(window_days))
    legend._template = Template(
        """{% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: 'bottomleft'});
            legend.onAdd = function () {
                var div = L.DomUtil.create('div');
                div.innerHTML = {{ this.html_text|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}"""
    )
    legend.add_to(fmap)
    return fmap


def claims_map(claims=(), *, highlight_since=None, window_days: int | None = None) -> folium.Map:
    """The whole map in one piece (base, legend, claims, layer control): for standalone HTML
    and tests. The dashboard sends the claims layer separately (`claims_layer`)."""
    fmap = add_legend(base_map(), window_days)
    claims_layer(claims, highlight_since=highlight_since).add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    return fmap
