"""The dashboard's Streamlit configuration parses: a file Streamlit cannot read is ignored
whole, silently dropping every setting in it (hidden error details, the viewer toolbar)."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"


def test_the_streamlit_config_parses_with_its_safety_settings():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["server"]["address"] == "127.0.0.1"
