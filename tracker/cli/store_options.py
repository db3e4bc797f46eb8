"""Options and helpers shared by the store-backed commands (claims, custom places)."""

from __future__ import annotations

import click

from tracker.access import os_user
from tracker.store import Store


def db_option(command):
    return click.option(
        "--db",
        envvar="TRACKER_DB",
        metavar="URL",
        help="sqlite:///FILE, a file path, or postgresql+psycopg://USER@HOST/DB "
        "(env TRACKER_DB; default tracker.db in the working directory).",
    )(command)


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
by_option = click.option(
    "--as",
    "--by",
    "by",
    metavar="NAME",
    help="Who makes the change, as the history records it (default: $TRACKER_USER or login).",
)


def current_user(by: str | None) -> str:
    return (by or "").strip() or os_user()


_gazetteer_for: dict[str, object] = {}


def gazetteer_with(store: Store):
    """The gazetteer plus this store's custom places.

    One copy per database URL, so custom places of one database never leak into lookups
    against another in the same process.
    """
    from tracker.gazetteer import Gazetteer

    gazetteer = _gazetteer_for.get(store.url)
    if gazetteer is None:
        _gazetteer_for.clear()  # keep one: a CLI process talks to one database
        gazetteer = _gazetteer_for[store.url] = Gazetteer.load()
    changed = [p for p in store.custom_places() if _current(gazetteer, p.id) != p]
    if changed:  # (re-adding a known place re-indexes it: costly, and a no-op)
        gazetteer.add_places(changed)
    return gazetteer


def _current(gazetteer, place_id: str):
    try:
        return gazetteer.get(place_id)
    except LookupError:
        return None
