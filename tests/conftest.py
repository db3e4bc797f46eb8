"""Fixtures shared by every test module."""

from __future__ import annotations

import sys

import pytest

from tracker.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, without any user-imported dumps."""
    return Gazetteer.load(include_imported=False)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Keep every test away from the real user data folder."""
    monkeypatch.setenv("TRACKER_DATA_DIR", str(tmp_path / "tracker-data"))
    return tmp_path / "tracker-data"


@pytest.fixture(autouse=True)
def main_module_kept():
    """AppTest runs a page as `__main__` and leaves it there; a process spawned later (batch
    ingestion's workers) would run that page again on start, and die."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main
