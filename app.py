"""Streamlit entry point: sign-in gate, then a router over the pages the user's role allows."""

import streamlit as st

from tracker.dashboard import auth, pages
from tracker.errors import StoreBusyError, StoreError
from tracker.untrusted import markdown_literal as md

st.set_page_config(page_title="Frontline Tracker", page_icon="🗺️", layout="wide")
who = auth.gate()
try:
    st.navigation(pages.all_pages(who)).run()
except StoreError as exc:
    # The database stopped answering (or cannot be opened): say so and offer a retry; the
    # store rolled back whatever was being written.
    title = "busy" if isinstance(exc, StoreBusyError) else "unavailable"
    st.error(f"**The database is {title}.** {md(exc)}")
    st.button("Try again", key="retry_database", type="primary")
