"""A batch's extraction workers start warm: where the platform can fork, they are forked from
a server that has imported the library, loaded the gazetteer and built the rule patterns'
automata once (`tracker.sources.preload`), and that server stops with the batch."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tracker.sources import Item, batch
from tracker.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
FORKS = "forkserver" in multiprocessing.get_all_start_methods()


def _items(n: int) -> list[Item]:
    return [
        Item(
            text=f"Report {i}: the Russian MoD claimed the capture of Andriivka on {1 + i} "
            "December.",
            published=date(2025, 12, 4),
            origin=f"item {i}",
            source_name="wire",
            size=100,
        )
        for i in range(n)
    ]


@pytest.mark.skipif(not FORKS, reason="no fork on this platform: workers are spawned")
def test_workers_fork_from_a_warm_server_that_stops_with_the_batch(tmp_path, monkeypatch):
    from multiprocessing import forkserver

    used = []
    start = batch._pools.start
    monkeypatch.setattr(batch._pools, "start", lambda: used.append(start()) or used[-1])
    with Workspace(f"sqlite:///{tmp_path / 'claims.db'}") as ws:
        result = batch.run(ws, _items(4), jobs=2)
    assert (result.reports, result.errors) == (4, [])
    assert [context.get_start_method() for context in used] == ["forkserver"]
    assert forkserver._forkserver._preload_modules == ["tracker.sources.preload"]
    assert forkserver._forkserver._forkserver_pid is None  # stopped: nothing left running


def test_the_preload_loads_the_gazetteer_and_builds_the_automata():
    code = (
        "import tracker.gazetteer as g, tracker.extract.prefixed as p\n"
        "assert g._default is None and not p._REPORTS.patterns\n"
        "import tracker.sources.preload\n"
        "print(g._default is not None, len(g._default.places) > 1000, "
        "len(p._REPORTS.patterns) > 10)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True"]
