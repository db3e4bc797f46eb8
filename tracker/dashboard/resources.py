"""Long-lived objects shared by every session (loaded once per server process), and the
cached queries the pages make."""

from __future__ import annotations

import contextlib
import os

import streamlit as st

from tracker import map_payload
from tracker.access import Identity, Role
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
    """Make this session's (and everyone's) next run see the store as it is now."""
    _store_state.clear()
    _control_state.clear()


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


def control_key(url: str | None = None) -> tuple:
    """What the control model depends on: the claims (history count) and the baselines, as
    read at most every CONTROL_TTL_SECONDS (own writes refresh at once)."""
    return _control_state(url or db_url())


@st.cache_resource(show_spinner="Building the control areas…", max_entries=4)
def control_model(url: str, counting: str, key: tuple):
    """One control model per database, counting and state of the store (cells are built once
    per process by the control library and reused when claims or baselines change)."""
    return workspace(url).control_model(counting=counting)


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
        return saved
    payload = day_payload(
        control_model(url, counting, key), date.fromisoformat(day), digits=map_payload.DIGITS
    )
    with contextlib.suppress(OSError, TypeError, ValueError):
        map_cache.save_control_day(url, counting, day, key, payload)
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
