"""Demo data: sample reports the project wrote itself, and a builder that turns them into a
demo database through the real extraction pipeline (`tracker demo`, or
`python -m tracker.demo.build DB_URL`)."""

from __future__ import annotations

from pathlib import Path


def default_path() -> Path:
    """Where the demo database lives: the user's data folder ($TRACKER_DATA_DIR, else
    $XDG_DATA_HOME/frontline-tracker or ~/.local/share/frontline-tracker), never the source
    tree, so an installed package and a read-only checkout both work."""
    from tracker.gazetteer import data_dir

    return data_dir() / "demo.db"


def url_for(path: Path) -> str:
    return f"sqlite:///{path}"
