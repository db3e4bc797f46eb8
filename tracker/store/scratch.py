"""Scratch folders and files of backups and restores that never outlive their run.

Each holds an exclusive `flock` while its run is alive. A run that ends normally removes its
scratch; one stopped by SIGTERM removes it on the way out; one that was killed outright
(SIGKILL, power loss) leaves it unlocked, and the next run in the same folder sweeps it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".lock"
# Scratch without a lock (made by a tracker older than this module, or killed between its
# creation and its lock) is swept once it is this old.
UNLOCKED_GRACE_S = 600.0


def _try_lock(path: Path) -> int | None:
    """An fd holding an exclusive lock on `path`, or None if another run holds it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _old(path: Path) -> bool:
    try:
        return time.time() - path.lstat().st_mtime > UNLOCKED_GRACE_S
    except OSError:
        return False


def sweep(parent: Path, prefix: str) -> list[Path]:
    """Remove the scratch under `parent` starting with `prefix` that no live run holds;
    returns what was removed."""
    removed: list[Path] = []
    try:
        entries = [p for p in parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return removed
    for entry in entries:
        lock = entry / LOCK_NAME if entry.is_dir() and not entry.is_symlink() else entry
        if not lock.exists() and not _old(entry):
            continue  # being created right now
        fd = _try_lock(lock) if lock.exists() else None
        if lock.exists() and fd is None:
            continue  # a live run holds it
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                for companion in (
                    Path(f"{entry}-wal"),
                    Path(f"{entry}-shm"),
                    Path(f"{entry}-journal"),
                ):
                    companion.unlink(missing_ok=True)
                entry.unlink(missing_ok=True)
            removed.append(entry)
        finally:
            if fd is not None:
                os.close(fd)
    return removed


@contextmanager
def scratch_dir(parent: Path, prefix: str) -> Iterator[Path]:
    """A locked scratch folder in `parent` (so a final rename stays on one file system)."""
    work = Path(tempfile.mkdtemp(dir=parent, prefix=prefix))
    fd = None
    try:
        fd = os.open(work / LOCK_NAME, os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if fd is not None:
            os.close(fd)


@contextmanager
def scratch_file(parent: Path, prefix: str) -> Iterator[Path]:
    """A locked, empty scratch file in `parent`; removed (with SQLite's companions) after."""
    fd, name = tempfile.mkstemp(dir=parent, prefix=prefix)
    fcntl.flock(fd, fcntl.LOCK_EX)
    path = Path(name)
    try:
        yield path
    finally:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
            leftover.unlink(missing_ok=True)
        os.close(fd)


@contextmanager
def terminate_raises(error: Callable[[], BaseException]) -> Iterator[None]:
    """While inside, SIGTERM raises `error()` (so `finally` blocks clean up) instead of ending
    the process on the spot. Only the main thread can take signals; elsewhere a no-op."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise error()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
