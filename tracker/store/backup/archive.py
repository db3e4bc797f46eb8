"""The backup file: an uncompressed tar holding `manifest.json` then the database payload.

Only this module knows the container. `tar xf` gets the raw payload out for sqlite3 or
pg_restore; names inside the archive are never used as paths when reading it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tracker.errors import NotFoundError
from tracker.store.backup.manifest import BackupError, BackupInfo, NotABackupError

FORMAT = "frontline-tracker-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
CHUNK = 1 << 20


def write_archive(archive: Path, info: BackupInfo, payload: Path, payload_name: str) -> None:
    manifest = json.dumps(
        {"format": FORMAT, "format_version": FORMAT_VERSION, **info.to_dict()}, indent=2
    ).encode()
    mtime = int(info.created_at.timestamp())
    with open(archive, "wb") as raw:
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
            entry = tarfile.TarInfo(MANIFEST_NAME)
            entry.size, entry.mtime, entry.mode = len(manifest), mtime, 0o644
            tar.addfile(entry, io.BytesIO(manifest))
            entry = tarfile.TarInfo(payload_name)
            entry.size, entry.mtime, entry.mode = info.size, mtime, 0o644
            with open(payload, "rb") as data:
                tar.addfile(entry, data)
        raw.flush()
        os.fsync(raw.fileno())


@contextmanager
def open_archive(
    src: Path, payload_name: Callable[[str], str]
) -> Iterator[tuple[BackupInfo, tarfile.TarFile, tarfile.TarInfo]]:
    """The manifest, the open archive and its payload member (named `payload_name(backend)`);
    NotABackupError otherwise."""
    if not src.is_file():
        raise NotFoundError(f"no backup file at {src}")
    not_a_backup = f"{src} is not a tracker backup (make one with `tracker backup FILE`)"
    try:
        tar = tarfile.open(src, mode="r:")  # noqa: SIM115 (closed below, after the yield)
    except (tarfile.TarError, OSError):
        raise NotABackupError(not_a_backup) from None
    try:
        try:
            first = tar.next()
            if first is None or first.name != MANIFEST_NAME or not first.isfile():
                raise NotABackupError(not_a_backup)
            if first.size > CHUNK:
                raise NotABackupError(f"{not_a_backup}: its manifest is {first.size:,} bytes")
            manifest = json.loads(tar.extractfile(first).read())
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise NotABackupError(not_a_backup)
            if manifest.get("format_version") != FORMAT_VERSION:
                raise NotABackupError(
                    f"{src} is a tracker backup in format version "
                    f"{manifest.get('format_version')!r}; this tracker reads version "
                    f"{FORMAT_VERSION}; upgrade frontline-tracker"
                )
            info = BackupInfo.from_manifest(manifest)
            member = tar.next()
        except (tarfile.TarError, OSError, EOFError, ValueError) as exc:
            if isinstance(exc, NotABackupError):
                raise
            raise NotABackupError(f"{src} is truncated or damaged ({exc})") from None
        name = payload_name(info.backend)
        if member is None or member.name != name or not member.isfile():
            raise NotABackupError(f"{src} is truncated or damaged: it has no {name}")
        if member.size != info.size:
            raise NotABackupError(
                f"{src} is truncated or damaged: {name} is {member.size:,} bytes, "
                f"the manifest says {info.size:,}"
            )
        yield info, tar, member
    finally:
        tar.close()


def extract_payload(
    src: Path, info: BackupInfo, tar: tarfile.TarFile, member: tarfile.TarInfo, out: Path
) -> None:
    """Copy the payload to `out` (our own path: names in the archive are never used as paths)
    and check its size and SHA-256 against the manifest."""
    digest = hashlib.sha256()
    size = 0
    try:
        data = tar.extractfile(member)
        with open(out, "wb") as sink:
            while block := data.read(CHUNK):
                digest.update(block)
                sink.write(block)
                size += len(block)
    except (tarfile.TarError, EOFError) as exc:
        raise NotABackupError(f"{src} is truncated or damaged ({exc})") from None
    except OSError as exc:
        raise BackupError(f"cannot write {out}: {exc.strerror or exc}") from None
    if size != info.size or digest.hexdigest() != info.sha256:
        raise NotABackupError(
            f"{src} is truncated or damaged: its database does not match the checksum recorded "
            "when the backup was made"
        )


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        while block := data.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()
