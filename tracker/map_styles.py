"""How the maps draw things, in one place: side and status colours, action symbols, control
areas, the frontline, region-level claims, the oblasts, the legend and the layer names.

The browser map gets `browser_style()` with its arguments and draws from it alone (its
JavaScript restates none of these values); the folium maps and the dashboard's charts read
the same constants. No Streamlit, no folium.
"""

from __future__ import annotations

import copy

from tracker.model import Action, Precision, Side, Status

# Where the maps open and their base layers (the oblasts are drawn as vectors over them).
UKRAINE_CENTRE = (48.8, 33.5)
ZOOM = 6
OSM_TILES = {
    "name": "OpenStreetMap",
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": "&copy; OpenStreetMap contributors",
}
LIGHT_TILES = {
    "name": "Light grey",
    "url": "https://server.arcgisonline.com/ArcGIS/rest/services/Canvas/"
    "World_Light_Gray_Base/MapServer/tile/{z}/{y}/{x}",
    "attribution": "Tiles &copy; Esri, HERE, Garmin, &copy; OpenStreetMap contributors",
}
TILES: list[dict] = [OSM_TILES, LIGHT_TILES]

SIDES: tuple[str, ...] = tuple(s.value for s in Side)
ACTIONS: tuple[str, ...] = tuple(a.value for a in Action)
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)

# Whose forces: the marker's fill, the region-level claim's outline, the charts' lines.
SIDE_COLOURS: dict[str, str] = {"RU": "#d63e2a", "UA": "#38aadd"}
OTHER_COLOUR = "#888888"  # a side outside the vocabulary (and clusters' remainder)
UNKNOWN_COLOUR = "#999999"  # ground no claim or baseline decides (charts only: not drawn)
# folium's awesome-markers take palette names, not hex colours (standalone HTML only).
SIDE_MARKER_COLOURS: dict[str, str] = {"RU": "red", "UA": "blue"}

# The action's symbol on the marker. The browser draws the named shape; folium uses the
# Font Awesome icon of the same meaning.
ACTION_SYMBOLS: dict[str, str] = {
    "advance": "arrow-right",
    "capture": "flag",
    "control": "shield",
    "attack": "burst",
    "repel": "bar",
    "withdraw": "arrow-left",
    "strike": "cross",
}
ACTION_ICONS: dict[str, str] = {
    "advance": "arrow-right",
    "capture": "flag",
    "control": "shield-halved",
    "attack": "burst",
    "repel": "hand",
    "withdraw": "arrow-left",
    "strike": "bomb",
}
# The status is the colour of the action's symbol.
STATUS_COLOURS: dict[str, str] = {
    "claimed": "#ffffff",
    "confirmed": "#7CFC00",
    "disputed": "#ffd700",
    "refuted": "#222222",
    # The review queue: shown only when asked for (a separate, dimmed layer).
    "proposed": "#c8c8c8",
    "rejected": "#555555",
}
FADED_OPACITY = 0.4  # claims older than the highlighted days
# The review queue's proposals, when shown: a layer of their own under the claims, dimmed.
PROPOSALS_STYLE: dict = {"opacity": 0.35}
# A claim backed by more than one independent claimant: one ring per further claimant.
SOURCE_RINGS: dict = {"color": "#111111", "width": 1.5, "gap": 3, "max": 3}

MARKER = {
    "radius": 8,  # px
    "outline": "rgba(0,0,0,0.55)",
    "outline_width": 1.5,
    "selected": "#111111",  # the ring around the selected claim
    "cluster_face": "rgba(255,255,255,0.92)",
    "cluster_text": "#222222",
}

