"""The claims map as a Streamlit component (Leaflet and a canvas layer, claims_map_web/).

The page passes small arguments (the date, the window, file URLs, the selected claim); the
bulky parts (the claims payload, control areas, oblasts) are gzipped files the component
fetches once each, served from a per-process folder through a second component path, so a
slider step sends a few hundred bytes and no map is remounted.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from tracker import data_files
from tracker.dashboard.offline_assets import leaflet_assets
from tracker.map_styles import TILES, UKRAINE_CENTRE, ZOOM, browser_style

WEB_DIR = data_files.dashboard_web("claims_map_web")
MAP_HEIGHT = 560
MAX_FILES = 256  # published files kept per process (the oldest go first)
_claims_map = components.declare_component("claims_map", path=str(WEB_DIR))
# The iframe's title, for browser tests and the benchmark.
COMPONENT_NAME = f"{__name__}.claims_map"

STYLE = browser_style()  # every colour, symbol, legend word and layer name the map draws


@st.cache_resource(show_spinner=False)
def _files_dir() -> tuple[str, str]:
    """(folder, URL base relative to the component's page) for published files."""
    folder = tempfile.mkdtemp(prefix="tracker-map-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    component = components.declare_component("map_files", path=folder)
    return folder, f"../{component.name}"


def files_dir() -> str:
    """The folder published files are written to."""
    return _files_dir()[0]


def file_url(kind: str, name: str, suffix: str = "json.gz") -> str:
    """The URL (relative to the map's page) of a published file."""
    return f"{_files_dir()[1]}/{kind}-{name}.{suffix}"


def published(kind: str, name: str, suffix: str = "json.gz") -> bool:
    """Whether that file is there (it is then kept from pruning a while longer)."""
    folder, _ = _files_dir()
    try:
        os.utime(Path(folder) / f"{kind}-{name}.{suffix}")
    except FileNotFoundError:
        return False
    return True


def publish(kind: str, name: str, payload: bytes, suffix: str = "json.gz") -> str:
    """Make `payload` fetchable by the map at `file_url(kind, name, suffix)`, returned.
    Names are content hashes or hashes of what the content is computed from, so a URL never
    changes meaning and the browser may cache it."""
    if published(kind, name, suffix):
        return file_url(kind, name, suffix)
    folder, _ = _files_dir()
    path = Path(folder) / f"{kind}-{name}.{suffix}"
    # Each writer has its own temporary file (sessions publish the same file at once); the
    # rename is atomic, so a reader sees the whole file or none.
    handle, partial = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    _prune(Path(folder))
    return file_url(kind, name, suffix)


def _prune(folder: Path) -> None:
    files = []
    for path in folder.glob("*.gz"):
        with contextlib.suppress(FileNotFoundError):  # another session pruned it
            files.append((path.stat().st_mtime, path))
    files.sort()
    cutoff = time.time() - 600  # never one a page may still be fetching
    for mtime, path in files[:-MAX_FILES]:
        if mtime < cutoff:
            path.unlink(missing_ok=True)


def claims_map(
    *,
    claims_url: str,
    digest: str,
    as_of: str,
    window: int,
    regions_url: str | None,
    control_url: str | None,
    selected: int | None = None,
    detail: dict | None = None,
    proposals: dict | None = None,
    key: str = "claims_map",
) -> dict | None:
    """Draw the map; returns the last claim clicked as {"i", "digest", "seq"} (or None)."""
    return _claims_map(
        assets=leaflet_assets(),
        claims={"url": claims_url, "digest": digest},
        as_of=as_of,
        window=window,
        regions_url=regions_url,
        control_url=control_url,
        selected=None if selected is None else {"i": int(selected), "digest": digest},
        detail=detail,
        # The review queue's claims ({"url", "digest"}) as a dimmed layer, or None.
        proposals=proposals,
        center=list(UKRAINE_CENTRE),
        zoom=ZOOM,
        height=MAP_HEIGHT,
        tiles=TILES,
        style=STYLE,
        key=key,
        default=None,
    )
