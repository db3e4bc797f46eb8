"""What the map page sends to the browser, cached per store state: the claims of a selection
as columns and a gzipped payload, the control areas of a date and the oblasts as gzipped
GeoJSON. The encoding itself is `tracker.map_payload` (no Streamlit)."""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import itertools
import threading
import time
from dataclasses import dataclass, field, replace

import numpy as np
import streamlit as st

from tracker import map_cache, map_grow, map_payload
from tracker.dashboard import resources
from tracker.dashboard.map_component import file_url, publish, published
from tracker.store import HistoryMark
from tracker.store.source_counts import independent_counts, with_counts


@dataclass(frozen=True, eq=False)
class Selection:
    """The claims matching the page's filters (every date), as columns and as the payload
    the browser draws from; shared read-only by every session. `mark` is the store's history
    as the columns reflect it (None: unknown, the next revision is read whole)."""

    columns: map_payload.ClaimColumns
    payload: bytes
    digest: str
    mark: HistoryMark | None = None
    _positions: dict[str, int] = field(default_factory=dict, repr=False)
    _counts: dict[tuple, tuple] = field(default_factory=dict, repr=False)

    def counts_as_of(self, as_of, since) -> tuple[int, int, object, int]:
        """(claims visible as of the date, of which dated since `since`, the first date among
        them, claims dated by then but reported later): what the count line says, asked by
        every open map every second, computed once per selection and dates."""
        key = (as_of, since)
        found = self._counts.get(key)
        if found is None:
            c = self.columns
            total, recent = c.counts(as_of, since)
            found = (total, recent, c.first_date(as_of), c.reported_later(as_of))
            if len(self._counts) > 64:
                self._counts.clear()
            self._counts[key] = found
        return found

    def position(self, claim_id: str | None) -> int | None:
        """The claim's index in the payload (what a click in the browser names)."""
        if claim_id is None:
            return None
        if not self._positions:
            self._positions.update((cid, i) for i, cid in enumerate(self.columns.ids))
        return self._positions.get(claim_id)


# Beyond this many claims written since, reading the selection again is as quick as growing.
GROW_LIMIT = 2_000
# The whole store's grown payload goes to disk (for a restarted server) at most this often.
SAVE_SECONDS = 30.0
LATEST_KEPT = 32  # selections kept to grow from (the whole store and recent filters)
_LATEST: dict[tuple[str, tuple], Selection] = {}
_LATEST_LOCK = threading.Lock()
_SAVED_AT: dict[str, float] = {}


@st.cache_resource(show_spinner="Preparing the claims for the map…", max_entries=16)
def selection(url: str, filters: tuple, rev: int) -> Selection:
    """`filters` are the store query keywords without a date (sorted (key, value) pairs).

    A new revision grows the previous one's columns by the claims written since
    (tracker.map_grow): a writer adding a claim every second no longer makes every selection
    be read and encoded whole again (~2 s at 100,000 claims)."""
    with _LATEST_LOCK:
        previous = _LATEST.get((url, filters))
    sel = _grown(url, filters, previous) if previous is not None else None
    if sel is None:
        sel = _built(url, filters, rev)
    with _LATEST_LOCK:
        latest = _LATEST.get((url, filters))
        if (
            latest is None
            or latest.mark is None
            or (sel.mark is not None and sel.mark.count >= latest.mark.count)
        ):
            _LATEST.pop((url, filters), None)
            _LATEST[(url, filters)] = sel
            while len(_LATEST) > LATEST_KEPT:  # the least recently refreshed go first
                _LATEST.pop(next(iter(_LATEST)))
    return sel


def _built(url: str, filters: tuple, rev: int) -> Selection:
    # The whole store (what a first visitor opens) is also kept on disk per revision, so a
    # restarted server does not rebuild it (tracker.map_cache; prepared at start by `warm`).
    saved = map_cache.load_claims_marked(url, rev) if not filters else None
    if saved is not None:
        columns, payload, mark = saved
        if columns.sources is None:  # saved without the source counts (tracker.warm)
            columns, payload = _with_sources(url, columns, payload)
            if mark is not None:  # kept with them: the next restart reads them as they are
                _save(url, rev, columns, payload, mark)
    else:
        store = resources.store(url)
        mark = store.history_mark()  # before the read: later writes are grown in again
        records = with_counts(store.claim_records(**dict(filters)), independent_counts(store))
        columns, payload = map_cache.build_claims(records, _region_shapes())
        if not filters:
            _save(url, rev, columns, payload, mark)
    return Selection(columns, payload, map_payload.digest(payload), mark)