# Control areas (assessed: baselines and confirmed claims) and the frontline.
CONTROL_STYLES: dict[str, dict] = {
    "RU": {"fillColor": SIDE_COLOURS["RU"], "color": "#a3281a", "fillOpacity": 0.35, "weight": 1},
    "UA": {"fillColor": SIDE_COLOURS["UA"], "color": "#1f6f99", "fillOpacity": 0.10, "weight": 1},
    "contested": {"fillColor": "#f0a020", "color": "#b06f00", "fillOpacity": 0.5, "weight": 1},
}
FRONTLINE_STYLE: dict = {"color": "#111111", "weight": 3, "opacity": 0.9}
# The claimed-only layer (claims not confirmed), hatched apart from assessed control as ISW
# draws claimed ground. `hatch` is the stripe colour; the map builds SVG patterns from it.
CLAIMED_STYLES: dict[str, dict] = {
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

# The oblasts, drawn as vectors so the map reads without tiles.
REGION_OUTLINE_STYLE: dict = {"color": "#555555", "weight": 1, "fill": False}

# The place maps (place search): the chosen place and the other candidates.
PLACE_STYLES: dict[str, dict] = {
    "chosen": {"color": "red", "icon": "location-dot"},  # awesome-markers palette, FA icon
    "candidate": {"radius": 5, "color": "#666666", "fill": True},
}

# How a claim is drawn by its precision (ACLED geo_precision): a marker at its point, or
# its region (dashed outline and a light fill in the side's colour of the newest claim).
PRECISION_STYLES: dict[int, dict] = {
    Precision.SETTLEMENT: {"draw": "marker"},
    Precision.NEAR: {"draw": "marker"},
    Precision.REGION: {"draw": "region", "weight": 3, "dashArray": "8 5", "fillOpacity": 0.12},
}


def drawn_as_region(precision) -> bool:
    """Whether a claim of this precision is drawn as its region rather than a marker."""
    style = PRECISION_STYLES.get(int(precision or Precision.SETTLEMENT))
    return style is not None and style["draw"] == "region"


CONTROL_LAYER_NAMES: dict[str, str] = {
    "RU": "Control: RU",
    "UA": "Control: UA",
    "contested": "Control: contested",
}
CLAIMED_LAYER_NAMES: dict[str, str] = {
    "claimed-RU": "Claimed only: RU",
    "claimed-UA": "Claimed only: UA",
    "claimed-contested": "Claimed only: contested",
}
FRONTLINE_LAYER_NAME = "Frontline"
LAYER_NAMES: dict = {
    "claims": "Claims",
    "regions": "Oblast boundaries",
    "region_claims": "Region-level claims",
    "control": [
        [key, name] for key, name in {**CONTROL_LAYER_NAMES, **CLAIMED_LAYER_NAMES}.items()
    ],
    "frontline": FRONTLINE_LAYER_NAME,
}

# The legend's words (plain text: the browser sets them as text).
LEGEND: dict[str, str] = {
    "claims": "Claims",
    "side": "{side} forces",
    "status": "Symbol colour: ",
    "faded": "Faded: older than the highlighted days. Numbers: claims grouped (zoom in, or click).",
    "sources": "ringed: one ring per further independent claimant",
    "proposals": "dimmed: proposals (review queue; not counted)",
    "region_claim": "region-level claim (drawn as the region)",
    "control": "Control ",
    "unknown": "unknown (no claim, no baseline): not coloured",
    "frontline": "frontline",
}


def control_colour(side: str) -> str:
    """The fill of a control side (RU, UA, contested), or the unknown colour."""
    style = CONTROL_STYLES.get(side)
    return style["fillColor"] if style else UNKNOWN_COLOUR


def chart_colours(domain: list[str]) -> list[str]:
    """Colours for a chart's side domain (RU, UA, contested, unknown), as on the map."""
    return [control_colour(side) for side in domain]


def browser_style() -> dict:
    """Everything the browser map draws with, as JSON-ready data (lists follow the claims
    payload's vocabularies: index k of `side_colours` is the colour of side code k, and the
    last entry the colour of a side outside the vocabulary). A copy: callers may change it."""
    style = {
        "sides": list(SIDES),
        "actions": list(ACTIONS),
        "statuses": list(STATUSES),
        "side_colours": [*(SIDE_COLOURS[s] for s in SIDES), OTHER_COLOUR],
        "action_symbols": [ACTION_SYMBOLS[a] for a in ACTIONS],
        "status_colours": [STATUS_COLOURS[s] for s in STATUSES],
        "faded_opacity": FADED_OPACITY,
        "proposals": dict(PROPOSALS_STYLE),
        "source_rings": dict(SOURCE_RINGS),
        "marker": dict(MARKER),
        "control": {**CONTROL_STYLES, **CLAIMED_STYLES},
        "frontline": dict(FRONTLINE_STYLE),
        "regions": dict(REGION_OUTLINE_STYLE),
        "region_claim": {
            k: v for k, v in PRECISION_STYLES[Precision.REGION].items() if k != "draw"
        },
        "legend": dict(LEGEND),
        "unknown_colour": OTHER_COLOUR,
        "layer_names": LAYER_NAMES,
    }
    return copy.deepcopy(style)
