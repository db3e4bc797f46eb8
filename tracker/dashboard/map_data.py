"""What the map page sends to the browser, cached per store state: the claims of a selection
as columns and a gzipped payload, the control areas of a date and the oblasts as gzipped
GeoJSON. The encoding itself is `tracker.map_payload` (no Streamlit)."""

from __future__ import annotations

import contextlib
import hashlib
import html
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import streamlit as st

from tracker import map_cache, map_payload
from tracker.dashboard import resources
from tracker.dashboard.map_component import file_url, publish, published


@dataclass(frozen=True, eq=False)
class Selection:
    """The claims matching the page's filters (every date), as columns and as the payload
    the browser draws from; shared read-only by every session."""

    columns: map_payload.ClaimColumns
    payload: bytes
    digest: str
    _positions: dict[str, int] = field(default_factory=dict, repr=False)

    def position(self, claim_id: str | None) -> int | None:
        """The claim's index in the payload (what a click in the browser names)."""
        if claim_id is None:
            return None
        if not self._positions:
            self._positions.update((cid, i) for i, cid in enumerate(self.columns.ids))
        return self._positions.get(claim_id)


@st.cache_resource(show_spinner="Preparing the claims for the map…", max_entries=16)
def selection(url: str, filters: tuple, rev: int) -> Selection:
    """`filters` are the store query keywords without a date (sorted (key, value) pairs)."""
    # The whole store (what a first visitor opens) is also kept on disk per revision, so a
    # restarted server does not rebuild it (tracker.map_cache; prepared at start by `warm`).
    saved = map_cache.load_claims(url, rev) if not filters else None
    if saved is not None:
        columns, payload = saved
    else:
        records = resources.store(url).claim_records(**dict(filters))
        columns, payload = map_cache.build_claims(records, _region_shapes())
        if not filters:
            with contextlib.suppress(OSError):  # a read-only folder: no cache, no harm
                map_cache.save_claims(url, rev, columns, payload)
    return Selection(columns, payload, map_payload.digest(payload))


def claims_url(sel: Selection) -> str:
    return publish("claims", sel.digest, sel.payload, suffix="bin.gz")


@st.cache_data(show_spinner=False, max_entries=256)
def _control_file(url: str, counting: str, day: str, key: tuple) -> tuple[str, bytes]:
    payload = resources.control_day(url, counting, day, key)

    def plain_labels(collection: dict) -> dict:
        # The labels were escaped for folium's HTML tooltips; the map sets them as text.
        features = []
        for f in collection.get("features", []):
            props = dict(f.get("properties") or {})
            if "label" in props:
                props["label"] = html.unescape(str(props["label"]))
            features.append({**f, "properties": props})
        return {**collection, "features": features}

    body = map_payload.gzip_json(
        {
            "date": payload["date"],
            # Positions are already rounded to map_payload.DIGITS (resources.control_day).
            "areas": plain_labels(payload["areas"]),
            "frontline": plain_labels(payload["frontline"]),
            # Set as text by the map (no baseline: what the picture is and is not).
            "notice": payload.get("notice"),
        }
    )
    return map_payload.digest(body), body


def control_url(url: str, counting: str, day: str, key: tuple) -> str:
    """Where the control areas of a date will be (named by what they are computed from, so
    the map can be sent before they are: it fetches them once `publish_control` has run)."""
    return file_url("control", _control_name(url, counting, day, key))


def publish_control(url: str, counting: str, day: str, key: tuple) -> None:
    name = _control_name(url, counting, day, key)
    if not published("control", name):  # (often prepared in the background already)
        _, body = _control_file(url, counting, day, key)
        publish("control", name, body)


_PREFETCH = ThreadPoolExecutor(max_workers=1, thread_name_prefix="control-prefetch")
_PREFETCHING: set[tuple] = set()
_PREFETCH_LOCK = threading.Lock()


def prefetch_control(url: str, counting: str, days: list[str], key: tuple) -> None:
    """Prepare the control files of other dates in the background (the day before and after
    the slider's: a step or play then finds them ready). One worker; repeats are skipped."""

    def work(job: tuple) -> None:
        with contextlib.suppress(Exception):  # a failed guess costs nothing: the page computes
            publish_control(*job)
        with _PREFETCH_LOCK:
            _PREFETCHING.discard(job)

    for day in days:
        job = (url, counting, day, key)
        with _PREFETCH_LOCK:
            if job in _PREFETCHING or published("control", _control_name(*job)):
                continue
            _PREFETCHING.add(job)
        _PREFETCH.submit(work, job)


def _control_name(url: str, counting: str, day: str, key: tuple) -> str:
    return hashlib.sha256(repr((url, counting, day, key)).encode()).hexdigest()[:20]


@st.cache_resource(show_spinner=False)
def _region_shapes() -> list:
    return map_cache.region_shapes()


@st.cache_resource(show_spinner=False)
def _regions_file() -> tuple[str, bytes]:
    features = map_cache.map_regions()
    body = map_payload.gzip_json(
        map_payload.compact_geojson({"type": "FeatureCollection", "features": features})
    )
    return map_payload.digest(body), body


def regions_url() -> str:
    digest, body = _regions_file()
    return publish("regions", digest, body)


def recent_positions(sel: Selection, as_of, limit: int) -> np.ndarray:
    """Positions of the newest `limit` claims visible as of the date, newest first."""
    return np.flatnonzero(sel.columns.shown(as_of))[-limit:][::-1]