def _grown(url: str, filters: tuple, previous: Selection) -> Selection | None:
    """The previous selection grown by the writes since, or None (read it whole)."""
    keys = {k for k, _ in filters}
    if previous.mark is None or previous.columns.created is None or keys & {"limit", "offset"}:
        return None
    store = resources.store(url)
    found = store.changes(previous.mark)
    if found is None:
        return None
    changed, mark = found
    if not changed:
        return previous
    if len(changed) > GROW_LIMIT:
        return None
    records = with_counts(
        store.claim_records(**dict(filters), ids=changed), independent_counts(store, changed)
    )
    try:
        columns = map_grow.grow(previous.columns, changed, records, _region_shapes())
    except map_grow.CannotGrow:
        return None
    payload = map_payload.encode(columns)
    if not filters and time.monotonic() - _SAVED_AT.get(url, 0.0) > SAVE_SECONDS:
        _save(url, mark.count, columns, payload, mark)
    return Selection(columns, payload, map_payload.digest(payload), mark)


def _with_sources(url: str, columns, payload: bytes) -> tuple:
    """Columns (and payload) with each claim's independent claimants; the payload changes only
    when some claim has more than one."""
    counts = independent_counts(resources.store(url))
    sources = np.fromiter(
        (min(map_payload.MAX_SOURCES, counts.get(i, 1)) for i in columns.ids),
        dtype=np.uint8,
        count=len(columns),
    )
    columns = replace(columns, sources=sources)
    return columns, (map_payload.encode(columns) if counts else payload)


def _save(url: str, rev: int, columns, payload: bytes, mark: HistoryMark) -> None:
    _SAVED_AT[url] = time.monotonic()
    with contextlib.suppress(OSError):  # a read-only folder: no cache, no harm
        map_cache.save_claims(url, rev, columns, payload, mark)


def claims_url(sel: Selection) -> str:
    return publish("claims", sel.digest, sel.payload, suffix="bin.gz")


@st.cache_data(show_spinner=False, max_entries=256)
def _control_file(url: str, counting: str, day: str, key: tuple) -> tuple[str, bytes]:
    payload = resources.control_day(url, counting, day, key)
    body = map_payload.gzip_json(
        {
            "date": payload["date"],
            # Positions are already rounded to map_payload.DIGITS (resources.control_day).
            # Labels are plain text: the map sets them as text.
            "areas": payload["areas"],
            "frontline": payload["frontline"],
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


# One background thread prepares control files, most urgent first: the dates next to a
# session's (its slider's next step; the newest request first), then the newest model's
# areas of dates an earlier model already answered (resources.control_day_key).
NEXT_STEP, NEWER_MODEL = 0, 1
_JOBS: list[tuple[int, int, tuple]] = []  # heap of (priority, -sequence, job)
_JOBS_CHANGED = threading.Condition()
_SEQUENCE = itertools.count()
_PREFETCHING: set[tuple] = set()  # queued or running
_WORKER: list[threading.Thread] = []


def prefetch_control(
    url: str, counting: str, days: list[str], key: tuple, *, priority: int = NEXT_STEP
) -> None:
    """Prepare the control files of other dates in the background (the day before and after
    the slider's: a step or play then finds them ready). One worker; repeats are skipped."""
    with _JOBS_CHANGED:
        for day in days:
            job = (url, counting, day, key)
            if job in _PREFETCHING or published("control", _control_name(*job)):
                continue
            _PREFETCHING.add(job)
            heapq.heappush(_JOBS, (priority, -next(_SEQUENCE), job))
        if not _WORKER:
            _WORKER.append(threading.Thread(target=_work, name="control-prefetch", daemon=True))
            _WORKER[0].start()
        _JOBS_CHANGED.notify_all()


def _work() -> None:
    while True:
        with _JOBS_CHANGED:
            while not _JOBS:
                _JOBS_CHANGED.wait()
            _, _, job = heapq.heappop(_JOBS)
        with contextlib.suppress(Exception):  # a failed guess costs nothing: the page computes
            publish_control(*job)
        with _JOBS_CHANGED:
            _PREFETCHING.discard(job)
            _JOBS_CHANGED.notify_all()


def prefetched(timeout: float | None = None) -> bool:
    """Wait until every control file asked for in the background is prepared (for tests)."""
    with _JOBS_CHANGED:
        return _JOBS_CHANGED.wait_for(lambda: not _PREFETCHING, timeout)


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
