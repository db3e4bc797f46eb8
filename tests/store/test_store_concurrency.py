"""Several processes writing at once (SQLite and PostGIS), and an import killed mid-write."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.support.store import claim_fields
from tracker.store import Store

WORKER = Path(__file__).with_name("concurrency_worker.py")
PROCESSES = 4
ADDS = 25
EDITS = 25
SHARED = 3


def test_parallel_writers_lose_nothing(store):
    shared = [store.add_claim(claim_fields(name=f"Shared {i}")).id for i in range(SHARED)]
    start = time.time() + 2.0
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                store.url,
                str(w),
                str(ADDS),
                str(EDITS),
                str(start),
                *shared,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(PROCESSES)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert "database is locked" not in err
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    print("stale edits retried:", sum(r["conflicts"] for r in results))

    # Every add is there, once.
    added = [cid for r in results for cid in r["added"]]
    assert len(added) == len(set(added)) == PROCESSES * ADDS
    stored = {c.id for c in store.claims()}
    assert stored == set(added) | set(shared)

    # Every successful edit of a shared claim is in its final text: no write was overwritten.
    tokens = defaultdict(list)
    for r in results:
        for target, token in r["tokens"]:
            tokens[target].append(token)
    assert sum(len(t) for t in tokens.values()) == PROCESSES * EDITS
    for cid in shared:
        claim = store.get_claim(cid)
        assert sorted(claim.notes.split("|")) == sorted(tokens[cid])
        assert claim.version == 1 + len(tokens[cid])
        # The history is a complete chain: one entry per version, each before = previous after.
        entries = store.history(cid)
        assert [e.version for e in entries] == list(range(1, claim.version + 1))
        assert [e.op for e in entries] == ["insert"] + ["update"] * len(tokens[cid])
        for previous, entry in itertools.pairwise(entries):
            assert entry.before == previous.after
        assert entries[-1].after == claim.to_dict()
    assert store.history_count() == SHARED + PROCESSES * (ADDS + EDITS)


CRASH_ROWS = 60_000


def _big_geojson(path: Path) -> None:
    features = [
        {
            "type": "Feature",
            "id": None,
            "geometry": {"type": "Point", "coordinates": [36.0 + (i % 1000) / 1000, 48.0]},
            "properties": {
                "name": f"Crash place {i}",
                "place_id": None,
                "event_date": "2024-05-01",
                "side": "RU",
                "action": "attack",
                "claimant": "ISW",
                "quote": "x" * 200,
            },
        }
        for i in range(CRASH_ROWS)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))


def test_import_killed_mid_write_leaves_store_as_before(store, tmp_path):
    before = [store.add_claim(claim_fields(name=f"Before {i}")) for i in range(3)]
    store.update_claim(before[0].id, {"status": "confirmed"}, version=1)
    snapshot = store.claims(include_deleted=True)
    history_before = store.history_count()
    path = tmp_path / "big.geojson"
    _big_geojson(path)

    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tracker.cli import main; main()",
            "import",
            str(path),
            "--no-match",
            "--db",
            store.url,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if line.startswith("writing "):
            break
    assert lines and lines[-1].startswith(f"writing {CRASH_ROWS} claims"), lines
    time.sleep(0.3)  # well inside the write transaction
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL  # it was killed, it did not finish

    with Store(store.url) as reopened:
        assert reopened.claims(include_deleted=True) == snapshot
        assert reopened.history_count() == history_before
        if not reopened.is_postgis:
            with reopened._reading() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # The store is usable afterwards: no lock left behind.
        reopened.add_claim(claim_fields(name="After"))
        assert reopened.count_claims() == len(snapshot) + 1


def test_readers_do_not_block_on_an_open_write(store):
    store.add_claim(claim_fields(name="Committed"))
    if store.is_postgis:
        pytest.skip("MVCC: PostgreSQL readers never wait for writers")
    with store.transaction() as conn:
        conn.execute(sa.text("UPDATE claims SET name = 'Uncommitted'"))
        other = Store(store.url)
        started = time.monotonic()
        assert [c.name for c in other.claims()] == ["Committed"]
        assert time.monotonic() - started < 2
        other.close()
