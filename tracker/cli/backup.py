"""Backup commands: `tracker backup FILE` and `tracker restore-backup FILE`.

Thin over `tracker.store.backup`. (`tracker restore ID` is taken: it restores a deleted claim.)
"""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.output import echo_json, say
from tracker.cli.store_options import db_option, json_option
from tracker.store.backup import BACKEND_LABELS, backup, restore


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@json_option
def backup_command(file: Path, db: str | None, as_json: bool) -> None:
    """Write a backup of the whole database to FILE (consistent while others write).

    SQLite is copied with its online backup API; PostgreSQL+PostGIS with pg_dump.
    FILE is replaced if it exists.
    """
    info = backup(db, file)
    if as_json:
        echo_json({"file": str(file), **info.to_dict()})
    else:
        say(
            f"Backed up {info.source} ({BACKEND_LABELS[info.backend]}) to {file}: {info.describe()}"
        )


@click.command("restore-backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--force", is_flag=True, help="Replace the database even if it already holds data.")
@json_option
def restore_command(file: Path, db: str | None, force: bool, as_json: bool) -> None:
    """Restore the database from a backup FILE made by `tracker backup`.

    Refuses, changing nothing, a damaged file, a backup of the other back end, and a
    database that already holds data (unless --force).
    """
    result = restore(file, db, force=force)
    if as_json:
        echo_json({"file": str(file), **result.to_dict()})
    else:
        info = result.info
        say(
            f"Restored {result.target} from {file} (a {BACKEND_LABELS[info.backend]} backup of "
            f"{info.source} made {info.created_at:%Y-%m-%d %H:%M} UTC): {info.describe()}"
            + ("; the data it held before was replaced" if result.replaced_data else "")
        )


COMMANDS = [backup_command, restore_command]
