"""Serve the map's JavaScript and CSS from this server instead of public CDNs.

folium names CDN URLs for Leaflet and its plugins; streamlit-folium loads whatever URLs the
map's elements list. When `scripts/fetch_web_assets.py` has put the same files (from the npm
registry) in static_assets/, `localise(map)` points the map at them, served through a
Streamlit component path, so a map renders with no internet (tiles aside: regions are drawn
as vectors). Without the files, maps keep their CDN URLs.
"""

from __future__ import annotations

from collections.abc import Iterator

import folium
import streamlit.components.v1 as components

from tracker import data_files

ASSETS_DIR = data_files.dashboard_web("static_assets")
_COMPONENT_NAME = "static_assets"

# folium's CDN locations → folders under static_assets/ (same files, from npm).
CDN_PREFIXES: tuple[tuple[str, str], ...] = (
    ("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/", "leaflet/"),
    ("https://code.jquery.com/jquery-3.7.1.min.js", "jquery/dist/jquery.min.js"),
    ("https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/", "bootstrap/"),
    (
        "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/",
        "leaflet.awesome-markers/dist/",
    ),
    ("https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/", "fontawesome-free/"),
    (
        "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/",
        "leaflet.markercluster/dist/",
    ),
)
# Cosmetic stylesheets not needed offline (Bootstrap 3 glyphicons, rotated-icon CSS).
DROPPED = ("https://netdna.bootstrapcdn.com/", "https://cdn.jsdelivr.net/gh/")


def local_path(url: str) -> str | None:
    """The file under static_assets/ that holds what a CDN URL serves, if we have it."""
    for prefix, folder in CDN_PREFIXES:
        if url.startswith(prefix):
            return folder + url[len(prefix) :] if folder.endswith("/") else folder
    return None


def available() -> bool:
    return (ASSETS_DIR / "MANIFEST.json").exists()


def _base_url() -> str:
    # Declaring the component registers ASSETS_DIR with the server's /component/ route.
    component = components.declare_component(_COMPONENT_NAME, path=str(ASSETS_DIR))
    return f"/component/{component.name}"


def _elements(element) -> Iterator:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _elements(child)


def _local(links: list[tuple[str, str]], base: str) -> list[tuple[str, str]]:
    result = []
    for name, url in links:
        if url.startswith(DROPPED):
            continue
        local = local_path(url)
        if local is not None and (ASSETS_DIR / local).exists():
            result.append((name, f"{base}/{local}"))
        else:
            result.append((name, url))  # unknown or missing: keep the CDN
    return result


def localise(fmap: folium.Map) -> folium.Map:
    """Point the map's script and style links at the local copies, where they exist."""
    if not available():
        return fmap
    base = _base_url()
    for element in _elements(fmap):
        if hasattr(element, "default_js"):
            element.default_js = _local(list(element.default_js), base)
        if hasattr(element, "default_css"):
            element.default_css = _local(list(element.default_css), base)
    return fmap


LEAFLET_CDN = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/"


def leaflet_assets() -> dict[str, list[str]]:
    """Leaflet's script and stylesheet for a component page: the local copies (as URLs
    relative to a component's index.html) when fetched, else the CDN folium names."""
    files = {"js": ["leaflet.js"], "css": ["leaflet.css"]}
    local = ASSETS_DIR / "leaflet" / "dist"
    if available() and all((local / f).exists() for names in files.values() for f in names):
        base = _base_url().replace("/component/", "../", 1) + "/leaflet/dist/"
    else:
        base = LEAFLET_CDN
    return {kind: [base + f for f in names] for kind, names in files.items()}
