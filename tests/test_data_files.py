"""Shipped files are found through one accessor, from the source tree as from a wheel
(tests/test_wheel.py checks the installed side)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker import data_files
from tracker.dashboard import serve
from tracker.errors import DataFileError

ROOT = Path(__file__).resolve().parents[1]


def test_in_the_source_tree_the_top_level_folders_are_read():
    assert data_files.geodata_dir() == ROOT / "geodata"
    assert data_files.geodata("regions.geojson").is_file()
    assert data_files.streamlit_config() == ROOT / ".streamlit" / "config.toml"
    assert data_files.dashboard_web("claims_map_web") == ROOT / "tracker/dashboard/claims_map_web"


def test_a_folder_inside_the_package_wins(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "tracker"
    (package / "geodata").mkdir(parents=True)
    monkeypatch.setattr(data_files, "package_dir", lambda: package)
    assert data_files.geodata("gazetteer.json.gz") == package / "geodata" / "gazetteer.json.gz"
    assert data_files.streamlit_config() is None  # neither shipped nor beside it


def test_missing_package_data_is_a_data_file_error(tmp_path, monkeypatch):
    monkeypatch.setattr(data_files, "package_dir", lambda: tmp_path / "site-packages" / "tracker")
    with pytest.raises(DataFileError, match="reinstall frontline-tracker"):
        data_files.geodata_dir()


def test_the_shipped_streamlit_settings_become_run_options():
    options = serve.config_options()
    assert "--client.showErrorDetails=none" in options
    assert "--server.enableXsrfProtection=true" in options
    assert "--server.address=127.0.0.1" in options
    assert "--server.maxUploadSize=20" in options
