"""DeepStateMap (deepstatemap.live): its published map for a date, from the public history API.

- `GET {base}/api/history/public`: the list of published maps, `[{"id": <epoch s>,
  "datetime": "...", ...}, ...]`;
- `GET {base}/api/history/{id}/geojson`: one map, a FeatureCollection (positions with a third
  coordinate, Points and LineStrings for units and arrows, polygons named
  "<Ukrainian> ///<English>///..." — "Occupied", "Occupied Crimea", "CADR and CALR");
- `GET {base}/api/history/last`: the newest, `{"id", "datetime", "map": FeatureCollection}`.

The occupied polygons inside Ukraine are merged into one RU-held whole-country layer.
DeepStateMap publishes its data under CC BY-NC-SA 4.0: attribution, non-commercial use,
share-alike. Nothing of it is shipped with this project; fetched maps are cached locally.
"""

from __future__ import annotations

import os
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

BASE_URL = "https://deepstatemap.live"
BASE_URL_ENV = "TRACKER_DEEPSTATE_URL"
LICENCE = (
    "DeepStateMap (deepstatemap.live) data, CC BY-NC-SA 4.0: credit DeepStateMap, "
    "non-commercial use only, share adaptations alike"
)
WHAT = "DeepStateMap"
OCCUPIED_WORDS = ("occupied", "cadr", "calr", "окупован", "ордло")


def base_url(url: str | None = None) -> str:
    return (url or os.environ.get(BASE_URL_ENV) or BASE_URL).rstrip("/")


def _entry_date(entry: dict) -> date | None:
    raw = entry.get("datetime") or entry.get("createdAt")
    if isinstance(raw, str):
        try:
            moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None:
            return kyiv_date(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    ident = entry.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool) and 0 < ident < 10**11:
        return kyiv_date(datetime.fromtimestamp(ident, UTC))
    return None


def choose_map(entries: object, day: date) -> tuple[int, date]:
    """The id and date of the newest published map dated on or before `day`."""
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("id"), int) for e in entries
    ):
        raise BaselineFetchError(
            f"{WHAT}'s history list is not a list of {{id, datetime}} entries; its format may "
            "have changed; nothing was written"
        )
    dated = [(d, e["id"]) for e in entries if (d := _entry_date(e)) is not None]
    if not dated:
        raise BaselineFetchError(f"{WHAT}'s history list has no dated map; nothing was written")
    before = [x for x in dated if x[0] <= day]
    if not before:
        first = min(dated)[0]
        raise BaselineFetchError(
            f"{WHAT} has no map on or before {day.isoformat()} (the first is of "
            f"{first.isoformat()}); nothing was written"
        )
    chosen_day, ident = max(before)
    return ident, chosen_day


def occupied_layer(data: object, *, what: str = WHAT) -> tuple[object, int]:
    """The merged occupied polygons inside Ukraine of one DeepStateMap map."""
    collection = data.get("map", data) if isinstance(data, dict) else data
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        raise BaselineFetchError(
            f"{what} sent no FeatureCollection (expected 'features'); its format may have "
            "changed; nothing was written"
        )
    crs = collection.get("crs")
    chosen = []
    for feature in features:
        if not isinstance(feature, dict):
            continue
        geometry = feature.get("geometry")
        props = feature.get("properties") or {}
        if not isinstance(geometry, dict) or geometry.get("type") not in (
            "Polygon",
            "MultiPolygon",
        ):
            continue
        name = str(props.get("name", "")).lower() if isinstance(props, dict) else ""
        if any(word in name for word in OCCUPIED_WORDS) and within_ukraine(geometry):
            chosen.append(geometry)
    if not chosen:
        raise BaselineFetchError(
            f"{what} holds no polygon named Occupied, Occupied Crimea or CADR and CALR inside "
            "Ukraine; its format may have changed; nothing was written"
        )
    return merge_polygons(chosen, crs, what=what)


def fetch(
    day: date | None = None,
    *,
    url: str | None = None,
    timeout: float = http.DEFAULT_TIMEOUT,
    refresh: bool = False,
    progress: Progress = no_progress,
) -> FetchedLayer:
    """DeepStateMap's map of `day` (the newest on or before it), or the newest map."""
    base = base_url(url)
    if day is not None:
        progress(0.05, f"Asking {WHAT} for its list of maps…")
        try:
            entries = http.get_json(f"{base}/api/history/public", timeout=timeout, what=WHAT)
        except BaselineFetchError as exc:
            if "HTTP 401" in str(exc) or "HTTP 403" in str(exc):
                raise BaselineFetchError(
                    f"{exc}. DeepStateMap's list of maps needs an account now: fetch its newest "
                    "map (no --date), or import a downloaded file with `tracker baseline import`"
                ) from None
            raise
        ident, map_day = choose_map(entries, day)
        map_url = f"{base}/api/history/{ident}/geojson"
        body = None if refresh else http.read_cache("deepstate", str(ident))
        from_cache = body is not None
        if body is None:
            progress(0.3, f"Downloading {WHAT}'s map of {map_day.isoformat()}…")
            body = http.get_bytes(map_url, timeout=timeout, what=WHAT)
        data = http.parse_json(body, what=WHAT)
    else:
        progress(0.1, f"Downloading {WHAT}'s newest map…")
        map_url = f"{base}/api/history/last"
        body = http.get_bytes(map_url, timeout=timeout, what=WHAT)
        data = http.parse_json(body, what=WHAT)
        from_cache = False
        if not isinstance(data, dict) or not isinstance(data.get("id"), int):
            raise BaselineFetchError(
                f"{WHAT}'s newest map has no id; its format may have changed; nothing was written"
            )
        ident = data["id"]
        map_url = f"{base}/api/history/{ident}/geojson"
        map_day = _entry_date(data)
        if map_day is None:
            raise BaselineFetchError(f"{WHAT}'s newest map has no date; nothing was written")
    progress(0.7, "Checking and merging the occupied polygons…")
    geometry, polygons = occupied_layer(data)
    cache_file = http.write_cache("deepstate", str(ident), body)
    progress(0.9, "Recording the baseline…")
    return FetchedLayer(
        provider="deepstate",
        day=map_day,
        side="RU",
        geometry=geometry,
        source=f"DeepStateMap map {ident} of {map_day.isoformat()}",
        licence=LICENCE,
        source_url=map_url,
        cache_file=cache_file,
        from_cache=from_cache,
        polygons=polygons,
    )
