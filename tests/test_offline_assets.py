"""Every script and stylesheet folium asks for has a local copy (or is knowingly dropped)."""

from __future__ import annotations

import folium
import pytest
from folium.plugins import MarkerCluster

from tracker.dashboard.offline_assets import ASSETS_DIR, DROPPED, available, local_path


@pytest.mark.skipif(not available(), reason="run scripts/fetch_web_assets.py (make does)")
def test_folium_assets_are_all_local():
    links = [
        url
        for element in (folium.Map(), MarkerCluster())
        for _, url in [*element.default_js, *element.default_css]
    ]
    for url in links:
        if url.startswith(DROPPED):
            continue
        path = local_path(url)
        assert path is not None, f"no local copy mapped for {url} (folium upgraded?)"
        assert (ASSETS_DIR / path).is_file(), f"{url} → {path} is missing"
