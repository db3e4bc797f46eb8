"""The dashboard's page registry (app.py routes over it)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from tracker.access import Identity

PAGES_DIR = Path(__file__).resolve().parent

# (module file, title, icon, url_path, operation the page needs); the first is the default.
PAGES = (
    ("map_page.py", "Map", "🗺️", "map", "read"),
    ("claim_form.py", "Add or edit a claim", "✏️", "claim", "add"),
    ("ingest_page.py", "Ingest a report", "📥", "ingest", "ingest"),
    ("review_page.py", "Review queue", "🗂️", "review", "edit"),
    ("data_page.py", "Data", "📋", "data", "read"),
    ("place_search.py", "Place search", "🔎", "places", "read"),
)


def all_pages(who: Identity | None = None) -> list:
    """The pages `who` may open (all of them when None); a hidden page's URL opens the map."""
    return [
        st.Page(str(PAGES_DIR / module), title=title, icon=icon, url_path=path, default=i == 0)
        for i, (module, title, icon, path, operation) in enumerate(PAGES)
        if (PAGES_DIR / module).exists() and (who is None or who.can(operation))
    ]
