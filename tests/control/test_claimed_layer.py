"""Claimed vs assessed, as ISW draws them: baselines and confirmed claims are assessed control;
claims only "claimed" are a separate layer; the counting choice says what the km² count."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.support.control import claim, same_area
from tracker.control import BaselineLayer, ControlModel, ukraine_outline
from tracker.control.service import control_report
from tracker.model import Side

D = date(2025, 6, 1)


def all_ua() -> BaselineLayer:
    return BaselineLayer(D - timedelta(days=30), Side.UA, ukraine_outline(), "all UA")


@pytest.mark.parametrize("counting", ["confirmed", "claimed"])
def test_a_claimed_capture_is_a_separate_layer(cells, interior_cell, counting):
    place = cells.place_ids[interior_cell][0]
    cell_area = float(cells.area_km2[interior_cell])
    model = ControlModel(
        cells, [claim(place, D, "RU", status="claimed")], baselines=[all_ua()], counting=counting
    )
    snapshot = model.snapshot(D)
    assert snapshot.assessed_areas_km2["RU"] == 0
    assert snapshot.claimed_only_km2 == pytest.approx({"RU": cell_area, "UA": 0, "contested": 0})
    assert same_area(snapshot.claimed_geometries["RU"], cells.geometries[interior_cell])
    assert snapshot.assessed_geometries["RU"].is_empty
    counted = snapshot.areas_km2["RU"]
    assert counted == (pytest.approx(cell_area) if counting == "claimed" else 0)
    report = control_report(model, D)
    assert report["counting"] == counting
    assert report["counts"].startswith("assessed")
    assert ("claimed" in report["counts"]) is (counting == "claimed")
    assert report["assessed_km2"]["RU"] == 0
    assert report["claimed_only_km2"]["RU"] == pytest.approx(cell_area, abs=1e-3)


def test_a_confirmed_claim_is_assessed_not_claimed_only(cells, interior_cell):
    place = cells.place_ids[interior_cell][0]
    claims = [claim(place, D, "RU", status="claimed"), claim(place, D, "RU", status="confirmed")]
    snapshot = ControlModel(cells, claims, baselines=[all_ua()]).snapshot(D)
    assert snapshot.assessed_areas_km2["RU"] == pytest.approx(float(cells.area_km2[interior_cell]))
    assert snapshot.claimed_only_km2["RU"] == 0
    assert snapshot.claimed_geometries["RU"].is_empty


def test_report_splits_changes_of_hands_from_contest(cells, interior_cell):
    """A 7-day contest expiring is no change of hands ("Huliaipole contested -> UA")."""
    c = interior_cell
    neighbour = next(
        i for i in range(len(cells)) if i != c and cells.geometries[i].touches(cells.geometries[c])
    )
    claims = [
        claim(cells.place_ids[c][0], D, "RU", "attack"),
        claim(cells.place_ids[neighbour][0], D + timedelta(days=8), "RU", "capture"),
    ]
    model = ControlModel(cells, claims, baselines=[all_ua()], contested_days=7)
    report = control_report(model, D + timedelta(days=8), since=D)
    assert [(p["from"], p["to"]) for p in report["changed_hands"]] == [("UA", "RU")]
    assert [(p["from"], p["to"], p["change"]) for p in report["contested_changes"]] == [
        ("contested", "UA", "no_longer_contested")
    ]
    assert report["known_changes"] == []
