"""Control fixtures: synthetic places on a grid (cells built once per session), claims, stores.

Store-backed tests run on SQLite and PostgreSQL+PostGIS (TRACKER_TEST_PG_URL, see
scripts/test_postgres.sh), like tests/store.
"""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from tests.support.control import grid_places
from tracker.control import Cells, ukraine_outline


@pytest.fixture(scope="session")
def cells() -> Cells:
    return Cells(grid_places())


@pytest.fixture(scope="session")
def interior_cell(cells) -> int:
    """A cell in central Ukraine, away from the border and inside one oblast."""
    outline = ukraine_outline()
    for c in range(len(cells)):
        lon, lat = cells.points[c]
        geom = cells.geometries[c]
        if 30.5 < lon < 33.0 and 48.5 < lat < 49.6 and outline.boundary.distance(geom) > 0.5:
            pieces = [p for p in cells.pieces if p.cell == c]
            if len(pieces) == 1:
                return c
    raise AssertionError("no interior cell found")


# -- stores on both back ends ------------------------------------------------------------------

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'control.db'}"
        return
    base = os.environ.get("TRACKER_TEST_PG_URL")
    if not base:
        if os.environ.get("TRACKER_REQUIRE_POSTGIS") == "1":
            pytest.fail("TRACKER_REQUIRE_POSTGIS=1 but TRACKER_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL+PostGIS: source scripts/test_postgres.sh first")
    admin = sa.create_engine(base)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    url = sa.engine.make_url(base).update_query_dict({"options": f"-csearch_path={schema},public"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()
