"""What a baseline covers: a whole-country layer vs a local one, stacks of layers by date, and
which layer stands behind each area."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import shapely

from tests.support.control import claim, same_area
from tracker.control import BaselineLayer, ControlModel, Coverage, geodesic_area_km2, oblasts
from tracker.control.service import control_report
from tracker.model import Side

D = date(2025, 6, 1)


def region(code: str):
    (geometry,) = [o.geometry for o in oblasts() if o.code == code]
    return geometry


def local(code: str, day: date, side: Side = Side.RU, source: str = "local") -> BaselineLayer:
    return BaselineLayer(day, side, region(code), source, coverage=Coverage.EXTENT)


def whole(code: str, day: date, source: str = "country") -> BaselineLayer:
    return BaselineLayer(day, Side.RU, region(code), source, coverage=Coverage.COUNTRY)


def test_a_local_layer_says_nothing_outside_its_polygons(cells):
    layer = local("UA.11", D - timedelta(days=10))  # Crimea only
    snapshot = ControlModel(cells, baselines=[layer]).snapshot(D)
    crimea = geodesic_area_km2(layer.geometry)
    assert snapshot.areas_km2["RU"] == pytest.approx(crimea, rel=1e-12)
    assert snapshot.areas_km2["UA"] == 0
    assert snapshot.areas_km2["unknown"] == pytest.approx(cells.outline_area_km2 - crimea, rel=1e-3)
    assert snapshot.geometries["UA"].is_empty
    assert snapshot.frontline.is_empty  # Crimea's edge is no front: the other side is unknown


def test_a_whole_country_layer_makes_the_rest_ua(cells):
    layer = whole("UA.11", D - timedelta(days=10))
    snapshot = ControlModel(cells, baselines=[layer]).snapshot(D)
    crimea = geodesic_area_km2(layer.geometry)
    assert snapshot.areas_km2["UA"] == pytest.approx(cells.outline_area_km2 - crimea, rel=1e-3)
    assert snapshot.areas_km2["unknown"] == pytest.approx(0, abs=1.0)


def test_a_newer_local_layer_decides_its_extent_over_the_country_layer(cells):
    country = whole("UA.14", D - timedelta(days=30), "country layer")  # Luhansk RU, rest UA
    newer = local("UA.18", D - timedelta(days=5), Side.RU, "local layer")  # Zhytomyr RU
    older = local("UA.07", D - timedelta(days=40), Side.RU, "older local")  # before the country
    model = ControlModel(cells, baselines=[older, country, newer])
    snapshot = model.snapshot(D)
    luhansk, zhytomyr = (geodesic_area_km2(x.geometry) for x in (country, newer))
    assert snapshot.areas_km2["RU"] == pytest.approx(luhansk + zhytomyr, rel=1e-3)
    assert snapshot.areas_km2["unknown"] < 1e-5 * cells.outline_area_km2  # rounding slivers
    described = {b["source"]: b for b in control_report(model, D)["baselines"]}
    assert set(described) == {"country layer", "local layer"}  # the older local is superseded
    assert described["local layer"]["decides_km2"] == pytest.approx(zhytomyr, rel=1e-6)
    assert described["local layer"]["coverage"] == "extent"
    parts = {layer.source: part for layer, part in snapshot.baseline_parts()}
    assert same_area(parts["local layer"], shapely.intersection(newer.geometry, cells.outline))
    # Before the local layer's date only the country layer stands behind Zhytomyr (UA).
    earlier = model.snapshot(D - timedelta(days=6))
    assert earlier.areas_km2["RU"] == pytest.approx(luhansk, rel=1e-3)


def test_claims_count_only_after_the_layer_deciding_their_cell(cells):
    country = whole("UA.14", D - timedelta(days=30))
    newer = local("UA.18", D - timedelta(days=5), Side.UA)
    inside = next(
        c
        for c in range(len(cells))
        if newer.geometry.contains(cells.geometries[c])
        and cells.geometries[c].distance(newer.geometry.boundary) > 0.2
    )
    place = cells.place_ids[inside][0]
    between = D - timedelta(days=10)  # after the country layer, before the local one
    model = ControlModel(cells, [claim(place, between, "RU")], baselines=[country, newer])
    assert model.snapshot(D - timedelta(days=6)).states[inside] != 0  # counted then
    snapshot = model.snapshot(D)
    assert snapshot.states[inside] == 0  # the newer local layer overrides the older claim
    assert snapshot.holders[inside] == 2  # UA, from the local layer


def test_layers_stored_before_coverage_existed_stay_whole_country(tmp_path):
    """Migration 4 on a schema-3 database: old layers keep their meaning (whole country), the
    old demo's Crimea layer becomes the local layer it always was."""
    from datetime import UTC, datetime

    import sqlalchemy as sa

    from tracker.demo.build import OLD_BASELINE_SOURCE
    from tracker.store import Store, migrations, schema

    url = f"sqlite:///{tmp_path / 'v3.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        schema.schema_migrations.create(conn)
        for version, name, step in migrations.MIGRATIONS[:3]:
            step(conn)
            conn.execute(
                schema.schema_migrations.insert().values(
                    version=version, name=name, applied_at=datetime.now(UTC)
                )
            )
        for source in ("DeepStateMap", OLD_BASELINE_SOURCE):
            conn.execute(
                schema.BASELINES_V3.insert().values(
                    day=D, side="RU", geometry="{}", source=source, created_at=datetime.now(UTC)
                )
            )
    engine.dispose()
    with Store(url) as store:
        assert store.schema_version() == 9
        coverage = {b.source: b.coverage for b in store.baselines()}
    assert coverage == {"DeepStateMap": "country", OLD_BASELINE_SOURCE: "extent"}
