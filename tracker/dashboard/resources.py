"""Long-lived objects shared by every session (loaded once per server process), and the
cached queries the pages make."""

from __future__ import annotations

import contextlib
import os
import threading
import time

import streamlit as st

from tracker import map_payload
from tracker.access import Identity, Role
from tracker.control.live import LiveControl
from tracker.gazetteer import Gazetteer, default_gazetteer
from tracker.store import Store
from tracker.workspace import Workspace


@st.cache_resource(show_spinner="Loading the gazetteer…")
def gazetteer() -> Gazetteer:
    """The base gazetteer, loaded once per process and never changed (custom places are
    read-only overlays over it: `store_gazetteer`)."""
    return default_gazetteer()


def db_url() -> str:
    """$TRACKER_DB, else the demo database in the user's data folder (`tracker demo` builds
    it; a first start without it builds it here)."""
    url = os.environ.get("TRACKER_DB")
    if url:
        return url
    from tracker import demo

    path = demo.default_path()
    url = demo.url_for(path)
    if not path.exists():
        _build_demo(str(path))
    return url


@st.cache_resource(show_spinner="Building the demo database from the sample reports…")
def _build_demo(path: str) -> dict:
    from pathlib import Path

    from tracker.demo.build import build_file

    return build_file(Path(path))


@st.cache_resource(show_spinner="Opening the database…")
def workspace(url: str | None = None) -> Workspace:
    """Shared by every session, read-only: writes go through `auth.writer_workspace`, which
    acts as the signed-in user (so a page that forgot to use it fails instead of writing
    anonymously)."""
    return Workspace(
        url or db_url(), identity=Identity("dashboard", Role.VIEWER), gazetteer=gazetteer()
    )


def store(url: str | None = None) -> Store:
    """The shared workspace's store (read-only, see `workspace`)."""
    return workspace(url).store


def store_gazetteer(url: str | None = None) -> Gazetteer:
    """The gazetteer with the store's custom places: a read-only overlay per revision of
    them, shared by every session (never changed while another session reads it)."""
    return workspace(url).gazetteer()


@st.cache_data(show_spinner=False, max_entries=256)
def places_named(url: str, text: str) -> tuple[str, ...] | None:
    """The places a search text names in any spelling (ids and names; see place_filter)."""
    from tracker.place_filter import places_named as named

    return named(store_gazetteer(url), text) or None


# How stale another analyst's write may look. Every cached query is keyed on the store's
# state; read on every rerun, a busy store (writers adding claims every second) would make
# every session rebuild every selection. A session's own writes refresh at once
# (`refresh_after_write`).
STATE_TTL_SECONDS = 2
# How often an idle map page asks whether the store changed (a cached answer, shared by every
# session): other analysts' claims reach it within STATE_TTL_SECONDS + WATCH_SECONDS.
WATCH_SECONDS = 1


@st.cache_data(ttl=STATE_TTL_SECONDS, show_spinner=False, max_entries=16)
def _store_state(url: str) -> tuple[int, tuple]:
    s = store(url)
    return s.history_count(), tuple(b.id for b in s.baselines())


# Control areas cost ~1 s per date to rebuild; they may trail other analysts' writes longer.
CONTROL_TTL_SECONDS = 30


@st.cache_data(ttl=CONTROL_TTL_SECONDS, show_spinner=False, max_entries=16)
def _control_state(url: str) -> tuple[int, tuple]:
    return _store_state(url)


def refresh_after_write() -> None:
    """Make this session's (and everyone's) next run see the store as it is now (control
    areas included: the next run waits for a model that has the write)."""
    _store_state.clear()
    _control_state.clear()
    with contextlib.suppress(Exception):
        url = db_url()
        _CONTROL_AT_LEAST[url] = _store_state(url)


def revision(url: str | None = None) -> int:
    """Changes whenever any claim is written (history is append-only): the cache key that
    makes cached query results fresh after a write (within STATE_TTL_SECONDS for others)."""
    return _store_state(url or db_url())[0]


@st.cache_data(show_spinner=False, max_entries=64)
def claim_records(url: str, filters: tuple, rev: int) -> list[dict]:
    """Claims as `to_dict()` records for `filters` (sorted (key, value) pairs)."""
    return store(url).claim_records(**dict(filters))


@st.cache_data(show_spinner=False, max_entries=64)
def count_claims(url: str, filters: tuple, rev: int) -> int:
    return store(url).count_claims(**dict(filters))


@st.cache_data(show_spinner=False, max_entries=8)
def date_range(url: str, rev: int) -> tuple[str, str] | None:
    """The first and last event date in the store (ISO), or None when it is empty."""
    records = store(url).claim_records()
    if not records:
        return None
    dates = [r["event_date"] for r in records]
    return min(dates), max(dates)


@st.cache_data(show_spinner=False, max_entries=8)
def claimants(url: str, rev: int) -> list[str]:
    return sorted({r["claimant"] for r in store(url).claim_records()})


# -- control areas -----------------------------------------------------------------------------
#
# One control model per database, kept up to date by tracker.control.live: a new revision is
# built once, in one background thread, from the claims written since; every session keeps
# the last finished model meanwhile, and the areas of a date an earlier model already
# answered while the newest model's are computed in the background (`control_day_key`).

READY_KEPT = 1024  # (url, counting, date)s whose computed keys are remembered
_READY: dict[tuple[str, str, str], list[tuple]] = {}  # -> keys of models computed for it
_READY_LOCK = threading.Lock()
SAVE_SECONDS = 30.0  # a computed date's areas go to disk (for a restart) at most this often
_SAVED_AT: dict[tuple[str, str], float] = {}
_CONTROL_AT_LEAST: dict[str, tuple] = {}  # url -> the store state a session's own write needs


