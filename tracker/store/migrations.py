"""Numbered schema migrations, recorded in `schema_migrations` (one row per applied step).

Rule: a released step never changes. Step 1 creates the tables as schema.py defines them at
schema version 1; a later change to schema.py comes with a new step that alters existing
databases (and step 1 then keeps a frozen copy of the version-1 table definitions).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from tracker.errors import StoreError
from tracker.store import schema

Migration = tuple[int, str, Callable[[sa.Connection], None]]


def _create_tables(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
        except sa.exc.DBAPIError as exc:
            raise StoreError(
                "PostGIS is not available in this database; install it "
                "(apt-get install postgresql-15-postgis-3) or run CREATE EXTENSION postgis "
                f"as a superuser ({exc.orig})"
            ) from None
    for table in schema.V1_TABLES:
        table.create(conn)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "ALTER TABLE claims ADD COLUMN geom geometry(Geometry, 4326) "
            "GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX ix_claims_geom ON claims USING gist (geom)")


def _history_append_only(conn: sa.Connection) -> None:
    """Make claim_history refuse UPDATE and DELETE at the database level."""
    if conn.dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER claim_history_no_{event.lower()} BEFORE {event} "
                "ON claim_history BEGIN "
                "SELECT RAISE(ABORT, 'claim_history is append-only'); END"
            )
    else:
        conn.exec_driver_sql(
            "CREATE FUNCTION claim_history_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'claim_history is append-only'; END $$ LANGUAGE plpgsql"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER claim_history_append_only BEFORE UPDATE OR DELETE "
            "ON claim_history FOR EACH ROW EXECUTE FUNCTION claim_history_append_only()"
        )


def _create_baselines(conn: sa.Connection) -> None:
    """Imported control layers (baselines), one row per date, side and import."""
    schema.BASELINES_V3.create(conn)


def _baseline_coverage(conn: sa.Connection) -> None:
    """What a baseline covers, its licence and origin. Layers imported before were read as
    whole-country layers, so they keep that meaning."""
    for ddl in (
        "ALTER TABLE baselines ADD COLUMN coverage VARCHAR(10) NOT NULL DEFAULT 'country'",
        "ALTER TABLE baselines ADD COLUMN licence VARCHAR(300)",
        "ALTER TABLE baselines ADD COLUMN source_url VARCHAR(500)",
    ):
        conn.exec_driver_sql(ddl)
    # The demo's Crimea layer was always a partial picture: it covers only its extent.
    conn.execute(
        sa.text("UPDATE baselines SET coverage = 'extent' WHERE source = :source"),
        {"source": _OLD_DEMO_SOURCE},
    )


def _review_queue(conn: sa.Connection) -> None:
    """Claims may be `proposed` (awaiting review) or `rejected`; `proposals` keeps what
    extraction said about each proposal."""
    check = schema._in("status", schema.STATUSES)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE claims DROP CONSTRAINT ck_claims_status")
        conn.exec_driver_sql(f"ALTER TABLE claims ADD CONSTRAINT ck_claims_status CHECK ({check})")
    else:
        # SQLite cannot alter a CHECK constraint: rebuild the table with the same columns.
        conn.exec_driver_sql("ALTER TABLE claims RENAME TO claims_v4")
        for index in schema.claims.indexes:
            conn.exec_driver_sql(f"DROP INDEX {index.name}")
        schema.claims.create(conn)
        columns = ", ".join(c.name for c in schema.claims.c)
        conn.exec_driver_sql(f"INSERT INTO claims ({columns}) SELECT {columns} FROM claims_v4")
        conn.exec_driver_sql("DROP TABLE claims_v4")
    schema.proposals.create(conn)
    # Batches skip a report already fetched from the same URL.
    conn.exec_driver_sql("CREATE INDEX ix_reports_source_url ON reports (source_url)")


def _sources(conn: sa.Connection) -> None:
    """The sources `tracker fetch` reads, with their conditional-GET state."""
    schema.sources.create(conn)


def _claim_sources(conn: sa.Connection) -> None:
    """Further sources of a claim's event (corroboration)."""
    schema.claim_sources.create(conn)


def _status_date_index(conn: sa.Connection) -> None:
    """Claims by status and date: the accepted claims around a day (the front extraction
    weighs homonyms by) without reading the review queue's proposals."""
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_claims_status_date ON claims (status, event_date)"
    )


def _attach_op(conn: sa.Connection) -> None:
    """History may record `attach`: reports attached to a claim as further sources, compactly.
    Rows written before keep their `update` form."""
    check = schema._in("op", schema.HISTORY_OPS)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE claim_history DROP CONSTRAINT ck_history_op")
        conn.exec_driver_sql(
            f"ALTER TABLE claim_history ADD CONSTRAINT ck_history_op CHECK ({check})"
        )
        return
    # SQLite cannot alter a CHECK constraint: rebuild the table, same rows and ids (the
    # history marks of readers stay valid), and its append-only triggers.
    conn.exec_driver_sql("ALTER TABLE claim_history RENAME TO claim_history_v8")
    schema.claim_history.create(conn)
    columns = ", ".join(c.name for c in schema.claim_history.c)
    conn.exec_driver_sql(
        f"INSERT INTO claim_history ({columns}) SELECT {columns} FROM claim_history_v8"
    )
    conn.exec_driver_sql("DROP TABLE claim_history_v8")  # and its triggers
    _history_append_only(conn)


_OLD_DEMO_SOURCE = (
    "demo: Crimea (UA.11) and Sevastopol (UA.20) from geodata/regions.geojson, "
    "occupied before 2022 (not the current front)"
)


MIGRATIONS: list[Migration] = [
    (1, "claims, claim_history, reports, custom_places", _create_tables),
    (2, "claim_history is append-only", _history_append_only),
    (3, "baselines (imported control layers)", _create_baselines),
    (4, "baselines: coverage, licence, source_url", _baseline_coverage),
    (5, "review queue: proposed and rejected claims, proposals, report urls", _review_queue),
    (6, "sources (feeds, folders, Telegram exports)", _sources),
    (7, "claim_sources (corroboration)", _claim_sources),
    (8, "claims indexed by status and date", _status_date_index),
    (9, "claim_history: attach (sources attached to a claim)", _attach_op),
]
LATEST = MIGRATIONS[-1][0]


def applied_versions(conn: sa.Connection) -> list[int]:
    if not sa.inspect(conn).has_table("schema_migrations"):
        return []
    rows = conn.execute(sa.select(schema.schema_migrations.c.version)).scalars()
    return sorted(rows)


def migrate(conn: sa.Connection) -> list[int]:
    """Apply the missing steps in order inside the caller's write transaction."""
    if conn.dialect.name == "postgresql":
        # One migrator at a time per database; others wait, then find nothing to do.
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(72630414)")
    schema.schema_migrations.create(conn, checkfirst=True)
    done = applied_versions(conn)
    if done and max(done) > LATEST:
        raise StoreError(
            f"the database is at schema version {max(done)}, newer than this tracker "
            f"understands ({LATEST}); upgrade frontline-tracker"
        )
    applied = []
    for version, name, step in MIGRATIONS:
        if version in done:
            continue
        step(conn)
        conn.execute(
            schema.schema_migrations.insert().values(
                version=version, name=name, applied_at=datetime.now(UTC)
            )
        )
        applied.append(version)
    return applied
