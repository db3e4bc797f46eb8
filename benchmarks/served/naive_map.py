"""The naive map page that benchmarks/dashboard_bench.py measures ours against: one folium
Marker per claim visible as of the slider's date, the whole map rebuilt and remounted
(streamlit-folium) at every step. A Streamlit script of its own, so the product's pages carry
no benchmark branch (in a folder of its own: a page to serve, not a benchmark to run):

    TRACKER_DB=sqlite:///claims.db streamlit run benchmarks/served/naive_map.py

It draws with the product's folium layers (tracker.maps, the standalone HTML map) and its
local Leaflet files; the claims as of a date are read once per date (as the real page caches
its query results), the map is not.
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import folium
import streamlit as st
from streamlit_folium import st_folium

from tracker.dashboard.offline_assets import localise
from tracker.maps import add_legend, base_map, claims_layer
from tracker.store import Store

WINDOW_DAYS = 7


@st.cache_resource
def store(url: str) -> Store:
    return Store(url)


@st.cache_data(max_entries=64)
def records(url: str, as_of: date) -> list[dict]:
    return store(url).claim_records(as_of=as_of)


@st.cache_data
def span(url: str) -> tuple[date, date]:
    every = store(url).claim_records()
    days = sorted(date.fromisoformat(str(r["event_date"])) for r in every)
    return days[0], days[-1]


st.set_page_config(page_title="Naive map (benchmark)", layout="wide")
st.title("Claims map (naive)")
url = os.environ.get("TRACKER_DB", "sqlite:///tracker.db")
first, last = span(url)
if "as_of" not in st.session_state:
    wanted = st.query_params.get("as_of")
    st.session_state.as_of = date.fromisoformat(wanted) if wanted else last
st.slider(
    "As of", min_value=first, max_value=last, key="as_of", format="YYYY-MM-DD", step=timedelta(1)
)
as_of: date = st.session_state.as_of
shown = records(url, as_of)
st.markdown(f"**{len(shown):,} claims as of {as_of.isoformat()}**")
since = as_of - timedelta(days=WINDOW_DAYS - 1)
fmap = localise(add_legend(base_map(), WINDOW_DAYS))
claims_layer(shown, highlight_since=since.isoformat(), cluster=False).add_to(fmap)
folium.LayerControl(collapsed=False).add_to(fmap)
st_folium(
    fmap,
    key=f"naive_map_{as_of.isoformat()}",
    height=560,
    use_container_width=True,
    returned_objects=["last_object_clicked"],
)
