"""The control model kept up to date with a store (tracker.control.live): after adds, edits,
status changes, deletes, restores and a new baseline it answers every date exactly as a model
built from scratch, reading only the claims written since; on SQLite and PostGIS."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from shapely.geometry import box

from tests.support.control import grid_places
from tracker.control import service
from tracker.control.live import LiveControl
from tracker.control.service import control_report, record_baseline
from tracker.gazetteer import Gazetteer
from tracker.model import Action, Claim, Side, Status
from tracker.workspace import Workspace

DAY0 = date(2025, 3, 1)
NOW = datetime(2025, 6, 1, tzinfo=UTC)
DAYS = [DAY0 + timedelta(days=i) for i in range(0, 40, 3)]


@pytest.fixture
def workspace(db_url, cells, monkeypatch):
    # The grid's cells for the grid's places (cells_for keeps one set per process).
    monkeypatch.setattr(service, "_cells_cache", {(): cells})
    with Workspace(db_url, gazetteer=Gazetteer(grid_places())) as ws:
        yield ws


def _claim(i: int, j: int, day: int, side="RU", action="capture", status="confirmed") -> Claim:
    return Claim(
        id=str(uuid.uuid4()),
        event_date=DAY0 + timedelta(days=day),
        name=f"P{i}-{j}",
        lat=43.6 + 0.4 * j,
        lon=21.0 + 0.4 * i,
        side=Side(side),
        action=Action(action),
        claimant="Russian MoD" if side == "RU" else "Ukrainian General Staff",
        status=Status(status),
        place_id=f"grid:{i}:{j}",
        created_by="ann",
        created_at=NOW,
        updated_at=NOW,
    )


def _scratch(workspace, counting):
    return workspace.control_model(counting=counting)


def assert_same(live_model, scratch) -> None:
    for day in DAYS:
        a, b = live_model.snapshot(day), scratch.snapshot(day)
        assert np.array_equal(a.states, b.states), day
        assert np.array_equal(a.claimed_states, b.claimed_states), day
        assert np.array_equal(a.assessed_states, b.assessed_states), day
        assert control_report(live_model, day) == control_report(scratch, day), day


def test_the_live_model_equals_a_fresh_one_after_every_kind_of_write(workspace):
    store = workspace.store
    base = [
        _claim(30, 12, 0),
        _claim(30, 12, 5, side="UA"),
        _claim(31, 12, 2, action="attack", status="claimed"),
        _claim(32, 13, 4, side="UA", action="control"),
        _claim(33, 13, 4, side="RU", status="claimed"),
        _claim(33, 13, 4, side="UA", status="claimed"),  # a contradiction on one day
        _claim(34, 14, 8, status="disputed"),  # not counted
    ]
    store.insert_claims(base, by="ann")
    live = LiveControl(workspace)
    first = live.refresh()
    assert first.key == (store.history_count(), ())
    for counting in ("confirmed", "claimed"):
        assert_same(first.counted(counting), _scratch(workspace, counting))

    reads = []
    claims = store.claims

    def spy(*args, **kwargs):
        reads.append(kwargs)
        return claims(*args, **kwargs)

    store.claims = spy
    # Every kind of write: add (by place, and by point only), edit, status changes, delete,
    # restore, a baseline.
    store.add_claim(
        {
            "event_date": (DAY0 + timedelta(days=9)).isoformat(),
            "name": "P35-12",
            "place_id": "grid:35:12",
            "lat": 48.4,
            "lon": 35.0,
            "side": "UA",
            "action": "capture",
            "claimant": "Ukrainian General Staff",
        },
        by="bob",
        allow_old_dates=True,
    )
    store.add_claim(
        {
            "event_date": (DAY0 + timedelta(days=12)).isoformat(),
            "name": "Somewhere",
            "lat": 48.21,
            "lon": 36.43,
            "side": "RU",
            "action": "attack",
            "claimant": "Russian MoD",
        },
        by="bob",
        allow_old_dates=True,
    )
    store.update_claim(base[1].id, {"side": "RU"}, version=None, by="bob")
    store.update_claim(base[6].id, {"status": "confirmed"}, version=None, by="bob")
    store.update_claim(base[3].id, {"status": "refuted"}, version=None, by="bob")
    store.delete_claim(base[0].id, by="bob")
    store.delete_claim(base[2].id, by="bob")
    store.restore_claim(base[2].id, by="bob")
    record_baseline(
        store,
        box(36.0, 47.0, 38.0, 48.5),
        day=DAY0 + timedelta(days=1),
        side="RU",
        source="test layer",
    )

    second = live.refresh()
    assert reads and all("ids" in kw for kw in reads)  # only the claims written since
    assert second.key == (store.history_count(), tuple(b.id for b in store.baselines()))
    for counting in ("confirmed", "claimed"):
        assert_same(second.counted(counting), _scratch(workspace, counting))
    assert live.version(first.key) is first  # the previous one is kept for its readers
    assert live.current() is second


def test_no_write_no_build_and_a_background_update_is_shared(workspace):
    store = workspace.store
    store.insert_claims([_claim(30, 12, 0), _claim(31, 12, 1, side="UA")], by="ann")
    live = LiveControl(workspace)
    assert live.current() is None
    first = live.wait()
    assert live.refresh() is first and live.builds == 1  # nothing written: nothing built
    store.insert_claims([_claim(32, 12, 2)], by="ann")
    assert live.current() is first  # readers keep the last finished model meanwhile
    futures = {id(live.refresh_in_background()) for _ in range(5)}
    newest = live.wait()
    assert len(futures) <= 2 and live.builds == 2  # one build for every reader
    assert newest.key[0] == store.history_count()
    assert_same(newest.counted("claimed"), _scratch(workspace, "claimed"))
