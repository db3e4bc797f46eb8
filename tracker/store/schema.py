"""The store's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL+PostGIS.

PostgreSQL also gets a `geom geometry(Geometry, 4326)` column on `claims`, generated from
lat/lon, with a GiST index (see migrations.py); SQLAlchemy never writes it, so the Python side
is the same for both back ends.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on both back ends (SQLite keeps naive ISO strings)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}; the store keeps UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


JSONType = sa.JSON().with_variant(JSONB(), "postgresql")
metadata = sa.MetaData()

SIDES = ("RU", "UA")
ACTIONS = ("advance", "capture", "control", "attack", "repel", "withdraw", "strike")
# Schema version 5 adds "proposed" (the review queue) and "rejected" (an analyst said no).
V1_STATUSES = ("claimed", "confirmed", "disputed", "refuted")
STATUSES = (*V1_STATUSES, "proposed", "rejected")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("applied_at", UTCDateTime, nullable=False),
)


def _claims_table(meta: sa.MetaData, *, statuses: tuple[str, ...]) -> sa.Table:
    """The claims table with the statuses a schema version allows (1-4: V1_STATUSES)."""
    return sa.Table(
        "claims",
        meta,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("event_date", sa.Date, nullable=False),
        sa.Column("reported_at", sa.Date),
        sa.Column("place_id", sa.String(100)),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("precision", sa.SmallInteger, nullable=False),
        sa.Column("time_precision", sa.SmallInteger, nullable=False),
        sa.Column("side", sa.String(2), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("claimant", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("source_name", sa.String(200)),
        sa.Column("source_url", sa.String(2000)),
        sa.Column("quote", sa.Text),
        sa.Column("report_id", sa.String(100)),
        sa.Column("notes", sa.Text),
        sa.Column("search_text", sa.Text, nullable=False),  # casefolded text fields, for search
        sa.Column("created_by", sa.String(100)),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", UTCDateTime),
        sa.CheckConstraint("lat >= -90 AND lat <= 90", name="ck_claims_lat"),
        sa.CheckConstraint("lon >= -180 AND lon <= 180", name="ck_claims_lon"),
        sa.CheckConstraint(_in("side", SIDES), name="ck_claims_side"),
        sa.CheckConstraint(_in("action", ACTIONS), name="ck_claims_action"),
        sa.CheckConstraint(_in("status", statuses), name="ck_claims_status"),
        sa.CheckConstraint("precision IN (1, 2, 3)", name="ck_claims_precision"),
        sa.CheckConstraint("time_precision IN (1, 2, 3)", name="ck_claims_time_precision"),
        sa.CheckConstraint("version >= 1", name="ck_claims_version"),
        sa.Index("ix_claims_event_date", "event_date", "lat", "lon"),
        sa.Index("ix_claims_place_id", "place_id"),
    )


claims = _claims_table(metadata, statuses=STATUSES)
CLAIMS_V1 = _claims_table(sa.MetaData(), statuses=V1_STATUSES)

HISTORY_OPS_V1 = ("insert", "import", "update", "delete", "restore")
# Schema version 9: `attach`, reports attached to a claim as further sources (corroboration),
# recorded compactly: the sources (claimant, report, date), not the claim before and after.
HISTORY_OPS = (*HISTORY_OPS_V1, "attach")


def _history_table(meta: sa.MetaData, *, ops: tuple[str, ...]) -> sa.Table:
    """claim_history as a schema version defines it (its operations)."""
    return sa.Table(
        "claim_history",
        meta,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("claim_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("author", sa.String(100)),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("before", JSONType),
        sa.Column("after", JSONType),
        # One history entry per version: a lost or doubled write cannot hide.
        sa.UniqueConstraint("claim_id", "version", name="uq_claim_history_version"),
        sa.CheckConstraint(_in("op", ops), name="ck_history_op"),
    )


claim_history = _history_table(metadata, ops=HISTORY_OPS)
HISTORY_V1 = _history_table(sa.MetaData(), ops=HISTORY_OPS_V1)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("published", sa.Date),
    sa.Column("source_name", sa.String(200)),
    sa.Column("source_url", sa.String(2000)),
    sa.Column("language", sa.String(16)),
    sa.Column("created_by", sa.String(100)),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

custom_places = sa.Table(
    "custom_places",
    metadata,
    sa.Column("id", sa.String(60), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("admin1_code", sa.String(20)),
    sa.Column("admin1", sa.String(200)),
    sa.Column("created_by", sa.String(100)),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.CheckConstraint("lat >= -90 AND lat <= 90", name="ck_custom_places_lat"),
    sa.CheckConstraint("lon >= -180 AND lon <= 180", name="ck_custom_places_lon"),
)

# Schema version 1 as it was created (claims with the version-1 statuses).
V1_TABLES = (CLAIMS_V1, HISTORY_V1, reports, custom_places)

# Schema version 5: what extraction said about a proposed claim (the review queue shows it):
# its confidence, why the place was chosen and where the mention is in the quote's report.
proposals = sa.Table(
    "proposals",
    metadata,
    sa.Column("claim_id", sa.String(36), primary_key=True),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("why", sa.Text),
    sa.Column("mention", sa.String(200)),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="ck_proposals_confidence"),
)

COVERAGES = ("country", "extent")


def _baselines_table(meta: sa.MetaData, *, version: int) -> sa.Table:
    """The baselines table as schema `version` defines it (3: the first; 4: what a layer
    covers, its licence and where it was fetched from)."""
    columns = [
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("side", sa.String(2), nullable=False),
        sa.Column("geometry", sa.Text, nullable=False),
        sa.Column("source", sa.String(200)),
        sa.Column("created_by", sa.String(100)),
        sa.Column("created_at", UTCDateTime, nullable=False),
    ]
    if version >= 4:
        columns += [
            sa.Column("coverage", sa.String(10), nullable=False, server_default="country"),
            sa.Column("licence", sa.String(300)),
            sa.Column("source_url", sa.String(500)),
        ]
    return sa.Table(
        "baselines",
        meta,
        *columns,
        sa.CheckConstraint(_in("side", SIDES), name="ck_baselines_side"),
        sa.Index("ix_baselines_day", "day"),
    )


# Schema version 3: imported control layers (e.g. a DeepStateMap "occupied" MultiPolygon),
# the geometry kept as the GeoJSON text it was imported as. Version 4 adds `coverage`
# ("country": the rest of the country is the other side's; "extent": only its polygons),
# `licence` and `source_url`.
baselines = _baselines_table(metadata, version=4)
BASELINES_V3 = _baselines_table(sa.MetaData(), version=3)

# Schema version 6: the sources `tracker fetch` reads (feeds, folders, Telegram exports), with
# what the last fetch learnt (ETag / Last-Modified for a conditional GET, the last error).
SOURCE_KINDS = ("rss", "atom", "folder", "telegram")
sources = sa.Table(
    "sources",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("location", sa.String(2000), nullable=False),
    sa.Column("etag", sa.String(500)),
    sa.Column("last_modified", sa.String(100)),
    sa.Column("fetched_at", UTCDateTime),
    sa.Column("last_error", sa.String(500)),
    sa.Column("created_by", sa.String(100)),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.CheckConstraint(_in("kind", SOURCE_KINDS), name="ck_sources_kind"),
)

# Schema version 7: corroboration. Another report (and claimant) backing a claim's event,
# attached instead of a second claim; the claim's own source stays in its row.
claim_sources = sa.Table(
    "claim_sources",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("claim_id", sa.String(36), nullable=False),
    sa.Column("claimant", sa.String(200), nullable=False),
    sa.Column("event_date", sa.Date, nullable=False),
    sa.Column("report_id", sa.String(100)),
    sa.Column("source_name", sa.String(200)),
    sa.Column("source_url", sa.String(2000)),
    sa.Column("quote", sa.Text),
    sa.Column("added_by", sa.String(100)),
    sa.Column("added_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("claim_id", "report_id", name="uq_claim_sources_report"),
    sa.Index("ix_claim_sources_claim", "claim_id"),
)
