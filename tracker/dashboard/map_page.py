"""The map: claims as of a date, the last days highlighted, filters, play, details on click."""

from __future__ import annotations

import time
from datetime import date, timedelta

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from tracker.dashboard import resources
from tracker.dashboard.offline_assets import localise
from tracker.dashboard.state import WINDOWS, filter_widgets, init_state, query_key, write_url
from tracker.maps import add_legend, base_map, claims_layer

PLAY_STEP_SECONDS = 1.0

init_state()
state = st.session_state
url = resources.db_url()
rev = resources.revision(url)

st.title("Claims map")
span = resources.date_range(url, rev)
if span is None:
    st.info("The store holds no claims yet: add one on the “Add claim” page or ingest a report.")
    st.stop()
first, last = date.fromisoformat(span[0]), date.fromisoformat(span[1])

# Play: the previous run asked to step one day (before the slider exists in this run).
if state.get("as_of") is None or not first <= state.as_of <= last:
    state.as_of = last
if state.pop("restart", False):
    state.as_of = first
if state.advance:
    state.advance = False
    if state.as_of >= last:
        state.playing = False
    else:
        state.as_of = state.as_of + timedelta(days=1)

top = st.columns([6, 2, 1])
top[0].slider(
    "As of", min_value=first, max_value=last, key="as_of", format="YYYY-MM-DD", step=timedelta(1)
)
top[1].radio(
    "Highlight the last", WINDOWS, key="window", horizontal=True, format_func=lambda d: f"{d} d"
)
if top[2].button("⏸ Pause" if state.playing else "▶ Play", key="play"):
    state.playing = not state.playing
    state.restart = state.playing and state.as_of >= last
    st.rerun()

filters = filter_widgets(resources.claimants(url, rev))
write_url()

as_of: date = state.as_of
window_start = as_of - timedelta(days=state.window - 1)
key = query_key(as_of=as_of, **filters)
records = resources.claim_records(url, key, rev)
recent = sum(1 for r in records if r["event_date"] >= window_start.isoformat())
start = records[0]["event_date"] if records else as_of.isoformat()
st.markdown(
    f"**{len(records):,} claims, {start} → {as_of.isoformat()}** · {recent:,} in the last "
    f"{state.window} day{'s' if state.window > 1 else ''}",
    help="Claims that had happened and been reported by the as-of date.",
)

# A constant base map; the claims go in as a feature group so a slider move does not
# remount the map.
fmap = localise(add_legend(base_map()))
layer = localise(claims_layer(records, highlight_since=window_start.isoformat()))
result = st_folium(
    fmap,
    key="claims_map",
    height=560,
    use_container_width=True,
    feature_group_to_add=layer,
    layer_control=folium.LayerControl(collapsed=False),
    returned_objects=["last_object_clicked"],
)

# A marker click selects the claims at that point (before the selectbox below exists).
click = (result or {}).get("last_object_clicked")
if click and click != state.last_click:
    state.last_click = click
    here = [
        r
        for r in records
        if abs(r["lat"] - click["lat"]) < 1e-5 and abs(r["lon"] - click["lng"]) < 1e-5
    ]
    if here:
        state.selected_claim = here[-1]["id"]

labels = {r["id"]: f"{r['event_date']} · {r['name']} · {r['side']} {r['action']}" for r in records}
if state.selected_claim not in labels:
    state.selected_claim = None
st.selectbox(
    "Claim details (or click a marker)",
    [None, *reversed(list(labels))],
    key="selected_claim",
    format_func=lambda i: "—" if i is None else labels[i],
)
if state.selected_claim:
    claim = resources.store(url).get_claim(state.selected_claim)
    record = claim.to_dict()
    st.subheader(f"{claim.name} — {claim.event_date.isoformat()}")
    st.dataframe(
        pd.DataFrame({"field": list(record), "value": [str(v) for v in record.values()]}),
        hide_index=True,
        width="stretch",
        key="claim_record",
    )
    history = resources.store(url).history(claim.id)
    st.markdown("**History**")
    st.dataframe(
        pd.DataFrame(
            [
                {"version": h.version, "op": h.op, "by": h.author, "at": h.at.isoformat()}
                for h in history
            ]
        ),
        hide_index=True,
        key="claim_history",
    )
    if st.button("Edit this claim", key="edit_selected"):
        state.edit_claim_id = claim.id
        st.switch_page("tracker/dashboard/claim_form.py")

if state.playing:
    time.sleep(PLAY_STEP_SECONDS)
    state.advance = True
    st.rerun()
