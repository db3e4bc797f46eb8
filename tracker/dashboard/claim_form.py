"""Add a claim, or edit one (same form, with the optimistic version check)."""

from __future__ import annotations

from datetime import date

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from tracker.dashboard import auth, resources
from tracker.dashboard.actions import (
    field_errors,
    likely_duplicates,
    parse_number,
    pick_point,
)
from tracker.dashboard.offline_assets import localise
from tracker.dashboard.state import ACTIONS, REVIEWED_STATUSES, SIDES, init_state
from tracker.errors import ConflictError, InvalidInputError, NotFoundError, TrackerError
from tracker.maps import base_map
from tracker.model import Precision
from tracker.store.changes import changes_since
from tracker.untrusted import markdown_literal as md

FORM_FIELDS = {
    # session key: (claim field, default)
    "c_name": ("name", ""),
    "c_lat": ("lat", ""),
    "c_lon": ("lon", ""),
    "c_date": ("event_date", None),
    "c_side": ("side", None),
    "c_action": ("action", None),
    "c_claimant": ("claimant", ""),
    "c_status": ("status", "claimed"),
    "c_precision": ("precision", 1),
    "c_source_name": ("source_name", ""),
    "c_source_url": ("source_url", ""),
    "c_quote": ("quote", ""),
    "c_notes": ("notes", ""),
}
PICK_ZOOM = 11  # the small map's zoom on a chosen point (a town and its surroundings)
PRECISIONS = {1: "1 · in the settlement", 2: "2 · near it / part of it", 3: "3 · in a region"}

init_state()
state = st.session_state
auth.require("add")
url = resources.db_url()
store = auth.writer_store(url)


def _reset_form(claim=None) -> None:
    for key, (field, default) in FORM_FIELDS.items():
        value = getattr(claim, field) if claim is not None else default
        if key in ("c_lat", "c_lon") and value not in ("", None):
            value = f"{value:.5f}"
        elif key in ("c_side", "c_action", "c_status") and value is not None:
            value = str(value)
        elif key == "c_precision":
            value = int(value)
        state[key] = "" if value is None and key not in ("c_date", "c_side", "c_action") else value
    state.c_place_id = claim.place_id if claim is not None else None
    state.form_errors = {}


# Editing: ?id=… in the URL or a claim chosen on another page.
edit_id = state.edit_claim_id or st.query_params.get("id")
if edit_id and state.get("c_loaded_id") != edit_id:
    try:
        editing = store.get_claim(edit_id)
    except (NotFoundError, InvalidInputError):
        st.error(f"No claim with id {md(repr(edit_id))}.")
        state.edit_claim_id = None
        edit_id = None
    else:
        _reset_form(editing)
        state.c_loaded_id = edit_id
        state.c_version = editing.version
if not edit_id and state.get("c_loaded_id"):
    _reset_form()
    state.c_loaded_id = None
if "c_name" not in state:
    _reset_form()

st.title("Edit a claim" if edit_id else "Add a claim")
if edit_id:
    st.caption(f"Claim {md(edit_id)}, editing version {state.c_version}.")
    if st.button("Stop editing (new claim)", key="stop_editing"):
        state.edit_claim_id = None
        if "id" in st.query_params:
            del st.query_params["id"]
        st.rerun()
    st.query_params["id"] = edit_id

# Place: search the gazetteer, or click the map, or type coordinates below.
search_col, map_col = st.columns([1, 1])
with search_col:
    place_query = st.text_input("Find a place (any spelling)", key="c_place_query")
    if place_query.strip():
        try:
            found = resources.store_gazetteer(url).candidates(place_query, limit=8)
        except TrackerError as exc:
            st.error(md(exc))
            found = []
        if not found:
            st.info(f"No place matches “{md(place_query.strip())}”.")
        else:
            labels = [  # radio labels are Markdown: place names are shown literally
                md(
                    f"{c.place.name} — {c.place.admin1 or c.place.country} ({c.place.lat:.3f}, "
                    f"{c.place.lon:.3f})"
                )
                for c in found
            ]
            choice = st.radio("Candidates", labels, key="c_candidate")
            place = found[labels.index(choice)].place
            if state.get("c_chosen_place") != (place_query, place.id):
                state.c_chosen_place = (place_query, place.id)
                state.c_name, state.c_place_id = place.name, place.id
                state.c_lat, state.c_lon = f"{place.lat:.5f}", f"{place.lon:.5f}"
with map_col:
    st.caption("Or click the map to set the point.")
    # The chosen, typed or edited point: the map centres on it and marks it.
    point = pick_point(state.get("c_lat"), state.get("c_lon"))
    marker = folium.FeatureGroup(name="Chosen point")
    if point is not None:
        folium.Marker(list(point)).add_to(marker)
    result = st_folium(
        localise(base_map(zoom=5)),
        key="c_pick_map",
        height=300,
        use_container_width=True,
        center=list(point) if point else None,
        zoom=PICK_ZOOM if point else None,
        feature_group_to_add=marker,
        returned_objects=["last_clicked"],
    )
    clicked = (result or {}).get("last_clicked")
    if clicked and clicked != state.get("c_last_clicked"):
        state.c_last_clicked = clicked
        state.c_lat, state.c_lon = f"{clicked['lat']:.5f}", f"{clicked['lng']:.5f}"
        state.c_place_id = None


