"""The map component's own page, Leaflet's local files and a folder for its data files, laid
out under one directory as the dashboard serves them, for browser tests of the component alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker import map_styles

WEB_DIR = Path(map_styles.__file__).resolve().parent / "dashboard" / "claims_map_web"
LEAFLET = Path(map_styles.__file__).resolve().parent / "dashboard" / "static_assets" / "leaflet"
# Leaflet as the component's render arguments name it, relative to its page
LEAFLET_ASSETS = {"js": ["../leaflet/dist/leaflet.js"], "css": ["../leaflet/dist/leaflet.css"]}


def component_folder(root: Path) -> Path:
    """Lay out `root/web` (the component) and `root/leaflet`; return the empty `root/files`
    that the render arguments point into as `../files/...`. Skips the test when Leaflet's
    files are not fetched (scripts/fetch_web_assets.py)."""
    if not (LEAFLET / "dist" / "leaflet.js").exists():
        pytest.skip("Leaflet's local files are not fetched (scripts/fetch_web_assets.py)")
    (root / "web").symlink_to(WEB_DIR)
    (root / "leaflet").symlink_to(LEAFLET)
    files = root / "files"
    files.mkdir()
    return files
