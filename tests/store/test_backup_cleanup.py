"""Backups and restores clean up after an interrupted run: SIGTERM removes the scratch on the
way out; what a killed run left is swept by the next run in the same folder, while scratch a
live run holds is left alone."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.support.store import claim_fields
from tracker.store import Store
from tracker.store import backup as backup_module
from tracker.store.scratch import LOCK_NAME, UNLOCKED_GRACE_S

ROOT = Path(__file__).resolve().parents[2]


def make_db(path: Path) -> str:
    url = f"sqlite:///{path}"
    with Store(url) as store:
        store.add_claim(claim_fields())
    return url


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tracker-backup-" in p.name or
                  ".restore-" in p.name)  # fmt: skip


def killed_backup_folder(parent: Path, name: str, *, lock: bool = True) -> Path:
    """What `kill -9` during a backup leaves: a scratch folder with a partial copy."""
    work = parent / name
    work.mkdir()
    (work / "tracker.sqlite").write_bytes(b"\0" * 100_000)
    if lock:
        (work / LOCK_NAME).touch()
    return work


def test_the_next_backup_sweeps_what_killed_backups_left(tmp_path):
    url = make_db(tmp_path / "claims.db")
    out = tmp_path / "out"
    out.mkdir()
    for k in range(3):
        killed_backup_folder(out, f".tracker-backup-killed{k}")
    legacy = killed_backup_folder(out, ".tracker-backup-legacy", lock=False)  # no lock file
    old = time.time() - UNLOCKED_GRACE_S - 60
    os.utime(legacy, (old, old))
    backup_module.backup(url, out / "nightly.backup")
    assert leftovers(out) == []
    assert sorted(p.name for p in out.iterdir()) == ["nightly.backup"]


def test_a_live_backups_scratch_is_left_alone(tmp_path):
    url = make_db(tmp_path / "claims.db")
    live = killed_backup_folder(tmp_path, ".tracker-backup-live")
    fd = os.open(live / LOCK_NAME, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as the running backup holds it
    fresh = killed_backup_folder(tmp_path, ".tracker-backup-justmade", lock=False)
    try:
        backup_module.backup(url, tmp_path / "b.backup")
        assert live.is_dir() and (live / "tracker.sqlite").exists()
        assert fresh.is_dir()  # too new to be a leftover: maybe being created right now
    finally:
        os.close(fd)
    backup_module.backup(url, tmp_path / "b.backup")
    assert not live.exists()


def test_the_next_restore_sweeps_what_killed_restores_left(tmp_path):
    url = make_db(tmp_path / "claims.db")
    backup_module.backup(url, tmp_path / "b.backup")
    target = tmp_path / "copy.db"
    for k in range(2):
        stale = tmp_path / f".copy.db.restore-killed{k}"
        stale.write_bytes(b"\0" * 50_000)
        Path(f"{stale}-wal").write_bytes(b"\0" * 1000)
    live = tmp_path / ".copy.db.restore-live"
    live.write_bytes(b"x")
    fd = os.open(live, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        backup_module.restore(tmp_path / "b.backup", f"sqlite:///{target}")
    finally:
        os.close(fd)
    assert leftovers(tmp_path) == [".copy.db.restore-live"]
    with Store(f"sqlite:///{target}") as store:
        assert store.count_claims() == 1


INTERRUPT = """
import os, signal, sys, time
from tracker.store.backup import sqlite as b

def stopped_midway(*args, **kwargs):
    target = [a for a in args if hasattr(a, "write_bytes")][-1]
    target.write_bytes(b"partial" * 10_000)  # a partial copy on disk
    os.kill(os.getpid(), signal.SIGTERM)  # as `kill PID` does
    time.sleep(30)  # never reached: the signal stops the run here

b.{patched} = stopped_midway
from tracker.cli import main
sys.argv = ["tracker", *sys.argv[1:]]
main()
"""


def run_interrupted(patched: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", INTERRUPT.replace("{patched}", patched), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_sigterm_during_a_backup_removes_its_scratch(tmp_path):
    url = make_db(tmp_path / "claims.db")
    out = tmp_path / "out"
    out.mkdir()
    result = run_interrupted("_sqlite_backup", "backup", str(out / "b.backup"), "--db", url)
    assert result.returncode == 2, result.stderr
    assert "stopped (SIGTERM)" in result.stderr and "Traceback" not in result.stderr
    assert list(out.iterdir()) == []  # no scratch, no half-written backup


def test_sigterm_during_a_restore_removes_its_scratch_and_keeps_the_target(tmp_path):
    url = make_db(tmp_path / "claims.db")
    backup_module.backup(url, tmp_path / "b.backup")
    target = tmp_path / "target"
    target.mkdir()
    result = run_interrupted(
        "extract_payload", "restore", str(tmp_path / "b.backup"), "--db", str(target / "t.db")
    )
    assert result.returncode == 2, result.stderr
    assert "stopped (SIGTERM)" in result.stderr and "Traceback" not in result.stderr
    assert list(target.iterdir()) == []
