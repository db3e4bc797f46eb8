"""The dashboard's page registry (app.py routes over it)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parent


def all_pages() -> list:
    return [
        st.Page(
            str(PAGES_DIR / "place_search.py"),
            title="Place search",
            icon="🔎",
            url_path="places",
            default=True,
        ),
    ]
