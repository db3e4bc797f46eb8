"""Folium maps: the standalone HTML map of claims and control areas (`claims_map`,
`standalone_html`) and the small place maps of the dashboard's forms. The dashboard's claims
map is drawn in the browser (tracker/dashboard/claims_map_web/); both draw with the styles of
`tracker.map_styles`. Every text that reaches a popup or tooltip is escaped here, once."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from functools import lru_cache

import folium

from tracker import data_files
from tracker.map_styles import (
    ACTION_ICONS,
    CONTROL_LAYER_NAMES,
    CONTROL_STYLES,
    FADED_OPACITY,
    FRONTLINE_LAYER_NAME,
    FRONTLINE_STYLE,
    LEGEND,
    LIGHT_TILES,
    OTHER_COLOUR,
    PLACE_STYLES,
    REGION_OUTLINE_STYLE,
    SIDE_COLOURS,
    SIDE_MARKER_COLOURS,
    STATUS_COLOURS,
    UKRAINE_CENTRE,
    ZOOM,
)
from tracker.model import Place
from tracker.untrusted import safe_url


@lru_cache(maxsize=1)
def regions_geojson() -> dict:
    return json.loads(data_files.geodata("regions.geojson").read_text(encoding="utf-8"))


def base_map(center: tuple[float, float] = UKRAINE_CENTRE, zoom: int = ZOOM) -> folium.Map:
    """OpenStreetMap and a light alternative, with the oblasts drawn as vectors so the map
    stays readable when tiles cannot load."""
    fmap = folium.Map(location=center, zoom_start=zoom, tiles=None, control_scale=True)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(fmap)
    folium.TileLayer(
        LIGHT_TILES["url"], attr=LIGHT_TILES["attribution"], name=LIGHT_TILES["name"]
    ).add_to(fmap)
    regions = {
        "type": "FeatureCollection",
        "features": [f for f in regions_geojson()["features"] if not f["properties"]["parts"]],
    }
    folium.GeoJson(
        regions,
        name="Oblast boundaries",
        style_function=lambda _: REGION_OUTLINE_STYLE,
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
    ).add_to(fmap)
    return fmap


def place_label(place: Place) -> str:
    parts = [place.name, place.admin1 or "", place.country]
    return html.escape(" · ".join(p for p in parts if p))


def place_map(chosen: Place, others: Sequence[Place] = ()) -> folium.Map:
    """The chosen place as a marker; the other candidates as dots (PLACE_STYLES)."""
    fmap = base_map(center=chosen.point, zoom=8)
    group = folium.FeatureGroup(name="Candidates")
    for place in others:
        if place.id == chosen.id:
            continue
        folium.CircleMarker(
            place.point, **PLACE_STYLES["candidate"], tooltip=folium.Tooltip(place_label(place))
        ).add_to(group)
    folium.Marker(
        chosen.point,
        tooltip=folium.Tooltip(place_label(chosen)),
        popup=folium.Popup(place_label(chosen)),
        icon=folium.Icon(**PLACE_STYLES["chosen"], prefix="fa"),
    ).add_to(group)
    group.add_to(fmap)
    folium.LayerControl().add_to(fmap)
    return fmap


# ---------------------------------------------------------------------------------------------
# Claim layers


def _value(claim, key: str):
    value = claim[key] if isinstance(claim, dict) else getattr(claim, key)
    return getattr(value, "value", value)


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
        color=SIDE_MARKER_COLOURS.get(side, "gray"),
        icon=ACTION_ICONS.get(action, "circle"),
        icon_color=STATUS_COLOURS.get(status, STATUS_COLOURS["claimed"]),
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


def _feature_tooltip() -> folium.GeoJsonTooltip:
    # folium puts a tooltip field in the page as HTML: `label` is escaped by `_escaped_label`.
    return folium.GeoJsonTooltip(fields=["label"], labels=False)


def _escaped_label(feature: dict, default: str = "") -> dict:
    """The feature with its plain-text `label` escaped for folium's HTML tooltip."""
    props = feature.get("properties") or {}
    label = html.escape(str(props.get("label", default)))
    return {**feature, "properties": {**props, "label": label}}


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
            folium.GeoJson(
                {"type": "FeatureCollection", "features": [_escaped_label(feature, side)]},
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
        folium.GeoJson(
            {"type": "FeatureCollection", "features": [_escaped_label(f) for f in lines]},
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
    """The legend of the standalone map, from the same styles and words as the browser's."""
    e = html.escape
    items = [
        f"<span style='color:{colour}'>●</span> {e(LEGEND['side'].format(side=side))}"
        for side, colour in SIDE_COLOURS.items()
    ]
    icons = " ".join(
        f"<i class='fa fa-{icon}'></i>&nbsp;{action}" for action, icon in ACTION_ICONS.items()
    )
    status = " ".join(
        f"<span style='background:{OTHER_COLOUR};color:{colour};padding:0 3px'>■</span>&nbsp;{name}"
        for name, colour in STATUS_COLOURS.items()
    )
    faded = (
        f"<br>Faded: older than the last {window_days} day(s)"
        if window_days is not None
        else "<br>Faded: older than the highlighted window"
    )
    line = FRONTLINE_STYLE
    return (
        "<div class='tracker-legend' style='background:rgba(255,255,255,.9);padding:6px 8px;"
        "border-radius:4px;font:12px sans-serif;max-width:260px;line-height:1.5'>"
        f"<b>{e(LEGEND['claims'])}</b><br>{' &nbsp; '.join(items)}<br>{icons}<br>"
        f"{e(LEGEND['status'])}{status}{faded}<br><b>{e(LEGEND['control'])}</b> "
        + " ".join(
            f"<span style='background:{style['fillColor']};opacity:.7'>"
            f"&nbsp;&nbsp;&nbsp;</span>&nbsp;{side}"
            for side, style in CONTROL_STYLES.items()
        )
        + f" <span style='border-top:{line['weight']}px solid {line['color']};"
        "display:inline-block;width:14px;vertical-align:middle'></span>"
        f"&nbsp;{e(LEGEND['frontline'])}</div>"
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


def standalone_html(claims=(), *, highlight_since=None, window_days: int | None = None) -> str:
    """The standalone map as one HTML document (Leaflet from the public CDNs folium names)."""
    return (
        claims_map(claims, highlight_since=highlight_since, window_days=window_days)
        .get_root()
        .render()
    )
