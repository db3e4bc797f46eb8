"""The files that travel with the package, found in one place through `importlib.resources`:
the reference data (gazetteer, regions, country outline), the dashboard's web files (the map
component, the Leaflet assets fetched at install) and the dashboard's Streamlit settings.

A built wheel carries the repository's top-level `geodata/` and `.streamlit/config.toml`
inside the package (as `tracker/geodata/` and `tracker/streamlit_config/`, mapped by
setup.py); a source tree (PYTHONPATH=repo, or an editable install) has them beside the
package, where they are read from instead. Paths are real files: Streamlit serves a
component from a folder on disk."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from tracker.errors import DataFileError

# Folder inside the installed package → the repository's top-level folder it is built from.
_SOURCE_FOLDERS = {"geodata": "geodata", "streamlit_config": ".streamlit"}


def package_dir() -> Path:
    """The `tracker` package's folder on disk."""
    root = files("tracker")
    if not isinstance(root, Path):  # e.g. imported from a zip archive
        raise DataFileError(f"the tracker package at {root} is not a folder; install it unzipped")
    return root


def _shipped_folder(name: str) -> Path:
    """`tracker/<name>/` in an installed wheel, else the source tree's top-level folder."""
    inside = package_dir() / name
    if inside.is_dir():
        return inside
    source = package_dir().parent / _SOURCE_FOLDERS[name]
    if source.is_dir():
        return source
    raise DataFileError(
        f"the package data folder {inside} is missing (and no source tree beside it); "
        "reinstall frontline-tracker"
    )


def geodata_dir() -> Path:
    """The folder of the reference data (gazetteer.json.gz, regions.geojson, ...)."""
    return _shipped_folder("geodata")


def geodata(name: str) -> Path:
    """One reference data file, e.g. `geodata("regions.geojson")`."""
    return geodata_dir() / name


def dashboard_web(name: str) -> Path:
    """A folder of web files the dashboard serves: `claims_map_web` (the map component, in
    git) or `static_assets` (Leaflet and plugins, fetched by scripts/fetch_web_assets.py; it
    may be absent, and then the maps keep their CDN URLs)."""
    return package_dir() / "dashboard" / name


def streamlit_config() -> Path | None:
    """The dashboard's Streamlit settings (config.toml), or None if not shipped."""
    try:
        path = _shipped_folder("streamlit_config") / "config.toml"
    except DataFileError:
        return None
    return path if path.is_file() else None
