"""Backups of a tracker database in one file, and restores from them.

A backup is an archive (`archive.py`) holding a manifest (`manifest.py`: back end, schema
version, row counts, when and from where, size and SHA-256 of the payload) and the database
itself in its back end's format (`formats.py`: an SQLite file copied with SQLite's online
backup API, `sqlite.py`; a `pg_dump --format=custom` archive of the tracker's schema,
`postgres.py`).

A restore checks everything it can before it touches the target (the manifest, the payload's
checksum, for SQLite `PRAGMA integrity_check` and the counts), refuses a target that holds data
unless forced, and then changes the target in one step: SQLite by an atomic rename (or, into a
live database, one backup-API transaction), PostgreSQL by `pg_restore --single-transaction`.
Moving data between back ends is `tracker export` / `tracker import`'s job, not this one's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from tracker import __version__
from tracker.access import Identity
from tracker.errors import InvalidInputError
from tracker.store import migrations, scratch
from tracker.store.backup.archive import open_archive, sha256, write_archive
from tracker.store.backup.formats import FORMATS, BackupFormat, backup_format
from tracker.store.backup.manifest import (
    DATA_TABLES,
    BackupError,
    BackupInfo,
    BackupInterrupted,
    NotABackupError,
    RestoreResult,
    TargetNotEmptyError,
)
from tracker.store.backup.postgres import find_pg_tool, pg_environment
from tracker.store.core import Store
from tracker.store.dialects import dialect_for, display_url, resolve_url

BACKUP_SCRATCH = ".tracker-backup-"
# The payload's name and the label of each back end, by the name a manifest records.
PAYLOAD_NAMES = {name: f.payload_name for name, f in FORMATS.items()}
BACKEND_LABELS = {name: f.label for name, f in FORMATS.items()}

__all__ = [
    "BACKEND_LABELS",
    "DATA_TABLES",
    "FORMATS",
    "PAYLOAD_NAMES",
    "BackupError",
    "BackupFormat",
    "BackupInfo",
    "BackupInterrupted",
    "NotABackupError",
    "RestoreResult",
    "TargetNotEmptyError",
    "backup",
    "backup_format",
    "find_pg_tool",
    "pg_environment",
    "read_backup_info",
    "restore",
]


def backup(
    store_or_url: Store | str | os.PathLike | None,
    dest_path: str | os.PathLike,
    *,
    identity: Identity | None = None,
) -> BackupInfo:
    """Write a backup of the database to `dest_path` (replaced atomically if it exists).

    The database is read, never written or created; other processes may keep writing.
    """
    url = store_or_url.url if isinstance(store_or_url, Store) else resolve_url(store_or_url)
    if identity is not None:
        identity.require("export")
    dest = Path(dest_path)
    if dest.is_dir():
        raise InvalidInputError(f"{dest} is a folder; give the backup a file name")
    if not dest.parent.is_dir():
        raise InvalidInputError(f"the folder {dest.parent} does not exist")
    fmt = FORMATS[dialect_for(url).name]
    scratch.sweep(dest.parent, BACKUP_SCRATCH)  # left by a killed run
    with _interruptible("backup"), _workdir(dest.parent, BACKUP_SCRATCH) as work:
        payload = work / fmt.payload_name
        meta = fmt.backup(url, payload, dest)
        info = BackupInfo(
            backend=fmt.name,
            created_at=datetime.now(UTC).replace(microsecond=0),
            source=display_url(url),
            tracker_version=__version__,
            size=payload.stat().st_size,
            sha256=sha256(payload),
            **meta,
        )
        archive = work / "backup.tar"
        write_archive(archive, info, payload, fmt.payload_name)
        try:
            os.replace(archive, dest)
        except OSError as exc:
            raise BackupError(f"cannot write {dest}: {exc.strerror}") from None
    return info


def read_backup_info(src_path: str | os.PathLike) -> BackupInfo:
    """The manifest of a backup file, without checking or extracting its payload."""
    with open_archive(Path(src_path), _payload_name) as (info, _tar, _member):
        return info


def restore(
    src_path: str | os.PathLike,
    url: str | os.PathLike | None = None,
    *,
    force: bool = False,
    identity: Identity | None = None,
) -> RestoreResult:
    """Restore the backup at `src_path` into the database at `url`.

    Refuses (changing nothing) a file that is not an intact tracker backup, a backup of the
    other back end, a newer schema than this tracker knows, and a target holding data unless
    `force` (which replaces the target's tracker data with the backup's).
    """
    if identity is not None:
        identity.require("restore")
    url = resolve_url(url)
    src = Path(src_path)
    target = FORMATS[dialect_for(url).name]
    with _interruptible("restore"), open_archive(src, _payload_name) as (info, tar, member):
        if info.backend != target.name:
            raise InvalidInputError(
                f"{src} is a {BACKEND_LABELS[info.backend]} backup and {display_url(url)} is a "
                f"{target.label} database; a backup restores only into its own kind "
                "of database. To move data across, use `tracker export` and `tracker import`"
            )
        if info.schema_version > migrations.LATEST:
            raise InvalidInputError(
                f"{src} holds schema version {info.schema_version}, newer than this tracker "
                f"understands ({migrations.LATEST}); upgrade frontline-tracker"
            )
        replaced = target.restore(src, info, tar, member, url, force)
    return RestoreResult(info=info, target=display_url(url), replaced_data=replaced)


def _payload_name(backend: str) -> str:
    return backup_format(backend).payload_name


@contextmanager
def _workdir(parent: Path, prefix: str) -> Iterator[Path]:
    """A scratch folder next to the destination, so the final rename stays on one file system
    (locked while in use; see tracker.store.scratch)."""
    with ExitStack() as stack:
        try:
            work = stack.enter_context(scratch.scratch_dir(parent, prefix))
        except OSError as exc:
            raise BackupError(f"cannot write in {parent}: {exc.strerror or exc}") from None
        yield work


def _interruptible(what: str):
    return scratch.terminate_raises(
        lambda: BackupInterrupted(
            f"the {what} was stopped (SIGTERM) before it finished; its scratch copy was removed"
        )
    )
