"""AppTest fixtures: each test gets its own demo database (built once, copied per test)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    from tracker.demo.build import build

    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    build(f"sqlite:///{path}")
    return path


@pytest.fixture()
def db_url(demo_template, tmp_path, monkeypatch) -> str:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("TRACKER_DB", url)
    return url