def _older(key: tuple, needed: tuple | None) -> bool:
    """Whether a model of `key` misses what the store state `needed` has (a model read
    after that state may have more claims: it is not older)."""
    if needed is None:
        return False
    return key[0] < needed[0] or (key[0] == needed[0] and key[1] != needed[1])


@st.cache_resource(show_spinner=False)
def live_control(url: str) -> LiveControl:
    """The database's control model, shared by every session (tracker.control.live)."""
    return LiveControl(workspace(url))


def control_key(url: str | None = None) -> tuple:
    """The key of the control model the page uses: the last finished one. When the store
    (as read at most every CONTROL_TTL_SECONDS) has moved on, a new one is built in the
    background; only a session that just wrote waits for one. Before the first model is
    built: the store's state (a restarted server's first visitor finds that date's areas on
    disk, tracker.map_cache, and needs no model)."""
    url = url or db_url()
    live = live_control(url)
    current = live.current()
    if current is None:
        live.refresh_in_background()
        return _control_state(url)
    if _older(current.key, _CONTROL_AT_LEAST.get(url)):
        with st.spinner("Building the control areas…"):
            current = live.wait()
    elif _older(current.key, _control_state(url)):
        live.refresh_in_background()
    return current.key


def control_model(url: str, counting: str, key: tuple):
    """The control model of `key` for `counting`: the live one (or the one before it, or the
    one being built), else one built for that key alone."""
    live = live_control(url)
    version = live.version(key)
    if version is None and live.building:
        version = live.refresh_in_background().result()
        version = version if version.key == key else None
    if version is not None:
        return version.counted(counting)
    return _model_for(url, counting, key)


@st.cache_resource(show_spinner="Building the control areas…", max_entries=2)
def _model_for(url: str, counting: str, key: tuple):
    return workspace(url).control_model(counting=counting)


def _note_ready(url: str, counting: str, day: str, key: tuple) -> None:
    with _READY_LOCK:
        keys = _READY.setdefault((url, counting, day), [])
        if key not in keys:
            keys.append(key)
            del keys[:-3]
        while len(_READY) > READY_KEPT:
            _READY.pop(next(iter(_READY)))


def control_day_key(url: str, counting: str, day: str, key: tuple) -> tuple:
    """The key whose areas of `day` the page shows: the newest model's (`key`) when they are
    computed or no other model's are; else an earlier model's, already computed, while the
    newest model's are computed in the background (the next run shows them). A new model
    then never makes a session wait for a date an earlier one answered; a session that just
    wrote waits for its write."""
    with _READY_LOCK:
        ready = list(_READY.get((url, counting, day), ()))
    if key in ready:
        return key
    live = live_control(url)
    # The newest earlier model still kept (were its areas evicted, they are computed again
    # from it, not from a model built anew).
    kept = [k for k in ready if live.version(k) is not None]
    if not kept:
        return key
    earlier = max(kept, key=lambda k: k[0])
    if _older(earlier, _CONTROL_AT_LEAST.get(url)):
        return key
    from tracker.dashboard import map_data

    map_data.prefetch_control(url, counting, [day], key, priority=map_data.NEWER_MODEL)
    return earlier


@st.cache_data(show_spinner=False, max_entries=256)
def control_day(url: str, counting: str, day: str, key: tuple) -> dict:
    """Areas, frontline and km² for one date (plain GeoJSON dicts, positions to 1e-4° ≈ 11 m:
    the geometry goes to the browser's map only)."""
    from datetime import date

    from tracker import map_cache
    from tracker.dashboard.control_data import day_payload

    # Kept on disk per state of the store: a restarted server answers its first visitor
    # without building the control model (tracker.map_cache; prepared at start by `warm`).
    saved = map_cache.load_control_day(url, counting, day, key)
    if saved is not None:
        _note_ready(url, counting, day, key)
        return saved
    payload = day_payload(
        control_model(url, counting, key), date.fromisoformat(day), digits=map_payload.DIGITS
    )
    # At most every SAVE_SECONDS: under a stream of writes each model would otherwise write
    # every date it computes, for a restart that needs one.
    if time.monotonic() - _SAVED_AT.get((url, counting), -SAVE_SECONDS) >= SAVE_SECONDS:
        _SAVED_AT[(url, counting)] = time.monotonic()
        with contextlib.suppress(OSError, TypeError, ValueError):
            map_cache.save_control_day(url, counting, day, key, payload)
    _note_ready(url, counting, day, key)
    return payload


@st.cache_data(show_spinner=False, max_entries=256)
def control_summary(url: str, counting: str, day: str, key: tuple) -> dict:
    """`control_day` without the geometries (what the page shows as figures): a cache hit
    then copies a few numbers, not the areas' GeoJSON."""
    payload = control_day(url, counting, day, key)
    return {k: v for k, v in payload.items() if k not in ("areas", "frontline")}


@st.cache_data(show_spinner=False, max_entries=64)
def changed_hands(url: str, counting: str, day: str, since: str, key: tuple) -> dict:
    from datetime import date

    from tracker.dashboard import control_data

    model = control_model(url, counting, key)
    return control_data.changed_hands(model, date.fromisoformat(day), date.fromisoformat(since))


@st.cache_data(show_spinner=False, max_entries=16)
def area_rows(url: str, counting: str, since: str, until: str, key: tuple) -> list[dict]:
    from datetime import date

    from tracker.dashboard import control_data

    model = control_model(url, counting, key)
    return control_data.area_rows(model, date.fromisoformat(since), date.fromisoformat(until))
