"""Place search: type any spelling, see ranked candidates, see the chosen one on a map."""

from __future__ import annotations

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from tracker.dashboard.offline_assets import localise
from tracker.dashboard.resources import gazetteer
from tracker.errors import TrackerError
from tracker.maps import place_map
from tracker.untrusted import markdown_literal as md

st.title("Place search")
st.caption("Any spelling, Latin or Cyrillic: Kupiansk, Kupyansk, Koupiansk, Куп'янськ, Купянска.")

query = st.text_input("Place name", value=st.query_params.get("q", ""), key="place_query")
hint_col, limit_col = st.columns([3, 1])
admin1 = hint_col.selectbox(
    "Region hint (optional)",
    options=["", *sorted(r.name for r in gazetteer().regions())],
    key="admin1_hint",
)
limit = limit_col.number_input("Results", min_value=1, max_value=50, value=10, key="limit")

if query.strip():
    st.query_params["q"] = query
    try:
        candidates = gazetteer().candidates(query, admin1=admin1 or None, limit=int(limit))
    except TrackerError as exc:
        st.error(md(exc))
        candidates = []
    if not candidates and query.strip():
        st.info(f"No place in the gazetteer matches “{md(query.strip())}”.")
    if candidates:
        table = pd.DataFrame(
            [
                {
                    "name": c.place.name,
                    "kind": str(c.place.kind),
                    "oblast / region": c.place.admin1 or "",
                    "country": c.place.country,
                    "population": c.place.population,
                    "score": round(c.score, 3),
                    "match": str(c.reason),
                    "id": c.place.id,
                }
                for c in candidates
            ]
        )
        st.dataframe(table, hide_index=True, width="stretch", key="candidates")
        labels = [  # radio labels are Markdown: place names are shown literally
            md(
                f"{i}. {c.place.name} — {c.place.admin1 or c.place.country} "
                f"(pop. {c.place.population:,})"
            )
            for i, c in enumerate(candidates, start=1)
        ]
        choice = st.radio("Show on the map", labels, index=0, key="chosen")
        chosen = candidates[labels.index(choice)].place
        st.subheader(md(chosen.name))
        st.write(
            md(f"{chosen.admin1 or ''} · {chosen.country} · {chosen.lat:.5f}, {chosen.lon:.5f}")
            + f" · {md(chosen.id)}"
        )
        fmap: folium.Map = localise(place_map(chosen, [c.place for c in candidates]))
        st_folium(fmap, height=480, use_container_width=True, returned_objects=[], key="map")
else:
    st.info("Type a place name to search the gazetteer.")
