"""Options and helpers shared by the store-backed commands (claims, custom places)."""

from __future__ import annotations

import click

from tracker.access import os_user


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