def _fields() -> dict:
    return {
        "name": state.c_name,
        "lat": parse_number(state.c_lat),
        "lon": parse_number(state.c_lon),
        "place_id": state.get("c_place_id"),
        "event_date": state.c_date,
        "side": state.c_side,
        "action": state.c_action,
        "claimant": state.c_claimant,
        "status": state.c_status,
        "precision": state.c_precision,
        "source_name": state.c_source_name,
        "source_url": state.c_source_url,
        "quote": state.c_quote,
        "notes": state.c_notes,
    }


def _submit() -> None:
    fields = _fields()
    errors = field_errors(fields)
    state.form_errors = errors
    state.form_message = None
    state.conflict_changes = []
    if errors:
        return
    try:
        if state.get("c_loaded_id"):
            claim = store.update_claim(state.c_loaded_id, fields, version=state.c_version)
            resources.refresh_after_write()
            state.c_version = claim.version
            state.form_message = ("success", f"Saved {claim.name} (now version {claim.version}).")
        else:
            # A claim like one the store holds (a second click, or another analyst's entry):
            # shown, and added only when the same claim is submitted again.
            signature = repr(sorted(fields.items()))
            duplicates = likely_duplicates(store, fields)
            if duplicates and state.get("c_duplicate_ok") != signature:
                state.c_duplicate_ok = signature
                state.form_message = ("duplicate", duplicates)
                return
            claim = store.add_claim(fields)
            resources.refresh_after_write()
            state.form_message = (
                "success",
                f"Added {claim.name} on {claim.event_date.isoformat()} (claim {claim.id}). "
                "It is on the map. The form is cleared for the next claim.",
            )
            state.last_added_id = claim.id
            state.c_duplicate_ok = None
            _reset_form()
            state.c_place_query = ""
            state.c_chosen_place = None
    except ConflictError as exc:
        state.form_message = (
            "conflict",
            f"Not saved: someone else changed this claim meanwhile. {exc}",
        )
        state.conflict_changes = changes_since(store, state.c_loaded_id, state.c_version)
    except TrackerError as exc:
        state.form_errors = {"form": str(exc)}


def _show_other_changes(changes) -> None:
    """The writes the user's copy missed, field by field (text shown as data, not markup)."""
    rows = [
        {
            "version": c.version,
            "by": c.author,
            "at": c.at,
            "change": c.op,
            "field": field,
            "was": "" if old is None else str(old),
            "now": "" if new is None else str(new),
        }
        for c in changes
        for field, (old, new) in (c.fields or {"—": (None, None)}).items()
    ]
    if rows:
        st.markdown("**What changed since you opened it:**")
        st.dataframe(pd.DataFrame(rows), hide_index=True, key="conflict_changes_table")


def _error(key: str) -> None:
    message = state.form_errors.get(key)
    if message:
        st.error(md(message), icon="⚠️")


with st.form("claim_form"):
    st.text_input("Place name", key="c_name")
    _error("name")
    lat_col, lon_col = st.columns(2)
    lat_col.text_input("Latitude", key="c_lat", placeholder="48.28014")
    lon_col.text_input("Longitude", key="c_lon", placeholder="37.17706")
    _error("coords")
    cols = st.columns(4)
    # Wide bounds: a date out of range is for the validation to name ("in the future"), as
    # the CLI does, not for the widget to drop.
    cols[0].date_input(
        "Event date",
        key="c_date",
        min_value=date(1900, 1, 1),
        max_value=date(2100, 12, 31),
        format="YYYY-MM-DD",
    )
    cols[1].selectbox("Side (whose forces)", SIDES, key="c_side")
    cols[2].selectbox("Action", ACTIONS, key="c_action")
    cols[3].selectbox("Status", REVIEWED_STATUSES, key="c_status")
    for key, col in (("event_date", 0), ("side", 1), ("action", 2), ("status", 3)):
        with cols[col]:
            _error(key)
    claimant_col, precision_col = st.columns([3, 1])
    claimant_col.text_input("Claimant (who says so)", key="c_claimant")
    with claimant_col:
        _error("claimant")
    precision_col.selectbox(
        "Precision", [int(p) for p in Precision], key="c_precision", format_func=PRECISIONS.get
    )
    source_col, url_col = st.columns(2)
    source_col.text_input("Source name", key="c_source_name")
    url_col.text_input("Source URL", key="c_source_url", placeholder="https://…")
    with source_col:
        _error("source_name")
    with url_col:
        _error("source_url")
    st.text_area("Quote", key="c_quote")
    _error("quote")
    st.text_area("Notes", key="c_notes")
    _error("notes")
    _error("form")
    st.form_submit_button("Save changes" if edit_id else "Add claim", on_click=_submit)

message = state.form_message
if message:
    kind, text = message
    if kind == "success":
        st.success(md(text))
    elif kind == "duplicate":
        st.warning(
            f"The store already holds {len(text)} claim{'s' if len(text) != 1 else ''} at this "
            "place on this date with this side and action (below). Nothing was added: click "
            "“Add claim” again to add it anyway.",
            icon="⚠️",
        )
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "claim": c.id[:8],
                        "date": c.event_date.isoformat(),
                        "place": c.name,
                        "side": str(c.side),
                        "action": str(c.action),
                        "claimant": c.claimant,
                        "status": str(c.status),
                    }
                    for c in text
                ]
            ),
            hide_index=True,
            key="c_duplicates",
        )
    else:
        st.error(md(text))
        _show_other_changes(state.get("conflict_changes") or [])
        if st.button("Reload the current version", key="reload_claim"):
            state.c_loaded_id = None
            state.form_message = None
            st.rerun()
