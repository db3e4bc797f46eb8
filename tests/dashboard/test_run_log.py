"""app.py's run log: one line per script run when TRACKER_RUN_LOG is set, nothing otherwise."""

import pytest

from tracker.dashboard.run_log import timed_run


def test_each_run_appends_time_duration_and_page(tmp_path, monkeypatch):
    log = tmp_path / "runs.log"
    monkeypatch.setenv("TRACKER_RUN_LOG", str(log))
    with timed_run("Map"):
        pass
    with pytest.raises(RuntimeError), timed_run("Data"):  # a run that fails is logged too
        raise RuntimeError("boom")
    lines = [line.split(" ", 2) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [page for _, _, page in lines] == ["Map", "Data"]
    assert all(float(at) > 1.7e9 and 0 <= float(took) < 60 for at, took, _ in lines)


def test_nothing_is_written_without_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_RUN_LOG", raising=False)
    monkeypatch.chdir(tmp_path)
    with timed_run("Map"):
        pass
    assert list(tmp_path.iterdir()) == []
