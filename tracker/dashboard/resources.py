"""Long-lived objects shared by every session (loaded once per server process)."""

from __future__ import annotations

import streamlit as st

from tracker.gazetteer import Gazetteer


@st.cache_resource(show_spinner="Loading the gazetteer…")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()
