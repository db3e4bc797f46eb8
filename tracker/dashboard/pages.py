"""The dashboard's page registry (app.py routes over it)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parent

# (module file, title, icon, url_path); the first is the default page.
PAGES = (
    ("map_page.py", "Map", "🗺️", "map"),
    ("claim_form.py", "Add or edit a claim", "✏️", "claim"),
    ("ingest_page.py", "Ingest a report", "📥", "ingest"),
    ("data_page.py", "Data", "📋", "data"),
    ("place_search.py", "Place search", "🔎", "places"),
)


def all_pages() -> list:
    return [
        st.Page(str(PAGES_DIR / module), title=title, icon=icon, url_path=path, default=i == 0)
        for i, (module, title, icon, path) in enumerate(PAGES)
        if (PAGES_DIR / module).exists()
    ]
