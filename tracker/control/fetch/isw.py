"""ISW/CTP's assessed Russian control of terrain, from its public ArcGIS feature services.

Each layer is read with the ArcGIS REST query operation (`{layer}/query?where=1=1&f=geojson`),
page by page (`resultOffset`, `resultRecordCount`) while the answer says
`exceededTransferLimit` (top level, or in the FeatureCollection's `properties` as ArcGIS writes
it for f=geojson). ArcGIS reports errors inside a 200 answer (`{"error": {"code", "message"}}`).
The assessed-control layer and the pre-2022 layer are merged into one RU-held whole-country
layer, dated by the newest `EditDate` of its features.

ISW states its geodata is its property and may not be used without its written consent:
the licence recorded with the baseline says so, and nothing of it is shipped with this project.
"""

from __future__ import annotations

import hashlib
import os
import urllib.parse
from collections.abc import Sequence
from datetime import UTC, date, datetime

from tracker.control.fetch import http
from tracker.control.fetch.http import BaselineFetchError
from tracker.control.fetch.layers import (
    FetchedLayer,
    Progress,
    kyiv_date,
    merge_polygons,
    no_progress,
    within_ukraine,
)

SERVICES = "https://services5.arcgis.com/SaBe5HMtmnbqSWlu/arcgis/rest/services"
LAYER_URLS = (
    f"{SERVICES}/VIEW_RussiaCoTinUkraine_V3/FeatureServer/49",
    f"{SERVICES}/VIEW_Russian_controlled_Ukrainian_Territory_before_February_24_2022/FeatureServer/36",
)
LAYER_URLS_ENV = "TRACKER_ISW_LAYERS"  # space-separated layer URLs
LICENCE = (
    "ISW/CTP (Institute for the Study of War and AEI's Critical Threats Project) geodata: "
    "ISW's property, not to be used or republished without ISW's written consent"
)
WHAT = "ISW's feature service"
PAGE_SIZE = 1000
MAX_PAGES = 500


def layer_urls(urls: Sequence[str] | None = None) -> tuple[str, ...]:
    if urls:
        return tuple(u.rstrip("/") for u in urls)
    configured = os.environ.get(LAYER_URLS_ENV, "").split()
    return tuple(u.rstrip("/") for u in configured) or LAYER_URLS


def _query_url(layer: str, offset: int, page_size: int) -> str:
    params = {
        "where": "1=1",
        "outFields": "*",
        "returnGeometry": "true",
        "outSR": "4326",
        "f": "geojson",
        "resultOffset": str(offset),
        "resultRecordCount": str(page_size),
    }
    return f"{layer}/query?{urllib.parse.urlencode(params)}"


def _exceeded(page: dict) -> bool:
    props = page.get("properties") if isinstance(page.get("properties"), dict) else {}
    return bool(page.get("exceededTransferLimit") or props.get("exceededTransferLimit"))


def read_layer(
    layer: str,
    *,
    timeout: float = http.DEFAULT_TIMEOUT,
    page_size: int = PAGE_SIZE,
    progress: Progress = no_progress,
) -> list[dict]:
    """Every feature of one layer, following the service's paging."""
    features: list[dict] = []
    for page_number in range(MAX_PAGES):
        page = http.get_json(
            _query_url(layer, len(features), page_size), timeout=timeout, what=WHAT
        )
        if isinstance(page, dict) and isinstance(page.get("error"), dict):
            error = page["error"]
            code = http.server_text(error.get("code", "?"), 20)
            message = http.server_text(error.get("message", ""))
            raise BaselineFetchError(
                f"{WHAT} refused the query of {http.server_text(layer, 160)}: {code} "
                f"{message}".rstrip()
                + "; nothing was written"
            )
        batch = page.get("features") if isinstance(page, dict) else None
        if not isinstance(batch, list) or page.get("type") != "FeatureCollection":
            raise BaselineFetchError(
                f"{WHAT} answered {layer} with no GeoJSON FeatureCollection; its format may "
                "have changed; nothing was written"
            )
        features.extend(batch)
        progress(min(0.6, 0.1 + 0.05 * (page_number + 1)), f"{len(features)} features read…")
        if not _exceeded(page):
            return features
        if not batch:
            raise BaselineFetchError(
                f"{WHAT} says more features follow but sent none ({layer}); nothing was written"
            )
    raise BaselineFetchError(f"{WHAT} sent more than {MAX_PAGES} pages; nothing was written")


def _edit_date(features: list[dict]) -> date | None:
    stamps = []
    for feature in features:
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            continue
        for key, value in props.items():
            if key.lower() in ("editdate", "last_edited_date") and isinstance(value, int | float):
                stamps.append(value)
    if not stamps:
        return None
    return kyiv_date(datetime.fromtimestamp(max(stamps) / 1000, UTC))


def fetch(
    *,
    urls: Sequence[str] | None = None,
    timeout: float = http.DEFAULT_TIMEOUT,
    page_size: int = PAGE_SIZE,
    progress: Progress = no_progress,
    today: date | None = None,
) -> FetchedLayer:
    """The current ISW/CTP assessed-control layer (the service keeps no history)."""
    layers = layer_urls(urls)
    features: list[dict] = []
    for n, layer in enumerate(layers, start=1):
        progress(0.05, f"Reading ISW layer {n} of {len(layers)}…")
        features.extend(read_layer(layer, timeout=timeout, page_size=page_size, progress=progress))
    progress(0.7, "Checking and merging the polygons…")
    geometries = [
        f["geometry"]
        for f in features
        if isinstance(f, dict)
        and isinstance(f.get("geometry"), dict)
        and f["geometry"].get("type") in ("Polygon", "MultiPolygon")
        and within_ukraine(f["geometry"])
    ]
    if not geometries:
        raise BaselineFetchError(
            f"{WHAT} sent no polygon inside Ukraine ({len(features)} features); its format may "
            "have changed; nothing was written"
        )
    geometry, polygons = merge_polygons(geometries, None, what=WHAT)
    day = _edit_date(features) or today or datetime.now(UTC).date()
    import json

    body = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    key = f"{day.isoformat()}-{hashlib.sha256(' '.join(layers).encode()).hexdigest()[:8]}"
    cache_file = http.write_cache("isw", key, body)
    return FetchedLayer(
        provider="isw",
        day=day,
        side="RU",
        geometry=geometry,
        source=f"ISW/CTP assessed Russian control of {day.isoformat()}",
        licence=LICENCE,
        source_url=layers[0],
        cache_file=cache_file,
        from_cache=False,
        polygons=polygons,
    )
