"""Store fixtures: every store test runs on SQLite and on PostgreSQL+PostGIS.

The PostGIS parameter needs TRACKER_TEST_PG_URL (scripts/test_postgres.sh sets it); without it
the parameter skips, unless TRACKER_REQUIRE_POSTGIS=1 (CI), where it fails. Each PostGIS test
gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from tests.support.store import postgres_url
from tracker.cli import main
from tracker.store import Store
from tracker.workspace import Workspace

BACKENDS = ["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)]


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def make_db_url(backend, tmp_path):
    """A factory of fresh, empty database URLs for the back end under test."""
    admin = None
    schemas: list[str] = []

    def make() -> str:
        nonlocal admin
        if backend == "sqlite":
            return f"sqlite:///{tmp_path / f'claims-{uuid.uuid4().hex[:8]}.db'}"
        base = postgres_url()
        admin = admin or sa.create_engine(base)
        schema = f"test_{uuid.uuid4().hex[:12]}"
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        schemas.append(schema)
        url = sa.engine.make_url(base).update_query_dict(
            {"options": f"-csearch_path={schema},public"}
        )
        return url.render_as_string(hide_password=False)

    yield make
    if admin is not None:
        with admin.begin() as conn:
            for schema in schemas:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def db_url(make_db_url) -> str:
    """A fresh, empty database URL for the back end under test."""
    return make_db_url()


@pytest.fixture
def store(db_url):
    store = Store(db_url)
    yield store
    store.close()


@pytest.fixture
def ws(db_url, gazetteer):
    """A workspace on the database under test, with the shipped gazetteer."""
    with Workspace(db_url, gazetteer=gazetteer) as workspace:
        yield workspace


@pytest.fixture
def cli(db_url):
    """`tracker ARGS --db URL`, asserting its exit code (0 unless `code` says otherwise)."""
    runner = CliRunner()

    def run(*args, code: int = 0):
        result = runner.invoke(main, [*map(str, args), "--db", db_url], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result

    return run
