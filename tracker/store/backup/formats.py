"""The backup payload formats, one per database dialect, in one registry.

Each format knows its payload's name inside the archive and how to make and restore it;
`tracker.store.backup` picks one by the dialect of the URL (backing up) or by the back end
the manifest names (restoring). A new back end registers one `BackupFormat` here.
"""

from __future__ import annotations

import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tracker.store.backup import postgres, sqlite
from tracker.store.backup.manifest import BackupInfo, NotABackupError
from tracker.store.dialects import DIALECTS, Dialect

Restore = Callable[[Path, BackupInfo, tarfile.TarFile, tarfile.TarInfo, str, bool], bool]


@dataclass(frozen=True, slots=True)
class BackupFormat:
    """How one dialect's database becomes a payload file and back."""

    dialect: Dialect
    payload_name: str  # the payload's member name in the archive
    backup: Callable[[str, Path, Path], dict]  # (url, payload, dest) -> facts for the manifest
    restore: Restore  # (src, info, tar, member, url, force) -> replaced data?

    @property
    def name(self) -> str:
        return self.dialect.name

    @property
    def label(self) -> str:
        return self.dialect.label


FORMATS: dict[str, BackupFormat] = {
    f.name: f
    for f in (
        BackupFormat(DIALECTS["sqlite"], sqlite.PAYLOAD_NAME, sqlite.backup, sqlite.restore),
        BackupFormat(DIALECTS["postgis"], postgres.PAYLOAD_NAME, postgres.backup, postgres.restore),
    )
}


def backup_format(name: str) -> BackupFormat:
    """The format for a back end named in a manifest ("sqlite", "postgis")."""
    try:
        return FORMATS[name]
    except KeyError:
        raise NotABackupError(
            f"the backup's manifest names an unknown back end {name!r}; known: {', '.join(FORMATS)}"
        ) from None
