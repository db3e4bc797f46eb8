"""Store fixtures: every store test runs on SQLite and on PostgreSQL+PostGIS.

The PostGIS parameter needs TRACKER_TEST_PG_URL (scripts/test_postgres.sh sets it); without it
the parameter skips, unless TRACKER_REQUIRE_POSTGIS=1 (CI), where it fails. Each PostGIS test
gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from datetime import date

import pytest
import sqlalchemy as sa

from tracker.store import Store

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


def postgres_url() -> str | None:
    url = os.environ.get("TRACKER_TEST_PG_URL")
    if not url:
        if os.environ.get("TRACKER_REQUIRE_POSTGIS") == "1":
            pytest.fail("TRACKER_REQUIRE_POSTGIS=1 but TRACKER_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL+PostGIS: source scripts/test_postgres.sh first")
    return url


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty database URL for the back end under test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claims.db'}"
        return
    base = postgres_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    url = sa.engine.make_url(base).update_query_dict({"options": f"-csearch_path={schema},public"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def store(db_url):
    store = Store(db_url)
    yield store
    store.close()


def claim_fields(**overrides) -> dict:
    """A valid claim as an analyst would enter it."""
    fields = {
        "event_date": date(2024, 5, 1),
        "name": "Udachne",
        "lat": 48.2,
        "lon": 37.0,
        "side": "RU",
        "action": "capture",
        "claimant": "Russian MoD",
        "source_name": "mil.ru",
        "source_url": "https://example.org/report/1",
        "quote": "Russian forces liberated Udachne",
    }
    fields.update(overrides)
    return fields
