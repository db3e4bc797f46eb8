"""Streamlit entry point: a router over the dashboard pages."""

import streamlit as st

from tracker.dashboard import pages

st.set_page_config(page_title="Frontline Tracker", page_icon="🗺️", layout="wide")
st.navigation(pages.all_pages()).run()
