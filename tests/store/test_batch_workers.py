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
        "import tracker.front_line as f\n"
        "import tracker.sources.preload\n"
        "print(g._default is not None, len(g._default.places) > 1000, "
        "len(p._REPORTS.patterns) > 10, len(f._AHEAD) > 30_000)\n"
    )
    assert _python(code) == ["True", "True", "True", "True"]


@pytest.mark.skipif(not FORKS, reason="no fork on this platform: workers are spawned")
def test_the_writer_of_a_batch_with_workers_leaves_the_extraction_modules_out(tmp_path):
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from tracker.sources import Item, batch\n"
        "from tracker.workspace import Workspace\n"
        "items = [Item(text=f'Russian forces captured Andriivka on {i + 1} December.', "
        "published=date(2025, 12, 4), origin=str(i)) for i in range(4)]\n"
        f"with Workspace('sqlite:///{tmp_path / 'claims.db'}') as ws:\n"
        "    result = batch.run(ws, items, jobs=2)\n"
        "print(result.reports, result.proposals > 0, "
        "[m for m in sys.modules if m.startswith('tracker.extract')])\n"
    )
    assert _python(code) == ["4", "True", "[]"]


def _python(code: str) -> list[str]:
    """The words a fresh interpreter prints running `code` (nothing imported before it)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_a_batch_collects_cycles_less_often_and_gives_the_setting_back(tmp_path, monkeypatch):
    import gc

    seen = []
    extract = batch._extract
    monkeypatch.setattr(
        batch, "_extract", lambda *a: seen.append(gc.get_threshold()) or extract(*a)
    )
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 11, 12)
        with Workspace(f"sqlite:///{tmp_path / 'claims.db'}") as ws:
            result = batch.run(ws, _items(3))
            assert result.reports == 3
            assert seen == [(batch.GC_THRESHOLD, 11, 12)] * 3  # while it extracts and writes
            assert gc.get_threshold() == (700, 11, 12)  # and the process's own after
            # a higher setting is kept, and collection left off stays off
            for setting in ((50_000, 10, 10), (0, 10, 10)):
                gc.set_threshold(*setting)
                seen.clear()
                batch.run(ws, _items(1))
                assert seen == [] or seen == [setting]  # (the item is known: not extracted)
                assert gc.get_threshold() == setting
    finally:
        gc.set_threshold(*before)


def test_batches_at_once_give_the_setting_back_when_the_last_ends():
    import gc

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        first = batch._Collector()
        first.collect_less()
        first.collect_less()  # a second batch with the first
        assert gc.get_threshold()[0] == batch.GC_THRESHOLD
        first.restore()
        assert gc.get_threshold()[0] == batch.GC_THRESHOLD  # one batch still runs
        first.restore()
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


@pytest.mark.skipif(not FORKS, reason="no fork on this platform: workers are spawned")
def test_the_workers_collect_cycles_less_often(tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    Workspace(url).close()
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=batch._start_worker, initargs=(url,)
    ) as pool:
        import gc

        assert pool.submit(gc.get_threshold).result()[0] == batch.GC_THRESHOLD
